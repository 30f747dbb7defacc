"""The platform's tables move here from home (issue 21) without copying a row.

The tables already exist under their old names (home_outboundemail, ...), made by home's
migrations 0002 and 0004: this migration only tells Django's model state that they belong to
core now (home 0005 drops them from home's state), and 0002 renames them to core_*.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0004_erasure_requests"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ProcessedWebhookEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=255, unique=True, verbose_name='event key')),
                        ('esp_name', models.CharField(max_length=40, verbose_name='provider')),
                        ('event_type', models.CharField(max_length=40, verbose_name='event type')),
                        ('received_at', models.DateTimeField(auto_now_add=True, verbose_name='received at')),
                    ],
                    options={
                        'verbose_name': 'processed webhook event',
                        'verbose_name_plural': 'processed webhook events',
                        'db_table': 'home_processedwebhookevent',
                    },
                ),
                migrations.CreateModel(
                    name='Suppression',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(help_text='Stored in lower case; every send to this address is skipped.', max_length=254, unique=True, verbose_name='email')),
                        ('reason', models.CharField(choices=[('bounced', 'Bounced'), ('complained', 'Complained (marked as spam)'), ('rejected', 'Rejected by the provider'), ('manual', 'Added by staff')], max_length=12, verbose_name='reason')),
                        ('detail', models.TextField(blank=True, verbose_name='detail')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ],
                    options={
                        'verbose_name': 'suppressed address',
                        'verbose_name_plural': 'suppressed addresses',
                        'db_table': 'home_suppression',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='ErasureRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email_hash', models.CharField(db_index=True, help_text='A keyed hash of the address: it matches the address, but cannot be read.', max_length=64, verbose_name='address (keyed hash)')),
                        ('reference', models.CharField(blank=True, help_text="Where the request came from, e.g. 'Email of 3 May, ticket 1234'. Never the address.", max_length=120, validators=[django.core.validators.RegexValidator('@', 'Describe the request without the email address (it must not be stored).', inverse_match=True)], verbose_name='reference')),
                        ('erased', models.JSONField(default=dict, help_text='How many records of each kind were erased.', verbose_name='erased')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='handled at')),
                        ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
                    ],
                    options={
                        'verbose_name': 'erasure request',
                        'verbose_name_plural': 'erasure requests',
                        'db_table': 'home_erasurerequest',
                        'ordering': ['-created_at'],
                        'permissions': [('erase_personal_data', 'Can find and erase everything held about an email address')],
                    },
                ),
                migrations.CreateModel(
                    name='OutboundEmail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('idempotency_key', models.CharField(help_text='The same key is never sent twice, however often it is queued.', max_length=200, unique=True, verbose_name='idempotency key')),
                        ('to_email', models.EmailField(max_length=254, verbose_name='recipient')),
                        ('template', models.CharField(help_text='Template path without extension, e.g. actions/emails/newsletter_confirm.', max_length=150, verbose_name='template')),
                        ('language', models.CharField(max_length=10, verbose_name='language')),
                        ('context', models.JSONField(blank=True, default=dict, verbose_name='context')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('suppressed', 'Suppressed')], default='queued', max_length=12, verbose_name='status')),
                        ('attempts', models.PositiveIntegerField(default=0, verbose_name='attempts')),
                        ('next_attempt_at', models.DateTimeField(verbose_name='next attempt at')),
                        ('claimed_at', models.DateTimeField(blank=True, null=True, verbose_name='claimed at')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                        ('provider_message_id', models.CharField(blank=True, max_length=255, verbose_name='provider message id')),
                        ('last_event', models.CharField(blank=True, help_text='The latest tracking event the provider reported (delivered, bounced...).', max_length=40, verbose_name='last provider event')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                    ],
                    options={
                        'verbose_name': 'outbound email',
                        'verbose_name_plural': 'outbound emails',
                        'db_table': 'home_outboundemail',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['status', 'next_attempt_at'], name='outbox_due_idx'), models.Index(fields=['provider_message_id'], name='outbox_message_id_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='RateLimitCounter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(help_text='HMAC of the bucket and IP.', max_length=64, verbose_name='key')),
                        ('window_start', models.DateTimeField(verbose_name='window start')),
                        ('count', models.PositiveIntegerField(default=0, verbose_name='count')),
                    ],
                    options={
                        'verbose_name': 'rate-limit counter',
                        'verbose_name_plural': 'rate-limit counters',
                        'db_table': 'home_ratelimitcounter',
                        'indexes': [models.Index(fields=['window_start'], name='ratelimit_window_idx')],
                        'constraints': [models.UniqueConstraint(fields=('key', 'window_start'), name='ratelimit_key_window')],
                    },
                ),
    
            ],
            database_operations=[],
        )
    ]
