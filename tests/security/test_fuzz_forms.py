"""Property-based fuzzing of every public form endpoint that takes a POST, through the test
client: whatever a visitor, bot or scanner sends (hostile text in any field, fields missing or
repeated, unknown fields, forged spam tokens, random files, malformed bodies), the answer is
never a server error, and nothing typed comes back unescaped.

The GET endpoints (search, any path, Accept-Language, Host) are fuzzed in test_fuzz.py; the
letter form, with its district choice, in
tests/actions/letters/test_letter_defences.py::test_whatever_is_posted_the_answer_is_never_a_server_error.
"""

import os
import time

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from actions.factories import PledgePageFactory, SignupPageFactory
from actions.models import Signature, Subscriber
from core.localization import translate
from core.spam import started_token
from home.factories import StandardPageFactory
from testimonials.models import TestimonialPage
from tests.security.test_fuzz import hostile_text

# How many examples: the Hypothesis profile (tests/conftest.py), small locally, 300 in CI.
FUZZ = settings(
    deadline=None,
    # The pages are built once per test; every example posts to them.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What a form may answer: the thank-you redirect, the form again with errors, a refusal.
EXPECTED = {200, 302, 400, 403, 404, 405, 410, 413, 429}
MARKUP = "<script>alert(1)</script>"

# Mostly a valid start time, so that most examples get past the spam traps to the form itself.
form_started = st.sampled_from(["valid"] * 8 + ["missing", "too fast", "hostile"]).flatmap(
    lambda kind: {
        "valid": st.builds(lambda: started_token(time.time() - 30)),
        "missing": st.just(""),
        "too fast": st.builds(lambda: started_token(time.time() - 1)),
        "hostile": hostile_text,
    }[kind]
)


EXTRA_FIELDS = st.dictionaries(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20),
    hostile_text,
    max_size=3,
)


def form_data(plausible: dict) -> st.SearchStrategy:
    """A submission as a person would make it, then up to three fields replaced by anything at
    all or left out, unknown fields added, the spam traps sometimes sprung: so that examples
    reach the success path as well as every error."""
    names = list(plausible)

    @st.composite
    def build(draw):
        data = {name: draw(strategy) for name, strategy in plausible.items()}
        spoiled = st.lists(st.sampled_from(names), max_size=3, unique=True)
        for name in draw(st.one_of(st.just([]), spoiled)):
            value = draw(st.one_of(hostile_text, st.none()))
            if value is None:
                data.pop(name)
            else:
                data[name] = value
        return {
            **draw(EXTRA_FIELDS),
            **data,
            "form_started": draw(form_started),
            "website": draw(st.sampled_from([""] * 9 + ["http://spam.example"])),
        }

    return build()


NAMES = st.sampled_from(["Ana", "María José", "O'Brien", "مريم", "李", "Zoë 👩🏽‍⚖️"])
EMAILS = st.one_of(
    st.from_regex(r"[a-z0-9._+-]{1,20}@example\.org", fullmatch=True),
    st.sampled_from(["ANA@example.org ", '"a b"@example.org', "ana@bücher.example"]),
)
SIGNATURE = form_data(
    {
        "first_name": NAMES,
        "last_name": NAMES,
        "email": EMAILS,
        "country": st.sampled_from(["US", "US", "other"]),
        "zip_code": st.sampled_from(["78701", "20515-0001", "00601", "99999"]),
        "public": st.sampled_from(["on", ""]),
        "newsletter": st.sampled_from(["on", ""]),
        "source": st.sampled_from(["", "partner-1", "share-x"]),
    }
)
NEWSLETTER = form_data(
    {
        "email": EMAILS,
        "first_name": NAMES,
        "source_page": st.sampled_from(["", "1", "2", "999999", "-1"]),
    }
)
VOICE = form_data(
    {
        "name": NAMES,
        "name_shown": st.sampled_from(["full", "first", "anonymous"]),
        "email": EMAILS,
        "profession": st.sampled_from(["Nurse", "Pastor", ""]),
        "city": st.sampled_from(["Austin", "San Juan", ""]),
        "state": st.sampled_from(["TX", "PR", "DC"]),
        "category": st.sampled_from(["other", "veteran", "faith"]),
        "quote": st.sampled_from(["No one is above the law.", "Nadie está por encima de la ley."]),
        "photo_alt": st.sampled_from(["Me smiling", ""]),
        "consent": st.just("on"),
    }
)


def counting(model):
    """Records whether the example saved a row: the statistics show the fuzzer reaching the
    forms' success path, not only their errors and the spam traps."""

    class Counter:
        def __enter__(self):
            self.before = model.objects.count()

        def __exit__(self, *exc):
            if not exc[0]:
                event("saved" if model.objects.count() > self.before else "not saved")

    return Counter()


def assert_answered(response, data: dict | None = None) -> None:
    # --hypothesis-show-statistics shows how often each answer came (saved, refused, ...).
    event(f"answered {response.status_code}")
    assert response.status_code in EXPECTED, (response.status_code, data)
    if response.status_code == 200 and not response.streaming:
        assert MARKUP.encode() not in response.content, data


