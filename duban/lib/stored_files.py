"""Where uploaded evidence is stored and how it is served back: one rule for every app."""

import uuid
from pathlib import PurePath

from django.db import models
from django.http import FileResponse, Http404

from duban.lib import clock


class StoredUpload(models.Model):
    """What every stored upload keeps beside its file (its own `file` field names the folder)."""

    # Sanitised: no path parts or control characters, at most 100 characters.
    original_name = models.CharField("文件名", max_length=255)
    # Sniffed from the bytes, never taken from the browser.
    content_type = models.CharField("类型", max_length=100)
    file_size = models.PositiveBigIntegerField("大小")
    file_hash = models.CharField("SHA-256", max_length=64)
    created_at = models.DateTimeField("上传时间", default=clock.now)

    class Meta:
        abstract = True


def random_upload_name(folder: str, filename: str) -> str:
    """A random name under `folder`/YYYY/MM: the original name is kept only in the database."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{folder}/{clock.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def download_response(stored) -> FileResponse:
    """Serve a StoredUpload (or anything with its `file`, `original_name` and `content_type`)
    as a download (see `file_download`)."""
    return file_download(stored.file, stored.original_name, stored.content_type)


def file_download(file, filename: str, content_type: str) -> FileResponse:
    """Serve a stored file as a download named `filename`.

    Never rendered inline and never sniffed, so an uploaded page cannot run in duban's origin.
    """
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404("文件不存在") from None
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
