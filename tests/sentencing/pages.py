"""Reading pages as a person (or a screen reader) would: by the marked figures."""

import html
import re


def figure(page: str, name: str) -> str:
    match = re.search(rf'data-result="{re.escape(name)}"[^>]*>(.*?)</', page, re.S)
    assert match, f'no data-result="{name}" on the page'
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def text(response) -> str:
    return response.content.decode()
