"""The files docs/deployment.md tells a sysadmin to install (deploy/) are valid as they stand:
nginx accepts the site's configuration, and systemd accepts each unit with its commands
pointing at this checkout. test_observatory_live.py runs the same nginx file under load."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

from core.svg import SVG_MEDIA_CSP
from tests.helpers import ROOT, require_tool
from tests.security.fixtures import deployed_media_conf
from tests.security.helpers import NGINX_MAIN

DEPLOY = ROOT / "deploy"
UNITS = sorted(DEPLOY.glob("*.service")) + sorted(DEPLOY.glob("*.timer"))


def self_signed(work: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=endqi.example", "-keyout", str(work / "key.pem"),
         "-out", str(work / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip


def test_nginx_accepts_the_documented_site(tmp_path):
    for tool in ("nginx", "openssl"):
        require_tool(shutil.which(tool) is not None, f"{tool} is not installed")
    self_signed(tmp_path)
    conf = (DEPLOY / "nginx.conf").read_text()
    # Only the certificate paths change: the ports, names and proxy settings are the guide's.
    conf = conf.replace(
        "/etc/letsencrypt/live/endqi.example/fullchain.pem", str(tmp_path / "cert.pem")
    )
    conf = conf.replace(
        "/etc/letsencrypt/live/endqi.example/privkey.pem", str(tmp_path / "key.pem")
    )
    # The media snippet for a server that keeps media on its disk, included where it says.
    (tmp_path / "media.conf").write_text(deployed_media_conf(tmp_path))
    proxied = "    location / {\n        proxy_pass"
    assert conf.count(proxied) == 1
    conf = conf.replace(proxied, f"    include {tmp_path}/media.conf;\n{proxied}")
    (tmp_path / "site.conf").write_text(conf)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(NGINX_MAIN.format(user=user, work=tmp_path))
    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
    for header in ("X-Forwarded-For $proxy_add_x_forwarded_for", "X-Forwarded-Proto $scheme"):
        assert header in conf  # what TRUSTED_PROXY_COUNT=1 and SECURE_PROXY_SSL_HEADER read
    # SVG media get the sandbox that development serving and docs/deployment.md give them.
    media = (DEPLOY / "nginx-media.conf").read_text()
    assert f'add_header Content-Security-Policy "{SVG_MEDIA_CSP}" always;' in media


@pytest.mark.parametrize("unit", UNITS, ids=lambda path: path.name)
def test_systemd_accepts_each_unit(unit, tmp_path):
    require_tool(shutil.which("systemd-analyze") is not None, "systemd-analyze is not installed")
    venv = Path(sys.executable).parent.parent
    text = unit.read_text()
    assert "/srv/endqi" in text or unit.suffix == ".timer"
    # The documented layout (/srv/endqi, its .venv, the endqi user) mapped onto this checkout.
    text = (
        text.replace("/srv/endqi/.venv", str(venv))
        .replace("/srv/endqi/.env", str(tmp_path / "env"))
        .replace("/srv/endqi", str(ROOT))
        .replace("User=endqi", "User=root")
        .replace("Group=endqi", "Group=root")
    )
    (tmp_path / "env").write_text("DEBUG=0\n")
    for sibling in UNITS:  # a timer names its service
        if sibling != unit:
            (tmp_path / sibling.name).write_text(sibling.read_text())
    (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(tmp_path / unit.name)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # A misspelt key is only a warning to systemd, which then ignores the line.
    assert "Unknown" not in result.stderr and "ignoring" not in result.stderr, result.stderr
    # gunicorn is installed, and every command the units start exists in this checkout.
    for line in text.splitlines():
        if line.startswith(("ExecStart=", "ExecStartPre=")):
            command = line.split("=", 1)[1].split()
            assert Path(command[0]).exists(), command[0]
            if len(command) > 2 and command[1] == "manage.py":
                assert command[2] in get_commands(), command
