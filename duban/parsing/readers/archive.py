"""Opening .docx/.xlsx packages safely: a damaged zip or a zip bomb is refused up front."""

import io
import zipfile

from duban.parsing.errors import ENCRYPTED, ZIP_BOMB, ParseError

# A real notice package inflates to a few MB; Word's styles.xml compresses about 30:1.
MAX_UNCOMPRESSED_SIZE = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# Small parts may compress well beyond that without being a threat.
RATIO_CHECKED_ABOVE = 1024 * 1024


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open the archive's directory (nothing is inflated); ParseError if it is damaged."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        ValueError,
    ) as exc:
        raise ParseError("damaged or truncated zip archive (.docx/.xlsx): " + str(exc)) from exc


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse encrypted members and a directory promising too much data or compression."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise ParseError(
                f"password-protected archive ({info.filename} is encrypted)", ENCRYPTED
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO and info.file_size > RATIO_CHECKED_ABOVE:
            raise ParseError(
                f"refused: {info.filename} in the archive inflates {ratio:.0f}:1 "
                f"(limit {MAX_COMPRESSION_RATIO}:1), a zip bomb?",
                ZIP_BOMB,
            )
    if total > MAX_UNCOMPRESSED_SIZE:
        raise ParseError(
            f"refused: the archive inflates to {total // 2**20} MB "
            f"(limit {MAX_UNCOMPRESSED_SIZE // 2**20} MB), a zip bomb?",
            ZIP_BOMB,
        )
