from .pages import AddYourVoicePage, TestimonialIndexPage, TestimonialPage
from .submissions import VoiceSubmission
from .workflow import VoiceModerationTask

__all__ = [
    "AddYourVoicePage",
    "TestimonialIndexPage",
    "TestimonialPage",
    "VoiceModerationTask",
    "VoiceSubmission",
]
