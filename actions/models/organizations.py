"""Organizations that take part in the campaign's actions: listed on petitions and pledges, on the
home page, and recognised by their source code on the signatures their embeds bring in."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models.fields import name_language_field

SOURCE_CODE_VALIDATOR = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]{0,39}$",
    _("Use up to 40 lower-case letters, digits, hyphens or underscores."),
)


class Organization(TranslatableMixin, models.Model):
    """A participating organization. Only its description is translated: a name is a name, in
    the language it is written in (name_language), which pages in other languages mark."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The organization's name as it writes it.")
    )
    name_language = name_language_field()
    logo = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_(
            "The organization's logo (optional), shown beside its name. Screen readers read the "
            "name, so the logo needs no alt text of its own here."
        ),
    )
    link = models.URLField(
        _("website"), blank=True, help_text=_("The organization's own website (optional).")
    )
    description = models.TextField(
        _("description"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences about who they are; translated like page text."),
    )
    source_code = models.CharField(
        _("source code"),
        max_length=40,
        blank=True,
        validators=[SOURCE_CODE_VALIDATOR],
        help_text=_(
            "The code this partner puts in its embed and links (?source=...), so staff see how "
            "many signatures it brought in. Lower-case letters, digits and hyphens."
        ),
    )
    show_on_home_page = models.BooleanField(
        _("show on the home page"),
        default=True,
        help_text=_("List this organization among the campaign's partners on the home page."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_language"),
        FieldPanel("logo"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("source_code"),
        FieldPanel("show_on_home_page"),
    ]
    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name"),
        SynchronizedField("name_language", overridable=False),
        SynchronizedField("logo"),
        SynchronizedField("link"),
        SynchronizedField("source_code"),
        SynchronizedField("show_on_home_page"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
