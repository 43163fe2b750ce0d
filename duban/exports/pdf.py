"""Converting Word and Excel files to PDF with LibreOffice headless."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# A conversion of a few pages takes seconds; a hung LibreOffice must not hold a worker.
TIMEOUT = 120
# Maps the 公文 fonts the documents name (仿宋_GB2312, 黑体…) to installed Noto CJK faces.
FONTS_CONF = Path(__file__).with_name("fonts.conf")


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed, or it failed on the file."""


def soffice() -> str | None:
    return shutil.which("soffice")


def to_pdf(data: bytes, suffix: str) -> bytes:
    """The PDF of a .docx or .xlsx file's bytes, converted in a throwaway folder and profile."""
    program = soffice()
    if program is None:
        raise PdfUnavailable("未安装 LibreOffice，无法生成 PDF。")
    with tempfile.TemporaryDirectory(prefix="duban-pdf-") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(data)
        try:
            subprocess.run(  # noqa: S603 (LibreOffice on a file written just above)
                [
                    program,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT,
                env={**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)},
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable("PDF 转换失败。") from exc
        result = source.with_suffix(".pdf")
        if not result.exists():
            raise PdfUnavailable("PDF 转换失败。")
        return result.read_bytes()
