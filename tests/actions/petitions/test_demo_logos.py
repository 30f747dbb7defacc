"""The demo's sample partner logos are SVG (actions/demo/logos.py): drawn plainly enough to pass
the upload check, marked as samples, and made once however often `manage.py demo` runs."""

import io

from django.core.files.base import ContentFile
from PIL import Image
from wagtail.models import Locale

from actions.demo.petitions import ORGANIZATIONS, _organizations
from actions.models import Organization
from core.svg import check_svg
from home.models import CampaignImage


def test_each_sample_organization_gets_an_svg_logo_marked_as_a_sample(locales):
    english = Locale.objects.get(language_code="en")
    organizations = _organizations(english, io.StringIO())
    assert len(organizations) == len(ORGANIZATIONS) == 5
    for organization in organizations:
        logo = organization.logo
        assert logo.is_svg() and (logo.width, logo.height) == (240, 96)
        assert logo.title == f"{organization.name} logo (sample)"
        content = logo.file.open("rb").read()
        check_svg(content)  # what an editor could upload
        assert f"<title>Sample logo: {organization.name}</title>".encode() in content
        assert b">SAMPLE</text>" in content
    # Five different logos.
    assert len({o.logo.file.open("rb").read() for o in organizations}) == 5

    output = io.StringIO()
    _organizations(english, output)
    assert output.getvalue() == ""
    assert CampaignImage.objects.count() == 5


def test_a_demo_with_the_old_png_logos_gets_svg_ones_in_every_language(locales):
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.get(language_code="es")
    drawn = io.BytesIO()
    Image.new("RGB", (240, 96), "white").save(drawn, format="PNG")
    png = CampaignImage.objects.create(
        title="Open Courts Project logo (sample)",
        alt_text="Logo of Open Courts Project",
        file=ContentFile(drawn.getvalue(), name="logo-open-courts-project.png"),
    )
    english_row = Organization.objects.create(locale=english, name="Open Courts Project", logo=png)
    Organization.objects.create(
        locale=spanish, translation_key=english_row.translation_key, name="Open Courts Project",
        logo=png,
    )  # fmt: skip
    output = io.StringIO()
    _organizations(english, output)
    assert "drew 'Open Courts Project''s sample logo as SVG" in output.getvalue()
    logos = {row.logo for row in Organization.objects.filter(name="Open Courts Project")}
    assert len(logos) == 1 and logos.pop().is_svg()
    assert not CampaignImage.objects.filter(pk=png.pk).exists()
