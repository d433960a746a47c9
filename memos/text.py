"""Free text as the memo prints it: paragraphs, and long words made breakable.

The layout engine pays for a line by the text it has to measure, and two shapes of text make it
pay far more than their length:

- many short lines printed as ``<br>``: every ``<br>`` is an element with its own style and boxes.
  A paragraph is printed as one text instead, its single line breaks kept as newlines for the
  stylesheet's ``white-space: pre-line``.
- a run of characters with nowhere to break (a long word, a pasted link): to break it at any
  character (``overflow-wrap: anywhere``) the engine lays out the whole rest of the line again for
  every line the run fills, which grows with the square of its length. A long run gets an
  invisible break opportunity (U+200B ZERO WIDTH SPACE) every few characters instead, which
  prints nothing and leaves nothing in the PDF's text.
"""

from __future__ import annotations

import re
import unicodedata

# A paragraph ends at a blank line (one holding only spaces or tabs counts as blank).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Runs longer than this get break opportunities; shorter ones fit a line as they are.
LONG_RUN = 40
# How many characters of a long run go between two break opportunities.
RUN_PIECE = 10
ZERO_WIDTH_SPACE = "\N{ZERO WIDTH SPACE}"
ZERO_WIDTH_JOINER = "\N{ZERO WIDTH JOINER}"
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _starts_a_character(char: str, previous: str) -> bool:
    """Whether a break may go before ``char``: not inside a combining sequence, an emoji joined
    with ZWJ, or before a variation selector."""
    if previous == ZERO_WIDTH_JOINER or char == ZERO_WIDTH_JOINER:
        return False
    category = unicodedata.category(char)
    return not category.startswith("M") and not 0xFE00 <= ord(char) <= 0xFE0F


def _breakable_run(match: re.Match[str]) -> str:
    run = match.group(0)
    out, since_break, previous = [], 0, ""
    for char in run:
        if since_break >= RUN_PIECE and _starts_a_character(char, previous):
            out.append(ZERO_WIDTH_SPACE)
            since_break = 0
        out.append(char)
        since_break += 1
        previous = char
    return "".join(out)


def breakable(text: str) -> str:
    """``text`` with a break opportunity every few characters of each run longer than a word."""
    return _LONG_RUN_RE.sub(_breakable_run, text)


def raw_paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of ``text``, split at blank lines, each keeping its single line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return tuple(part.strip() for part in PARAGRAPH_BREAK.split(text) if part.strip())


def paragraphs(text: str) -> tuple[str, ...]:
    """`raw_paragraphs`, each with its long runs made breakable."""
    return tuple(breakable(part) for part in raw_paragraphs(text))
