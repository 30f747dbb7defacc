"""Helpers for the letter tests: what a supporter posts, and the page's Spanish strings."""

import time

from django.test import Client
from wagtail_localize.strings import StringValue

from core.spam import started_token


def letter_data(**extra) -> dict:
    data = {
        "full_name": "Ana Rivera",
        "email": "",
        "city": "Denver",
        "zip_code": "80202",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def write(client: Client, page, ip="203.0.113.9", **data):
    return client.post(page.url, letter_data(**data), REMOTE_ADDR=ip)


SPANISH_LETTER = """Estimado/a {legislator_title} {legislator_last_name}:

Me llamo {full_name} y vivo en {city}, {state}. Le pido que vote a favor de la {bill}.

Atentamente,
{full_name}"""


def plaintext(text: str) -> str:
    """A plain-text field as wagtail-localize stores its segment (escaped, <br> for breaks)."""
    return StringValue.from_plaintext(text).data


def spanish_strings(page, letter=SPANISH_LETTER) -> dict:
    """Every segment of a factory letter page, translated (defaults included)."""
    strings = {
        page.title: "Escriba al Congreso",
        page.slug: f"{page.slug}-es",
        page.introduction: "Pida a sus congresistas que acaben con la inmunidad calificada.",
        page.subject: "Por favor, apoye la {bill}",
        page.letter_template: letter,
        page.diy_text: "Copie la carta y complete las partes entre corchetes.",
        page.consent_text: "No guardamos nada de lo que escribe aquí.",
    }
    return {plaintext(english): plaintext(spanish) for english, spanish in strings.items()}
