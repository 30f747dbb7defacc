"""The "Campaign data" group may also read the calls-made report (counts only)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Campaign data"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("actions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="actions",
            content_type__model="calloutcome",
            codename="view_calloutcome",
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="actions", content_type__model="calloutcome"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("actions", "0013_call_page_and_outcomes")]

    operations = [migrations.RunPython(grant, revoke)]
