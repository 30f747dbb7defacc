"""StreamField blocks shared by every page type. Later apps add their own blocks beside these."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.us_states import US_STATES


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Text"), max_length=120, help_text=_("The heading's words, short and plain.")
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
        help_text=_("Use H2 for sections and H3 inside them, so screen readers can navigate."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("text", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"text": ValidationError(_("A heading cannot be blank."))}
            )
        return value

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "home/blocks/heading.html"
        description = _("A section heading that also appears in the page outline.")
        preview_value = {"text": "Why qualified immunity must end", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3"])
        super().__init__(**kwargs)

    class Meta:
        label = _("Paragraph")
        icon = "pilcrow"
        template = "home/blocks/paragraph.html"
        description = _("Formatted text with links and lists.")
        preview_value = (
            "<p>Qualified immunity is a court-made rule that shields officials from "
            "being sued for violating people's rights.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("Image"), help_text=_("Pick or upload an image; it needs alt text.")
    )
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=255,
        help_text=_("Overrides the image's own alt text here, when context changes its meaning."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=255, help_text=_("Shown below.")
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Overrides the image's own credit, e.g. 'Photo courtesy of the family'."),
    )

    class Meta:
        label = _("Image")
        icon = "image"
        template = "home/blocks/image.html"
        description = _("An image with optional caption and photo credit.")
        preview_value = {"caption": "Supporters outside the state capitol (sample)"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        label=_("Quote"), max_length=1500, help_text=_("The words quoted, without quote marks.")
    )
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it, and their role."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("quote", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"quote": ValidationError(_("A quote cannot be blank."))}
            )
        return value

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "home/blocks/quote.html"
        description = _("A pulled-out quotation with who said it.")
        preview_value = {
            "quote": "No one should be above the law, least of all those sworn to uphold it.",
            "attribution": "A sample supporter",
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"), max_length=255, help_text=_("The question as a reader asks it.")
    )
    answer = blocks.RichTextBlock(
        label=_("Answer"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A short, plain answer."),
    )


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Optional heading above the questions."),
    )
    items = blocks.ListBlock(
        FAQItemBlock(), label=_("Questions"), min_num=1, help_text=_("At least one question.")
    )

    class Meta:
        label = _("Questions and answers")
        icon = "help"
        template = "home/blocks/faq.html"
        description = _("Questions and answers that open one at a time (works without JS).")
        preview_value = {
            "title": "Frequently asked questions",
            "items": [
                {
                    "question": "What is qualified immunity?",
                    "answer": "<p>A legal doctrine that protects government officials from "
                    "lawsuits unless a court has already ruled the same conduct unlawful.</p>",
                }
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("What we ask, e.g. 'Sign the petition'.")
    )
    text = blocks.TextBlock(
        label=_("Text"), required=False, max_length=400, help_text=_("One or two sentences.")
    )
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("A page on this site. Choose a page or give a URL, not both."),
    )
    url = blocks.URLBlock(
        label=_("Address (URL)"),
        required=False,
        help_text=_("An address elsewhere, if not a page here."),
    )
    button_label = blocks.CharBlock(
        label=_("Button label"), max_length=40, help_text=_("The button's words, e.g. 'Sign'.")
    )

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = ValidationError(_("Choose a page or give a URL (one of them, not both)."))
            raise blocks.StructBlockValidationError(block_errors={"page": message, "url": message})
        return value

    class Meta:
        label = _("Call to action")
        icon = "pick"
        template = "home/blocks/call_to_action.html"
        description = _("A highlighted box that sends readers to an action.")
        preview_value = {
            "title": "Add your name",
            "text": "Tell Congress to end qualified immunity.",
            "url": "https://example.org/petition",
            "button_label": "Sign the petition",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"), help_text=_("The file to download."))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Link text; the document's title if empty."),
    )

    class Meta:
        label = _("Document")
        icon = "doc-full"
        template = "home/blocks/document.html"
        description = _("A link to download a document, with its type and size.")
        preview_value = {"title": "Read the full report (PDF)"}


class CampaignEmbedBlock(EmbedBlock):
    class Meta:
        label = _("Embedded video or post")
        icon = "media"
        template = "home/blocks/embed.html"
        description = _("A video or post from YouTube, Vimeo and similar, by its URL.")
        preview_value = "https://vimeo.com/76979871"


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every page type offers; apps subclass it to add their own."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    faq = FAQBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = CampaignEmbedBlock()


class VoicesFromStateBlock(blocks.StructBlock):
    """The latest published voices from one state, with a link to all of them on the wall.

    It lives here so that HomePage can offer it while home imports nothing from testimonials:
    the block only holds a state and a count, and its template (owned by testimonials) calls
    testimonials' `voices_from_state` tag, which finds the voices in a fixed number of queries.
    State pages use the same tag directly; testimonials.blocks re-exports this class.
    """

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Optional; 'Voices from <state>' if empty."),
    )
    state_code = blocks.ChoiceBlock(
        label=_("State"),
        choices=US_STATES,
        help_text=_("The state whose supporters' voices are shown."),
    )
    count = blocks.IntegerBlock(
        label=_("Count"),
        default=3,
        min_value=1,
        max_value=12,
        help_text=_("How many voices to show (1 to 12)."),
    )

    class Meta:
        label = _("Voices from a state")
        icon = "group"
        template = "testimonials/blocks/voices_from_state.html"
        description = _("The latest approved voices from one state, linking to the rest.")
        preview_value = {"heading": "", "state_code": "TX", "count": 3}


class HomeStreamBlock(BaseStreamBlock):
    """The home page's body: the shared blocks plus voices from a chosen state."""

    voices_from_state = VoicesFromStateBlock()
