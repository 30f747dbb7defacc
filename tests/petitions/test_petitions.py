"""Petitions and pledges: signing once, counting exactly in every language, thanking without
revealing who signed, emails queued once, bad input, closing, goals and query budgets."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actions import signing
from actions.factories import PledgePageFactory, SignatureFactory
from actions.models import PetitionPage, PledgePage, Signature, Subscriber
from home.outbox.models import OutboundEmail
from tests.petitions.helpers import sign, signature_data

pytestmark = pytest.mark.django_db


def count_in(html: str) -> str:
    return html.split("data-count>", 1)[1].split("<", 1)[0]


def test_the_page_shows_the_text_target_goal_and_a_form_without_a_csrf_token(client, petition):
    response = client.get(petition.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Petition to U.S. Congress" in html and "To: U.S. Congress" in html
    assert '<progress id="action-progress-' in html and 'max="1000" value="0"' in html
    assert 'name="email"' in html and 'name="website"' in html and 'name="form_started"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert response.page_cache_seconds == 15


def test_signing_redirects_to_the_thank_you_and_saves_one_row(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, petition, email="  Ana@Example.ORG ", public="on")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == petition.url and "thanks" in parse_qs(location.query)
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert "Thank you for signing" in html and "Share on Facebook" in html
    assert "source%3Dshare-facebook" in html  # each network's link carries its own source
    assert "private" in thanks["Cache-Control"]  # the thank-you is never page-cached
    assert count_in(html) == "1"

    signature = Signature.objects.get()
    assert signature.email == "ana@example.org"
    assert (signature.state, signature.zip_code, signature.country) == ("TX", "78701", "US")
    assert signature.language == "en" and signature.public is True
    assert signature.action_id == petition.pk and signature.action_key == petition.translation_key
    assert signature.consent_text == petition.consent_text

    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert email.subject == "Thank you for signing: End qualified immunity"
    assert OutboundEmail.objects.count() == 1


def test_signing_again_in_any_case_is_friendly_and_never_a_second_row(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sign(client, petition, email="ana@example.org")
        again = sign(client, petition, email=" ANA@example.org")
    assert Signature.objects.count() == 1
    assert again.status_code == 302
    html = client.get(again["Location"]).content.decode()
    assert "You have already signed: thank you!" in html
    assert count_in(html) == "1"
    assert first.status_code == 302
    # The owner gets a thank-you, then one note that they had already signed.
    assert [m.subject for m in mail.outbox] == [
        "Thank you for signing: End qualified immunity",
        "You have already signed: End qualified immunity",
    ]
    # Submitting again at once sends nothing more (nobody can flood a mailbox).
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, email="ana@example.org")
    assert len(mail.outbox) == 2 and Signature.objects.count() == 1


def test_a_stranger_cannot_tell_whether_an_address_had_signed(
    petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(Client(), petition, email="owner@example.org")
    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):
        known = sign(stranger, petition, email="owner@example.org")
        unknown = sign(Client(), petition, email="someone-new@example.org")
    known_page = Client().get(known["Location"]).content.decode()
    unknown_page = Client().get(unknown["Location"]).content.decode()
    assert "already signed" not in known_page
    assert "Thank you for signing" in known_page
    assert known_page == unknown_page  # the very same HTML, whatever the database holds
    assert set(known.cookies) == set(unknown.cookies) == {signing.SIGNED_COOKIE}
    # Only the address's owner learns it, by email.
    assert mail.outbox[-2].to == ["owner@example.org"]
    assert "already signed" in mail.outbox[-2].subject
    assert Signature.objects.count() == 2


def test_a_thanks_token_is_tied_to_its_action_and_expires(client, petition, home_page, settings):
    other = PledgePageFactory(parent=home_page, slug="pledge")
    token = signing.thanks_token(petition, already=False)
    assert signing.read_thanks_token(petition, token) == "new"
    assert signing.read_thanks_token(other, token) is None
    assert signing.read_thanks_token(petition, token + "x") is None
    assert signing.read_thanks_token(petition, "garbage") is None
    settings.SIGNATURE_THANKS_MAX_AGE = -1
    assert signing.read_thanks_token(petition, token) is None
    # A forged or stale token simply shows the form.
    html = client.get(petition.url, {"thanks": "forged"}).content.decode()
    assert 'name="email"' in html and "Thank you for signing" not in html


def test_signing_in_spanish_counts_in_both_languages(
    client, petition, spanish_petition, django_capture_on_commit_callbacks
):
    SignatureFactory.create_batch(3, action=petition)
    assert spanish_petition.url.startswith("/es/")
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, spanish_petition, email="lucia@example.org", first_name="Lucía")
    assert response["Location"].startswith(spanish_petition.url)
    thanks = client.get(response["Location"]).content.decode()
    assert "Gracias por firmar" in thanks
    assert count_in(thanks) == "4"
    assert count_in(client.get(petition.url).content.decode()) == "4"
    assert count_in(client.get(spanish_petition.url).content.decode()) == "4"
    signature = Signature.objects.get(email="lucia@example.org")
    assert signature.language == "es" and signature.action_id == spanish_petition.pk
    assert signature.consent_text == "Le enviaremos un correo para confirmar su firma."
    assert 'lang="es"' in mail.outbox[0].alternatives[0][0]
    # The same person in the other language is still one signature.
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, email="LUCIA@example.org")
    assert Signature.objects.filter(email="lucia@example.org").count() == 1
    assert signing.signature_count(petition.translation_key) == 4


def test_the_newsletter_box_hands_the_address_to_the_double_opt_in(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, email="news@example.org", newsletter="on")
        sign(client, petition, email="quiet@example.org")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "news@example.org"
    assert subscriber.status == Subscriber.Status.PENDING  # until they click the link
    assert subscriber.source_page_id == petition.pk
    assert "campaign news" in subscriber.consent_text
    subjects = sorted(m.subject for m in mail.outbox if m.to == ["news@example.org"])
    assert subjects[0].startswith("Confirm your subscription")
    assert Signature.objects.get(email="news@example.org").newsletter is True


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "", "Enter your email address."),
        ("email", "not-an-email", "Enter an email address like name@example.org."),
        ("email", "a@b.org\r\nBcc: x@y.org", "Enter an email address like"),
        ("zip_code", "1234", "Enter a ZIP code of five digits, like 20515."),
        ("zip_code", "ABCDE", "Enter a ZIP code of five digits, like 20515."),
        ("zip_code", "", "Enter your ZIP code."),
        ("first_name", "A" * 1000, "Use at most 100 characters."),
        ("last_name", "   ", "Enter your last name."),
        ("first_name", "Ana\nBcc: x", "This cannot contain line breaks."),
    ],
)
def test_bad_input_is_a_clear_message_next_to_the_field(client, petition, field, value, message):
    response = sign(client, petition, **{field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="field field--invalid"' in html and 'aria-invalid="true"' in html
    assert Signature.objects.count() == 0 and OutboundEmail.objects.count() == 0


def test_what_was_typed_is_kept_and_script_is_escaped_everywhere(
    client, petition, django_capture_on_commit_callbacks
):
    script = "<script>alert(1)</script>"
    html = sign(client, petition, first_name=script, zip_code="12").content.decode()
    assert script not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, first_name=script, last_name=script, public="on")
    page = client.get(petition.url).content.decode()
    assert script not in page and "&lt;script&gt;" in page  # among the recent signers
    assert script not in mail.outbox[0].alternatives[0][0]


def test_outside_the_us_no_zip_is_needed(client, petition):
    response = sign(client, petition, country="other", zip_code="")
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.country, signature.zip_code, signature.state) == ("other", "", "")


def test_a_zip_plus_four_is_accepted_as_its_five_digits(client, petition):
    sign(client, petition, zip_code="20515-0001")
    assert Signature.objects.get().zip_code == "20515"


def test_a_source_code_is_recorded_and_an_unknown_or_mangled_one_does_not_fail(client, petition):
    form = client.get(petition.url, {"source": "Partner-1"}).content.decode()
    assert 'name="source" value="partner-1"' in form
    sign(client, petition, email="a@example.org", source="partner-1")
    sign(client, petition, email="b@example.org", source="never-heard-of-it")
    sign(client, petition, email="c@example.org", source="<script>x</script>" * 20)
    sources = dict(Signature.objects.values_list("email", "source"))
    assert sources == {
        "a@example.org": "partner-1",
        "b@example.org": "never-heard-of-it",
        "c@example.org": "",
    }


def test_a_closed_petition_shows_why_and_takes_no_signature(client, petition):
    petition.closed = True
    petition.delivery_note = "Delivered to Congress on 4 May."
    petition.save_revision().publish()
    html = client.get(petition.url).content.decode()
    assert "This petition is closed" in html and "Delivered to Congress on 4 May." in html
    assert 'name="email"' not in html
    response = sign(client, petition)
    assert response.status_code == 410
    assert "This petition is closed" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_past_close_date_closes_the_petition(client, petition):
    import datetime

    petition.close_date = datetime.date(2020, 1, 1)
    petition.save_revision().publish()
    assert sign(client, petition).status_code == 410


def test_a_huge_post_is_refused_clearly(client, petition):
    response = client.post(
        petition.url, signature_data(first_name="x" * 100_000), REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 413
    assert "That submission was too large" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_bot_sees_the_thank_you_and_nothing_is_saved(client, petition):
    response = sign(client, petition, website="http://spam.example")
    assert response.status_code == 302 and "thanks=" in response["Location"]
    assert Signature.objects.count() == 0 and OutboundEmail.objects.count() == 0
    too_fast = sign(client, petition, form_started=signing.signing.dumps({"t": 0}))
    assert too_fast.status_code == 302 and Signature.objects.count() == 0


def test_a_busy_network_is_told_to_come_back_not_silently_dropped(client, petition, settings):
    settings.SIGNATURE_RATE_LIMIT_COUNT = 2
    for n in range(2):
        assert (
            sign(client, petition, email=f"p{n}@example.org", ip="198.51.100.1").status_code == 302
        )
    response = sign(client, petition, email="third@example.org", ip="198.51.100.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many signatures from your network" in html and 'value="third@example.org"' in html
    assert sign(client, petition, email="third@example.org", ip="198.51.100.2").status_code == 302
    assert Signature.objects.count() == 3


@pytest.mark.parametrize(
    ("goal", "count", "shown"),
    [(1000, 0, 1000), (1000, 999, 1000), (1000, 1000, 2000), (1000, 4999, 5000), (750, 750, 1000),
     (500, 320, 500), (100, 140, 200), (0, 0, 1)],
)  # fmt: skip
def test_the_goal_steps_up_when_reached(goal, count, shown):
    assert signing.stepped_goal(goal, count) == shown


def test_a_reached_goal_shows_the_next_one(client, petition):
    petition.goal = 3
    petition.save_revision().publish()
    SignatureFactory.create_batch(3, action=petition)
    html = client.get(petition.url).content.decode()
    assert "We passed our first goal! Next goal:" in html and 'max="5" value="3"' in html


def test_recent_signers_show_only_first_name_and_state_of_those_who_agreed(client, petition):
    SignatureFactory(action=petition, first_name="Shown", last_name="Secret", public=True)
    SignatureFactory(action=petition, first_name="Hidden", public=False, email="hide@example.org")
    html = client.get(petition.url).content.decode()
    assert "Shown from District of Columbia" in html
    assert "Hidden" not in html and "Secret" not in html and "@example.org" not in html


def test_participating_organisations_are_listed_in_the_pages_language(
    client, petition, organisations, spanish_home
):
    from home.localization import translate
    from tests.petitions.helpers import spanish_strings

    for organisation in organisations:
        translate(organisation, "es", {organisation.description: "Una organización de ejemplo."})
    spanish = translate(petition, "es", spanish_strings(petition))
    english_html = client.get(petition.url).content.decode()
    assert english_html.index("Partner 0") < english_html.index("Partner 2")
    assert "A sample partner organisation." in english_html
    spanish_html = client.get(spanish.url).content.decode()
    assert "Partner 1" in spanish_html and "Una organización de ejemplo." in spanish_html
    assert "A sample partner organisation." not in spanish_html


def test_pledges_promise_rather_than_address_a_target(client, home_page):
    pledge = PledgePageFactory(parent=home_page, slug="pledge")
    html = client.get(pledge.url).content.decode()
    assert pledge.promise in html and "Take the pledge" in html and "To:" not in html
    assert sign(client, pledge).status_code == 302
    assert Signature.objects.get().action_key == pledge.translation_key


def test_action_pages_sit_under_the_home_page(home_page):
    allowed = home_page.specific_class.allowed_subpage_models()
    assert PetitionPage in allowed and PledgePage in allowed
    assert PetitionPage.allowed_subpage_models() == []


def page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_query_count_does_not_grow_with_signatures(client, petition, organisations):
    page_queries(client, petition.url)  # warm per-process caches
    SignatureFactory.create_batch(10, action=petition, public=True)
    few = page_queries(client, petition.url)
    Signature.objects.bulk_create(
        [
            Signature(
                action=petition,
                action_key=petition.translation_key,
                first_name="Sample",
                last_name="Signer",
                email=f"bulk{n}@example.org",
                language="en",
                public=n % 2 == 0,
                consent_text="sample",
            )
            for n in range(10_000)
        ]
    )
    assert page_queries(client, petition.url) == few
    assert count_in(client.get(petition.url).content.decode()) == "10,010"


def test_the_home_page_lists_featured_actions_with_counts_in_fixed_queries(
    client, home_page, petition, organisations
):
    page_queries(client, home_page.url)
    SignatureFactory.create_batch(5, action=petition)
    html = client.get(home_page.url).content.decode()
    assert "Take action" in html and petition.title in html and "5 signatures, goal 1,000" in html
    assert "Partner 0" in html
    few = page_queries(client, home_page.url)
    for n in range(4):
        PledgePageFactory(parent=home_page, slug=f"pledge-{n}")
    SignatureFactory.create_batch(300, action=petition)
    assert page_queries(client, home_page.url) == few
