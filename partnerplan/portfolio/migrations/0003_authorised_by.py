# Gate passages take governance's "authorised by" cluster (issue 12): the decision fields are
# renamed (data kept) and take the cluster's null/blank/max_length/related names.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0006_interests_and_history"),
        ("portfolio", "0002_gate_decisions"),
    ]

    operations = [
        migrations.RenameField("gatepassage", "deciding_body", "authority_body"),
        migrations.RenameField("gatepassage", "decision_reference", "authority_reference"),
        migrations.RenameField("gatepassage", "decided_on", "authority_date"),
        migrations.RenameField("historicalgatepassage", "deciding_body", "authority_body"),
        migrations.RenameField(
            "historicalgatepassage", "decision_reference", "authority_reference"
        ),
        migrations.RenameField("historicalgatepassage", "decided_on", "authority_date"),
        migrations.AlterModelOptions(
            name="gatepassage",
            options={"ordering": ["-authority_date", "-id"]},
        ),
        migrations.AlterField(
            model_name="gatepassage",
            name="authority_body",
            field=models.ForeignKey(
                blank=True,
                help_text="The body that decided, for a decision partnerplan does not hold.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)s_authorised",
                to="governance.body",
            ),
        ),
        migrations.AlterField(
            model_name="gatepassage",
            name="authority_date",
            field=models.DateField(blank=True, null=True, verbose_name="date decided"),
        ),
        migrations.AlterField(
            model_name="gatepassage",
            name="authority_reference",
            field=models.CharField(
                blank=True,
                help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
                max_length=500,
                verbose_name="meeting or decision",
            ),
        ),
        migrations.AlterField(
            model_name="historicalgatepassage",
            name="authority_body",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The body that decided, for a decision partnerplan does not hold.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.body",
            ),
        ),
        migrations.AlterField(
            model_name="historicalgatepassage",
            name="authority_date",
            field=models.DateField(blank=True, null=True, verbose_name="date decided"),
        ),
        migrations.AlterField(
            model_name="historicalgatepassage",
            name="authority_reference",
            field=models.CharField(
                blank=True,
                help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
                max_length=500,
                verbose_name="meeting or decision",
            ),
        ),
        migrations.AlterField(
            model_name="gatepassage",
            name="decision",
            field=models.ForeignKey(
                blank=True,
                help_text="The body's decision on a recommendation.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)s_uses",
                to="governance.decision",
            ),
        ),
        migrations.AlterField(
            model_name="gatepassage",
            name="officer_decision",
            field=models.ForeignKey(
                blank=True,
                help_text="A decision taken under a delegation.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)s_uses",
                to="governance.officerdecision",
            ),
        ),
    ]
