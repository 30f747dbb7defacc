"""The project's editor guide in the admin (Help → Editor guide for this site), in the editor's
admin language: docs/editor-guide.md, or docs/editor-guide.<language>.md where it exists, rendered
from Markdown with its screenshots; and a page that sets only the admin's language (Wagtail's
account form will not save a language until a first and last name are typed)."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from wagtail.users.models import UserProfile

DOCS = Path(settings.BASE_DIR) / "docs"
IMAGES = DOCS / "images"


def guide_path(language: str) -> Path:
    translated = DOCS / f"editor-guide.{language}.md"
    return translated if translated.exists() else DOCS / "editor-guide.md"


def render_guide(language: str) -> tuple[str, str]:
    """The guide's title (its first line, "# ...") and the rest as HTML. Its screenshots'
    relative addresses (images/...) resolve under the guide's own address."""
    title, _newline, text = guide_path(language).read_text(encoding="utf-8").partition("\n")
    return title.lstrip("# ").strip(), MarkdownIt("commonmark").enable("table").render(text)


def editor_guide(request):
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    title, html = render_guide(language)
    return TemplateResponse(
        request,
        "core/admin/editor_guide.html",
        # The guide is this repository's own Markdown: its HTML is trusted.
        {"guide": mark_safe(html), "page_title": title},  # noqa: S308
    )


def editor_guide_image(request, name: str):
    path = IMAGES / name
    if path.parent != IMAGES or path.suffix != ".png" or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")


class AdminLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the admin"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )


def admin_language(request):
    profile = UserProfile.get_for_user(request.user)
    form = AdminLanguageForm(
        request.POST or None,
        initial={"language": (profile.preferred_language or settings.LANGUAGE_CODE)[:2]},
    )
    if request.method == "POST" and form.is_valid():
        profile.preferred_language = form.cleaned_data["language"]
        profile.save(update_fields=["preferred_language"])
        with translation.override(profile.preferred_language):
            messages.success(request, str(_("The admin is now in this language.")))
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "core/admin/admin_language.html",
        {"form": form, "page_title": _("Language of the admin")},
    )
