"""Helpers for the petition tests: what a signer posts, and a petition's Spanish strings."""

import time

from django.test import Client

from core.spam import started_token

SPANISH = {
    "End qualified immunity": "Acabemos con la inmunidad calificada",
    "Ask Congress to pass the bill.": "Pida al Congreso que apruebe la ley.",
    "U.S. Congress": "el Congreso de EE. UU.",
}


def signature_data(email="ana@example.org", **extra) -> dict:
    return {
        "first_name": "Ana",
        "last_name": "Rivera",
        "email": email,
        "country": "US",
        "zip_code": "78701",
        "website": "",
        "form_started": started_token(time.time() - 30),
        **extra,
    }


def sign(client: Client, page, ip="203.0.113.7", path=None, **data):
    return client.post(path or page.url, signature_data(**data), REMOTE_ADDR=ip)


def spanish_strings(page) -> dict:
    """Every segment of a factory petition, translated (defaults included)."""
    strings = {
        **SPANISH,
        page.slug: f"{page.slug}-es",
        page.consent_text: "Le enviaremos un correo para confirmar su firma.",
        page.thank_you_heading: "Gracias por firmar",
        page.thank_you_text: "Su firma está contada.",
    }
    return strings
