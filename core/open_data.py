"""What every open-data download shares: stable addresses outside the language prefix, ?lang= for
the language, plain-text errors that say what to send instead, CSV that spreadsheets read safely,
JSON in UTF-8, and CORS open with five minutes of caching so partners' sites can fetch it."""

import csv
import io
import json
from collections.abc import Iterable

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.cache import patch_cache_control

from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula
from core.us_states import state_name

MAX_ECHO = 60  # characters of a bad parameter repeated back in an error message
CACHE_SECONDS = 300


class OpenDataError(Exception):
    """A request the download cannot answer; `response` says why, in plain text."""

    def __init__(self, response: HttpResponse):
        super().__init__(response.content.decode())
        self.response = response


def plain(response_class, text: str) -> HttpResponse:
    return response_class(text + "\n", content_type="text/plain; charset=utf-8")


def requested_language(request) -> str:
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", settings.LANGUAGE_CODE).strip().lower()
    if language not in languages:
        raise OpenDataError(
            plain(
                HttpResponseBadRequest,
                f"Unknown language “{language[:MAX_ECHO]}”. Use one of: {', '.join(languages)}.",
            )
        )
    return language


def requested_state(request) -> str:
    """The ?state= postal code, upper case, or "" for every state."""
    code = request.GET.get("state", "").strip().upper()
    if code and state_name(code) is None:
        raise OpenDataError(
            plain(
                HttpResponseBadRequest,
                f"Unknown state code “{code[:MAX_ECHO]}”. "
                "Use a two-letter postal code such as CO, or DC.",
            )
        )
    return code


def finish(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"  # partners' sites may fetch it directly
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


def csv_response(rows: Iterable[dict], columns: list[str], filename: str) -> HttpResponse:
    """UTF-8 with a byte-order mark (Excel), CRLF lines (RFC 4180), no cell a spreadsheet runs."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralize_formula(value) for key, value in row.items()})
    response = HttpResponse(EXCEL_BOM + buffer.getvalue(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return finish(response)


def json_response(document: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return finish(response)
