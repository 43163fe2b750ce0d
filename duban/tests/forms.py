"""The forms a page offers, read from its HTML: where each posts and the fields it sends."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    method: str
    action: str
    fields: set[str] = field(default_factory=set)


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__()
        self.page_url, self.forms, self.current = page_url, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.current = Form(method, attrs.get("action") or self.page_url)
            self.forms.append(self.current)
        elif tag in ("input", "select", "textarea", "button") and self.current is not None:
            if attrs.get("name") and attrs.get("type") != "file":
                self.current.fields.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def forms_of(html: str, page_url: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return parser.forms
