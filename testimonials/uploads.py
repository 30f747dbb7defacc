"""Uploads on the public form: a photo past the size limit is never stored.

Django streams file uploads to memory or a temporary file whatever their size (its
DATA_UPLOAD_MAX_MEMORY_SIZE covers form fields, not files). This handler, placed first, swallows
every byte past the limit and hands the form a stand-in that only knows the real size, so a 50 MB
upload costs no disk or memory and gets a clear "too large" message instead of a 500.
"""

import io

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class OversizedUpload(UploadedFile):
    """A file that was too large to keep: empty, with the size that was sent."""

    def __init__(self, name: str, size: int, content_type: str | None = None):
        super().__init__(io.BytesIO(b""), name=name, content_type=content_type, size=size)


class SizeLimitedUploadHandler(FileUploadHandler):
    def __init__(self, request=None, limit: int = 0):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.oversized = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.oversized = True
            return None  # the handlers after this one never see the rest
        return raw_data

    def file_complete(self, file_size):
        if self.oversized:
            return OversizedUpload(self.file_name, self.received, self.content_type)
        return None  # the next handler (memory or temporary file) completes it as usual


def limit_uploads(request, limit: int) -> None:
    """Call before anything reads request.POST or request.FILES. If something already has, the
    upload is parsed (Django's own limits apply) and the form's size check still refuses it."""
    if hasattr(request, "_files"):
        return
    request.upload_handlers.insert(0, SizeLimitedUploadHandler(request, limit=limit))
