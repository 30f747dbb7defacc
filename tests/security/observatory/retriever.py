"""retriever/retriever.js and retriever/session.js, with Django's test client for the network."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import SplitResult, urljoin, urlsplit

from django.test import Client

HTML_TYPES = {"text/html", "application/xhtml+xml"}  # types.js
CORS_ORIGIN = "https://http-observatory.security.mozilla.org"  # config.js default
STANDARD_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUS_CODES = {301, 302, 303, 307, 308}  # retriever/session.js
MAX_REDIRECTS = 10


# --- what the retriever collects -------------------------------------------------------------


@dataclass
class Response:
    url: SplitResult
    status: int
    headers: dict[str, list[str]]  # lower-case names
    text: str = ""
    verified: bool = True  # the test client has no certificates to get wrong

    def all(self, name: str) -> list[str]:  # analyzer/utils.js getHttpHeaders
        return self.headers.get(name.lower(), [])

    def first(self, name: str) -> str | None:  # analyzer/utils.js getFirstHttpHeader
        values = self.all(name)
        return values[0] if values else None


@dataclass
class Cookie:
    key: str
    secure: bool
    http_only: bool
    same_site: str | None


@dataclass
class Requests:
    hostname: str
    http: Response | None = None
    https: Response | None = None
    http_redirects: list[tuple[SplitResult, int]] = field(default_factory=list)
    auto: Response | None = None
    session_url: SplitResult | None = None
    jar: dict[str, Cookie] = field(default_factory=dict)
    raw_set_cookies: list[str] = field(default_factory=list)
    cors: Response | None = None
    cors_request_origin: str | None = None
    http_equiv: dict[str, list[str]] = field(default_factory=dict)
    scripts: list[dict[str, str | None]] = field(default_factory=list)
    html_parseable: bool = True


def _headers(django_response) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in django_response.headers.items():
        headers.setdefault(name.lower(), []).append(value)
    for morsel in django_response.cookies.values():
        headers.setdefault("set-cookie", []).append(morsel.OutputString())
    return headers


def _session(url: str, host: str, extra: dict[str, str]) -> tuple[list, Response | None, dict]:
    """retriever/session.js: GET url, follow redirects by hand, remember every hop and cookie."""
    client = Client()
    history: list[tuple[SplitResult, int]] = []
    jar: dict[str, Cookie] = {}
    raw: list[str] = []
    response = None
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        django_response = client.get(
            path,
            secure=parts.scheme == "https",
            headers={"host": parts.netloc or host, "accept": STANDARD_ACCEPT, **extra},
        )
        history.append((parts, django_response.status_code))
        for name, morsel in django_response.cookies.items():
            raw.append(morsel.OutputString())
            if morsel["max-age"] == 0 or morsel["expires"] == "Thu, 01 Jan 1970 00:00:00 GMT":
                jar.pop(name, None)  # a deletion
                continue
            jar[name] = Cookie(
                key=name,
                secure=bool(morsel["secure"]),
                http_only=bool(morsel["httponly"]),
                same_site=(morsel["samesite"] or None),
            )
        text = (
            django_response.content.decode("utf-8", "replace")
            if not django_response.streaming
            else ""
        )
        response = Response(parts, django_response.status_code, _headers(django_response), text)
        location = django_response.headers.get("Location")
        if django_response.status_code in REDIRECT_STATUS_CODES and location:
            current = urljoin(current, location)
            continue
        break
    return history, response, {"jar": jar, "raw": raw}


class _PageParser(HTMLParser):
    """What retriever/utils.js parseHttpEquivHeaders and the SRI test read with jsdom."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            self.metas.append(attributes)
        elif tag == "script":
            self.scripts.append(attributes)

    handle_startendtag = handle_starttag


def retrieve(
    path: str, host: str = "testserver", headers: dict[str, str] | None = None
) -> Requests:
    """retriever/retriever.js: both schemes, the https session as 'auto', a CORS preflight."""
    extra = headers or {}
    requests = Requests(hostname=host)
    http_history, http_response, _http_cookies = _session(f"http://{host}{path}", host, extra)
    https_history, https_response, https_cookies = _session(f"https://{host}{path}", host, extra)
    requests.http, requests.https = http_response, https_response
    requests.http_redirects = http_history
    requests.auto = https_response
    requests.session_url = urlsplit(f"https://{host}{path}")
    requests.jar = https_cookies["jar"]
    requests.raw_set_cookies = https_cookies["raw"]
    final_url = https_history[-1][0]
    cors = Client().options(
        final_url.path + (f"?{final_url.query}" if final_url.query else ""),
        secure=True,
        headers={
            "host": host,
            "origin": CORS_ORIGIN,
            "access-control-request-method": "GET",
            **extra,
        },
    )
    requests.cors = Response(final_url, cors.status_code, _headers(cors))
    requests.cors_request_origin = CORS_ORIGIN
    auto = requests.auto
    content_type = (auto.first("content-type") or "").split(";")[0]
    if content_type in HTML_TYPES and auto.text:
        parser = _PageParser()
        try:
            parser.feed(auto.text)
            parser.close()
        except Exception:  # jsdom would have refused it too
            requests.html_parseable = False
        equiv: dict[str, list[str]] = {"content-security-policy": []}
        for meta in parser.metas:
            if meta.get("http-equiv") is not None and meta.get("content") is not None:
                if (meta["http-equiv"] or "").lower().strip() == "content-security-policy" and meta[
                    "content"
                ]:
                    equiv["content-security-policy"].append(meta["content"])
            elif (meta.get("name") or "").lower().strip() == "referrer" and meta.get("content"):
                equiv["referrer-policy"] = [meta["content"]]
        requests.http_equiv = equiv
        requests.scripts = parser.scripts
    return requests


def as_package_input(requests: Requests) -> dict:
    """The collected responses as JSON for tests/security/observatory_package.mjs, which scores
    them with the real npm package."""

    def response(data: Response | None) -> dict | None:
        return None if data is None else {"status": data.status, "headers": data.headers}

    return {
        "hostname": requests.hostname,
        "session_url": requests.session_url.geturl(),
        "http": response(requests.http),
        "https": response(requests.https),
        "auto": response(requests.auto),
        "http_redirects": [[url.geturl(), status] for url, status in requests.http_redirects],
        "raw_set_cookies": requests.raw_set_cookies,
        "cors": response(requests.cors),
        "cors_origin": requests.cors_request_origin,
        "html": requests.auto.text if requests.auto else "",
    }
