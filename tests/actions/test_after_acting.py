"""After acting (issue 24): every signature, letter, sign-up and voice keeps where it came from
(`source` and `utm_*`), even from a page served by the page cache with JS off; the thank-you
page offers the next ask editors set (the next action, a donate link carrying the source, the
share kit); the dashboard counts signatures per source and per campaign."""

import csv
import io
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from actions.dashboard import per_campaign, per_source
from actions.factories import (
    LetterPageFactory,
    ShareKitFactory,
    SignatureFactory,
)
from actions.models import AfterActing, Signature, Subscriber
from actions.models.letters import LetterSent
from core.localization import translate
from core.spam import started_token
from home.factories import CampaignImageFactory
from testimonials.models import VoiceSubmission
from tests.actions.letters.helpers import letter_data
from tests.actions.petitions.helpers import signature_data
from tests.helpers import warm_queries
from tests.testimonials.helpers import voice_data

pytestmark = pytest.mark.django_db

TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=spring-push"


def sign(client, page, path=None, referer=None, **fields):
    """Sign as a browser does: the form's fields, and the page it was on as the Referer."""
    return client.post(path or page.url, signature_data(**fields), headers=_referer(referer))


def write(client, page, referer=None, **fields):
    return client.post(page.url, letter_data(**fields), headers=_referer(referer))


def submit(client, page, referer=None):
    return client.post(page.url, voice_data(), headers=_referer(referer))


def _referer(referer: str | None) -> dict:
    return {"referer": referer} if referer else {}


def landing(page, query: str = TAGS) -> str:
    return f"http://testserver{page.url}?{query}"


