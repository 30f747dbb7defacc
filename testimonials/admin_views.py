"""Staff's view of voice submissions: who sent what, in which language, and where it stands.
Read-only (a submission is a record of what a supporter sent); rejected voices can be archived,
which erases the email kept to contact the person. Moderators hold the view and archive
permissions (migration 0002)."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permissions import register_permission_policy

from core.permissions import RecordPermissionPolicy
from testimonials.models import VoiceSubmission
from testimonials.moderation import archive

ARCHIVE_PERMISSION = "testimonials.archive_voicesubmission"


class SubmissionPermissionPolicy(RecordPermissionPolicy):
    """Not even deleted here: without its submission a voice would lose its consent record.
    Deleting the voice page deletes its submission with it."""

    read_only_actions = {"add", "change", "copy", "delete"}


register_permission_policy(VoiceSubmission, SubmissionPermissionPolicy(VoiceSubmission))


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            MenuItem(
                _("Open the voice"),
                url=reverse("wagtailadmin_pages:edit", args=[instance.page_id]),
                icon_name="edit",
                priority=5,
            )
        )
        if instance.status == VoiceSubmission.Status.REJECTED and self.request.user.has_perm(
            ARCHIVE_PERMISSION
        ):
            buttons.append(
                MenuItem(
                    _("Archive"),
                    url=reverse("voice_submissions:archive", args=[quote(instance.pk)]),
                    icon_name="folder-inverse",
                    priority=40,
                )
            )
        return buttons


class ArchiveView(WagtailAdminTemplateMixin, View):
    template_name = "testimonials/admin/confirm_archive.html"
    page_title = _("Archive voice submission")
    header_icon = "folder-inverse"

    def dispatch(self, request, pk):
        if not request.user.has_perm(ARCHIVE_PERMISSION):
            raise PermissionDenied
        self.submission = get_object_or_404(
            VoiceSubmission.objects.select_related("page"),
            pk=pk,
            status=VoiceSubmission.Status.REJECTED,
        )
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(submission=self.submission))

    def post(self, request, pk):
        archive(self.submission, user=request.user)
        messages.success(request, _("Submission archived; its email address was erased."))
        return redirect("voice_submissions:index")


class VoiceSubmissionViewSet(ModelViewSet):
    model = VoiceSubmission
    index_view_class = SubmissionIndexView
    icon = "openquote"
    menu_label = _("Voice submissions")
    menu_order = 260
    add_to_admin_menu = True
    name = "voice_submissions"
    list_display = ["page", "status", "language", "created_at", "email"]
    list_filter = {"status": ["exact"], "language": ["exact"], "created_at": ["gte", "lte"]}
    search_fields = ["email", "name_as_typed"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "status",
        "name_as_typed",
        "email",
        "language",
        "consent_text",
        "created_at",
        "reviewed_at",
        "reviewed_by",
        "review_note",
        "published_notified_at",
        "archived_at",
    ]
    copy_view_enabled = False
    form_fields = ["review_note"]  # never offered: the policy allows no add or edit

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("archive/<int:pk>/", ArchiveView.as_view(), name="archive"),
        ]
