"""Voices on other pages: `{% voices_from_state "TX" 3 %}` renders the latest approved voices from
a state in the visitor's language with a link to the rest on the wall (used by the home page's
block and by state pages); `{% latest_voices "TX" 3 as voices %}` gives just the list."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language

from core.us_states import state_name
from testimonials.wall import latest_voices as find_latest_voices
from testimonials.wall import wall_for_language

register = template.Library()


@register.simple_tag
def latest_voices(state_code: str, limit: int = 3, language: str | None = None) -> list:
    return find_latest_voices(state_code, language or get_language(), limit)


@register.inclusion_tag("testimonials/includes/voices_from_state.html", takes_context=True)
def voices_from_state(context, state_code: str, limit: int = 3, heading: str = ""):
    request = context.get("request")
    code = (state_code or "").strip().upper()
    if not state_name(code):
        return {"voices": [], "wall_url": ""}
    voices = find_latest_voices(code, get_language(), limit)
    wall = wall_for_language()
    wall_base = wall.get_url(request=request) if wall is not None else ""
    return {
        "request": request,
        "voices": voices,
        "state_code": code,
        "state_label": state_name(code),
        "heading": heading,
        "wall_base": wall_base,
        "wall_url": f"{wall_base}?{urlencode({'state': code})}" if wall_base else "",
    }