def hidden_values(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(utm_\w+)"(?: value="([^"]*)")?', html))


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def letter(home_page):
    page = LetterPageFactory(parent=home_page, title="Write to Congress", slug="write")
    page.save_revision().publish()
    return page


@pytest.fixture
def after_acting(home_page, letter):
    image = CampaignImageFactory(alt_text="No one is above the law, on a blue card")
    kit = ShareKitFactory(
        items=[
            ("image", {"image": image, "alt_text": "", "caption": "For links and posts"}),
            ("text", {"label": "A post for Facebook", "text": "I signed. Will you? <b>now</b>"}),
        ]
    )
    settings = AfterActing.for_site(Site.objects.get(is_default_site=True))
    settings.donate_url = "https://donate.example.org/give?amount=25"
    settings.donate_source_parameter = "refcode"
    settings.share_kit = kit
    settings.next_action = letter
    settings.save()
    return settings


def test_a_cached_page_never_shows_one_visitors_tags_to_another(client, petition, page_cache_on):
    first = client.get(petition.url, {"utm_source": "alice-list", "utm_campaign": "a"})
    second = client.get(petition.url, {"utm_source": "bob-list"})
    assert second["X-Page-Cache"] == "hit"  # the tags do not split the cache...
    html = second.content.decode()
    assert "alice-list" not in html and "alice-list" not in first.content.decode()
    # ...because the hidden fields are always empty in the HTML: site.js fills them.
    assert hidden_values(html) == {"utm_source": "", "utm_medium": "", "utm_campaign": ""}


def test_with_js_off_a_signature_keeps_the_tags_of_the_page_it_was_signed_on(
    client, petition, page_cache_on
):
    client.get(petition.url, {"utm_source": "someone-else"})  # fills the cache
    response = sign(client, petition, referer=landing(petition, f"source=partner-1&{TAGS}"))
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.source, signature.utm_source, signature.utm_medium) == (
        "partner-1",
        "newsletter",
        "email",
    )
    assert signature.utm_campaign == "spring-push"


def test_with_js_on_the_fields_the_script_filled_are_kept(client, petition):
    # Landed on a story with the tags, then signed on the petition page (no tags in its address).
    sign(
        client,
        petition,
        referer=f"http://testserver{petition.url}",
        utm_source="instagram",
        utm_medium="social",
        utm_campaign="sylvia",
    )
    signature = Signature.objects.get()
    assert (signature.utm_source, signature.utm_medium, signature.utm_campaign) == (
        "instagram",
        "social",
        "sylvia",
    )


def test_a_form_sent_back_with_an_error_keeps_carrying_the_tags(client, petition):
    html = sign(client, petition, referer=landing(petition), email="not-an-address")
    html = html.content.decode()
    assert "Enter an email address" in html
    assert hidden_values(html)["utm_campaign"] == "spring-push"
    # The second try comes from the page with no tags in its address: the fields carry them.
    sign(
        client,
        petition,
        referer=f"http://testserver{petition.url}",
        **hidden_values(html),
    )
    assert Signature.objects.get().utm_campaign == "spring-push"


def test_the_thank_you_offers_the_next_action_donate_link_and_share_kit(
    client, petition, after_acting, letter
):
    response = sign(client, petition, referer=landing(petition, f"source=partner-1&{TAGS}"))
    html = client.get(response["Location"]).content.decode()
    assert "What you can do next" in html
    # The next action is the letter, with its own button.
    assert f'href="{letter.url}"' in html and "Write your letters" in html
    # The donate link carries where the supporter came from, under the platform's own name.
    href = re.search(r'<a class="button button--secondary" href="([^"]+)">Donate</a>', html)[1]
    query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
    assert query == {
        "amount": ["25"],
        "refcode": ["partner-1"],
        "utm_source": ["newsletter"],
        "utm_medium": ["email"],
        "utm_campaign": ["spring-push"],
    }
    # The share kit: the image with its alt text and a download link, the text ready to copy.
    assert 'alt="No one is above the law, on a blue card"' in html and " download>" in html
    assert re.search(
        r'<textarea id="share-text-[^"]+" rows="4" readonly>I signed\. Will you\? '
        r"&lt;b&gt;now&lt;/b&gt;</textarea>",
        html,
    )


def test_the_next_action_is_never_the_action_just_taken_nor_a_closed_one(
    client, petition, after_acting, letter
):
    after_acting.next_action = petition
    after_acting.save()
    response = sign(client, petition)
    html = client.get(response["Location"]).content.decode()
    # Its own page is skipped: an open letter is offered instead.
    assert f'href="{letter.url}"' in html and "Write your letters" in html
    assert "Sign the petition" not in html
    # The donate link without a source is the link as editors gave it.
    assert 'href="https://donate.example.org/give?amount=25"' in html


def test_with_nothing_set_and_nothing_else_open_there_is_no_next_ask(client, petition):
    html = client.get(sign(client, petition)["Location"]).content.decode()
    assert "Thank you" in html and "What you can do next" not in html


def test_the_thank_you_in_spanish_offers_the_kit_in_spanish(
    client, petition, spanish_petition, after_acting, letter
):
    kit = after_acting.share_kit
    translate(
        kit,
        "es",
        {
            "Get the word out": "Corra la voz",
            "Copy a text and post it.": "Copie un texto y publíquelo.",
            "For links and posts": "Para enlaces y publicaciones",
            "A post for Facebook": "Una publicación para Facebook",
            # A text block's segment is stored escaped, as plain text always is.
            "I signed. Will you? &lt;b&gt;now&lt;/b&gt;": "Firmé. ¿Y usted? &lt;b&gt;ya&lt;/b&gt;",
        },
    )
    response = sign(client, spanish_petition, path=spanish_petition.url)
    html = client.get(response["Location"]).content.decode()
    assert "Qué más puede hacer" in html and "Corra la voz" in html
    assert "Firmé. ¿Y usted?" in html and "Get the word out" not in html
    assert '<div class="share-kit">' in html  # in the page's language: no lang of its own


def test_a_kit_not_yet_translated_is_shown_marked_as_english(
    client, petition, spanish_petition, after_acting
):
    response = sign(client, spanish_petition, path=spanish_petition.url)
    html = client.get(response["Location"]).content.decode()
    assert '<div class="share-kit" lang="en">' in html


def test_letters_keep_the_tags_and_end_with_the_next_ask(
    client, letter_page, congress, after_acting
):
    html = write(client, letter_page, referer=landing(letter_page)).content.decode()
    assert "letters are ready" in html
    assert {row.utm_campaign for row in LetterSent.objects.all()} == {"spring-push"}
    assert "What you can do next" in html and "utm_campaign=spring-push" in html


def test_a_split_zip_carries_the_tags_to_the_second_step(client, letter_page, congress):
    html = write(client, letter_page, zip_code="80002", referer=landing(letter_page))
    assert hidden_values(html.content.decode())["utm_source"] == "newsletter"


def test_newsletter_sign_ups_keep_the_first_tags_they_came_with(client, signup_page, petition):
    data = {
        "email": "ana@example.org",
        "first_name": "",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    client.post(signup_page.url, data, headers=_referer(landing(petition)))  # the footer form
    client.post(signup_page.url, data, headers=_referer(landing(petition, "utm_source=later")))
    subscriber = Subscriber.objects.get()
    assert (subscriber.utm_source, subscriber.utm_campaign) == ("newsletter", "spring-push")


def test_a_voice_keeps_the_tags_privately(client, add_voice):
    submit(client, add_voice, referer=landing(add_voice))
    submission = VoiceSubmission.objects.get()
    assert submission.utm_medium == "email"
    assert "spring-push" not in client.get(add_voice.get_parent().url).content.decode()


def test_the_dashboard_counts_signatures_per_source_and_per_campaign(petition):
    for _ in range(3):
        SignatureFactory(
            action=petition, utm_source="newsletter", utm_medium="email", utm_campaign="launch"
        )
    SignatureFactory(action=petition, source="partner-1", utm_campaign="launch")
    SignatureFactory(action=petition)
    assert per_campaign() == [{"campaign": "launch", "count": 4}, {"campaign": "", "count": 1}]
    sources = per_source()
    assert sources[0] == {
        "source": "",
        "utm_source": "newsletter",
        "utm_medium": "email",
        "partner": "",
        "count": 3,
    }
    assert {(row["source"], row["count"]) for row in sources[1:]} == {("partner-1", 1), ("", 1)}


def test_staff_see_the_campaign_columns_on_the_dashboard_and_in_exports(
    client, petition, data_staff
):
    SignatureFactory(action=petition, utm_source="newsletter", utm_campaign="launch")
    client.force_login(data_staff)
    html = client.get("/admin/").content.decode()
    assert "Per campaign" in html and "launch" in html
    export = client.get("/admin/signature/", {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0]["utm_source"] == "newsletter" and rows[0]["utm_campaign"] == "launch"


def test_the_thank_you_costs_the_same_queries_with_one_image_or_four(
    client, petition, after_acting
):
    """A kit's images come with the StreamField in one query, and their renditions from the
    cache Wagtail keeps of them: the count does not grow with the images."""
    url = sign(client, petition)["Location"]

    def images(count: int) -> list:
        return [
            ("image", {"image": CampaignImageFactory(), "alt_text": "", "caption": ""})
            for _ in range(count)
        ]

    kit = after_acting.share_kit
    kit.items = images(1)
    kit.save()
    client.get(url)  # renditions made once, as the first visitor makes them
    one, _html = warm_queries(client, url)
    kit.items = images(4)
    kit.save()
    client.get(url)
    four, html = warm_queries(client, url)
    assert html.count(" download>") == 4
    assert four == one


def test_only_the_thank_you_reads_the_after_acting_settings(client, petition, after_acting):
    """Only thank-you pages show the next ask: other pages do not load its settings (a query on
    every page served while the cache is cold), and the thank-you reads them from the site
    cache like the settings every page reads."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(petition.url).status_code == 200
    assert not [q for q in queries.captured_queries if "actions_afteracting" in q["sql"]]

    url = sign(client, petition)["Location"]
    with CaptureQueriesContext(connection) as queries:
        assert "Donate" in client.get(url).content.decode()
    assert [q for q in queries.captured_queries if "actions_afteracting" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        assert "Donate" in client.get(url).content.decode()
    assert not [q for q in queries.captured_queries if "actions_afteracting" in q["sql"]]
