"""A supporter adds their voice: one transaction saves the photo, the draft voice under the wall,
the private submission record, the start of the "Voice moderation" workflow, the moderators'
emails and the supporter's confirmation email. If any step fails nothing is kept (and a photo
file already written to storage is deleted)."""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext
from wagtail.images import get_image_model
from wagtail.models import Collection

from core import serving
from core.forms import posted_with_attribution
from core.outbox import queue_email
from core.spam import is_spam
from testimonials.choices import NameShown
from testimonials.forms import VoiceForm, photo_max_bytes
from testimonials.models import (
    AddYourVoicePage,
    TestimonialIndexPage,
    TestimonialPage,
    VoiceSubmission,
)
from testimonials.moderation import start_moderation
from testimonials.uploads import limit_uploads

logger = logging.getLogger(__name__)

SPAM_BUCKET = "voices"
FORM_ID = "voice-%s"
PHOTO_COLLECTION = "Submitted voices"
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# The same words from the same address within this time are one voice sent twice (the back
# button and "send again", a double click), not a second voice.
RESUBMIT_WINDOW = timedelta(hours=24)


def new_form() -> VoiceForm:
    return VoiceForm(auto_id=FORM_ID)


@dataclass
class Voice:
    """What the form collected, already validated."""

    name: str
    name_shown: str
    email: str
    profession: str
    city: str
    state: str
    category: str
    quote: str
    photo: UploadedFile | None = None
    photo_alt: str = ""
    zip_code: str = ""
    # Where the supporter came from (core/attribution.py): kept with the submission, never public.
    source: str = ""
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""

    @classmethod
    def from_form(cls, data: dict) -> "Voice":
        values = {field: data.get(field) or "" for field in cls.__dataclass_fields__}
        values["photo"] = data.get("photo") or None
        return cls(**values)

    @property
    def shown_name(self) -> str:
        """Only what the person agreed to show is stored on the (public) page."""
        if self.name_shown == NameShown.ANONYMOUS:
            return ""
        if self.name_shown == NameShown.FIRST:
            return self.name.split()[0] if self.name.split() else ""
        return self.name

    @property
    def shown_city(self) -> str:
        return "" if self.name_shown == NameShown.ANONYMOUS else self.city


def voice_title(name: str, profession: str, language: str) -> str:
    with translation.override(language):
        who = name or gettext("Anonymous supporter")
    return f"{who}, {profession}" if profession else who


def _unique_slug(wall, language: str) -> str:
    with translation.override(language):
        prefix = slugify(pgettext("URL of one voice", "voice")) or "voice"
    siblings = wall.get_children()
    while True:
        # Random, not the name: a URL must not reveal who an anonymous voice belongs to.
        slug = f"{prefix}-{secrets.token_hex(4)}"
        if not siblings.filter(slug=slug).exists():
            return slug


def _photo_collection() -> Collection:
    """Submitted photos sit apart from the editors' library until their voice is approved."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PHOTO_COLLECTION).first()
    return existing or root.add_child(name=PHOTO_COLLECTION)


def _save_photo(upload: UploadedFile, alt_text: str, title: str):
    image_format = getattr(getattr(upload, "image", None), "format", "JPEG")
    # A random name: the uploaded file's own name could say anything.
    upload.name = f"voice-{secrets.token_hex(8)}.{EXTENSIONS.get(image_format, 'jpg')}"
    upload.seek(0)
    image = get_image_model()(
        title=title[:255],
        alt_text=alt_text,
        credit=gettext("Sent by the person quoted"),
        licence=gettext("Published with the consent given on the form"),
        file=upload,
        collection=_photo_collection(),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _same_voice_sent_recently(voice: Voice, is_sample: bool):
    if is_sample:
        return None
    earlier = (
        VoiceSubmission.objects.filter(
            email__iexact=voice.email,
            page__quote=voice.quote,
            created_at__gte=timezone.now() - RESUBMIT_WINDOW,
        )
        .select_related("page")
        .first()
    )
    return earlier.page if earlier is not None else None


def submit_voice(voice: Voice, wall, language: str, consent_text: str, is_sample: bool = False):
    """Save everything in one transaction; returns the draft TestimonialPage. Sample voices (demo
    content) email nobody."""
    image = None
    try:
        with transaction.atomic():
            # Locks the wall so that concurrent submissions take their tree positions in turn.
            wall = TestimonialIndexPage.objects.select_for_update().get(pk=wall.pk)
            # Checked under the wall's lock, so two identical posts at once make one voice.
            resent = _same_voice_sent_recently(voice, is_sample)
            if resent is not None:
                return resent
            title = voice_title(voice.shown_name, voice.profession, language)
            if voice.photo:
                image = _save_photo(voice.photo, voice.photo_alt, title)
            page = TestimonialPage(
                title=title,
                slug=_unique_slug(wall, language),
                live=False,
                has_unpublished_changes=True,
                locale_id=wall.locale_id,
                name=voice.shown_name,
                name_shown=voice.name_shown,
                profession=voice.profession,
                city=voice.shown_city,
                state_code=voice.state,
                category=voice.category,
                quote=voice.quote,
                photo=image,
                language=language,
                is_sample=is_sample,
            )
            wall.add_child(instance=page)
            page.save_revision(log_action=True)
            submission = VoiceSubmission.objects.create(
                page=page,
                email=voice.email,
                name_as_typed=voice.name,
                zip_code=voice.zip_code,
                language=language,
                consent_text=consent_text,
                source=voice.source,
                utm_source=voice.utm_source,
                utm_medium=voice.utm_medium,
                utm_campaign=voice.utm_campaign,
            )
            start_moderation(page)
            if is_sample:
                return page
            queue_email(
                to=voice.email,
                template="testimonials/emails/voice_received",
                language=language,
                context={"name": voice.name, "quote": voice.quote},
                idempotency_key=f"voice:{submission.pk}:received",
            )
    except Exception:
        if image is not None:
            image.file.storage.delete(image.file.name)
        raise
    return page


def handle_post(request, add_voice_page) -> tuple[VoiceForm, bool]:
    """Returns the form and whether to show the thank-you (a valid submission, or a bot, which
    sees the same page and has nothing saved)."""
    limit_uploads(request, photo_max_bytes())
    form = VoiceForm(posted_with_attribution(request), request.FILES, auto_id=FORM_ID)
    if is_spam(request, form, SPAM_BUCKET):
        return form, True
    if not form.is_valid():
        return form, False
    wall = add_voice_page.get_wall()
    if wall is None:
        logger.error("No wall in %s for %s", add_voice_page.locale, add_voice_page)
        form.add_error(None, gettext("Voices cannot be added right now. Please try again later."))
        return form, False
    submit_voice(
        Voice.from_form(form.cleaned_data),
        wall=wall,
        language=add_voice_page.locale.language_code,
        consent_text=add_voice_page.consent_text,
    )
    return form, True


@serving.handles("serve", AddYourVoicePage)
def serve_add_voice_page(page, request, *args, **kwargs):
    """The form, or after a valid submission a redirect to the thanks (and the wall)."""
    thanks = request.method == "GET" and request.GET.get("thanks") == "1"
    if request.method == "POST":
        form, done = handle_post(request, page)
        if done:
            return HttpResponseRedirect(f"{page.get_url(request=request)}?thanks=1")
    else:
        form = new_form()
    context = page.get_context(request, *args, **kwargs)
    context["form"] = form
    context["thanks"] = thanks
    context["wall"] = page.get_wall() if thanks else None
    return TemplateResponse(request, page.get_template(request), context)
