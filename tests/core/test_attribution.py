"""Where a supporter came from (core/attribution.py): the hidden fields where the page's script
filled them, else the tags of the same-site page the form was posted from."""

import pytest
from django.test import RequestFactory

from core.attribution import attribution, clean_source, clean_tag, utm_tags
from core.forms import posted_with_attribution

HOST = "testserver"


def post(data=None, referer=None):
    extra = {"HTTP_REFERER": referer} if referer is not None else {}
    return RequestFactory().post("/en/petition/", data or {}, **extra)


def test_the_forms_fields_win_over_the_referer():
    request = post(
        {"utm_source": "newsletter", "utm_medium": "", "utm_campaign": "spring"},
        referer=f"http://{HOST}/en/petition/?utm_source=other&utm_medium=social",
    )
    # The script filled the fields: what it gives is taken as a whole, not mixed with the Referer.
    assert utm_tags(request) == {
        "utm_source": "newsletter",
        "utm_medium": "",
        "utm_campaign": "spring",
    }


def test_without_the_fields_the_tags_come_from_the_page_the_form_was_on():
    request = post(
        referer=f"http://{HOST}/en/petition/?source=Partner-1&utm_source=newsletter"
        "&utm_medium=email&utm_campaign=Spring%20push"
    )
    assert attribution(request) == {
        "source": "partner-1",
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": "Spring push",  # kept as the campaign wrote it
    }


@pytest.mark.parametrize(
    "referer",
    [
        "https://evil.example/?utm_source=spoof",  # another site's address is never read
        "http://testserver.evil.example/?utm_source=spoof",
        "http://[::1/?utm_source=spoof",  # not a URL at all
        "",
    ],
)
def test_a_referer_from_elsewhere_or_garbled_gives_no_tags(referer):
    assert attribution(post(referer=referer)) == {
        "source": "",
        "utm_source": "",
        "utm_medium": "",
        "utm_campaign": "",
    }


def test_values_are_kept_on_one_line_and_short():
    assert clean_tag("news\x00letter\u202e\n") == "news letter"
    assert len(clean_tag("x" * 500)) == 100
    assert clean_tag(None) == ""
    # A source code is a code: anything else is recorded as none rather than refused.
    assert clean_source("<script>") == "" and clean_source(" Email-Launch ") == "email-launch"


def test_a_form_shown_again_carries_what_the_referer_said():
    request = post({"first_name": "Ana"}, referer=f"http://{HOST}/en/petition/?utm_campaign=launch")
    data = posted_with_attribution(request)
    assert data["first_name"] == "Ana" and data["utm_campaign"] == "launch"
    assert request.POST.get("utm_campaign") is None  # the request itself is left as it came
