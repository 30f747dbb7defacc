"""The newsletter: double opt-in end to end in English and Spanish, re-subscribing, bad input,
signed links, spam defences, and 100 signups surviving a provider outage."""

import re
import time
from itertools import cycle

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from actions import newsletter
from actions.factories import SubscriberFactory
from actions.models import SignupPage, Subscriber
from actions.templatetags.newsletter_tags import localized_signup_page
from core.models import RateLimitCounter
from core.models.outbox import OutboundEmail
from core.outbox.maintenance import run_maintenance
from core.outbox.webhooks import address_unsubscribed
from core.spam import started_token
from tests.core import helpers as fakes

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+/)")


def form_data(email="ana@example.org", first_name="Ana", **extra):
    return {
        "email": email,
        "first_name": first_name,
        "website": "",
        "form_started": started_token(time.time() - 30),
        **extra,
    }


def sign_up(client, page, ip="203.0.113.7", capture=None, **data):
    if capture is None:
        return client.post(page.url, form_data(**data), REMOTE_ADDR=ip)
    with capture(execute=True):
        return client.post(page.url, form_data(**data), REMOTE_ADDR=ip)


def link_in(message, kind: str) -> str:
    paths = [p for p in LINK.findall(message.body) if f"/newsletter/{kind}/" in p]
    assert paths, message.body
    return paths[0]


