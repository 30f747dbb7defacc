"""Privacy: signatures are anonymised once their action has been closed for the retention period
(`manage.py apply_retention`), and staff find and erase everything held about an address on
request, logging it with a keyed hash, never the address."""

import io
import logging
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from actions.factories import PetitionPageFactory, PledgePageFactory, SignatureFactory
from actions.models import Signature, Subscriber
from actions.personal_data import ANONYMISED_DOMAIN
from core import personal_data
from core.models import ErasureRequest
from core.models.outbox import OutboundEmail, Suppression
from core.personal_data import Holding, apply_retention, find_everything
from core.privacy import hash_email
from testimonials.models import TestimonialPage, VoiceSubmission
from tests.helpers import staff_user
from tests.testimonials.helpers import act, submit
from tests.testimonials.test_bad_input import png_bytes

pytestmark = pytest.mark.django_db

DAYS = 365


def long_ago(days: int):
    return timezone.now() - timedelta(days=days)


def closed_action(home_page, slug: str, closed_days_ago: int, factory=PetitionPageFactory):
    """An action closed with the "closed" box, last published `closed_days_ago` days ago."""
    page = factory(parent=home_page, slug=slug, closed=True)
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(last_published_at=long_ago(closed_days_ago))
    return page


def retention_output(dry_run: bool = False) -> str:
    out = io.StringIO()
    call_command("apply_retention", *(["--dry-run"] if dry_run else []), stdout=out)
    return out.getvalue()


@pytest.fixture
def actions(home_page, settings):
    settings.RETENTION_DAYS_AFTER_CLOSE = DAYS
    old = closed_action(home_page, "old", DAYS + 30)
    recent = closed_action(home_page, "recent", 30, factory=PledgePageFactory)
    open_page = PetitionPageFactory(parent=home_page, slug="open")
    open_page.save_revision().publish()
    for page, count in ((old, 3), (recent, 2), (open_page, 1)):
        for n in range(count):
            SignatureFactory(
                action=page,
                email=f"{page.slug}{n}@example.org",
                first_name="Ana",
                last_name="Rivera",
                zip_code="78701",
                state="TX",
                public=True,
                created_at=long_ago(DAYS + 60),
            )
    return old, recent, open_page


def test_signatures_are_anonymised_once_their_action_has_been_closed_long_enough(actions):
    old, _recent, _open = actions
    assert "Petition and pledge signatures: 3 would be anonymised" in retention_output(dry_run=True)
    assert Signature.objects.filter(email__endswith=ANONYMISED_DOMAIN).count() == 0  # dry run

    output = retention_output()
    assert "Retention: 365 days after an action closes." in output
    assert "Petition and pledge signatures: 3 anonymised" in output
    for signature in Signature.objects.filter(action=old):
        assert signature.email == f"anonymised-{signature.pk}@{ANONYMISED_DOMAIN}"
        assert (signature.first_name, signature.last_name, signature.zip_code) == ("", "", "")
        assert signature.public is False
        assert (signature.state, signature.language) == ("TX", "en")  # still adds up by state
    assert Signature.objects.filter(action=old).count() == 3  # the count is unchanged
    untouched = Signature.objects.exclude(action=old)
    assert set(untouched.values_list("first_name", flat=True)) == {"Ana"}
    assert untouched.count() == 3
    # Idempotent: a second run has nothing left to do.
    assert "Total: 0 anonymised." in retention_output()


def test_a_close_date_starts_the_period_and_the_setting_sets_its_length(home_page, settings):
    settings.RETENTION_DAYS_AFTER_CLOSE = 30
    page = PetitionPageFactory(parent=home_page, slug="dated")
    page.close_date = timezone.localdate() - timedelta(days=31)
    page.save_revision().publish()
    SignatureFactory(action=page, email="a@example.org")
    assert apply_retention(dry_run=True)["Petition and pledge signatures"] == 1
    settings.RETENTION_DAYS_AFTER_CLOSE = 60
    assert apply_retention()["Petition and pledge signatures"] == 0


def test_an_action_open_in_one_language_is_not_closed(home_page, spanish_home, settings):
    from core.localization import translate
    from tests.actions.petitions.helpers import spanish_strings

    settings.RETENTION_DAYS_AFTER_CLOSE = DAYS
    page = closed_action(home_page, "petition", DAYS + 30)
    spanish = translate(page, "es", spanish_strings(page))
    type(spanish).objects.filter(pk=spanish.pk).update(closed=False)
    SignatureFactory(action=spanish, email="luz@example.org")
    assert apply_retention()["Petition and pledge signatures"] == 0
    type(spanish).objects.filter(pk=spanish.pk).update(
        closed=True, last_published_at=long_ago(DAYS + 1)
    )
    assert apply_retention()["Petition and pledge signatures"] == 1


