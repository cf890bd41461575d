from django.db import migrations

SKILLS = [
    ("project_management", "Project management", 1),
    ("business_analysis", "Business analysis", 2),
    ("procurement", "Procurement", 3),
    ("ict", "ICT", 4),
    ("finance", "Finance", 5),
    ("change_management", "Change management", 6),
    ("legal", "Legal", 7),
]


def add_skills(apps, schema_editor):
    Skill = apps.get_model("resources", "Skill")
    for code, name, order in SKILLS:
        Skill.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def remove_skills(apps, schema_editor):
    apps.get_model("resources", "Skill").objects.filter(code__in=[s[0] for s in SKILLS]).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(add_skills, remove_skills)]
