"""Helpers for the voices tests: form data, submitting, acting as a moderator."""

import time

from django.urls import reverse
from wagtail.models import WorkflowState

from core.spam import started_token
from testimonials.models import TestimonialPage


def voice_data(**overrides) -> dict:
    data = {
        "name": "Ana López",
        "name_shown": "full",
        "email": "ana@example.org",
        "profession": "Nurse",
        "city": "Austin",
        "state": "TX",
        "category": "other",
        "quote": "No one should be above the law.",
        "photo_alt": "",
        "consent": "on",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, page, capture=None, ip="203.0.113.9", **overrides):
    data = voice_data(**overrides)
    if capture is None:
        return client.post(page.url, data, REMOTE_ADDR=ip)
    with capture(execute=True):
        return client.post(page.url, data, REMOTE_ADDR=ip)


def workflow_state_for(page) -> WorkflowState:
    """The voice's latest workflow state (an edit of a published voice starts another)."""
    return WorkflowState.objects.filter(
        base_content_type=page.get_base_content_type(), object_id=str(page.pk)
    ).latest("created_at")


def act(client, user, page, action: str, capture=None, comment: str = ""):
    """A moderator acts on a voice through the admin's workflow view, as the buttons do."""
    client.force_login(user)
    state = workflow_state_for(page)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state_id]
    )
    data = {"comment": comment}
    if capture is None:
        response = client.post(url, data)
    else:
        with capture(execute=True):
            response = client.post(url, data)
    client.logout()
    return response


def only_voice() -> TestimonialPage:
    [voice] = TestimonialPage.objects.all()
    return voice
