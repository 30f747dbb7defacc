"""The "Campaign data" group: staff who may list and export supporters' submissions (here the
newsletter subscribers). Admins add people to it in Settings → Groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Campaign data"
PERMISSIONS = [
    ("actions", "subscriber", "view_subscriber"),
    ("actions", "subscriber", "export_subscriber"),
    ("wagtailadmin", "admin", "access_admin"),
]


def create_group(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config("actions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, _model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="actions", content_type__model="subscriber")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_permissions)]
