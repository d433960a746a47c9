"""Reading casebook pages: links by their text, sections by their id, visible text."""

import re
from html import unescape
from html.parser import HTMLParser


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))

    def handle_data(self, data):
        for _href, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, parts = self._open.pop()
            self.links.append(("".join(parts).strip(), href))


def links(html: str) -> list[tuple[str, str]]:
    """(text, href) of every link, in order."""
    parser = _Links()
    parser.feed(html)
    return parser.links


def hrefs_of(html: str, text: str) -> list[str]:
    return [href for label, href in links(html) if label == text]


def section(html: str, element_id: str) -> str:
    match = re.search(rf'<(section|div|aside)[^>]*id="{re.escape(element_id)}".*?</\1>', html, re.S)
    assert match, f'no section id="{element_id}"'
    return match.group(0)


_BLOCK = (
    r"</?(?:p|div|li|ul|ol|section|article|aside|header|nav|h\d|blockquote|br|tr|td|th)\b[^>]*>"
)


def visible_text(html: str) -> str:
    """The text as read: block elements separate words, inline ones do not."""
    spaced = re.sub(_BLOCK, " ", html)
    without_tags = re.sub(r"<[^>]+>", "", spaced)
    return re.sub(r"\s+", " ", unescape(without_tags)).strip()
