"""What a supporter is offered once they have acted (issue 24): the campaign's next ask on every
thank-you page. Editors set it once per site (Settings → After acting): a donate link that
carries where the supporter came from, a share kit of images and texts to download, and the
action to take next (a letter or call action, or another petition)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

NEXT_ACTION_PAGE_TYPES = ["actions.LetterPage", "actions.PetitionPage", "actions.PledgePage"]


class ShareImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_("A graphic to post, e.g. 1200×630 for links or 1080×1080 for a square post."),
    )
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=250,
        required=False,
        help_text=_(
            "What the graphic shows and says, for people who cannot see it; translated with "
            "the kit. Leave empty to use the image's own alt text."
        ),
    )
    caption = blocks.CharBlock(
        label=_("What it is for"),
        max_length=120,
        required=False,
        help_text=_("e.g. “For Instagram, square”. Leave empty to show the image's title."),
    )

    class Meta:
        label = _("Image to share")
        icon = "image"
        template = "actions/blocks/share_image.html"
        description = _("A graphic supporters download and post themselves.")


class ShareTextBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("What it is for"),
        max_length=80,
        help_text=_("e.g. “A post for Facebook” or “A text to a friend”."),
    )
    text = blocks.TextBlock(
        label=_("Text"),
        max_length=1000,
        help_text=_("Ready to paste: say why it matters and include the link to the action."),
    )

    class Meta:
        label = _("Text to share")
        icon = "openquote"
        template = "actions/blocks/share_text.html"
        description = _("Words supporters copy into a post, a message or an email.")


class ShareKit(TranslatableMixin, models.Model):
    """Images and texts that supporters download or copy to spread the word, translated like a
    page's text (images are the same in every language)."""

    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("The heading supporters see, e.g. “Get the word out”."),
    )
    introduction = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences on how to use the kit."),
    )
    items = StreamField(
        [("image", ShareImageBlock()), ("text", ShareTextBlock())],
        verbose_name=_("images and texts"),
        help_text=_("Each image gets a download link; each text a box to copy it from."),
    )

    panels = [FieldPanel("title"), FieldPanel("introduction"), FieldPanel("items")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("introduction"),
        TranslatableField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")

    def __str__(self) -> str:
        return self.title


@register_setting(icon="pick")
class AfterActing(BaseSiteSetting):
    """The next ask on every thank-you page (petitions, pledges, letters)."""

    # Only thank-you pages read it (core/site_cache.py: site_setting), not every page served.
    read_on_every_page = False

    donate_url = models.URLField(
        _("donate link"),
        blank=True,
        help_text=_(
            "Your donation page. Leave empty to offer no donate button. The supporter's source "
            "code and utm_* tags are added to it, so the donation platform credits the email or "
            "post that brought them."
        ),
    )
    donate_source_parameter = models.CharField(
        _("name of the source parameter"),
        max_length=40,
        default="source",
        validators=[
            RegexValidator(
                r"^[A-Za-z][A-Za-z0-9_.-]*$",
                _("Use letters, digits, hyphens, dots or underscores, starting with a letter."),
            )
        ],
        help_text=_(
            "What your donation platform calls a source code in its links: “refcode” on "
            "ActBlue, “sourcecode” on EveryAction, “source” on most others."
        ),
    )
    share_kit = models.ForeignKey(
        ShareKit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share kit"),
        help_text=_("Shown in the supporter's language where it is translated."),
    )
    next_action = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("next action"),
        help_text=_(
            "The action to offer next, e.g. the letter to Congress. It is never offered on its "
            "own thank-you page; then, or when it is closed or left empty, the site's default "
            "next step or an open letter is offered instead."
        ),
    )

    panels = [
        PageChooserPanel("next_action", page_type=NEXT_ACTION_PAGE_TYPES),
        FieldPanel("donate_url"),
        FieldPanel("donate_source_parameter"),
        FieldPanel("share_kit"),
    ]

    class Meta:
        verbose_name = _("after acting")
