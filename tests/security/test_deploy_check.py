"""Django's deployment checklist passes under production variables (also run by .ci/run)."""

import os
import secrets
import subprocess
import sys

from tests.helpers import ROOT
from tests.security.helpers import run_with_production_env


def test_check_deploy_passes_at_warning_level():
    result = run_with_production_env(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {"SECRET_KEY": secrets.token_urlsafe(60)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_would_catch_a_weak_configuration():
    # Proof that the check is not vacuous: a short secret key and no HTTPS redirect fail it.
    result = run_with_production_env(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {"SECRET_KEY": "short", "SECURE_SSL_REDIRECT": "0"},
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout  # weak SECRET_KEY
    assert "security.W008" in result.stderr + result.stdout  # SECURE_SSL_REDIRECT off


def documented_production_environment() -> dict[str, str]:
    """The variables docs/deployment.md lists for production (its first ```sh block)."""
    guide = (ROOT / "docs" / "deployment.md").read_text()
    block = guide.split("## Environment", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    pairs = [line.split("=", 1) for line in block.splitlines() if "=" in line]
    return {name.strip(): value.strip() for name, value in pairs}


def test_the_deployment_guides_variables_pass_the_deploy_check_as_they_stand():
    documented = documented_production_environment()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "ANYMAIL_WEBHOOK_SECRET"} <= set(documented)
    # Only the guide's variables: none of this machine's, nor the other tests' production set.
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ} | {
        **documented,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
