"""The campaign's image model: photos of real people need alt text, a credit and a licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CampaignImage(AbstractImage):
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required; "
            "used wherever the image appears unless a block gives its own."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Who took or owns the photo, shown beside it, e.g. 'Photo: Jane Doe'."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_(
            "The terms we may use it under, e.g. 'CC BY 4.0' or 'Used with the family's consent'."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit", "licence")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
