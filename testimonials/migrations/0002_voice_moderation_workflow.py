"""The "Voice moderation" workflow: one VoiceModerationTask assigned to the "Moderators" group
(Wagtail's own group, created if it was deleted), who may use the admin and list submissions.

Walls do not exist yet when migrations run: each wall gets the workflow and the group's page
permissions when it is created (testimonials.moderation.ensure_moderation)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW = "Voice moderation"
TASK = "Approve voice"
GROUP = "Moderators"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("testimonials", "view_voicesubmission"),
    ("testimonials", "archive_voicesubmission"),
]


def create_workflow(apps, schema_editor):
    # Model permissions are normally created after all migrations; make sure ours exist now.
    app_config = apps.get_app_config("testimonials")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    VoiceModerationTask = apps.get_model("testimonials", "VoiceModerationTask")

    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)

    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    content_type, _created = ContentType.objects.get_or_create(
        app_label="testimonials", model="voicemoderationtask"
    )
    task = VoiceModerationTask.objects.create(name=TASK, content_type=content_type, active=True)
    task.groups.add(group)
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    VoiceModerationTask = apps.get_model("testimonials", "VoiceModerationTask")
    Workflow.objects.filter(name=WORKFLOW).delete()
    VoiceModerationTask.objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
