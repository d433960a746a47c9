"""Guideline section numbers as printed or typed: "§2L1.2(b)(2)", "USSG § 3E1.1", "2L1.2(b)"."""

import re

SECTION = re.compile(r"(\d{1,2}[A-Z]\d\.\d+)", re.IGNORECASE)


def section_family(text: str) -> str:
    """The guideline a line or group belongs to ("2L1.2" for "§2L1.2(b)(1)(A)"); for text
    that names no section, the text before its first subsection, as typed."""
    found = SECTION.search(text)
    if found:
        return found.group(1).upper()
    return text.split("(", 1)[0].strip().lstrip("§").strip().casefold()


def names_section(text: str) -> bool:
    return SECTION.search(text) is not None