def test_the_page_shows_the_form_with_its_consent_text_and_no_footer_copy(client, signup_page):
    response = client.get(signup_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in html and 'name="website"' in html and 'name="form_started"' in html
    assert signup_page.consent_text in html
    assert "footer-signup" not in html


def test_every_other_page_has_a_footer_form_posting_to_the_signup_page(
    client, signup_page, home_page
):
    html = client.get(home_page.url).content.decode()
    assert "footer-signup" in html
    assert f'action="{signup_page.url}"' in html
    assert 'id="footer-newsletter-email"' in html
    assert f'name="source_page" value="{home_page.pk}"' in html


def test_the_footer_finds_the_signup_page_in_the_language_and_shows_it_without_a_query(
    rf, signup_page, spanish_signup
):
    """The footer's lookup loads only what the form shows (its address and consent text): any
    other field read from it would cost a query on every cold page."""
    for language, expected in (("en", signup_page), ("es", spanish_signup)):
        with translation.override(language):
            request = rf.get("/")
            page = localized_signup_page(request)
            assert page == expected
            url, consent = expected.get_url(request=request), expected.consent_text
            with CaptureQueriesContext(connection) as queries:
                assert (page.get_url(request=request), page.consent_text) == (url, consent)
            assert not queries.captured_queries


def test_double_opt_in_end_to_end_in_english(
    client, signup_page, home_page, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    response = sign_up(client, signup_page, capture=capture, source_page=home_page.pk)
    assert response.status_code == 302
    assert response["Location"] == f"{signup_page.url}?subscribed=1"
    thanks = client.get(response["Location"]).content.decode()
    assert "Check your inbox" in thanks

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ana@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "en"
    assert subscriber.source_page_id == home_page.pk
    assert subscriber.consent_text == signup_page.consent_text
    assert subscriber.confirmed_at is None

    [confirmation] = mail.outbox
    assert confirmation.to == ["ana@example.org"]
    assert confirmation.subject == "Confirm your subscription to End Qualified Immunity"
    assert "Hello Ana," in confirmation.body
    confirm_path = link_in(confirmation, "confirm")
    assert confirm_path.startswith("/en/newsletter/confirm/")
    assert confirm_path in confirmation.alternatives[0][0]

    # Opening the link asks for a click; only the POST confirms (mail scanners only GET).
    page = client.get(confirm_path)
    assert page.status_code == 200 and "Confirm my subscription" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    with capture(execute=True):
        done = client.post(confirm_path)
    assert "You are subscribed" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.confirmed_at is not None

    welcome = mail.outbox[1]
    assert welcome.subject == "Welcome to End Qualified Immunity"
    unsubscribe_path = link_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path}>"
    # Confirming twice is harmless.
    again = client.post(confirm_path)
    assert "Already confirmed" in again.content.decode()
    assert len(mail.outbox) == 2

    # Unsubscribing needs no login; a reused link says so clearly.
    assert "Unsubscribe from campaign news" in client.get(unsubscribe_path).content.decode()
    assert "You are unsubscribed" in client.post(unsubscribe_path).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    reused = client.post(unsubscribe_path)
    assert reused.status_code == 200 and "Already unsubscribed" in reused.content.decode()
    assert "Already unsubscribed" in client.get(unsubscribe_path).content.decode()


def test_double_opt_in_end_to_end_in_spanish(
    client, spanish_signup, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    assert spanish_signup.url.startswith("/es/")
    response = sign_up(client, spanish_signup, capture=capture, first_name="Lucía")
    assert "Revise su correo" in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.language == "es"
    assert subscriber.consent_text == "Le enviaremos noticias de la campaña."
    assert subscriber.source_page_id == spanish_signup.pk

    [confirmation] = mail.outbox
    assert confirmation.subject == "Confirme su suscripción a End Qualified Immunity"
    assert "Hola, Lucía:" in confirmation.body
    assert 'lang="es"' in confirmation.alternatives[0][0]
    confirm_path = link_in(confirmation, "confirm")
    assert confirm_path.startswith("/es/newsletter/confirm/")
    assert "Confirmar mi suscripción" in client.get(confirm_path).content.decode()
    with capture(execute=True):
        done = client.post(confirm_path)
    assert "Ya está suscrito" in done.content.decode()
    welcome = mail.outbox[1]
    assert welcome.subject == "Le damos la bienvenida a End Qualified Immunity"
    unsubscribe_path = link_in(welcome, "unsubscribe")
    assert unsubscribe_path.startswith("/es/")
    assert "Ya no está suscrito" in client.post(unsubscribe_path).content.decode()


def test_signing_up_again_is_friendly_and_never_a_second_row(
    client, signup_page, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    subscribed = SubscriberFactory(
        email="old@example.org", status=Subscriber.Status.SUBSCRIBED, language="en"
    )
    new = sign_up(client, signup_page, capture=capture, email="new@example.org")
    existing = sign_up(client, signup_page, capture=capture, email="  OLD@Example.ORG ")
    # A stranger cannot tell which address was already subscribed.
    assert (new.status_code, new["Location"]) == (existing.status_code, existing["Location"])
    assert Subscriber.objects.filter(email="old@example.org").count() == 1
    subscribed.refresh_from_db()
    assert subscribed.status == Subscriber.Status.SUBSCRIBED
    notice = mail.outbox[1]
    assert notice.to == ["old@example.org"]
    assert "already subscribed" in notice.subject
    assert "/newsletter/unsubscribe/" in notice.body

    # Submitting again at once sends nothing more (nobody can flood a mailbox through the form).
    sign_up(client, signup_page, capture=capture, email="old@example.org")
    sign_up(client, signup_page, capture=capture, email="new@example.org")
    assert len(mail.outbox) == 2
    assert Subscriber.objects.count() == 2

    # After the interval, a pending address gets a fresh confirmation link.
    settings.NEWSLETTER_RESEND_MINUTES = 0
    sign_up(client, signup_page, capture=capture, email="new@example.org")
    assert len(mail.outbox) == 3 and "Confirm" in mail.outbox[2].subject


def test_an_unsubscribed_person_can_come_back_through_a_new_confirmation(
    client, signup_page, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    SubscriberFactory(email="back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    sign_up(client, signup_page, capture=capture, email="back@example.org")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED  # until they confirm
    with capture(execute=True):
        client.post(link_in(mail.outbox[0], "confirm"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.unsubscribed_at is None


@pytest.mark.parametrize(
    ("email", "first_name", "message"),
    [
        ("", "Ana", "Enter your email address."),
        ("   ", "Ana", "Enter your email address."),
        ("not-an-email", "Ana", "Enter an email address like name@example.org."),
        ("a" * 288 + "@example.org", "Ana", "at most 254 characters"),
        ("ana@example.org\r\nBcc: all@example.org", "Ana", "Enter an email address like"),
        ("ana@example.org", "Ana\r\nBcc: all@example.org", "cannot contain line breaks"),
    ],
)
def test_bad_input_is_a_clear_message_next_to_the_field_and_nothing_is_saved(
    client, signup_page, email, first_name, message, django_capture_on_commit_callbacks
):
    response = sign_up(
        client,
        signup_page,
        capture=django_capture_on_commit_callbacks,
        email=email,
        first_name=first_name,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="field field--invalid"' in html
    assert 'aria-invalid="true"' in html
    assert Subscriber.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert mail.outbox == []


def test_what_was_typed_is_kept_when_a_field_is_wrong(client, signup_page):
    html = sign_up(client, signup_page, email="nope", first_name="Zoë").content.decode()
    assert 'value="nope"' in html and 'value="Zoë"' in html


def test_script_in_a_name_is_escaped_in_the_email(
    client, signup_page, django_capture_on_commit_callbacks
):
    sign_up(
        client,
        signup_page,
        capture=django_capture_on_commit_callbacks,
        first_name="<script>alert('x')</script>",
    )
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_tampered_confirmation_link_is_a_clear_page(
    client, signup_page, django_capture_on_commit_callbacks
):
    sign_up(client, signup_page, capture=django_capture_on_commit_callbacks)
    path = link_in(mail.outbox[0], "confirm")
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))
    for bad in (tampered, "/en/newsletter/confirm/garbage/", "/en/newsletter/confirm/%00/"):
        response = client.post(bad)
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    # An unsubscribe token does not confirm, and vice versa.
    subscriber = Subscriber.objects.get()
    other = newsletter.make_token(subscriber, newsletter.UNSUBSCRIBE_SALT)
    assert client.post(f"/en/newsletter/confirm/{other}/").status_code == 400
    assert client.post("/en/newsletter/unsubscribe/garbage/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_an_expired_confirmation_link_offers_to_sign_up_again(
    client, signup_page, monkeypatch, django_capture_on_commit_callbacks
):
    sign_up(client, signup_page, capture=django_capture_on_commit_callbacks)
    path = link_in(mail.outbox[0], "confirm")
    eight_days_later = time.time() + 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days_later)
    response = client.post(path)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has expired" in html and f'href="{signup_page.url}"' in html
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_for_a_deleted_subscriber_is_not_valid(
    client, signup_page, django_capture_on_commit_callbacks
):
    sign_up(client, signup_page, capture=django_capture_on_commit_callbacks)
    path = link_in(mail.outbox[0], "confirm")
    Subscriber.objects.all().delete()
    assert client.get(path).status_code == 400


@pytest.mark.parametrize(
    "trap",
    [
        lambda: {"website": "http://spam.example"},
        lambda: {"form_started": started_token(time.time() - 1)},  # under three seconds
        lambda: {"form_started": ""},
        lambda: {"form_started": "forged"},
    ],
    ids=["honeypot", "too-fast", "no-start-time", "forged-start-time"],
)
def test_a_bot_sees_the_thank_you_and_nothing_is_saved_or_sent(
    client, signup_page, trap, django_capture_on_commit_callbacks
):
    response = sign_up(client, signup_page, capture=django_capture_on_commit_callbacks, **trap())
    assert response.status_code == 302
    assert response["Location"] == f"{signup_page.url}?subscribed=1"
    assert Subscriber.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert mail.outbox == []


def test_a_bot_is_dropped_even_when_its_input_is_invalid(client, signup_page):
    response = sign_up(client, signup_page, email="junk", website="x")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0


def test_the_rate_limit_per_ip_is_counted_in_the_database_and_drops_silently(
    client, signup_page, settings
):
    settings.SPAM_RATE_LIMIT_COUNT = 3
    for n in range(5):
        response = sign_up(client, signup_page, ip="198.51.100.9", email=f"p{n}@example.org")
        assert response.status_code == 302
    assert Subscriber.objects.count() == 3
    sign_up(client, signup_page, ip="198.51.100.10", email="other@example.org")
    assert Subscriber.objects.count() == 4
    # Shared by every process, and no IP address is stored in the clear.
    counters = list(RateLimitCounter.objects.values_list("key", "count"))
    assert sorted(count for _key, count in counters) == [1, 5]
    assert not any("198.51" in key for key, _count in counters)


def test_signups_survive_a_provider_outage_and_each_is_sent_once(
    client, signup_page, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """100 supporters sign up while the provider refuses connections, answers 503 or times out:
    every signup is saved and thanked; once it recovers, each gets exactly one email."""
    settings.EMAIL_BACKEND = "tests.core.helpers.FlakyEmailBackend"
    fakes.Provider.reset()
    clock = fakes.FakeClock()
    monkeypatch.setattr("core.outbox.clock.now", clock)
    failures = cycle([fakes.connection_refused, fakes.server_error, fakes.timeout])
    monkeypatch.setattr(fakes.Provider, "failure", staticmethod(lambda: next(failures)()))

    for n in range(100):
        response = sign_up(
            client,
            signup_page,
            capture=django_capture_on_commit_callbacks,
            ip=f"10.1.{n // 250}.{n % 250}",
            email=f"supporter{n}@example.org",
        )
        assert response.status_code == 302
    assert Subscriber.objects.count() == 100
    assert OutboundEmail.objects.filter(status="queued", attempts=1).count() == 100
    assert fakes.Provider.calls == 100 and mail.outbox == []

    # Still down at the first retry.
    clock.advance(minutes=5)
    run_maintenance(clock())
    assert OutboundEmail.objects.filter(status="queued", attempts=2).count() == 100

    monkeypatch.setattr(fakes.Provider, "failure", None)
    clock.advance(hours=1)
    run_maintenance(clock())
    run_maintenance(clock())  # a second flush (or a duplicate task) sends nothing more
    clock.advance(days=2)
    run_maintenance(clock())
    assert OutboundEmail.objects.filter(status="sent").count() == 100
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == 100
    assert set(recipients) == {f"supporter{n}@example.org" for n in range(100)}


def test_an_unsubscribe_reported_by_the_provider_unsubscribes(django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory(email="leaver@example.org", status=Subscriber.Status.SUBSCRIBED)
    address_unsubscribed.send(sender=None, email="leaver@example.org")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_signup_page_query_count_does_not_grow_with_subscribers(client, signup_page):
    def queries() -> int:
        client.get(signup_page.url)  # warm: site-wide data is cached again after each publish
        with CaptureQueriesContext(connection) as captured:
            assert client.get(signup_page.url).status_code == 200
        return len(captured)

    queries()  # warm the per-process caches (site root paths, locales)
    SubscriberFactory.create_batch(10)
    few = queries()
    SubscriberFactory.create_batch(290)
    assert queries() == few


def test_signup_pages_sit_under_the_home_page_only(home_page):
    assert SignupPage in home_page.specific_class.allowed_subpage_models()
    assert SignupPage.allowed_subpage_models() == []


def test_the_emailed_links_pages_are_never_cached_so_a_used_link_says_so(
    client, signup_page, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600  # as in production: anonymous pages are cached
    cache.clear()
    sign_up(client, signup_page, capture=django_capture_on_commit_callbacks)
    confirm_path = link_in(mail.outbox[0], "confirm")
    first = client.get(confirm_path)
    assert "Confirm my subscription" in first.content.decode()
    assert "no-store" in first["Cache-Control"] and "X-Page-Cache" not in first
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path)
    assert "Already confirmed" in client.get(confirm_path).content.decode()

    unsubscribe_path = link_in(mail.outbox[1], "unsubscribe")
    assert "Unsubscribe from campaign news" in client.get(unsubscribe_path).content.decode()
    client.post(unsubscribe_path)
    assert "Already unsubscribed" in client.get(unsubscribe_path).content.decode()
    cache.clear()
