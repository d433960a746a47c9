"""The memo's fonts ship with the app: the PDF embeds Liberation Serif from static/fonts/ (never
a font of the host), and the preview loads the same stylesheet and the same font files."""

import io
import re
from pathlib import Path
from urllib.parse import urljoin

import weasyprint
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from fontTools.ttLib import TTFont

from memos.render import FONTS, STYLESHEET, MemoRenderer, StaticFilesURLFetcher, font_paths
from memos.selectors import memo_for
from tests.memo.conftest import MEMO_DATE, fast_track_sections
from tests.memo.pdf import reader

FAMILY = "Memo-Serif"  # the stylesheet's own family name, as WeasyPrint names the PDF's fonts
FACES = {  # the PDF font name for each shipped file
    "fonts/LiberationSerif-Regular.ttf": FAMILY,
    "fonts/LiberationSerif-Bold.ttf": f"{FAMILY}-Bold",
    "fonts/LiberationSerif-Italic.ttf": f"{FAMILY}-Italic",
    "fonts/LiberationSerif-BoldItalic.ttf": f"{FAMILY}-Bold-Italic",
}


def identity(font: TTFont) -> tuple[str, str, str]:
    """Family, version and PostScript name, from the font's name table."""
    names = font["name"]
    return names.getDebugName(1), names.getDebugName(5), names.getDebugName(6)


def shipped() -> dict[str, tuple[str, str, str]]:
    """PDF font name → identity of the shipped file it must come from."""
    paths = zip(FONTS, font_paths(), strict=True)
    return {FACES[name]: identity(TTFont(path)) for name, path in paths}


def embedded_fonts(content: bytes) -> dict[str, tuple[str, str, str]]:
    """PDF font name (subset prefix dropped) → identity of the font program embedded for it."""
    found = {}
    for page in reader(content).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            descendant = font["/DescendantFonts"][0].get_object()
            program = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            found[name] = identity(TTFont(io.BytesIO(program.get_data())))
    return found


def test_the_stylesheet_loads_the_shipped_fonts_found_through_the_static_finders():
    css = Path(finders.find(STYLESHEET)).read_text()
    urls = re.findall(r'url\("([^"]+)"\)', css)
    base = Path(finders.find(STYLESHEET)).resolve().as_uri()
    assert [urljoin(base, url) for url in urls] == [path.as_uri() for path in font_paths()]
    assert sorted(FONTS) == sorted(FACES)
    # Every face the memo sets is the shipped serif (sans-serif: the preview's screen-only flag).
    assert set(re.findall(r'"([^"]+)", serif', css)) == {"Memo Serif"}
    assert "DejaVu" not in css
    license_text = Path(finders.find("fonts/LICENSE-LiberationSerif.txt")).read_text()
    assert "SIL Open Font License" in license_text
    assert "Reserved Font Name Liberation" in license_text


def test_the_pdf_embeds_only_the_shipped_fonts(banuelos_case, alice, casebook):
    sections = fast_track_sections(banuelos_case, casebook.fast_track, count=2)
    memo = memo_for(banuelos_case, user=alice, sections=sections, on=MEMO_DATE)
    renderer = MemoRenderer()
    rendered = renderer.render(memo)

    fonts = embedded_fonts(rendered.content)
    expected = shipped()
    # Body text, headings and the italic case names; every one the shipped file, byte-named.
    assert {FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic"} <= set(fonts)
    assert {name: expected.get(name) for name in fonts} == fonts
    assert {version for _, version, _ in fonts.values()} == {"Version 2.1.5"}
    # Read from static/fonts through the strict fetcher, which refused nothing.
    assert renderer.fetcher.refused == []
    assert {path.as_uri() for path in font_paths()} <= set(renderer.fetcher.requested)


def test_all_four_faces_come_from_the_shipped_files():
    stylesheet = Path(finders.find(STYLESHEET)).resolve()
    html = (
        f'<link rel="stylesheet" href="{stylesheet.as_uri()}">'
        "<p>Regular <b>Bold</b> <i>Italic</i> <b><i>Bold italic</i></b></p>"
    )
    fetcher = StaticFilesURLFetcher()
    content = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert embedded_fonts(content) == shipped()
    assert fetcher.refused == []


def test_the_preview_uses_the_same_stylesheet_and_serves_the_same_fonts(
    alice_client, banuelos_case
):
    page = alice_client.get(reverse("memos:preview_html", args=[banuelos_case.pk]))
    assert page.status_code == 200
    stylesheet_url = static(STYLESHEET)
    assert f'<link rel="stylesheet" href="{stylesheet_url}">' in page.content.decode()

    def served(url: str) -> bytes:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        return b"".join(response.streaming_content)

    css = served(stylesheet_url)
    assert css == Path(finders.find(STYLESHEET)).read_bytes()  # the file the PDF reads
    urls = re.findall(r'url\("([^"]+)"\)', css.decode())
    for url, path in zip(urls, font_paths(), strict=True):
        assert served(urljoin(stylesheet_url, url)) == path.read_bytes()
