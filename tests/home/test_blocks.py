"""Each shared block refuses bad values with a clear message."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from home import blocks


def test_heading_cannot_be_whitespace():
    block = blocks.HeadingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "   ", "level": "h2"}))
    assert "text" in error.value.block_errors


def test_heading_level_must_be_a_known_choice():
    block = blocks.HeadingBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Ok", "level": "h1"}))


def test_quote_cannot_be_blank():
    block = blocks.QuoteBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"quote": "\n \t", "attribution": "x"}))
    assert "quote" in error.value.block_errors


def test_quote_longer_than_1500_characters_is_refused():
    block = blocks.QuoteBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"quote": "é" * 1501, "attribution": ""}))


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_destination():
    block = blocks.CallToActionBlock()
    neither = {"title": "Act", "text": "", "page": None, "url": "", "button_label": "Go"}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(neither))
    assert set(error.value.block_errors) == {"page", "url"}


@pytest.mark.django_db
def test_call_to_action_with_both_page_and_url_is_refused(home_page):
    block = blocks.CallToActionBlock()
    both = {
        "title": "Act",
        "text": "",
        "page": home_page.pk,
        "url": "https://example.org",
        "button_label": "Go",
    }
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(both))


def test_call_to_action_url_must_be_a_url():
    block = blocks.CallToActionBlock()
    bad = {
        "title": "Act",
        "text": "",
        "page": None,
        "url": "javascript:alert(1)",
        "button_label": "Go",
    }
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(bad))


def test_faq_needs_at_least_one_question():
    block = blocks.FAQBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "FAQ", "items": []}))


@pytest.mark.django_db
def test_image_block_needs_an_image():
    block = blocks.ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": None, "caption": "", "credit": ""}))
    assert "image" in error.value.block_errors


@pytest.mark.django_db
def test_document_block_needs_a_document():
    block = blocks.DocumentBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"document": None, "title": ""}))


@pytest.mark.django_db
def test_embed_block_refuses_an_address_no_provider_serves():
    block = blocks.CampaignEmbedBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python("https://example.invalid/not-a-video"))


@pytest.mark.parametrize(
    "block_class",
    [
        blocks.HeadingBlock,
        blocks.ParagraphBlock,
        blocks.ImageBlock,
        blocks.QuoteBlock,
        blocks.FAQBlock,
        blocks.CallToActionBlock,
        blocks.DocumentBlock,
        blocks.CampaignEmbedBlock,
    ],
)
def test_every_block_has_icon_template_preview_and_description(block_class):
    meta = block_class._meta_class
    assert meta.icon and meta.icon != "placeholder"
    assert meta.template.startswith("home/blocks/")
    assert hasattr(meta, "preview_value")
    assert str(meta.description)
