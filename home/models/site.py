"""Site-wide settings and the translatable footer text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin

from core.models.fields import name_language_field
from home.models.pages import ACTION_PAGE_TYPES


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organization_name = models.CharField(
        _("organization name"),
        max_length=120,
        default="End Qualified Immunity",
        help_text=_("The campaign's name as shown in the header, footer and emails."),
    )
    organization_name_language = name_language_field()
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy policy, linked from the footer and from every form."),
    )
    default_next_step = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("default next step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The action every story, news item and state page ends with unless the page "
            "chooses its own: usually the main petition. Empty: the first open petition "
            "featured on the home page."
        ),
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Full address of the campaign's Facebook page.")
    )
    instagram_url = models.URLField(
        _("Instagram"), blank=True, help_text=_("Full address of the Instagram profile.")
    )
    x_url = models.URLField(_("X (Twitter)"), blank=True, help_text=_("Full address on X."))
    bluesky_url = models.URLField(
        _("Bluesky"), blank=True, help_text=_("Full address of the Bluesky profile.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Full address of the YouTube channel.")
    )

    panels = [
        FieldPanel("organization_name"),
        FieldPanel("organization_name_language"),
        FieldPanel("privacy_page"),
        PageChooserPanel("default_next_step", page_type=ACTION_PAGE_TYPES),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("Bluesky", self.bluesky_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in pairs if url]


class FooterText(TranslatableMixin, models.Model):
    """Footer words, translated like pages (settings themselves are not translatable)."""

    body = models.TextField(
        _("footer text"),
        max_length=1000,
        help_text=_("A sentence or two about who runs the campaign, shown in every page's footer."),
    )

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self) -> str:
        return self.body[:60]
