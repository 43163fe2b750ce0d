"""Evidence files: sniff the type from the bytes, sanitise the name, hash. Pure, no models."""

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from duban.lib.transitions import TransitionError

__all__ = [
    "ALLOWED_TYPES",
    "EvidenceError",
    "Sniffed",
    "check_evidence",
    "sanitise_name",
    "sha256_of",
    "sniff_evidence",
]

# Sniffed kind -> (content type served, extensions the original name may carry).
ALLOWED_TYPES = {
    "pdf": ("application/pdf", (".pdf",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    "png": ("image/png", (".png",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg")),
    "txt": ("text/plain; charset=utf-8", (".txt",)),
}
MAX_NAME_LENGTH = 100
_SNIFF_BYTES = 8192
# Markup that a browser could be talked into rendering; plain text evidence never needs it.
_MARKUP_RE = re.compile(rb"<\s*(?:!doctype|html|script|svg|iframe|body|head)\b", re.IGNORECASE)


class EvidenceError(TransitionError):
    """A file that cannot be kept as evidence; the message is shown to the user."""


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: str
    content_type: str


def sanitise_name(name: str) -> str:
    """The original file name without path parts or control characters, length-limited."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = re.sub(r"\s+", " ", name).strip().lstrip(".").strip()
    if not name:
        return "附件"
    stem, suffix = PurePath(name).stem, PurePath(name).suffix
    if len(suffix) > 10:
        stem, suffix = name, ""
    return (stem[: MAX_NAME_LENGTH - len(suffix)] + suffix).strip() or "附件"


def _zip_kind(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head or _MARKUP_RE.search(head):
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The sniff window may cut a multibyte character in half at its end.
        if exc.start < len(head) - 3:
            return False
        text = head[: exc.start].decode("utf-8")
    return all(ch in "\t\r\n\f" or not unicodedata.category(ch).startswith("C") for ch in text)


def sniff_evidence(fileobj) -> Sniffed | None:
    """The allowed kind of a seekable binary file judged by its bytes, or None."""
    fileobj.seek(0)
    head = fileobj.read(_SNIFF_BYTES)
    fileobj.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fileobj)
        fileobj.seek(0)
    elif head and _is_plain_text(head):
        kind = "txt"
    if kind is None:
        return None
    return Sniffed(kind, ALLOWED_TYPES[kind][0])


def check_evidence(fileobj, name: str, size: int, max_bytes: int) -> Sniffed:
    """Sniff the file and check its size and extension; raise EvidenceError with the reason."""
    if size > max_bytes:
        limit = max_bytes / (1024 * 1024)
        raise EvidenceError(f"文件过大：单个附件不得超过 {limit:g} MB。")
    if size == 0:
        raise EvidenceError("文件为空。")
    sniffed = sniff_evidence(fileobj)
    if sniffed is None:
        raise EvidenceError(
            "不支持的文件类型：仅接受 PDF、Word(docx)、Excel(xlsx)、PNG、JPEG 和文本文件。"
        )
    if PurePath(name.lower()).suffix not in ALLOWED_TYPES[sniffed.kind][1]:
        raise EvidenceError("文件内容与扩展名不符，请检查后重新上传。")
    return sniffed


def sha256_of(fileobj) -> str:
    fileobj.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(65536), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()
