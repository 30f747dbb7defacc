"""The real @mdn/mdn-http-observatory, retriever and all, against the site running with its
production settings behind TLS on loopback: gunicorn serves Django (DEBUG=0, demo content),
nginx terminates TLS with a throwaway certificate the scan is told to trust, and redirects plain
HTTP to HTTPS as a production proxy does. Nothing leaves the machine: the scan script refuses
any host but loopback."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, require_tool
from tests.security.helpers import PRODUCTION_ENV

pytestmark = pytest.mark.live

PACKAGE = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
SCRIPT = Path(__file__).with_name("observatory_package.mjs")
HOST = "127.0.0.1"
NGINX_CONF = """
worker_processes 1;
daemon off;
{user}
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    server {{
        listen {host}:{http_port};
        return 301 https://$host:{https_port}$request_uri;
    }}
    server {{
        listen {host}:{https_port} ssl;
        ssl_certificate {work}/cert.pem;
        ssl_certificate_key {work}/key.pem;
        location / {{
            proxy_pass http://{host}:{app_port};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text()}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"nothing listens on {port}: {log.read_text()}")


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory):
    for tool in ("nginx", "openssl", "node"):
        require_tool(
            shutil.which(tool) is not None, f"{tool} is not installed (make browser-tools)"
        )
    require_tool(
        (PACKAGE / "conf" / "hsts-preload.json").exists(),
        "@mdn/mdn-http-observatory is not installed (make browser-tools)",
    )
    work = tmp_path_factory.mktemp("tls-site")
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": HOST,
        "DJANGO_SETTINGS_MODULE": "tests.security.live_settings",
        "LIVE_STATIC_ROOT": str(work / "static"),
        "DATABASE_URL": f"sqlite:///{work / 'site.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    listing = subprocess.run(
        [*manage, "check_pages", "--list-types"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    page_types = [tuple(line.split(" ", 1)) for line in listing.splitlines() if line.strip()]

    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=IP:{HOST}",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (work / "nginx.conf").write_text(
        NGINX_CONF.format(
            user="user root;" if os.geteuid() == 0 else "",
            work=work,
            host=HOST,
            http_port=http_port,
            https_port=https_port,
            app_port=app_port,
        )
    )
    app_log, nginx_log = work / "gunicorn.log", work / "nginx-error.log"
    app = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"{HOST}:{app_port}",
            "--workers",
            "1",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=app_log.open("w"),
    )
    proxy = subprocess.Popen(
        ["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)],
        stdout=subprocess.DEVNULL,
        stderr=nginx_log.open("w"),
    )
    try:
        wait_for_port(app_port, app, app_log)
        wait_for_port(https_port, proxy, nginx_log)
        yield {
            "ports": (http_port, https_port),
            "ca": work / "cert.pem",
            "page_types": page_types,
        }
    finally:
        for process in (proxy, app):
            process.terminate()
            process.wait(timeout=10)


def live_scan(tls_site, path: str) -> dict:
    http_port, https_port = tls_site["ports"]
    result = subprocess.run(
        ["node", str(SCRIPT), "--live", HOST, str(http_port), str(https_port), path],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(tls_site["ca"])},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_real_observatory_gives_every_page_type_an_a_plus(tls_site):
    paths = [path for _model, path in tls_site["page_types"]]
    paths += ["/en/search/?q=immunity", "/es/search/?q=inmunidad", "/"]
    assert {"/en/", "/es/"} <= set(paths)
    scores = {}
    for path in paths:
        scan = live_scan(tls_site, path)
        assert scan["results"]["redirection"] == "redirection-to-https", path
        assert scan["results"]["strict-transport-security"] == (
            "hsts-implemented-max-age-at-least-six-months"
        ), path
        scores[path] = (scan["score"], scan["grade"])
    assert scores == dict.fromkeys(paths, (135, "A+"))
