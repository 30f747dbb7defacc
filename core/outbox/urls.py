"""Anymail's webhook URLs, refused with 400 until ANYMAIL_WEBHOOK_SECRET is set.

Anymail itself checks the HTTP basic-auth secret when one is configured (400 on a mismatch) but
accepts anyone, with only a warning, when none is; here no secret means no webhook at all.
"""

from functools import wraps

from anymail import urls as anymail_urls
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import URLPattern

app_name = anymail_urls.app_name


def webhook_secret_configured() -> bool:
    return bool(getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"))


def require_webhook_secret(view):
    @wraps(view)  # keeps csrf_exempt and login_not_required from anymail's view
    def guarded(request, *args, **kwargs):
        if not webhook_secret_configured():
            return HttpResponseBadRequest(
                "Webhooks are disabled until ANYMAIL_WEBHOOK_SECRET is set.",
                content_type="text/plain",
            )
        return view(request, *args, **kwargs)

    return guarded


urlpatterns = [
    URLPattern(p.pattern, require_webhook_secret(p.callback), p.default_args, p.name)
    for p in anymail_urls.urlpatterns
]
