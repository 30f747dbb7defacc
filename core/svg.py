"""SVG images, made safe to accept from editors (docs/security.md, "SVG images").

An SVG is a document that can hold scripts, event handlers, embedded HTML and links to other
files. Shown through an <img> element none of it runs, but opened at its own address it would
run on the site's origin (or the media host's). So, besides the header that sandboxes SVG media
wherever they are served (SVG_MEDIA_CSP), an upload is refused when it holds anything a logo or
an icon never needs. The check parses with defusedxml, which refuses DTDs and entities (billion
laughs, external entities) before anything is expanded."""

import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

# Wagtail's documented header for SVG responses: nothing loads, nothing runs, the document is
# sandboxed (an origin of its own); inline styles still draw the picture.
SVG_MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# Elements that run code, embed other documents or load other files.
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
# Animation elements that can rewrite a link or a handler after loading.
ANIMATION_ELEMENTS = {"set", "animate", "animatemotion", "animatetransform"}
# The only targets a link may have: a part of the same file, or a raster image inside it.
SAFE_HREF = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
# url(...) anywhere (attributes, style) must point inside the file; @import loads a stylesheet.
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)

NOT_SVG = _(
    "This file could not be read as an SVG image. Export it again as a plain SVG, or upload a "
    "PNG or JPEG instead."
)
REFUSED = _(
    "This SVG cannot be used because it contains %(what)s. Logos and icons never need it: "
    "export the file again as a plain SVG without it, or upload a PNG instead."
)
WHAT = {
    "dtd": _("a document type declaration or entities"),
    "script": _("a script"),
    "handler": _("an event handler (an attribute such as onload or onclick)"),
    "html": _("embedded HTML or another embedded document (such as foreignObject)"),
    "link": _("a link to another file or website"),
    "animation": _("an animation that changes a link or an event handler"),
}


def _local(name: str) -> str:
    """A tag or attribute name without its namespace, lower-case."""
    return name.rsplit("}", 1)[-1].lower()


def _refuse(what: str) -> ValidationError:
    return ValidationError(REFUSED, code=f"svg_{what}", params={"what": WHAT[what]})


def check_svg(content: bytes) -> None:
    """Raise ValidationError, with a message for editors, unless the SVG is plain drawing."""
    # UTF-16 or UTF-32 (NUL bytes) would hide what the next line looks for; design tools write
    # UTF-8.
    if b"\x00" in content:
        raise ValidationError(NOT_SVG, code="svg_invalid")
    # Stylesheet processing instructions load another file; ElementTree would drop them unseen.
    if re.search(rb"<\?xml-stylesheet", content, re.IGNORECASE):
        raise _refuse("link")
    try:
        root = fromstring(content, forbid_dtd=True)
    except DefusedXmlException as error:
        raise _refuse("dtd") from error
    except (ParseError, ValueError) as error:
        raise ValidationError(NOT_SVG, code="svg_invalid") from error
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise ValidationError(NOT_SVG, code="svg_invalid")
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments
            continue
        tag = _local(element.tag)
        if tag == "script":
            raise _refuse("script")
        if tag in FORBIDDEN_ELEMENTS:
            raise _refuse("html")
        if tag == "style" and EXTERNAL_URL.search(element.text or ""):
            raise _refuse("link")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.startswith("on"):
                raise _refuse("handler")
            if attribute == "href" and not SAFE_HREF.match(value):
                raise _refuse("link")
            if EXTERNAL_URL.search(value):
                raise _refuse("link")
            if (
                tag in ANIMATION_ELEMENTS
                and attribute == "attributename"
                and (_local(value).split(":")[-1] == "href" or value.lower().startswith("on"))
            ):
                raise _refuse("animation")


class SafeSvgImageForm(BaseImageForm):
    """The image library's form (WAGTAILIMAGES_IMAGE_FORM_BASE): an uploaded SVG is checked by
    check_svg, and a refusal shows next to the file field, in the admin's single and multiple
    uploads alike."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile) and file.name.lower().endswith(".svg"):
            file.seek(0)
            content = file.read()
            file.seek(0)
            check_svg(content)
        return file
