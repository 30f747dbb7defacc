"""Petitions and pledges: signing once, counting exactly in every language, thanking without
revealing who signed, emails queued once, bad input, closing, goals and query budgets."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.test import Client

from actions import signing
from actions.factories import PledgePageFactory, SignatureFactory
from actions.models import PetitionPage, PledgePage, Signature, Subscriber
from core.models.outbox import OutboundEmail
from home.factories import CampaignImageFactory
from tests.actions.petitions.helpers import sign
from tests.helpers import warm_queries

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
    assert f"http://testserver{petition.url}" in email.body
    assert OutboundEmail.objects.count() == 1


@pytest.mark.indexes
def test_a_signature_adds_nothing_to_wagtails_reference_index(client, petition):
    from wagtail.models import ReferenceIndex

    before = ReferenceIndex.objects.count()
    sign(client, petition, newsletter="on")
    assert Signature.objects.count() == 1 and Subscriber.objects.count() == 1
    assert ReferenceIndex.objects.count() == before


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
    # The thank-you link carries a token signed with the second it was made: both in one second.
    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch("django.core.signing.time") as clock,
    ):
        clock.time.return_value = time.time()
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


def test_participating_organizations_are_listed_in_the_pages_language(
    client, petition, organizations, spanish_home
):
    from core.localization import translate
    from tests.actions.petitions.helpers import spanish_strings

    for organization in organizations:
        translate(organization, "es", {organization.description: "Una organización de ejemplo."})
    spanish = translate(petition, "es", spanish_strings(petition))
    english_html = client.get(petition.url).content.decode()
    assert english_html.index("Partner 0") < english_html.index("Partner 2")
    assert "A sample partner organization." in english_html
    spanish_html = client.get(spanish.url).content.decode()
    assert "Partner 1" in spanish_html and "Una organización de ejemplo." in spanish_html
    assert "A sample partner organization." not in spanish_html
    # A name stays as written, marked with its own language where the page's differs.
    assert spanish_html.count('<h3 class="organization__name" lang="en">') == 3
    assert english_html.count('<h3 class="organization__name">') == 3


def test_an_organizations_logo_beside_its_name_repeats_nothing(client, petition, organizations):
    """Its alt text (written once, in one language) would only repeat the name that follows."""
    organizations[0].logo = CampaignImageFactory(alt_text="Logo of Partner 0")
    organizations[0].save()
    html = client.get(petition.url).content.decode()
    assert '<img alt="" class="organization__logo"' in html


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


def test_the_page_query_count_does_not_grow_with_signatures(client, petition, organizations):
    warm_queries(client, petition.url)[0]  # warm per-process caches
    SignatureFactory.create_batch(10, action=petition, public=True)
    few = warm_queries(client, petition.url)[0]
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
    assert warm_queries(client, petition.url)[0] == few
    assert count_in(client.get(petition.url).content.decode()) == "10,010"


def test_the_home_page_lists_featured_actions_with_counts_in_fixed_queries(
    client, home_page, petition, organizations
):
    warm_queries(client, home_page.url)[0]
    SignatureFactory.create_batch(5, action=petition)
    html = client.get(home_page.url).content.decode()
    assert "Take action" in html and petition.title in html and "5 signatures, goal 1,000" in html
    assert "Partner 0" in html
    few = warm_queries(client, home_page.url)[0]
    for n in range(4):
        PledgePageFactory(parent=home_page, slug=f"pledge-{n}")
    SignatureFactory.create_batch(300, action=petition)
    assert warm_queries(client, home_page.url)[0] == few
