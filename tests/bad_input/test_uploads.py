"""Uploads. Only the voice form takes a file (an optional photo); its 50 MB upload, non-image and
SVG cases are in tests/testimonials/test_bad_input.py. Here: decompression bombs (a small file that
claims billions of pixels), and files sent to forms that take none."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

NOT_A_PHOTO = "This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF image."
TOO_MANY_PIXELS = "The photo is too large (25 million pixels at most)."


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header for a width x height black-and-white image, with a few hundred bytes of
    compressed zeros: opened naively it would need width*height/8 bytes of memory and more."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * 65_536, 9)  # the start of the first rows; nothing reads further
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("width", "height", "message"),
    [
        (10_000, 10_000, TOO_MANY_PIXELS),  # 100 million pixels: Pillow warns, the form refuses
        (50_000, 50_000, NOT_A_PHOTO),  # 2.5 billion: Pillow refuses to open it at all
        (2**31 - 1, 2**31 - 1, NOT_A_PHOTO),
    ],
)
def test_a_decompression_bomb_is_refused_without_being_decoded(
    client, forms, width, height, message
):
    form = forms["voice"]
    bomb = png_claiming(width, height)
    assert len(bomb) < 200_000
    upload = SimpleUploadedFile("holiday.png", bomb, "image/png")
    response = form.post(client, photo=upload, photo_alt="Me at the beach")
    assert response.status_code == 200
    assert form.error(response, "photo") == message
    assert form.value_kept(response, "photo_alt", "Me at the beach")
    assert form.saved() == 0


@pytest.mark.parametrize("form_name", ["newsletter", "footer", "letter"])
def test_a_50_mb_file_sent_to_a_form_that_takes_none_is_refused_unread(client, forms, form_name):
    form = forms[form_name]
    big = SimpleUploadedFile("big.bin", b"\0" * (50 * 1024 * 1024), "application/octet-stream")
    response = client.post(form.url, {**form.data(), "file": big}, REMOTE_ADDR="203.0.113.40")
    assert response.status_code == 413
    assert "We could not read that request" in response.content.decode()
    assert form.saved() == 0


@pytest.mark.parametrize("form_name", ["petition", "pledge", "embed"])
def test_a_file_sent_to_a_signature_form_is_refused_with_the_forms_own_message(
    client, forms, form_name
):
    # A signature is a few hundred bytes; actions.signing refuses anything over 16 KB.
    form = forms[form_name]
    photo = SimpleUploadedFile("me.png", b"\x89PNG" + b"\0" * 100_000, "image/png")
    response = client.post(form.url, {**form.data(), "photo": photo}, REMOTE_ADDR="203.0.113.41")
    assert response.status_code == 413
    assert "That submission was too large" in response.content.decode()
    assert form.saved() == 0


def test_a_small_stray_file_is_ignored_and_the_form_works(client, forms):
    form = forms["newsletter"]
    stray = SimpleUploadedFile("note.txt", b"hello", "text/plain")
    response = client.post(form.url, {**form.data(), "file": stray}, REMOTE_ADDR="203.0.113.42")
    assert response.status_code == 302
    assert form.saved() > 0
