"""Posting the call forms as a browser with JS off does."""

import html
import re
import time

from core.spam import started_token


def lookup_data(**extra) -> dict:
    data = {
        "full_name": "Ana Rivera",
        "city": "Denver",
        "zip_code": "80202",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def look_up(client, page, ip="203.0.113.7", **data):
    return client.post(page.url, lookup_data(**data), REMOTE_ADDR=ip)


def card_fields(response) -> dict:
    """The hidden fields of the call card's outcome form."""
    text = response.content.decode()
    token = re.search(r'<input type="hidden" name="call" value="([^"]+)">', text)
    legislator = re.search(r'<input type="hidden" name="legislator" value="([^"]+)">', text)
    assert token and legislator, "no call card in the page"
    return {"call": html.unescape(token.group(1)), "legislator": legislator.group(1)}


def press(client, page, response, outcome, ip="203.0.113.7", **override):
    """Press an outcome button on the card `response` shows."""
    data = {**card_fields(response), "outcome": outcome, **override}
    return client.post(page.url, data, REMOTE_ADDR=ip)


def heading(response) -> str:
    match = re.search(r'<h2 id="call-heading"[^>]*>([^<]+)</h2>', response.content.decode())
    return html.unescape(match.group(1)) if match else ""
