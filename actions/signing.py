"""Signing a petition or pledge: each signature saved once, counted exactly, thanked without
telling a stranger whether an address had signed before (docs/petitions.md explains why).

    signature, created = sign(page, cleaned_data, language)

saves the row and queues its email in one transaction. The count is COUNT(*) over the action's
translation key, so it is exact on SQLite and PostgreSQL however many people sign at once.
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.utils import translation

from actions.district_counts import MAX_KEYS, single_district_key, zip_district_keys
from actions.forms import SignatureForm
from actions.models import Signature
from actions.newsletter import Signup, subscribe
from actions.public_names import public_first_name
from core.attribution import ATTRIBUTION_FIELDS
from core.forms import posted_with_attribution
from core.outbox import queue_email
from core.spam import over_rate_limit

logger = logging.getLogger(__name__)

SPAM_BUCKET = "signature"
THANKS_SALT = "actions.signing.thanks"
COOKIE_SALT = "actions.signing.cookie"
SIGNED_COOKIE = "signed_actions"
COOKIE_MAX_ENTRIES = 30
COOKIE_MAX_AGE = 365 * 24 * 3600
# A real signature is well under 2 KB; anything far bigger is refused before it is parsed.
MAX_POST_BYTES = 16 * 1024


def rate_limit() -> int:
    """Signatures allowed per IP address per window: higher than other forms, because a whole
    campus or office may sign from one address after the same email."""
    return int(getattr(settings, "SIGNATURE_RATE_LIMIT_COUNT", 100))


def thanks_max_age() -> int:
    return int(getattr(settings, "SIGNATURE_THANKS_MAX_AGE", 3600))


def repeat_email_interval() -> int:
    """However often someone submits an address again, its owner gets at most one 'you had
    already signed' email per interval (nobody can flood a mailbox through the form)."""
    return 60 * int(getattr(settings, "SIGNATURE_REPEAT_EMAIL_MINUTES", 60))


def current_language() -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in codes else settings.LANGUAGE_CODE


# Counting ---------------------------------------------------------------------------------


def signature_count(action_key) -> int:
    """Every signature of the action, in every language: one indexed COUNT(*)."""
    return Signature.objects.filter(action_key=action_key).count()


def signature_counts(action_keys) -> dict:
    """Counts for several actions in one query."""
    rows = (
        Signature.objects.filter(action_key__in=list(action_keys))
        .values("action_key")
        .annotate(n=Count("pk"))
        .values_list("action_key", "n")
    )
    return dict(rows)


def stepped_goal(goal: int, count: int) -> int:
    """The goal to show: the editor's goal until it is reached, then the next of 1, 2 or 5
    times a power of ten above the count (1,000 → 2,000 → 5,000 → 10,000...)."""
    goal = max(int(goal or 0), 1)
    if count < goal:
        return goal
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            candidate = step * magnitude
            if candidate > count and candidate > goal:
                return candidate
        magnitude *= 10


def recent_public_signers(action_key, limit: int = 8) -> list[dict]:
    """First name and state of the latest signers who agreed to be shown, nothing else, and
    only names that read as names (actions/public_names.py): the others still count but are
    left out of the list. A few more rows than shown are read so that some left out do not
    shorten it, in one query whatever the number of signatures."""
    signers = []
    for signer in (
        Signature.objects.filter(action_key=action_key, public=True)
        .order_by("-created_at")
        .values("first_name", "state", "created_at")[: limit * 3]
    ):
        signer["first_name"] = public_first_name(signer["first_name"])
        if signer["first_name"]:
            signers.append(signer)
    return signers[:limit]


# Saving -----------------------------------------------------------------------------------


def public_url(page) -> str:
    """The page's address on the public site (BASE_URL), as emails and partners need it."""
    _site_id, _root, path = page.get_url_parts()
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email_context(page, signature: Signature) -> dict:
    return {
        "first_name": signature.first_name,
        "action_title": page.title,
        "action_url": public_url(page),
        "delivery_target": getattr(page, "target", ""),
    }


