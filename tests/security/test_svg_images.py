"""SVG images (docs/security.md, "SVG images"): editors may upload plain SVG logos, which pages
show as SVG (preserve-svg, never rasterized); an SVG that holds a script, an event handler,
embedded HTML or a link elsewhere is refused with a reason; SVG media carry Wagtail's sandbox
header wherever the project serves them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Collection

from actions.demo.logos import logo_svg
from core import views as core_views
from core.svg import SVG_MEDIA_CSP, check_svg
from home.models import CampaignImage

LOGO = logo_svg("Open Courts Project", (11, 61, 145), "columns").encode()


def svg(body: str, attributes: str = "") -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"{attributes}>{body}</svg>'
    ).encode()


def test_plain_drawings_pass_the_check():
    check_svg(LOGO)
    check_svg(
        svg(
            '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
            '<rect fill="url(#g)" width="5" height="5"/><use href="#g"/><use xlink:href="#g"/>'
            "<style>rect { fill: url(#g); }</style><!-- a comment -->"
            '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
        )
    )


MALICIOUS = {
    "script": (svg("<script>alert(document.cookie)</script>"), "a script"),
    "script in another namespace prefix": (
        b'<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
        "a script",
    ),
    "onload": (svg("", ' onload="alert(1)"'), "an event handler"),
    "onclick on a shape": (svg('<rect onclick="alert(1)"/>'), "an event handler"),
    "foreignObject": (
        svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'),
        "embedded HTML",
    ),
    "iframe": (svg('<iframe src="https://evil.example/"/>'), "embedded HTML"),
    "javascript link": (svg('<a href="javascript:alert(1)"><text>x</text></a>'), "a link"),
    "xlink to another site": (svg('<use xlink:href="https://evil.example/a.svg#x"/>'), "a link"),
    "image from another site": (svg('<image href="https://evil.example/p.png"/>'), "a link"),
    "svg data URL": (svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), "a link"),
    "url() to another site": (svg('<rect fill="url(https://evil.example/#g)"/>'), "a link"),
    "style @import": (svg("<style>@import 'https://evil.example/a.css';</style>"), "a link"),
    "stylesheet instruction": (
        b'<?xml-stylesheet href="https://evil.example/a.css"?>' + svg(""),
        "a link",
    ),
    "animation that rewrites a link": (
        svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
        "an animation",
    ),
    "entities": (
        b'<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + svg("<text>&a;</text>"),
        "a document type declaration",
    ),
}


@pytest.mark.parametrize("content, reason", MALICIOUS.values(), ids=MALICIOUS.keys())
def test_scripts_handlers_html_and_links_are_refused_with_the_reason(content, reason):
    with pytest.raises(ValidationError) as refused:
        check_svg(content)
    message = refused.value.messages[0]
    assert message.startswith("This SVG cannot be used because it contains " + reason), message


UNREADABLE = [
    b"not xml at all",
    b'<html xmlns="x"></html>',
    b"",
    # UTF-16 would hide a stylesheet instruction from the byte search.
    (
        '<?xml version="1.0" encoding="UTF-16"?><?xml-stylesheet href="https://evil.example/a.css"?>'
        '<svg xmlns="http://www.w3.org/2000/svg"/>'
    ).encode("utf-16"),
]


@pytest.mark.parametrize("content", UNREADABLE)
def test_what_is_not_an_svg_is_refused_as_unreadable(content):
    with pytest.raises(ValidationError) as refused:
        check_svg(content)
    assert refused.value.messages[0].startswith("This file could not be read as an SVG image.")


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Partner logo",
            "alt_text": "Logo of a partner",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/svg+xml"),
        },
    )


def test_an_editor_uploads_an_svg_logo(client, editor):
    client.force_login(editor)
    response = upload(client, "partner.svg", LOGO)
    assert response.status_code == 302, response.content.decode()[:2000]
    image = CampaignImage.objects.get(title="Partner logo")
    assert image.is_svg() and (image.width, image.height) == (240, 96)
    # The library lists it and opens it for editing, with its preview.
    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200


def test_the_multiple_upload_refuses_a_malicious_svg_too(client, editor):
    client.force_login(editor)
    images = CampaignImage.objects.count()
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("x.svg", svg("", ' onload="alert(1)"'), "image/svg+xml")},
    )
    assert response.json()["success"] is False
    assert "an event handler" in response.json()["error_message"]
    assert CampaignImage.objects.count() == images


def test_an_svg_with_a_script_is_refused_next_to_the_file_field(client, editor):
    client.force_login(editor)
    response = upload(client, "partner.svg", svg("<script>alert(1)</script>"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This SVG cannot be used because it contains a script. Logos and icons never need it: "
        "export the file again as a plain SVG without it, or upload a PNG instead."
    ]
    assert not CampaignImage.objects.filter(title="Partner logo").exists()


def test_a_partners_svg_logo_is_shown_as_svg_at_its_size(client, petition, organizations):
    """preserve-svg: the rendition is the SVG resized, never a raster image; width and height
    hold the logo's room before it loads."""
    organizations[0].logo = CampaignImage.objects.create(
        title="Partner 0 logo",
        alt_text="Logo of Partner 0",
        file=ContentFile(LOGO, name="partner-0.svg"),
    )
    organizations[0].save()
    html = client.get(petition.url).content.decode()
    rendition = organizations[0].logo.renditions.get()
    assert rendition.file.name.endswith(".svg")
    assert rendition.file.read().startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert (
        f'<img alt="" class="organization__logo" height="96" src="{rendition.url}" width="240">'
        in html
    )
    # Shown again, from the stored rendition: the same.
    assert f'height="96" src="{rendition.url}" width="240">' in client.get(petition.url).text


def test_svg_media_served_in_development_carry_the_sandbox(tmp_path):
    (tmp_path / "logo.svg").write_bytes(LOGO)
    (tmp_path / "photo.webp").write_bytes(b"RIFF")
    request = RequestFactory().get("/media/logo.svg")
    response = core_views.media(request, "logo.svg", document_root=tmp_path)
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Security-Policy"] == SVG_MEDIA_CSP
    assert SVG_MEDIA_CSP == "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    photo = core_views.media(RequestFactory().get("/"), "photo.webp", document_root=tmp_path)
    assert "Content-Security-Policy" not in photo


def test_any_image_field_may_hold_an_svg_without_breaking_the_page(client, home_page):
    """Templates convert photos to WebP; preserve-svg leaves an SVG as it is rather than fail,
    and no SVG is offered to social sites as a share image (they show only raster images)."""
    home_page.hero_image = CampaignImage.objects.create(
        title="Banner", alt_text="A banner", file=ContentFile(LOGO, name="banner.svg")
    )
    home_page.save_revision().publish()
    response = client.get(home_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="hero__image"' in html
    assert ".webp" not in html and "/media/images/banner." in html
    assert 'property="og:image"' not in html
