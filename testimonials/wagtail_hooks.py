from wagtail import hooks

from testimonials.admin_views import VoiceSubmissionViewSet


@hooks.register("register_admin_viewset")
def register_voice_submission_admin():
    return VoiceSubmissionViewSet()
