"""What the voices hold about supporters (core/personal_data.py explains the registry): each
submitted voice, found by the address on its private submission record. Erasing it deletes the
voice itself (published or not, in every language), its photo, its history and the moderators'
emails about it: the words and the face are the person's too, not only the address."""

from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from core.models.outbox import OutboundEmail
from core.personal_data import Holding, register
from testimonials.models import TestimonialPage, VoiceSubmission
from testimonials.submission import PHOTO_COLLECTION


@register
class Voices(Holding):
    label = _("Voices (with their photos)")

    def submissions(self, email: str):
        return VoiceSubmission.objects.filter(email__iexact=email).select_related("page")

    def find(self, email: str) -> list[str]:
        return [
            f"“{submission.page.title}” · {submission.get_status_display()} · "
            f"{submission.created_at:%Y-%m-%d}"
            for submission in self.submissions(email).order_by("created_at")
        ]

    def erase(self, email: str) -> int:
        submissions = list(self.submissions(email))
        if not submissions:
            return 0
        keys = {submission.page.translation_key for submission in submissions}
        pages = list(TestimonialPage.objects.filter(translation_key__in=keys))
        page_ids = [page.pk for page in pages]
        photo_ids = {page.photo_id for page in pages if page.photo_id}
        for page in pages:
            page.delete()  # the submission, revisions and workflow states go with it
        # What Wagtail keeps about a deleted page: its history, titled with the person's name.
        PageLogEntry.objects.filter(page_id__in=page_ids).delete()
        for page_id in page_ids:
            OutboundEmail.objects.filter(
                template="testimonials/emails/voice_to_review",
                context__review_url__endswith=f"/pages/{page_id}/edit/",
            ).delete()
        # Photos sent with the form, unless an editor has since used them elsewhere.
        for image in get_image_model().objects.filter(
            pk__in=photo_ids, collection__name=PHOTO_COLLECTION
        ):
            if not TestimonialPage.objects.filter(photo=image).exists():
                image.delete()
        return len(submissions)
