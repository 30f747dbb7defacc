"""Newsletter sign-up with double opt-in: subscribe, confirm, unsubscribe.

A stranger learns nothing from the form: new, pending, subscribed and unsubscribed addresses get
the same page, and only the mailbox's owner reads which case applied (a confirmation link, or a
note that they are already subscribed).
"""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from actions.forms import NewsletterSignupForm
from actions.models import SignupPage, Subscriber
from core import serving
from core.attribution import ATTRIBUTION_FIELDS
from core.forms import posted_with_attribution
from core.models.outbox import normalize_address
from core.outbox import queue_email
from core.spam import is_spam

CONFIRM_SALT = "actions.newsletter.confirm"
UNSUBSCRIBE_SALT = "actions.newsletter.unsubscribe"
SPAM_BUCKET = "newsletter"


def confirm_max_age() -> timedelta:
    return timedelta(days=int(getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE_DAYS", 7)))


def resend_interval() -> timedelta:
    """However often an address is submitted, its owner gets at most one email per interval."""
    return timedelta(minutes=int(getattr(settings, "NEWSLETTER_RESEND_MINUTES", 15)))


def _fingerprint(email: str) -> str:
    # Ties a token to the address as well as the row, so a token outlives neither.
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def make_token(subscriber: Subscriber, salt: str) -> str:
    return signing.dumps({"s": subscriber.pk, "f": _fingerprint(subscriber.email)}, salt=salt)


class InvalidToken(Exception):
    pass


class ExpiredToken(InvalidToken):
    pass


def subscriber_for_token(token: str, salt: str, max_age: timedelta | None = None) -> Subscriber:
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict):
        raise InvalidToken
    subscriber = Subscriber.objects.filter(pk=data.get("s")).first()
    if subscriber is None or _fingerprint(subscriber.email) != data.get("f"):
        raise InvalidToken
    return subscriber


def absolute_url(view_name: str, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse(view_name, args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def email_context(subscriber: Subscriber) -> dict:
    return {
        "first_name": subscriber.first_name,
        "unsubscribe_url": absolute_url(
            "newsletter_unsubscribe", make_token(subscriber, UNSUBSCRIBE_SALT), subscriber.language
        ),
    }


def _language() -> str:
    """The language of the page the form was on (its URL prefix activated it)."""
    codes = {code for code, _name in settings.LANGUAGES}
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in codes else settings.LANGUAGE_CODE


@dataclass
class Signup:
    email: str
    first_name: str
    language: str
    consent_text: str
    source_page: Page | None
    # source and utm_* of the address the supporter landed on (core/attribution.py)
    attribution: dict[str, str] = field(default_factory=dict)


def _attribution(signup: Signup) -> dict[str, str]:
    return {name: signup.attribution.get(name, "") for name in ATTRIBUTION_FIELDS}


def subscribe(signup: Signup) -> Subscriber:
    """Save the subscriber and queue the right email, all in one transaction."""
    email = normalize_address(signup.email)
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email,
                        first_name=signup.first_name,
                        language=signup.language,
                        consent_text=signup.consent_text,
                        source_page=signup.source_page,
                        **_attribution(signup),
                    )
            except IntegrityError:  # the same address, submitted at the same moment
                subscriber = Subscriber.objects.select_for_update().get(email=email)
        recently = (
            subscriber.confirmation_sent_at is not None
            and now - subscriber.confirmation_sent_at < resend_interval()
        )
        if recently:
            return subscriber
        if subscriber.status == Subscriber.Status.SUBSCRIBED:
            template = "actions/emails/newsletter_already_subscribed"
            context = email_context(subscriber)
        else:
            # New, still pending, or coming back after unsubscribing: they confirm (again) with
            # what this form showed them.
            subscriber.first_name = signup.first_name or subscriber.first_name
            subscriber.language = signup.language
            subscriber.consent_text = signup.consent_text
            subscriber.source_page = signup.source_page or subscriber.source_page
            for name, value in _attribution(signup).items():
                # Where they first came from is kept; a later form fills only what was missing.
                setattr(subscriber, name, getattr(subscriber, name) or value)
            template = "actions/emails/newsletter_confirm"
            context = {
                "first_name": subscriber.first_name,
                "confirm_url": absolute_url(
                    "newsletter_confirm",
                    make_token(subscriber, CONFIRM_SALT),
                    subscriber.language,
                ),
                "valid_days": confirm_max_age().days,
            }
        subscriber.confirmation_sent_at = now
        subscriber.save()
        queue_email(
            to=subscriber.email,
            template=template,
            language=subscriber.language,
            context=context,
            idempotency_key=f"newsletter:{subscriber.pk}:{template.rsplit('/', 1)[-1]}:{now.isoformat()}",
        )
    return subscriber


def handle_signup(request, signup_page) -> tuple[NewsletterSignupForm, bool]:
    """Process a POST to the sign-up page. Returns the form and whether to show the thank-you
    (for a valid submission, and for a bot, which is shown the same and has nothing saved)."""
    form = NewsletterSignupForm(posted_with_attribution(request))
    if is_spam(request, form, SPAM_BUCKET):
        return form, True
    if not form.is_valid():
        return form, False
    source = None
    if form.cleaned_data.get("source_page"):
        source = Page.objects.filter(pk=form.cleaned_data["source_page"]).first()
    subscribe(
        Signup(
            email=form.cleaned_data["email"],
            first_name=form.cleaned_data["first_name"],
            language=_language(),
            consent_text=signup_page.consent_text,
            source_page=source or signup_page,
            attribution={name: form.cleaned_data.get(name, "") for name in ATTRIBUTION_FIELDS},
        )
    )
    return form, True


def confirm(subscriber: Subscriber) -> bool:
    """Confirm; returns False if there was nothing to do (already confirmed)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.SUBSCRIBED:
            return False
        now = timezone.now()
        subscriber.status = Subscriber.Status.SUBSCRIBED
        subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        queue_email(
            to=subscriber.email,
            template="actions/emails/newsletter_welcome",
            language=subscriber.language,
            context=email_context(subscriber),
            idempotency_key=f"newsletter:{subscriber.pk}:welcome:{now.isoformat()}",
        )
    return True


def unsubscribe(subscriber: Subscriber) -> bool:
    """Unsubscribe; returns False if the person was already unsubscribed."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return False
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return True


def unsubscribe_address(email: str) -> None:
    """For the provider's unsubscribe events (core.outbox.webhooks.address_unsubscribed)."""
    subscriber = Subscriber.objects.filter(email=normalize_address(email)).first()
    if subscriber is not None:
        unsubscribe(subscriber)


@serving.handles("serve", SignupPage)
def serve_signup_page(page, request, *args, **kwargs):
    """The sign-up page: the form, or after a valid sign-up a redirect to its thanks."""
    if request.method == "POST":
        form, done = handle_signup(request, page)
        if done:
            return HttpResponseRedirect(f"{page.get_url(request=request)}?subscribed=1")
    else:
        form = NewsletterSignupForm()
    context = page.get_context(request, *args, **kwargs)
    context["form"] = form
    context["thanks"] = request.method == "GET" and request.GET.get("subscribed") == "1"
    return TemplateResponse(request, page.get_template(request), context)
