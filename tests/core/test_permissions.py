"""Records the site writes itself (signatures, subscribers, outbox rows...) can be viewed,
exported and deleted with the usual permissions, but nobody adds or edits one by hand, not
even a superuser (core/permissions.py)."""

import pytest
from django.utils import timezone

from core.models.outbox import OutboundEmail
from core.permissions import RecordPermissionPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_email() -> OutboundEmail:
    return OutboundEmail.objects.create(
        idempotency_key="test:1",
        to_email="ana@example.org",
        template="actions/emails/newsletter_confirm",
        language="en",
        next_attempt_at=timezone.now(),
    )


def test_nobody_adds_or_edits_a_record_by_hand_but_may_delete_it(admin_user, queued_email):
    policy = RecordPermissionPolicy(OutboundEmail)
    for action in ("add", "change", "copy"):
        assert not policy.user_has_permission(admin_user, action)
        assert not policy.user_has_permission_for_instance(admin_user, action, queued_email)
    assert policy.user_has_permission_for_instance(admin_user, "delete", queued_email)


def test_nobody_is_listed_as_able_to_edit_records(admin_user):
    policy = RecordPermissionPolicy(OutboundEmail)
    assert admin_user not in policy.users_with_any_permission(["add", "change"])
    assert admin_user in policy.users_with_any_permission(["change", "delete"])
