"""The outbox, spam counters and erasure log now belong to core (core 0001): only the model state
moves; the tables and every row stay (core 0002 renames them)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0004_erasure_requests'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='erasurerequest',
                    name='handled_by',
                ),
                migrations.DeleteModel(
                    name='OutboundEmail',
                ),
                migrations.DeleteModel(
                    name='ProcessedWebhookEvent',
                ),
                migrations.DeleteModel(
                    name='RateLimitCounter',
                ),
                migrations.DeleteModel(
                    name='Suppression',
                ),
                migrations.DeleteModel(
                    name='ErasureRequest',
                ),
    
            ],
            database_operations=[],
        )
    ]
