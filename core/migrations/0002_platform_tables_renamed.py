"""The moved tables take core's names (home_outboundemail -> core_outboundemail, ...): a rename,
so every row stays. Their content types move with them, and so do the permissions that hang on
those content types: groups such as "Campaign data" keep "Can find and erase everything held
about an email address" and "Can view erasure request", and admin history stays attached."""

from django.db import migrations

MOVED = ["erasurerequest", "outboundemail", "processedwebhookevent", "ratelimitcounter", "suppression"]


def move_content_types(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        old = ContentType.objects.filter(app_label=from_label, model=model).first()
        if old is None:
            continue
        # A content type under the new label exists only if post_migrate ran between core 0001
        # and this migration: it is newer than the old one and nothing of ours points at it.
        ContentType.objects.filter(app_label=to_label, model=model).delete()
        old.app_label = to_label
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, "home", "core")


def backwards(apps, schema_editor):
    move_content_types(apps, "core", "home")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("home", "0005_platform_tables_move_to_core"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="erasurerequest", table=None),
        migrations.AlterModelTable(name="outboundemail", table=None),
        migrations.AlterModelTable(name="processedwebhookevent", table=None),
        migrations.AlterModelTable(name="ratelimitcounter", table=None),
        migrations.AlterModelTable(name="suppression", table=None),
        migrations.RunPython(forwards, backwards),
    ]