def sign(
    page, data: dict, language: str, district_keys: list[str] | None = None
) -> tuple[Signature, bool]:
    """Save a signature (or find the one this address already made) and queue the email, in
    one transaction. Returns the signature and whether it is new. `district_keys`, the
    congressional districts of the ZIP code, are looked up when not given."""
    key = page.translation_key
    if district_keys is None:
        district_keys = zip_district_keys(data.get("zip_code", ""))
    with transaction.atomic():
        try:
            # A savepoint: losing the race to an identical signature leaves the outer
            # transaction usable on PostgreSQL.
            with transaction.atomic():
                signature = Signature.objects.create(
                    action=page,
                    action_key=key,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    email=data["email"],
                    zip_code=data.get("zip_code", ""),
                    state=data.get("state", ""),
                    district_key=single_district_key(district_keys),
                    country=data.get("country", Signature.Country.US),
                    language=language,
                    source=data.get("source", ""),
                    utm_source=data.get("utm_source", ""),
                    utm_medium=data.get("utm_medium", ""),
                    utm_campaign=data.get("utm_campaign", ""),
                    consent_text=page.consent_text,
                    public=bool(data.get("public")),
                    newsletter=bool(data.get("newsletter")),
                )
            created = True
        except IntegrityError:
            signature = Signature.objects.get(action_key=key, email=data["email"])
            created = False
        context = _email_context(page, signature)
        if created:
            queue_email(
                to=signature.email,
                template="actions/emails/signature_thanks",
                language=language,
                context=context,
                idempotency_key=f"signature:{signature.pk}:thanks",
            )
        else:
            window = int(time.time() // repeat_email_interval())
            queue_email(
                to=signature.email,
                template="actions/emails/signature_again",
                language=language,
                context=context,
                idempotency_key=f"signature:{signature.pk}:again:{window}",
            )
        if data.get("newsletter"):
            _subscribe(page, data, language)
    return signature, created


def _subscribe(page, data: dict, language: str) -> None:
    """The newsletter box hands the address to the newsletter's own double opt-in: a consent
    of its own, confirmed from the inbox, recorded with the words the box showed."""
    with translation.override(language):
        consent = str(SignatureForm.base_fields["newsletter"].label)
    subscribe(
        Signup(
            email=data["email"],
            first_name=data["first_name"],
            language=language,
            consent_text=consent,
            source_page=page,
            attribution={name: data.get(name, "") for name in ATTRIBUTION_FIELDS},
        )
    )


# Thanking ---------------------------------------------------------------------------------


def thanks_token(
    page, already: bool, tags: dict | None = None, districts: list[str] | None = None
) -> str:
    """A short-lived signed note for the thank-you URL. 'already' comes from this browser's own
    cookie, never from the database, so the URL tells a stranger nothing about an address. The
    source and utm_* tags the signature came with ride along, for the donate link, and the
    congressional districts of the ZIP code just typed (never the ZIP code itself, and never
    read from a stored signature), for "from your district"."""
    data = {"k": page.translation_key.hex[:12], "a": 1 if already else 0}
    if districts:
        data["d"] = list(districts)[:MAX_KEYS]
    tags = {
        name: value for name, value in (tags or {}).items() if name in ATTRIBUTION_FIELDS and value
    }
    if tags:
        data["t"] = tags
    return signing.dumps(data, salt=THANKS_SALT, compress=True)


def _thanks_data(page, token: str | None) -> dict | None:
    if not token:
        return None
    try:
        data = signing.loads(token, salt=THANKS_SALT, max_age=thanks_max_age())
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") != page.translation_key.hex[:12]:
        return None
    return data


def read_thanks_token(page, token: str | None) -> str | None:
    """'new', 'already', or None when there is no valid, recent token for this action."""
    data = _thanks_data(page, token)
    if data is None:
        return None
    return "already" if data.get("a") else "new"


def read_thanks_tags(page, token: str | None) -> dict[str, str]:
    """The source and utm_* tags a valid thank-you token carries ({} otherwise)."""
    data = _thanks_data(page, token) or {}
    tags = data.get("t")
    if not isinstance(tags, dict):
        return {}
    return {name: str(tags[name]) for name in ATTRIBUTION_FIELDS if tags.get(name)}


def read_thanks_districts(page, token: str | None) -> list[str]:
    """The district keys a valid thank-you token carries ([] otherwise)."""
    districts = (_thanks_data(page, token) or {}).get("d")
    if not isinstance(districts, list):
        return []
    return [str(key) for key in districts[:MAX_KEYS]]


def _fingerprint(action_key, email: str) -> str:
    message = f"{action_key}|{email}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


def _signed_here(request) -> list[str]:
    value = request.get_signed_cookie(SIGNED_COOKIE, default="", salt=COOKIE_SALT)
    return [item for item in value.split(",") if item]


def thank_you_redirect(
    request,
    page,
    url: str,
    signature_email: str | None,
    tags: dict | None = None,
    districts: list[str] | None = None,
):
    """Redirect (POST/redirect/GET) to the thank-you state. A browser that already submitted
    this address for this action is told 'you had already signed'; every other browser sees
    the same thank-you whether or not the address had signed elsewhere."""
    remembered = _signed_here(request)
    fingerprint = _fingerprint(page.translation_key, signature_email) if signature_email else None
    already = fingerprint is not None and fingerprint in remembered
    token = thanks_token(page, already, tags, districts)
    response = HttpResponseRedirect(f"{url}?{urlencode({'thanks': token})}")
    if fingerprint is not None and not already:
        remembered = [*remembered, fingerprint][-COOKIE_MAX_ENTRIES:]
        response.set_signed_cookie(
            SIGNED_COOKIE,
            ",".join(remembered),
            salt=COOKIE_SALT,
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@dataclass
class PostResult:
    """Either a redirect to send, or a form to show again with this status."""

    redirect: HttpResponseRedirect | None = None
    form: SignatureForm | None = None
    status: int = 200
    problem: str = ""  # "too-large", "too-fast", "closed" or "rate-limit": shown above the form


def handle_post(request, page, thanks_url: str) -> PostResult:
    """Process a signature POST to `page`; `thanks_url` is where the thank-you is shown (the
    page itself, or the partner's embed)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_POST_BYTES:
        return PostResult(form=SignatureForm(), status=413, problem="too-large")
    if page.is_closed:
        return PostResult(status=410, problem="closed")
    form = SignatureForm(posted_with_attribution(request))
    reason = form.bot_reason()
    if reason == "too fast":
        # Autofill and one click can beat the minimum fill time: a person would lose their
        # signature if it were dropped, so they are asked to press the button again (the form
        # keeps what they sent, and its start time, which is old enough by then).
        return PostResult(form=form, status=200, problem="too-fast")
    if reason is not None:
        # A bot is shown the ordinary thank-you and nothing is saved or sent.
        logger.info("Dropped a signature as spam: %s", reason)
        return PostResult(redirect=thank_you_redirect(request, page, thanks_url, None))
    if over_rate_limit(request, SPAM_BUCKET, limit=rate_limit()):
        # A person behind a busy shared address is told, not silently dropped.
        return PostResult(form=form, status=429, problem="rate-limit")
    if not form.is_valid():
        return PostResult(form=form, status=200)
    districts = zip_district_keys(form.cleaned_data.get("zip_code", ""))
    signature, _created = sign(page, form.cleaned_data, current_language(), districts)
    tags = {name: form.cleaned_data.get(name, "") for name in ATTRIBUTION_FIELDS}
    return PostResult(
        redirect=thank_you_redirect(request, page, thanks_url, signature.email, tags, districts)
    )
