"""core.serving: page models find the functions that serve them without importing the modules
that import the models back."""

import pytest

from actions.models import PetitionPage, PledgePage, SignupPage
from actions.models.letters import LetterPage
from core import serving
from states.models import StateIndexPage, StatePage
from testimonials.models import (
    AddYourVoicePage,
    TestimonialIndexPage,
    TestimonialPage,
    VoiceModerationTask,
)

# What each model asks for, and where it lives.
REGISTERED = [
    (PetitionPage, "serve", "actions.action_views.serve_action_page"),
    (PledgePage, "serve", "actions.action_views.serve_action_page"),
    (LetterPage, "serve", "actions.letters.views.serve_letter_page"),
    (SignupPage, "serve", "actions.newsletter.serve_signup_page"),
    (StateIndexPage, "index", "states.views.scorecard_index"),
    (StatePage, "context", "states.views.state_page_context"),
    (StatePage, "share_description", "states.views.state_share_description"),
    (TestimonialIndexPage, "context", "testimonials.wall.wall_context"),
    (TestimonialPage, "context", "testimonials.wall.voice_context"),
    (
        TestimonialPage,
        "declined_permissions",
        "testimonials.moderation.DeclinedVoicePermissionTester",
    ),
    (AddYourVoicePage, "serve", "testimonials.submission.serve_add_voice_page"),
    (VoiceModerationTask, "decline", "testimonials.moderation.decline"),
]


@pytest.mark.parametrize(("model", "step", "where"), REGISTERED, ids=lambda v: str(v))
def test_every_handler_is_registered_at_start_up(model, step, where):
    function = serving.handler(model, step)
    assert f"{function.__module__}.{function.__qualname__}" == where


def test_a_handler_serves_the_subclasses_of_its_model():
    class Base:
        pass

    class Child(Base):
        pass

    @serving.handles("test-step", Base)
    def step(obj):
        return "done"

    assert serving.handler(Child(), "test-step") is step
    assert serving.handler(Child, "test-step")(Child()) == "done"


def test_a_missing_handler_says_where_to_register_it():
    class Unregistered:
        pass

    with pytest.raises(LookupError, match=r"AppConfig\.ready"):
        serving.handler(Unregistered(), "serve")
