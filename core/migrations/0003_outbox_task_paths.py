"""Tasks the worker has not run yet name the function by its import path: the outbox's tasks
moved from home.outbox.tasks to the modules that do the work, so the queued ones follow."""

from django.db import migrations

RENAMED = {
    "home.outbox.tasks.send_outbound_email": "core.outbox.sending.send_outbound_email",
    "home.outbox.tasks.outbox_maintenance": "core.outbox.maintenance.outbox_maintenance",
}


def rename(apps, mapping):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in mapping.items():
        DBTaskResult.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_platform_tables_renamed"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
