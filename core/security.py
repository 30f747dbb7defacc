"""Security headers: the Content-Security-Policy (django-csp), with a looser policy for the Wagtail
admin and an opt-in for views partners may frame, plus Cross-Origin-Resource-Policy, which
Django has no setting for. Permissions-Policy is django-permissions-policy's middleware.

docs/security.md describes the policy; tests/security/ scores it with the MDN HTTP Observatory's
rules.
"""

from collections.abc import Callable
from functools import wraps

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

EMBED_ATTRIBUTE = "allow_framing"


def allow_framing(response: HttpResponseBase) -> HttpResponseBase:
    """Let partners' sites show this response in an iframe (the petition widget, for example).

    Sets frame-ancestors to settings.EMBED_FRAME_ANCESTORS, drops X-Frame-Options and makes the
    response's Cross-Origin-Resource-Policy cross-origin. Call it on the response of any view,
    including a Wagtail page's serve(); for function views the @frameable decorator does it.
    Everything else in the policy stays as strict as on every other page.

    Cookies are SameSite=Lax, so a framed page on another site gets no session or CSRF cookie:
    a form inside an embed must not depend on either.
    """
    setattr(response, EMBED_ATTRIBUTE, True)
    # Django's XFrameOptionsMiddleware leaves responses carrying this attribute alone.
    response.xframe_options_exempt = True
    return response


def frameable(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Decorator form of allow_framing for function views."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return allow_framing(view(*args, **kwargs))

    return wrapped


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ())))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by where the response is going:

    - the Wagtail admin (settings.CSP_ADMIN_PREFIXES): settings.CONTENT_SECURITY_POLICY_ADMIN;
    - a response marked by allow_framing(): the public policy with frame-ancestors replaced;
    - a page rendered for the admin's preview panel: the public policy (so the preview behaves
      like the live page) with frame-ancestors 'self', so that the admin may frame it;
    - everything else: settings.CONTENT_SECURITY_POLICY.

    A view's own @csp / @csp_update / @csp_replace decorators still win over these defaults.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
            if admin_policy:
                parts.config = default_config(admin_policy.get("DIRECTIVES", {}))
        if getattr(request, "is_dummy", False):
            # Wagtail renders a preview by sending a made-up request for the page's public URL
            # through the whole middleware stack (Page.make_preview_request marks it is_dummy), so
            # it gets the public policy; only the admin, on our own origin, shows it, in an iframe.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        elif getattr(response, EMBED_ATTRIBUTE, False):
            parts.replace = {
                **(parts.replace or {}),
                "frame-ancestors": list(settings.EMBED_FRAME_ANCESTORS),
            }
        return parts


class SecurityHeadersMiddleware:
    """Cross-Origin-Resource-Policy on every response Django makes (Permissions-Policy comes
    from django-permissions-policy, which reads settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.resource_policy = getattr(settings, "SECURE_CROSS_ORIGIN_RESOURCE_POLICY", "")

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.resource_policy:
            embed = getattr(response, EMBED_ATTRIBUTE, False)
            response.headers.setdefault(
                "Cross-Origin-Resource-Policy", "cross-origin" if embed else self.resource_policy
            )
        return response
