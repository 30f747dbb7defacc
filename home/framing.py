"""Views that partner sites may show in an <iframe> (a petition's embeddable widget).

Every other response keeps X-Frame-Options: DENY (settings.X_FRAME_OPTIONS). A view marked with
@allow_framing is exempt from it, and its response carries `allow_framing = True` so that a
Content-Security-Policy middleware can relax `frame-ancestors` for it alone.
"""

from functools import wraps

from django.views.decorators.clickjacking import xframe_options_exempt


def allow_framing(view):
    exempt = xframe_options_exempt(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = exempt(request, *args, **kwargs)
        response.allow_framing = True
        return response

    return wrapped


def framing_allowed(response) -> bool:
    return bool(getattr(response, "allow_framing", False))
