"""Each statute's guidelines, checked against a second copy: Appendix A (Statutory Index) of the
2025 Manual as extracted to text in the shared reference folder (skipped where it is absent)."""

import re
from pathlib import Path

import pytest

from sentencing.guidelines import STATUTE_HISTORY

MANUAL = Path(__file__).resolve().parents[2].parent / "shared" / "manual" / "GLM2025.txt"

# The Appendix A line each carried citation falls under.
INDEX_LINE = {
    "8 U.S.C. § 1325(a)": "8 U.S.C. § 1325(a)",
    "8 U.S.C. § 1326": "8 U.S.C. § 1326",
    "18 U.S.C. § 922(g) (armed": "18 U.S.C. § 924(e)",
    "18 U.S.C. § 922(g)": "18 U.S.C. § 922(a)–(p)",
    "18 U.S.C. § 924(c)": "18 U.S.C. § 924(c)",
    "18 U.S.C. § 1028A": "18 U.S.C. § 1028A",
    "18 U.S.C. § 1341": "18 U.S.C. § 1341",
    "18 U.S.C. § 1343": "18 U.S.C. § 1343",
    "18 U.S.C. § 1344": "18 U.S.C. § 1344",
    "18 U.S.C. § 1349": "18 U.S.C. § 1349",
    "21 U.S.C. § 841(b)(1)": "21 U.S.C. § 841(b)(1)–(3)",
    "21 U.S.C. § 846": "21 U.S.C. § 846",
    "21 U.S.C. § 960(b)": "21 U.S.C. § 960(a),(b)",
    "18 U.S.C. § 2252(a)": "18 U.S.C. § 2252",
}
ENTRY = re.compile(
    r"^(\d+ U\.S\.C\. § \S+)\s+((?:\d[A-Z]\d\.\d+,?\s*)+)(?:\(see also ([\d.A-Z]+)\))?"
)


def appendix_a() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for line in MANUAL.read_text(encoding="utf-8").splitlines():
        if match := ENTRY.match(line.strip()):
            key, listed, see_also = match.groups()
            sections = {f"§{g}" for g in re.findall(r"\d[A-Z]\d\.\d+", listed)}
            if see_also:
                sections.add(f"§{see_also}")
            index.setdefault(key, set()).update(sections)
    return index


@pytest.mark.skipif(not MANUAL.exists(), reason="the 2025 Manual's text is not in this checkout")
def test_each_statutes_guidelines_are_the_ones_appendix_a_lists():
    index = appendix_a()
    for statute in STATUTE_HISTORY:
        prefix = next(p for p in INDEX_LINE if statute.citation.startswith(p))
        listed = index[INDEX_LINE[prefix]]
        assert set(statute.guidelines) <= listed, (statute.citation, listed)
