"""Whatever a visitor sends, the form answers with a clear message next to the field, keeps what
was typed, saves nothing half-way and never fails with a 500; what it does save is shown escaped."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from core.models.outbox import OutboundEmail
from testimonials.models import TestimonialPage, VoiceSubmission
from tests.testimonials.helpers import act, only_voice, submit

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b onmouseover="x()">bold</b>'


def png_bytes(size=(40, 30), image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def nothing_saved():
    assert TestimonialPage.objects.count() == 0
    assert VoiceSubmission.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    assert get_image_model().objects.count() == 0


def field_error(html: str, field: str) -> str:
    match = re.search(rf'id="voice-{field}_error">([^<]*)<', html)
    assert match, f"no error shown for {field}"
    return match.group(1)


def test_the_form_renders_without_a_csrf_token_and_with_dir_auto(client, add_voice):
    html = client.get(add_voice.url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'enctype="multipart/form-data"' in html
    assert re.search(r'<textarea[^>]*name="quote"[^>]*dir="auto"', html)
    assert re.search(r'<textarea[^>]*maxlength="1500"', html)


def test_a_post_without_csrf_token_is_accepted(add_voice):
    from django.test import Client

    from tests.testimonials.helpers import voice_data

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(add_voice.url, voice_data(), REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 302
    assert TestimonialPage.objects.count() == 1


@pytest.mark.parametrize("field", ["name", "profession", "city", "quote", "photo_alt"])
def test_script_and_html_are_stored_as_typed_and_shown_escaped(
    client, add_voice, wall, moderator, admin_user, field, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    overrides = {field: SCRIPT}
    if field == "photo_alt":
        overrides["photo"] = SimpleUploadedFile("me.png", png_bytes(), "image/png")
    response = submit(client, add_voice, capture=capture, **overrides)
    assert response.status_code == 302
    voice = only_voice()
    stored = voice.photo.alt_text if field == "photo_alt" else getattr(voice, field)
    assert stored == SCRIPT
    # Emails: HTML parts escape it, plain-text parts carry it as text.
    for message in mail.outbox:
        for html, _type in message.alternatives:
            assert "<script>" not in html
    # The admin's edit page escapes it.
    client.force_login(admin_user)
    from django.urls import reverse

    admin_html = client.get(reverse("wagtailadmin_pages:edit", args=[voice.pk])).content.decode()
    assert "<script>alert" not in admin_html
    client.logout()
    act(client, moderator, voice, "approve", capture=capture)
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    for url in (wall.url, f"/en/voices/{voice.slug}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert escaped in html


def test_a_10000_character_quote_gets_a_clear_error_and_is_kept(client, add_voice):
    quote = "Ñ" * 10_000
    response = submit(client, add_voice, quote=quote)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your words are 10000 characters long; the limit is 1500." in field_error(html, "quote")
    assert quote in html
    assert 'value="Ana López"' in html  # the other fields keep what was typed
    nothing_saved()


def test_the_limit_counts_characters_not_bytes_and_line_breaks_once(client, add_voice):
    # 1,500 characters of four-byte emoji and CR LF line breaks (as browsers send them).
    lines = ["😀" * 99] * 15
    quote = "\r\n".join(lines)
    assert len(quote.replace("\r\n", "\n")) == 1499
    assert submit(client, add_voice, quote=quote + "x").status_code == 302
    assert only_voice().quote == quote.replace("\r\n", "\n") + "x"


def test_name_and_city_limits_are_100_characters(client, add_voice):
    html = submit(client, add_voice, name="a" * 101, city="é" * 101).content.decode()
    assert "at most 100 characters" in field_error(html, "name")
    assert "at most 100 characters" in field_error(html, "city")
    assert "a" * 101 in html
    nothing_saved()
    assert submit(client, add_voice, name="a" * 100, city="é" * 100).status_code == 302


def test_emoji_and_right_to_left_text_are_kept_and_isolated(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    name = "مريم الحسيني"
    quote = "لا أحد فوق القانون ✊🏽 nobody is above the law"
    submit(client, add_voice, capture=capture, name=name, city="القاهرة", quote=quote)
    voice = only_voice()
    act(client, moderator, voice, "approve", capture=capture)
    html = client.get(wall.url).content.decode()
    assert re.search(r'<blockquote[^>]*dir="auto"[^>]*><p>' + re.escape(quote), html)
    assert re.search(r'<a href="[^"]+" dir="auto">' + re.escape(name), html)


@pytest.mark.parametrize("field", ["name", "email", "city", "quote", "profession"])
def test_a_nul_byte_is_refused_clearly(client, add_voice, field):
    response = submit(client, add_voice, **{field: "Ana\x00 text"})
    assert response.status_code == 200
    assert field_error(response.content.decode(), field)
    nothing_saved()


@pytest.mark.parametrize("field", ["name", "quote", "email"])
def test_whitespace_only_required_fields_are_refused(client, add_voice, field):
    response = submit(client, add_voice, **{field: " \t \u3000 "})
    assert response.status_code == 200
    assert field_error(response.content.decode(), field)
    nothing_saved()


def test_line_breaks_in_a_one_line_field_are_refused(client, add_voice):
    html = submit(client, add_voice, city="Austin\r\nBcc: x@example.org").content.decode()
    assert "on one line" in field_error(html, "city")
    nothing_saved()


def test_missing_consent_state_and_bad_choices_are_clear(client, add_voice):
    html = submit(
        client, add_voice, consent=None, state="ZZ", category="pirate", name_shown="x"
    ).content.decode()
    assert "Tick the box" in field_error(html, "consent")
    assert field_error(html, "state")
    assert field_error(html, "category")
    assert field_error(html, "name_shown")
    nothing_saved()


def test_a_file_that_is_not_an_image_is_refused(client, add_voice):
    upload = SimpleUploadedFile("me.jpg", b"%PDF-1.4 not an image", "image/jpeg")
    html = submit(client, add_voice, photo=upload, photo_alt="Me").content.decode()
    assert "not a photo we can use" in field_error(html, "photo")
    nothing_saved()


def test_a_50_mb_upload_is_refused_without_being_stored(client, add_voice, settings):
    big = SimpleUploadedFile("huge.png", png_bytes() + b"\0" * (50 * 1024 * 1024), "image/png")
    response = submit(client, add_voice, photo=big, photo_alt="Me")
    assert response.status_code == 200
    assert "larger than 5 MB" in field_error(response.content.decode(), "photo")
    nothing_saved()


def test_an_svg_or_huge_pixel_count_is_refused(client, add_voice):
    svg = SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    assert field_error(
        submit(client, add_voice, photo=svg, photo_alt="x").content.decode(), "photo"
    )
    wide = SimpleUploadedFile("wide.png", png_bytes(size=(6000, 5000)), "image/png")
    html = submit(client, add_voice, photo=wide, photo_alt="x").content.decode()
    assert "million pixels" in field_error(html, "photo")
    nothing_saved()


def test_a_photo_needs_its_description(client, add_voice):
    upload = SimpleUploadedFile("me.png", png_bytes(), "image/png")
    html = submit(client, add_voice, photo=upload).content.decode()
    assert "Describe your photo" in field_error(html, "photo_alt")
    assert "choose it again" in html
    nothing_saved()


def test_a_valid_photo_is_saved_with_its_alt_text_under_a_random_name(client, add_voice):
    upload = SimpleUploadedFile("Ana López passport.png", png_bytes(), "image/png")
    assert submit(client, add_voice, photo=upload, photo_alt="Ana smiling").status_code == 302
    photo = only_voice().photo
    assert photo.alt_text == "Ana smiling"
    assert photo.collection.name == "Submitted voices"
    assert "passport" not in photo.file.name and photo.file.name.endswith(".png")
    assert (photo.width, photo.height) == (40, 30)


def test_a_failure_midway_keeps_nothing_and_deletes_the_photo_file(client, add_voice, monkeypatch):
    from testimonials import submission

    def broken(page):
        raise RuntimeError("workflow exploded")

    monkeypatch.setattr(submission, "start_moderation", broken)
    deleted = []
    storage = get_image_model()._meta.get_field("file").storage
    original_delete = storage.delete
    monkeypatch.setattr(
        storage, "delete", lambda name: deleted.append(name) or original_delete(name)
    )
    upload = SimpleUploadedFile("me.png", png_bytes(), "image/png")
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        submit(client, add_voice, photo=upload, photo_alt="Me")
    nothing_saved()
    assert len(deleted) == 1 and deleted[0].startswith("original_images/voice-")


def test_bots_see_the_thank_you_and_nothing_is_saved(client, add_voice):
    honeypot = submit(client, add_voice, website="http://spam.example")
    assert honeypot.status_code == 302
    too_fast = submit(client, add_voice, form_started="")
    assert too_fast.status_code == 302
    nothing_saved()


def test_the_rate_limit_stops_a_flood_from_one_address(client, add_voice, settings):
    settings.SPAM_RATE_LIMIT_COUNT = 2
    for n in range(4):  # different words each time: the same words again are one voice
        submit(client, add_voice, ip="198.51.100.4", quote=f"Reason number {n}.")
    assert TestimonialPage.objects.count() == 2


def test_unknown_wall_filters_and_pages_are_ignored_not_errors(client, wall):
    for query in ("?state=<script>", "?category=%00", "?page=abc", "?page=99999", "?state=tx"):
        response = client.get(wall.url + query)
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split('<main id="main"')[1]


def test_the_upload_handler_keeps_only_the_size_of_an_oversized_file():
    from testimonials.uploads import OversizedUpload, SizeLimitedUploadHandler

    handler = SizeLimitedUploadHandler(limit=10)
    handler.new_file("photo", "big.png", "image/png", None)
    assert handler.receive_data_chunk(b"12345", 0) == b"12345"
    assert handler.receive_data_chunk(b"678901234", 5) is None
    assert handler.receive_data_chunk(b"x" * 1000, 14) is None
    upload = handler.file_complete(1014)
    assert isinstance(upload, OversizedUpload)
    assert upload.size == 1014 and upload.read() == b""
    handler.new_file("photo", "small.png", "image/png", None)
    assert handler.receive_data_chunk(b"123", 0) == b"123"
    assert handler.file_complete(3) is None  # the next handler keeps the real file