def test_signatures_of_a_deleted_action_count_from_their_last_signature(home_page, settings):
    settings.RETENTION_DAYS_AFTER_CLOSE = DAYS
    gone = PetitionPageFactory(parent=home_page, slug="gone")
    SignatureFactory(action=gone, email="a@example.org", created_at=long_ago(DAYS + 5))
    SignatureFactory(action=gone, email="b@example.org", created_at=long_ago(DAYS + 2))
    recent_gone = PetitionPageFactory(parent=home_page, slug="recent-gone")
    SignatureFactory(action=recent_gone, email="c@example.org", created_at=long_ago(10))
    gone.delete()
    recent_gone.delete()
    assert apply_retention()["Petition and pledge signatures"] == 2
    assert Signature.objects.get(email="c@example.org").first_name != ""


def test_anonymised_signers_leave_the_recent_signers(client, actions):
    old = actions[0]
    page_model = type(old)
    page_model.objects.filter(pk=old.pk).update(closed=False)  # open: recent signers shown
    assert "Ana" in client.get(old.url).content.decode().split("recent-signers", 1)[1]
    page_model.objects.filter(pk=old.pk).update(closed=True)
    apply_retention()
    page_model.objects.filter(pk=old.pk).update(closed=False)
    html = client.get(old.url).content.decode()
    # A word, not a substring: a random token on the page may hold the letters "Ana".
    assert "recent-signers" not in html
    assert not re.search(r"\bAna\b", html.split('id="main"', 1)[1])


def test_other_apps_register_their_own_retention_rules(actions, monkeypatch):
    """The hook letters use: a holding registered from an app's personal_data.py is run."""
    calls = []

    class LettersSent(Holding):
        label = "Letters to legislators"

        def find(self, email):
            return []

        def erase(self, email):
            return 0

        def expire(self, now, dry_run=False):
            calls.append(dry_run)
            return 7

    monkeypatch.setattr(personal_data, "_registry", list(personal_data.holdings()))
    personal_data.register(LettersSent)
    output = retention_output(dry_run=True)
    assert "Letters to legislators: 7 would be anonymised" in output
    assert calls == [True]


# Erasure on request ----------------------------------------------------------------------

ERASE = "/admin/erasure_requests/erase/"
LOG = "/admin/erasure_requests/"
ADDRESS = "ana@example.org"


@pytest.fixture
def held(home_page, add_voice, moderator, client, django_capture_on_commit_callbacks):
    """Everything a supporter can leave behind, and the same for somebody else."""
    capture = django_capture_on_commit_callbacks
    petition = PetitionPageFactory(parent=home_page, slug="petition")
    pledge = PledgePageFactory(parent=home_page, slug="pledge")
    for page in (petition, pledge):
        page.save_revision().publish()
        SignatureFactory(action=page, email=ADDRESS, first_name="Ana")
        SignatureFactory(action=page, email="luz@example.org", first_name="Luz")
    Subscriber.objects.create(email=ADDRESS, language="en", consent_text="News.")
    Subscriber.objects.create(email="luz@example.org", language="es", consent_text="News.")
    photo = SimpleUploadedFile("me.png", png_bytes(), "image/png")
    submit(
        client, add_voice, capture=capture, email="Ana@Example.org", photo=photo, photo_alt="Ana"
    )
    submit(client, add_voice, capture=capture, email="luz@example.org", quote="Other words.")
    voice = VoiceSubmission.objects.get(email="Ana@Example.org").page
    act(client, moderator, voice, "approve", capture=capture)
    Suppression.objects.create(email=ADDRESS, reason=Suppression.Reason.COMPLAINED)
    return voice


def test_staff_see_everything_held_before_they_confirm(client, held):
    client.force_login(staff_user("data", groups=("Campaign data",)))
    assert client.get(ERASE).status_code == 200
    html = client.post(ERASE, {"action": "find", "email": " ANA@example.org "}).content.decode()
    assert "Petition and pledge signatures (2)" in html
    assert "Newsletter subscription (1)" in html
    assert "Voices (with their photos) (1)" in html
    assert f"“{held.title}”" in html
    assert "Emails to the address (sent, queued or failed) (2)" in html  # received, published
    assert "Suppressed address (1)" in html and "from ever emailing it again" in html
    assert "Yes, erase all of this" in html
    assert "Luz" not in html and "luz@" not in html
    # Nothing has been erased yet.
    assert Signature.objects.filter(email=ADDRESS).count() == 2
    assert ErasureRequest.objects.count() == 0


