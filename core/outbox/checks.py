from django.conf import settings
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


@checks.register()
def sending_outlasts_the_provider_timeout(app_configs, **kwargs):
    """A send still waiting on the provider when its lease ends would be sent again."""
    timeout = float(getattr(settings, "ANYMAIL", {}).get("REQUESTS_TIMEOUT", 30))
    longest_send = 3 * timeout  # connect, then read, and a margin for a slow trickle
    leases = {
        "OUTBOX_SENDING_LEASE_SECONDS": getattr(settings, "OUTBOX_SENDING_LEASE_SECONDS", 45),
        "TASKS_RUNNING_LEASE_SECONDS": getattr(settings, "TASKS_RUNNING_LEASE_SECONDS", 60),
    }
    return [
        checks.Error(
            f"{name} ({lease} s) is not longer than the longest send ({longest_send:g} s: "
            "three times ANYMAIL_REQUESTS_TIMEOUT): a slow send would be sent twice.",
            hint=f"Raise {name} or lower ANYMAIL_REQUESTS_TIMEOUT.",
            id="core.E003",
        )
        for name, lease in leases.items()
        if lease <= longest_send
    ]
