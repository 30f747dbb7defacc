"""Staff answer a request to erase everything held about an email address: they type the address,
see what every holding has (core/personal_data.py), confirm, and the request is logged with a
keyed hash of the address, never the address. Needs `home.erase_personal_data` (held by the
"Campaign data" group); the log needs `home.view_erasurerequest`."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy

from core.models import ErasureRequest
from core.models.privacy import NO_ADDRESS
from core.permissions import RecordPermissionPolicy
from core.personal_data import earlier_requests, erase_everything, find_everything

ERASE_PERMISSION = "core.erase_personal_data"


class ErasureLogPolicy(RecordPermissionPolicy):
    """The log is the campaign's proof that it honoured requests: nobody edits or deletes it."""

    read_only_actions = {"add", "change", "copy", "delete"}


register_permission_policy(ErasureRequest, ErasureLogPolicy(ErasureRequest))


class ErasureForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("The address the person wrote from or gave. It is not stored."),
    )
    reference = forms.CharField(
        label=_("Reference (optional)"),
        max_length=120,
        required=False,
        validators=[NO_ADDRESS],
        help_text=_(
            "Where the request came from, e.g. 'Email of 3 May, ticket 1234'. Never the address."
        ),
    )


class EraseView(WagtailAdminTemplateMixin, View):
    """GET: the form. POST "find": what is held, and a button to confirm. POST "erase": erase,
    log, and go back to the log."""

    template_name = "core/admin/erase_personal_data.html"
    page_title = _("Find and erase an address")
    header_icon = "user"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ERASE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("erasure_requests:index"), "label": _("Erasure requests")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ErasureForm()))

    def post(self, request):
        form = ErasureForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "erase":
            record = erase_everything(
                email, user=request.user, reference=form.cleaned_data["reference"]
            )
            messages.success(
                request,
                ngettext(
                    "Erased %(count)d record. The request is logged without the address.",
                    "Erased %(count)d records. The request is logged without the address.",
                    record.total,
                )
                % {"count": record.total},
            )
            return redirect("erasure_requests:index")
        found = find_everything(email)
        context = self.get_context_data(
            form=form,
            confirm_form=ErasureForm(initial=form.cleaned_data),
            found=found,
            erasable=[item for item in found if not item.kept_because],
            earlier=list(earlier_requests(email)),
        )
        return self.render_to_response(context)


class ErasureRequestIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(ERASE_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Find and erase an address"),
                    url=reverse("erasure_requests:erase"),
                    icon_name="search",
                )
            )
        return buttons


class ErasureRequestViewSet(ModelViewSet):
    model = ErasureRequest
    name = "erasure_requests"
    index_view_class = ErasureRequestIndexView
    icon = "user"
    menu_label = _("Erasure requests")
    add_to_settings_menu = True
    list_display = ["created_at", "handled_by", "reference", "erased_summary", "email_hash"]
    list_filter = {"created_at": ["gte", "lte"]}
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["reference"]  # never offered: the policy allows no add or edit

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("erase/", EraseView.as_view(), name="erase")]
