"""Statutory maxima, as 8 U.S.C. §§ 1325(a) and 1326 state them."""

import pytest

from sentencing.guidelines import STATUTES, Count, statute_by_citation


@pytest.mark.parametrize(
    ("citation", "maximum"),
    [
        ("8 U.S.C. § 1326(a)", 24),  # "not more than 2 years"
        ("8 U.S.C. § 1326(b)(1)", 120),  # "not more than 10 years"
        ("8 U.S.C. § 1326(b)(2)", 240),  # "not more than 20 years"
        ("8 U.S.C. § 1325(a) (first offense)", 6),  # "not more than 6 months"
        ("8 U.S.C. § 1325(a) (subsequent offense)", 24),  # "not more than 2 years"
    ],
)
def test_it_carries_the_statutory_maximum(citation, maximum):
    statute = statute_by_citation(citation)
    assert (statute.maximum_months, statute.minimum_months) == (maximum, 0)
    assert statute.count() == Count(citation, maximum, 0)


def test_it_finds_a_citation_regardless_of_spacing_and_case():
    assert statute_by_citation("8 u.s.c. §1326(b)(2)").maximum_months == 240


def test_it_returns_none_for_an_unknown_citation():
    assert statute_by_citation("18 U.S.C. § 1111") is None


def test_no_two_statutes_share_a_citation():
    citations = [statute.citation for statute in STATUTES]
    assert len(citations) == len(set(citations))
