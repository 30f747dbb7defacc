"""Helpers for every test folder: tools a bare machine may lack, the public data, staff accounts
and counting a page's queries."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext


def require_tool(available: bool, reason: str) -> None:
    """Skip when a tool a bare machine may lack is missing; fail instead in CI (.ci/run sets
    REQUIRE_ALL_TOOLS), where the tool is installed and a skip would hide a regression."""
    if available:
        return
    if os.environ.get("REQUIRE_ALL_TOOLS"):
        pytest.fail(f"required tool missing in CI: {reason}")
    pytest.skip(reason)


ROOT = Path(__file__).resolve().parents[1]  # the repository
# The public data the project reads but never commits (../shared/data beside the repository).
SHARED_DATA_CANDIDATES = (
    ROOT.parent / "shared" / "data",
    Path("/work/shared/data"),
)


def shared_data_folder(*names: str) -> Path | None:
    """The first folder of the public data that holds every one of `names`, if any."""
    for folder in SHARED_DATA_CANDIDATES:
        if all((folder / name).exists() for name in names):
            return folder
    return None


def has_command(name: str) -> bool:
    return shutil.which(name) is not None


def staff_user(username: str, *codenames: str, groups: tuple[str, ...] = ()):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def queries_for(client, url: str) -> tuple[int, str]:
    """One GET of `url`, which must answer 200: (the queries it made, its HTML)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response.content.decode()


def warm_queries(client, url: str) -> tuple[int, str]:
    """queries_for a second request: the first fills what site-wide data the site cache keeps
    between publishes (core of every page's budget)."""
    client.get(url)
    return queries_for(client, url)
