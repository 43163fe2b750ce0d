"""Upload limits enforced while the request body streams in, before anything is stored."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler

# Multipart boundaries, headers and the form's other fields around the file.
ENVELOPE_BYTES = 1024 * 1024


def request_limit() -> int:
    """The largest multipart body accepted: the largest file duban takes, with its envelope."""
    return max(settings.DUBAN_MAX_UPLOAD_BYTES, settings.DUBAN_MAX_EVIDENCE_BYTES) + ENVELOPE_BYTES


class LimitedUploadHandler(FileUploadHandler):
    """Refuse (400) a multipart body over `request_limit()` before reading a byte of it.

    Django reads no more than the declared Content-Length, so the declared length is the
    whole body: checking it first spares reading and spooling 200 MB to a temporary file.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > request_limit():
            raise RequestDataTooBig("Upload body exceeds the request limit.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None
