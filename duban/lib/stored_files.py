"""Where uploaded evidence is stored and how it is served back: one rule for every app."""

import uuid
from pathlib import PurePath

from django.http import FileResponse, Http404

from duban.lib import clock


def random_upload_name(folder: str, filename: str) -> str:
    """A random name under `folder`/YYYY/MM: the original name is kept only in the database."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{folder}/{clock.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def download_response(stored) -> FileResponse:
    """Serve a stored upload (`file`, `original_name`, `content_type`) as a download.

    Never rendered inline and never sniffed, so an uploaded page cannot run in duban's origin.
    """
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404("文件不存在") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
