"""Uploaded notices waiting between the preview and the confirmation, in settings.UPLOAD_DIR.

Each is named by its sha256. A file never confirmed is removed once it is a day old, when
the next one is staged: previews are read within minutes, and nothing else cleans up.
"""

import hashlib
import re
import time
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 24 * 3600
_DIGEST = re.compile(r"[0-9a-f]{64}")


def _file(digest: str) -> Path | None:
    """Where `digest` is staged; None for anything but a sha256, so no path leaves the folder."""
    return Path(settings.UPLOAD_DIR) / digest if _DIGEST.fullmatch(digest) else None


def path(digest: str) -> Path | None:
    """The staged file of `digest`, or None if the digest is malformed or the file is gone."""
    found = _file(digest)
    return found if found is not None and found.exists() else None


def stage(content: bytes) -> str:
    """Keep `content` until it is confirmed or discarded; returns its digest."""
    folder = Path(settings.UPLOAD_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    prune(folder)
    digest = hashlib.sha256(content).hexdigest()
    (folder / digest).write_bytes(content)
    return digest


def discard(digest: str) -> None:
    if (found := _file(digest)) is not None:
        found.unlink(missing_ok=True)


def prune(folder: Path) -> None:
    """Remove staged files older than MAX_AGE_SECONDS."""
    oldest = time.time() - MAX_AGE_SECONDS
    for staged in folder.iterdir():
        if _DIGEST.fullmatch(staged.name) and staged.stat().st_mtime < oldest:
            staged.unlink(missing_ok=True)
