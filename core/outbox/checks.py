from django.core import checks

from core.outbox.urls import webhook_secret_configured


@checks.register(checks.Tags.security, deploy=True)
def webhook_secret_check(app_configs, **kwargs):
    if webhook_secret_configured():
        return []
    return [
        checks.Warning(
            "ANYMAIL_WEBHOOK_SECRET is not set: the provider's tracking webhooks are refused, so "
            "bounces and complaints will not suppress addresses.",
            hint="Set ANYMAIL_WEBHOOK_SECRET=user:password and give the provider that URL.",
            id="core.W001",
        )
    ]
