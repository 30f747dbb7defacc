"""Blocks for case stories and news: the shared body blocks plus a cited source."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BaseStreamBlock


class VerbatimCharBlock(blocks.CharBlock):
    """Text quoted as published (an article's title, a publisher's name). wagtail-localize
    leaves it out of translation, so translators are not asked to copy it by hand."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class SourceBlock(blocks.StructBlock):
    title = VerbatimCharBlock(
        label=_("Title"),
        max_length=300,
        help_text=_("The title as published, e.g. the opinion's or article's title."),
    )
    url = blocks.URLBlock(
        label=_("Address (URL)"), help_text=_("Where readers can check it: the full address.")
    )
    publisher = VerbatimCharBlock(
        label=_("Publisher"),
        required=False,
        max_length=200,
        help_text=_("Who published it, e.g. 'U.S. Court of Appeals for the Fifth Circuit'."),
    )
    date = blocks.DateBlock(
        label=_("Date"), required=False, help_text=_("When it was published, if known.")
    )

    def clean(self, value):
        # Saving a draft defers the title's required check (Wagtail's deferred validation);
        # a source without a title would be a bare link even in a preview, so this one stays.
        value = super().clean(value)
        if not value.get("title", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"title": ValidationError(_("A source needs a title."))}
            )
        return value

    class Meta:
        label = _("Source")
        icon = "link-external"
        template = "stories/blocks/source.html"
        description = _("A cited source: a court opinion, an article or a report.")
        preview_value = {
            "title": "Opinion of the court",
            "url": "https://www.supremecourt.gov/opinions/",
            "publisher": "Supreme Court of the United States",
        }


class StoryStreamBlock(BaseStreamBlock):
    """The shared body blocks, plus sources cited inline."""

    source = SourceBlock()


class SourceListBlock(blocks.StreamBlock):
    """The list of sources at the end of a story: sources only, in the order given."""

    source = SourceBlock()