def test_erasing_deletes_everything_about_the_address_and_nothing_else(client, held, caplog):
    staff = staff_user("data", groups=("Campaign data",))
    client.force_login(staff)
    voice_url, photo_id, voice_id = held.url, held.photo_id, held.pk
    assert client.get(voice_url).status_code == 200
    before = {
        "signatures": Signature.objects.count(),
        "subscribers": Subscriber.objects.count(),
        "voices": TestimonialPage.objects.count(),
    }
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            ERASE,
            {"action": "erase", "email": "Ana@Example.org", "reference": "Letter of 3 May"},
        )
    assert response.status_code == 302 and response["Location"] == LOG
    assert Signature.objects.filter(email=ADDRESS).count() == 0
    assert Signature.objects.count() == before["signatures"] - 2
    assert not Subscriber.objects.filter(email=ADDRESS).exists()
    assert Subscriber.objects.count() == before["subscribers"] - 1
    assert not VoiceSubmission.objects.filter(email__iexact=ADDRESS).exists()
    assert TestimonialPage.objects.count() == before["voices"] - 1
    assert not get_image_model().objects.filter(pk=photo_id).exists()
    assert not PageLogEntry.objects.filter(page_id=voice_id).exists()
    assert not OutboundEmail.objects.filter(to_email=ADDRESS).exists()
    reviews = OutboundEmail.objects.filter(template="testimonials/emails/voice_to_review")
    assert not [e for e in reviews if e.context["review_url"].endswith(f"/pages/{voice_id}/edit/")]
    assert reviews.exists()  # the moderators' email about Luz's voice stays
    assert Suppression.is_suppressed(ADDRESS)  # kept, so the address is never emailed again
    assert client.get(voice_url).status_code == 404

    [record] = ErasureRequest.objects.all()
    assert record.email_hash == hash_email(ADDRESS) and record.handled_by == staff
    assert record.reference == "Letter of 3 May"
    assert record.erased == {
        "Petition and pledge signatures": 2,
        "Newsletter subscription": 1,
        "Voices (with their photos)": 1,
        "Emails to the address (sent, queued or failed)": 2,
    }
    stored = " ".join(str(v) for v in ErasureRequest.objects.values().get().values())
    assert "ana" not in stored.lower()
    assert "ana@example.org" not in caplog.text.lower()
    listing = client.get(LOG).content.decode()
    assert "Letter of 3 May" in listing and "ana@example.org" not in listing.lower()
    assert "Newsletter subscription: 1; Petition and pledge signatures: 2" in listing
    # Asked again, staff see the earlier request, found by the keyed hash.
    again = client.post(ERASE, {"action": "find", "email": ADDRESS}).content.decode()
    assert "This address was erased once before" in again and "Letter of 3 May" in again
    assert "Newsletter subscription" not in again


def test_nothing_found_is_said_plainly_and_offers_no_erase_button(client, home_page):
    client.force_login(staff_user("data", groups=("Campaign data",)))
    html = client.post(ERASE, {"action": "find", "email": "nobody@example.org"}).content.decode()
    assert "The site holds nothing about this address." in html
    assert "Yes, erase all of this" not in html
    assert find_everything("nobody@example.org") == []


def test_the_reference_may_not_hold_the_address(client, home_page):
    client.force_login(staff_user("data", groups=("Campaign data",)))
    html = client.post(
        ERASE, {"action": "erase", "email": ADDRESS, "reference": "from ana@example.org"}
    ).content.decode()
    assert "without the email address" in html
    assert ErasureRequest.objects.count() == 0


def test_only_staff_with_the_permission_find_or_erase(client, held):
    editor = staff_user("editor", groups=("Editors",))
    viewer = staff_user("viewer", "view_erasurerequest")
    for user, log_ok in ((editor, False), (viewer, True)):
        client.force_login(user)
        assert client.get(ERASE).status_code in (302, 403)
        response = client.post(ERASE, {"action": "erase", "email": ADDRESS})
        assert response.status_code in (302, 403)
        assert (client.get(LOG).status_code == 200) is log_ok
        assert "Find and erase an address" not in client.get(LOG).content.decode()
    assert Signature.objects.filter(email=ADDRESS).count() == 2
    assert len(mail.outbox) >= 1  # the fixture's emails, nothing from the refused attempts


def test_the_log_cannot_be_edited_or_deleted(client, admin_user, home_page):
    record = ErasureRequest.objects.create(email_hash=hash_email(ADDRESS), erased={"x": 1})
    client.force_login(admin_user)
    assert client.get(f"{LOG}edit/{record.pk}/").status_code in (302, 403, 404)
    assert client.post(f"{LOG}delete/{record.pk}/").status_code in (302, 403, 404)
    assert ErasureRequest.objects.filter(pk=record.pk).exists()


def test_the_demo_has_a_privacy_page_in_both_languages_linked_from_every_footer(demo_site, client):
    english = client.get("/en/privacy/").content.decode()
    assert "How long we keep it" in english and "anonymised a year after" in english
    spanish = client.get("/es/privacidad/").content.decode()
    assert "Cuánto tiempo lo conservamos" in spanish and "se anonimizan" in spanish
    assert 'href="/en/privacy/">Privacy policy</a>' in client.get("/en/").content.decode()
    assert (
        'href="/es/privacidad/">Política de privacidad</a>' in client.get("/es/").content.decode()
    )
