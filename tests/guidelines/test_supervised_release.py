"""§5D1.2's term of supervised release by the class of the most serious count (18 U.S.C.
§ 3559(a)) and by edition: Amendment 529 (1995), 756 (2011), 835 (2025)."""

import pytest

from sentencing.guidelines import Count, edition_by_key
from sentencing.guidelines.supervised_release import offense_class, term


@pytest.mark.parametrize(
    ("months", "found"),
    [
        (None, "A"),
        (300, "B"),
        (299, "C"),
        (120, "C"),
        (119, "D"),
        (60, "D"),
        (59, "E"),
        (13, "E"),
        (12, "A misdemeanor"),
        (7, "A misdemeanor"),
        (6, ""),
    ],
)
def test_the_class_of_an_offense_by_its_maximum(months, found):
    assert offense_class(months) == found


@pytest.mark.parametrize(
    ("key", "months", "shown"),
    [
        ("1995-11-01", 240, "2 to 3 years"),
        ("2010-11-01", None, "3 to 5 years"),
        ("2016-11-01", 240, "1 to 3 years"),
        ("2016-11-01", 480, "2 to 5 years"),
        ("2023-11-01", 24, "1 year"),
        ("2025-11-01", 240, "not more than 3 years"),
        ("2025-11-01", 12, "not more than 1 year"),
    ],
)
def test_the_term_by_edition(key, months, shown):
    assert str(term((Count("statute", months),), edition_by_key(key))) == shown


def test_the_most_serious_count_governs():
    counts = (Count("18 U.S.C. § 1343", 240), Count("21 U.S.C. § 841(b)(1)(A)", None, 120))
    found = term(counts, edition_by_key("2016-11-01"))
    assert (found.offense_class, found.statute, str(found)) == (
        "A",
        "21 U.S.C. § 841(b)(1)(A)",
        "2 to 5 years",
    )
    assert "Class A felony" in found.note


def test_a_petty_offense_or_no_count_has_no_term():
    assert term((Count("petty", 6),), edition_by_key("2016-11-01")) is None
    assert term((), edition_by_key("2016-11-01")) is None


def test_two_counts_of_one_class_take_the_first():
    counts = (Count("18 U.S.C. § 1343", 240), Count("18 U.S.C. § 1341", 240))
    assert term(counts, edition_by_key("2016-11-01")).statute == "18 U.S.C. § 1343"


@pytest.mark.parametrize(
    ("key", "longer"),
    [
        ("2000-11-01", ()),
        ("2001-11-01", ("for a sex offense the statutory maximum is recommended (§5D1.2(c))",)),
        (
            "2003-11-01",
            (
                "up to life for a listed terrorism offense (§5D1.2(a))",
                "for a sex offense the statutory maximum is recommended (§5D1.2(c))",
            ),
        ),
        ("2004-11-01", ("up to life for a sex offense or a listed terrorism offense (§5D1.2(b))",)),
        ("2025-11-01", ()),
    ],
)
def test_the_longer_terms_of_5d1_2_are_named_from_the_amendments_that_added_them(key, longer):
    # Amendments 615 (2001), 637 (2002) and 664 (2004); Amendment 835 (2025) rewrote §5D1.2.
    note = term((Count("18 U.S.C. § 2252(a)(2)", 240),), edition_by_key(key)).note
    assert note.rstrip(".").split("; ")[1:] == list(longer)
