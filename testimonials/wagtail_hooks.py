from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from testimonials.admin_views import VoiceSubmissionViewSet
from testimonials.review import (
    OtherItemsToReviewPanel,
    VoicesToReviewPanel,
    after_approval,
    order_review_actions,
)


@hooks.register("register_admin_viewset")
def register_voice_submission_admin():
    return VoiceSubmissionViewSet()


@hooks.register("construct_page_action_menu")
def review_actions_first(menu_items, request, context):
    page = context.get("page")
    if page is not None:
        order_review_actions(menu_items, page.specific)


@hooks.register("after_edit_page")
def say_what_approval_did(request, page):
    after_approval(request, page)


@hooks.register("construct_homepage_panels")
def list_each_waiting_voice_once(request, panels):
    panels[:] = [
        OtherItemsToReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels.append(VoicesToReviewPanel())
