"""The newsletter form in every page's footer, posting to the visitor's-language SignupPage."""

from django import template
from django.utils.translation import get_language

from actions.forms import NewsletterSignupForm
from actions.models import SignupPage
from core import site_cache

register = template.Library()


def _language_of(page) -> str | None:
    locale = site_cache.locale_by_id(page.locale_id)  # the process's list: no query
    return locale.language_code if locale is not None else None


def localized_signup_page(request) -> SignupPage | None:
    """The live sign-up page in the active language (else any), looked up once per request."""
    if request is not None and hasattr(request, "_newsletter_signup_page"):
        return request._newsletter_signup_page
    language = get_language()

    def find() -> SignupPage | None:
        # One query: a site has one sign-up page per language, so pick the language in Python.
        # The footer shows its address and consent text only: nothing else is loaded.
        pages = list(
            SignupPage.objects.live().public().only("url_path", "locale_id", "consent_text")[:20]
        )
        page = next((p for p in pages if _language_of(p) == language), None)
        return page or (pages[0] if pages else None)

    # Every page's footer asks; the answer changes only when pages are published (site cache).
    page = site_cache.cached("newsletter-signup-page", find, language)
    if request is not None:
        request._newsletter_signup_page = page
    return page


@register.inclusion_tag("actions/includes/newsletter_footer_form.html", takes_context=True)
def newsletter_footer_form(context):
    request = context.get("request")
    current = context.get("page")
    signup_page = localized_signup_page(request)
    if signup_page is None or isinstance(current, SignupPage):
        return {"signup_page": None}
    form = NewsletterSignupForm(
        auto_id="footer-newsletter-%s",
        initial={"source_page": getattr(current, "pk", None)},
    )
    return {
        "signup_page": signup_page,
        "action": signup_page.get_url(request=request),
        "form": form,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
