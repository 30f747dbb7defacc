"""Django's deployment checklist passes under production variables (also run by .ci/run)."""

import secrets

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
