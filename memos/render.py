"""Memo HTML → PDF with WeasyPrint, reading nothing but our own static files.

``MemoRenderer().render(memo)`` returns ``(filename, content_type, bytes)``.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.text import slugify
from weasyprint.urls import URLFetcher

from .document import Memo

CONTENT_TYPE = "application/pdf"
STYLESHEET = "memo/memo.css"
# The faces the stylesheet's @font-face rules load (url("../fonts/…")), shipped in static/fonts/
# with their license: Liberation Serif 2.1.5, SIL Open Font License 1.1.
FONTS = (
    "fonts/LiberationSerif-Regular.ttf",
    "fonts/LiberationSerif-Bold.ttf",
    "fonts/LiberationSerif-Italic.ttf",
    "fonts/LiberationSerif-BoldItalic.ttf",
)


def static_roots() -> tuple[Path, ...]:
    """The directories our static files come from (STATICFILES_DIRS and STATIC_ROOT)."""
    roots = []
    for entry in settings.STATICFILES_DIRS:
        path = entry[1] if isinstance(entry, (tuple, list)) else entry
        roots.append(Path(path))
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return tuple(root.resolve() for root in roots)


class StaticFilesURLFetcher(URLFetcher):
    """Serves ``data:`` URLs and files whose resolved path lies under a static root; refuses
    everything else (other files, http, ftp…) without opening it.

    ``requested`` and ``refused`` record every URL asked for, so tests can check that nothing a
    user typed was ever requested.
    """

    def __init__(self, *args: Any, roots: tuple[Path, ...] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, allowed_protocols=("data", "file"), **kwargs)
        self.roots = roots if roots is not None else static_roots()
        self.requested: list[str] = []
        self.refused: list[str] = []

    def allowed_path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()  # follows "..", and symlinks out of the root
        if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
            return path
        return None

    def fetch(
        self, url: str, headers: Mapping[str, str] | None = None
    ) -> weasyprint.urls.URLFetcherResponse:
        self.requested.append(url)
        if url.lower().startswith("data:"):
            return super().fetch(url, headers)
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"The memo reads only our static files, not {url[:200]!r}.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return weasyprint.urls.URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
        )


def memo_filename(memo: Memo, extension: str = "pdf") -> str:
    """sentencing-memo-banuelos-rodriguez-2026-11-20.pdf: the defendant and the date."""
    defendant = slugify(memo.defendant)[:60].strip("-") or "defendant"
    return f"sentencing-memo-{defendant}-{memo.date}.{extension}"


def _static_path(name: str) -> Path:
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(f"static file {name} not found")
    return Path(found).resolve()


@cache
def _stylesheet_path() -> Path:
    return _static_path(STYLESHEET)


def pdf_base_url() -> str:
    """Where the PDF's relative URLs (the stylesheet's fonts) resolve: the stylesheet's folder."""
    return _stylesheet_path().parent.as_uri() + "/"


@cache
def font_paths() -> tuple[Path, ...]:
    """The shipped font files, through the static finders. A missing one is an error here rather
    than a memo WeasyPrint would quietly set in whatever serif the host has."""
    return tuple(_static_path(name) for name in FONTS)


def memo_html(memo: Memo, *, for_pdf: bool = True) -> str:
    """The one memo template. The PDF links its stylesheet as a file under the static root,
    the on-screen preview by its static URL; nothing else differs."""
    stylesheet = _stylesheet_path().as_uri() if for_pdf else static(STYLESHEET)
    return render_to_string("memo/memo.html", {"memo": memo, "stylesheet_url": stylesheet})


def drop_repeated_pages(document: weasyprint.document.Document) -> None:
    """The table of authorities prints one page number per mention (CSS target-counter). Where
    several mentions of an authority fall on one page, keep the first and remove the rest from
    the laid-out page, moving the numbers after them left (with their links)."""
    page_of = {
        name: number for number, page in enumerate(document.pages, 1) for name in page.anchors
    }
    seen: dict[object, set[int]] = {}
    for page in document.pages:
        removed, shifted = set(), {}
        for group in page._page_box.descendants():
            element = getattr(group, "element", None)
            if element is None or "toa-pages" not in (element.get("class") or "").split():
                continue
            if getattr(group, "pseudo_type", None) or not hasattr(group, "children"):
                continue
            pages = seen.setdefault(element, set())
            kept, offset = [], 0.0
            for child in group.children:
                href = child.element.get("href", "") if child.element is not None else ""
                number = page_of.get(href.removeprefix("#"))
                if child.element_tag == "a" and number is not None and number in pages:
                    offset += child.margin_width()
                    removed.add(id(child))
                    continue
                if number is not None:
                    pages.add(number)
                if offset:
                    child.translate(-offset, 0)
                    shifted[id(child)] = offset
                kept.append(child)
            if offset:
                group.children = kept
                group.width -= offset
        if removed or shifted:
            page.links = [
                _moved_link(link, shifted) for link in page.links if id(link[3]) not in removed
            ]


# A link on a laid-out page, as WeasyPrint lists it: (kind, target, (x1, y1, x2, y2), box).
_PageLink = tuple[str, str, tuple[float, float, float, float], Any]


def _moved_link(link: _PageLink, shifted: dict[int, float]) -> _PageLink:
    kind, target, (x1, y1, x2, y2), box = link
    dx = shifted.get(id(box), 0.0)
    return (kind, target, (x1 - dx, y1, x2 - dx, y2), box) if dx else link


@dataclass(frozen=True)
class RenderedMemo:
    filename: str
    content_type: str
    content: bytes
    html: str
    page_count: int
    anchor_pages: dict[str, int] = field(default_factory=dict)  # each mention's page

    def __iter__(self) -> Iterator[str | bytes]:
        """(filename, content_type, bytes), as a renderer returns them."""
        return iter((self.filename, self.content_type, self.content))


class MemoRenderer:
    """Renders a Memo to PDF. ``fetcher_class`` is the URL fetcher WeasyPrint gets."""

    fetcher_class = StaticFilesURLFetcher

    def __init__(self) -> None:
        self.fetcher: StaticFilesURLFetcher | None = None

    def render(self, memo: Memo) -> RenderedMemo:
        html = memo_html(memo, for_pdf=True)
        font_paths()
        self.fetcher = self.fetcher_class()
        document = weasyprint.HTML(
            string=html, base_url=pdf_base_url(), url_fetcher=self.fetcher
        ).render()
        drop_repeated_pages(document)
        content = document.write_pdf()
        pages = {
            name: number for number, page in enumerate(document.pages, 1) for name in page.anchors
        }
        return RenderedMemo(
            memo_filename(memo), CONTENT_TYPE, content, html, len(document.pages), pages
        )
