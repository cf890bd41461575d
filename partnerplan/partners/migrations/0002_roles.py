from django.db import migrations

ROLES = [
    ("officer", "Officer", 1),
    ("councillor", "Councillor", 2),
    ("chief_executive", "Chief executive", 3),
    ("director", "Director", 4),
    ("project_manager", "Project manager", 5),
]


def add_roles(apps, schema_editor):
    Role = apps.get_model("partners", "Role")
    for code, name, order in ROLES:
        Role.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def remove_roles(apps, schema_editor):
    apps.get_model("partners", "Role").objects.filter(code__in=[r[0] for r in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]
    operations = [migrations.RunPython(add_roles, remove_roles)]