@pytest.fixture
def site(home_page, spanish_home, settings):
    # Rate limits would turn most examples into silent drops; the fuzzer wants the forms.
    settings.SPAM_RATE_LIMIT_COUNT = 1_000_000
    settings.SIGNATURE_RATE_LIMIT_COUNT = 1_000_000
    signup = SignupPageFactory(parent=home_page, title="Stay connected", slug="newsletter")
    signup.save_revision().publish()
    translate(
        signup,
        "es",
        {
            "Stay connected": "Manténgase informado",
            "newsletter": "boletin",
            signup.introduction: "Noticias y acciones.",
            signup.consent_text: "Le enviaremos noticias de la campaña.",
            signup.thank_you_heading: "Revise su correo",
            signup.thank_you_text: "Le hemos enviado un correo para confirmar.",
        },
    )
    pledge = PledgePageFactory(parent=home_page, slug="pledge")
    pledge.save_revision().publish()
    about = StandardPageFactory(parent=home_page, slug="about")
    return {"signup": signup, "pledge": pledge, "about": about}


@pytest.mark.django_db
@FUZZ
@given(data=NEWSLETTER, language=st.sampled_from(["en", "es"]))
def test_the_newsletter_and_footer_forms_never_fail(site, data, language):
    signup = site["signup"]
    url = (
        signup.url
        if language == "en"
        else signup.get_translation(Locale.objects.get(language_code="es")).url
    )
    with counting(Subscriber):
        assert_answered(Client().post(url, data, REMOTE_ADDR="203.0.113.60"), data)


@pytest.mark.django_db
@FUZZ
@given(data=SIGNATURE)
def test_the_petition_form_never_fails(site, petition, data):
    with counting(Signature):
        assert_answered(Client().post(petition.url, data, REMOTE_ADDR="203.0.113.61"), data)


@pytest.mark.django_db
@FUZZ
@given(data=SIGNATURE)
def test_the_pledge_form_never_fails(site, data):
    assert_answered(Client().post(site["pledge"].url, data, REMOTE_ADDR="203.0.113.62"), data)


@pytest.mark.django_db
@FUZZ
@given(
    data=SIGNATURE,
    kind=st.sampled_from(["petition", "pledge", "letter", "x"]),
    language=st.sampled_from(["en", "es"]),
    query=st.dictionaries(st.sampled_from(["source", "form", "thanks"]), hostile_text, max_size=2),
)
def test_the_embedded_widget_never_fails(site, petition, data, kind, language, query):
    page = petition if kind != "pledge" else site["pledge"]
    url = reverse("action_embed", args=[kind, page.pk]).replace("/en/", f"/{language}/", 1)
    client = Client()
    assert_answered(client.post(url, data, REMOTE_ADDR="203.0.113.63"), data)
    assert_answered(client.get(url, query), query)


@pytest.mark.django_db
@FUZZ
@given(
    data=VOICE,
    photo=st.one_of(
        st.none(),
        st.binary(max_size=2_000),
        st.sampled_from([b"GIF89a", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"<svg/>"]),
    ),
    # Names the test client can send: Django's own parser drops a file whose name has no base
    # name ("/", ".."), and SimpleUploadedFile refuses to build one.
    photo_name=st.text(max_size=40).filter(
        lambda name: "\x00" not in name and os.path.basename(name) not in {"", ".", ".."}
    ),
)
def test_the_voice_form_never_fails(site, add_voice, data, photo, photo_name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    if photo is not None:
        data = {**data, "photo": SimpleUploadedFile(photo_name or "x", photo, "image/png")}
    with counting(TestimonialPage):
        assert_answered(Client().post(add_voice.url, data, REMOTE_ADDR="203.0.113.64"), data)


@pytest.mark.django_db
@FUZZ
@given(
    view=st.sampled_from(["newsletter_confirm", "newsletter_unsubscribe"]),
    token=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#"), min_size=1
    ).filter(lambda token: token.strip(".") != ""),
    method=st.sampled_from(["get", "post"]),
)
def test_the_newsletter_links_never_fail(site, view, token, method):
    url = reverse(view, args=["TOKEN"]).replace("TOKEN", token)
    response = getattr(Client(), method)(url)
    assert response.status_code in (200, 400, 404, 410), (token, response.status_code)


@pytest.mark.django_db
@FUZZ
@given(
    target=st.sampled_from(["signup", "pledge", "about", "home"]),
    content_type=st.one_of(
        st.sampled_from(
            [
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "multipart/form-data; boundary=",
                "application/json",
                "text/plain; charset=utf-16",
                "application/x-www-form-urlencoded; charset=bogus",
            ]
        ),
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
    ),
    body=st.one_of(st.binary(max_size=3_000), hostile_text.map(lambda s: s.encode("utf-8"))),
    csrf=st.booleans(),
)
def test_malformed_bodies_to_any_page_never_fail(site, target, content_type, body, csrf):
    """Raw bodies under any content type, to pages that take posts and to pages that do not
    (which refuse them with the CSRF 403)."""
    url = "/en/" if target == "home" else site[target].url
    response = Client(enforce_csrf_checks=csrf).generic(
        "POST", url, body, content_type=content_type, REMOTE_ADDR="203.0.113.65"
    )
    assert_answered(response, {"content_type": content_type, "body": body[:100]})
