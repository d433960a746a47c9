"""Courts: Bluebook abbreviations, names and circuits, from courts-db and our district table."""

import courts_db
import pytest

from casebook import courts
from judiciary import districts


@pytest.mark.parametrize(
    ("abbreviation", "court_id"),
    [
        ("9th Cir.", "ca9"),
        ("10th Cir.", "ca10"),
        ("2d Cir.", "ca2"),
        ("D.C. Cir.", "cadc"),
        ("C.D. Cal.", "cacd"),
        ("S.D. Cal.", "casd"),
        ("D. Utah", "utd"),
        ("S.D.N.Y.", "nysd"),
        ("9th Cir", "ca9"),  # without the final period
    ],
)
def test_a_bluebook_abbreviation_gives_the_courts_db_id(abbreviation, court_id):
    assert courts.court_id_for_abbreviation(abbreviation) == court_id


def test_an_unknown_abbreviation_gives_none():
    assert courts.court_id_for_abbreviation("Narnia Ct. App.") is None


def test_a_district_takes_its_circuit_from_our_table_where_courts_db_lacks_it():
    assert not next(c for c in courts_db.courts if c["id"] == "utd").get("appeal_to")
    assert courts.circuit_of("utd") == "ca10"
    assert courts.circuit_of("nysd") == "ca2"
    assert courts.circuit_of("cacd") == "ca9"


def test_every_district_has_a_court_of_appeals_for_its_circuit():
    for district in districts.DISTRICTS:
        assert courts.circuit_of(district.court_id) in courts.COURTS_OF_APPEALS, district


def test_courts_of_appeals_are_their_own_circuit_and_the_supreme_court_has_none():
    assert courts.circuit_of("ca9") == "ca9"
    assert courts.circuit_of("scotus") is None


def test_court_info_names_kind_and_abbreviation():
    ninth = courts.court_info("ca9")
    assert (ninth.name, ninth.abbreviation, ninth.kind, ninth.circuit_id) == (
        "United States Court of Appeals for the Ninth Circuit",
        "9th Cir.",
        courts.Kind.APPELLATE,
        "ca9",
    )
    supreme = courts.court_info("scotus")
    assert (supreme.abbreviation, supreme.kind, supreme.circuit_id) == ("U.S.", "supreme", None)
    utah = courts.court_info("utd")
    assert (utah.abbreviation, utah.kind, utah.circuit_id) == ("D. Utah", "district", "ca10")
    assert courts.court_info("no-such-court") is None


def test_circuit_names_read_as_lawyers_say_them():
    assert "Ninth" in courts.circuit_name("ca9")
    assert "Tenth" in courts.circuit_name("ca10")


def test_a_court_name_is_found_through_courts_db():
    name = "United States Court of Appeals for the Ninth Circuit"
    assert courts.court_id_for_name(name) == "ca9"
    assert courts.court_id_for_name("C.D. Cal.") == "cacd"
