"""Text as the search compares it: accents folded, and on SQLite case, hyphens and punctuation too.

"Rodríguez" and "Rodriguez" are the same name to a reader; "Banuelos-Rodriguez" and "banuelos
rodriguez", "fast-track" and "fast track" are the same words. Both the stored search text and the
query go through the same folding, so they compare equal.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def fold_accents(text: str) -> str:
    """The text without its diacritics ("Rodríguez" → "Rodriguez"), case and punctuation kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_words(text: str) -> str:
    """The text's words, accent-folded and lowercased, one space between and around them:
    "Banuelos-Rodríguez, 215 F.3d" → " banuelos rodriguez 215 f 3d "."""
    words = _NOT_WORD.sub(" ", fold_accents(text).casefold()).strip()
    return f" {words} " if words else ""


def query_words(query: str) -> list[str]:
    """The words of a query as `fold_words` stores them: "Fast-Track" → ["fast", "track"]."""
    return fold_words(query).split()
