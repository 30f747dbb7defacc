"""The site as deployed, on loopback: gunicorn serves Django with its production settings
(DEBUG=0, the demo content the browser tests use), nginx terminates TLS with a throwaway
certificate as deploy/nginx.conf says, and redirects plain HTTP to HTTPS. The live Observatory
scan (tests/security/test_observatory_live.py) and Lighthouse (tests/performance/
test_lighthouse.py) read it; one per test process that runs them."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, require_tool
from tests.security.helpers import NGINX_MAIN, PRODUCTION_ENV

HOST = "127.0.0.1"
DEPLOYED_NGINX = ROOT / "deploy" / "nginx.conf"
DEPLOYED_MEDIA = ROOT / "deploy" / "nginx-media.conf"
OBSERVATORY = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"


def deployed_site_conf(work: Path, http_port: int, https_port: int, app_port: int) -> str:
    """deploy/nginx.conf as the deployment guide gives it, moved onto loopback ports and a
    throwaway certificate. Each change must find its line, so the guide's file is what runs."""
    conf = DEPLOYED_NGINX.read_text()
    replacements = [
        ("    listen [::]:80;\n", ""),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen {HOST}:{http_port};"),
        ("listen 443 ssl http2;", f"listen {HOST}:{https_port} ssl http2;"),
        (
            "return 301 https://$host$request_uri;",
            f"return 301 https://$host:{https_port}$request_uri;",
        ),
        ("/etc/letsencrypt/live/endqi.example/fullchain.pem", str(work / "cert.pem")),
        ("/etc/letsencrypt/live/endqi.example/privkey.pem", str(work / "key.pem")),
        ("proxy_pass http://127.0.0.1:8000;", f"proxy_pass http://{HOST}:{app_port};"),
        # Media come from object storage in production (docs/deployment.md); here nginx
        # stands in for it with the guide's snippet for media on disk, so that pages load their
        # images as they would there and SVG files carry their sandbox.
        (
            "    location / {\n        proxy_pass",
            deployed_media_conf(work) + "    location / {\n        proxy_pass",
        ),
    ]
    for old, replacement in replacements:
        assert old in conf, f"deploy/nginx.conf no longer has {old!r}"
        conf = conf.replace(old, replacement)
    return conf


def deployed_media_conf(work: Path) -> str:
    """deploy/nginx-media.conf with its media folder moved to the throwaway one."""
    conf = DEPLOYED_MEDIA.read_text()
    assert "alias /srv/endqi/media/;" in conf, "deploy/nginx-media.conf no longer has its alias"
    return conf.replace("alias /srv/endqi/media/;", f"alias {work}/media/;") + "\n"


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


@pytest.fixture(scope="session")
def tls_site(tmp_path_factory, built_site):
    for tool in ("nginx", "openssl", "node"):
        require_tool(
            shutil.which(tool) is not None, f"{tool} is not installed (make browser-tools)"
        )
    work = tmp_path_factory.mktemp("tls-site")
    # The demo site the browser tests use (built once per run), served here with DEBUG=0.
    shutil.copy(built_site / "site.sqlite3", work / "site.sqlite3")
    if (built_site / "media").exists():
        shutil.copytree(built_site / "media", work / "media")
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
        # As docs/deployment.md says for one proxy in front of gunicorn.
        "TRUSTED_PROXY_COUNT": "1",
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{https_port}",
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    listing = (built_site / "page-types.txt").read_text()
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
    (work / "site.conf").write_text(deployed_site_conf(work, http_port, https_port, app_port))
    (work / "nginx.conf").write_text(
        NGINX_MAIN.format(user="user root;" if os.geteuid() == 0 else "", work=work)
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
            "env": env,
        }
    finally:
        for process in (proxy, app):
            process.terminate()
            process.wait(timeout=10)
