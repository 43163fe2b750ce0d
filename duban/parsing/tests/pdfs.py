"""Small hand-built PDFs for reader tests: text lines, ruled tables, encryption."""

from dataclasses import dataclass, field

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


@dataclass
class Page:
    """A page drawn with Helvetica text at (x, top) and straight rules."""

    texts: list[tuple[float, float, str]] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)

    def text(self, x: float, top: float, text: str) -> "Page":
        self.texts.append((x, top, text))
        return self

    def table(
        self,
        left: float,
        top: float,
        widths: list[float],
        rows: list[list[str]],
        height: float = 20,
    ) -> "Page":
        """Rule a grid and write one line of text in each cell."""
        right = left + sum(widths)
        for index, row in enumerate(rows):
            x = left
            for width, cell in zip(widths, row, strict=True):
                if cell:
                    self.text(x + 3, top + index * height + 6, cell)
                x += width
        for index in range(len(rows) + 1):
            y = top + index * height
            self.rules.append((left, y, right, y))
        bottom = top + len(rows) * height
        x = left
        for width in [0, *widths]:
            x += width
            self.rules.append((x, top, x, bottom))
        return self

    def stream(self) -> bytes:
        parts = ["0.5 w"]
        for x0, top0, x1, top1 in self.rules:
            parts.append(f"{x0} {PAGE_HEIGHT - top0} m {x1} {PAGE_HEIGHT - top1} l S")
        for x, top, text in self.texts:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            parts.append(f"BT /F1 10 Tf {x} {PAGE_HEIGHT - top - 8} Td ({escaped}) Tj ET")
        return "\n".join(parts).encode("latin-1")


def make_pdf(pages: list[Page], *, user_password: bool = False) -> bytes:
    """A valid PDF of `pages`; with `user_password` it needs a password nobody knows."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for index, page in enumerate(pages):
        content = 4 + 2 * index
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        data = page.stream()
        objects.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    trailer_extra = ""
    if user_password:
        # The /U entry matches no password, not even the empty one.
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
            + b"41" * 32
            + b"> /U <"
            + b"42" * 32
            + b"> >>"
        )
        trailer_extra = f" /Encrypt {len(objects)} 0 R /ID [<{'00' * 16}> <{'00' * 16}>]"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_extra} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
