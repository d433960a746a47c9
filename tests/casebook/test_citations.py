"""Finding and resolving the citations of the two founding opinions."""

from pathlib import Path
from types import SimpleNamespace

import pytest

from casebook.citations import (
    CiteKey,
    extract_authorities,
    get_citations,
    mend_text,
    parse_citation,
)
from casebook.selectors import text_authorities

DATA = Path(__file__).resolve().parents[2] / "casebook" / "data"
BANUELOS = (DATA / "banuelos-rodriguez.txt").read_text(encoding="utf-8")
ARMENTA = (DATA / "armenta-castro.txt").read_text(encoding="utf-8")

pytestmark = pytest.mark.django_db


def authority(authorities, citation: str):
    key = parse_citation(citation)
    found = [a for a in authorities if key in a.cites]
    assert len(found) == 1, f"{citation}: {len(found)} authorities"
    return found[0]


def mentions_written(text, found):
    return [text[m.start : m.end] for m in found.mentions]


class NoSavedOpinions:
    """The lookup of a casebook that holds no opinion yet."""

    def find(self, key, names=()):
        return None


@pytest.fixture(scope="module")
def banuelos_alone():
    return extract_authorities(BANUELOS, lookup=NoSavedOpinions())


def test_mending_inserts_the_space_before_a_glued_year_and_maps_offsets_back():
    raw = "Ray, 930 F.2d 1368 (9th Cir.1991) and (2d Cir.2000)."
    mended = mend_text(raw)
    assert mended.text == "Ray, 930 F.2d 1368 (9th Cir. 1991) and (2d Cir. 2000)."
    for word in ("Ray", "1991", "and", "2000", ")."):
        assert mended.to_raw(mended.text.index(word)) == raw.index(word)


def test_it_finds_every_case_authority_banuelos_rodriguez_cites(banuelos_alone):
    cites = {str(a.cites[0]) for a in banuelos_alone}
    assert cites == {
        "57 F.3d 757",
        "518 U.S. 81",
        "930 F.2d 1368",
        "197 F.3d 1263",
        "161 F.3d 556",
        "906 F.2d 1356",
        "884 F.2d 540",
        "925 F.2d 1191",
        "520 U.S. 751",
        "517 U.S. 456",
        "470 U.S. 598",
        "41 F.3d 540",
        "11 F.3d 897",
        "3 F.3d 300",
        "955 F.2d 1296",
        "914 F.2d 1131",
        "953 F.2d 461",
        "976 F.2d 570",
        "523 U.S. 224",
        "212 F.3d 692",
        "857 F.2d 1245",
        "488 U.S. 361",
        "952 F.2d 1101",
    }


def test_parallel_cites_are_one_authority(banuelos_alone):
    koon = authority(banuelos_alone, "518 U.S. 81")
    assert koon.cites == [
        CiteKey(518, "U.S.", 81),
        CiteKey(116, "S. Ct.", 2035),
        CiteKey(135, "L. Ed. 2d", 392),
    ]
    assert authority(banuelos_alone, "116 S.Ct. 2035") is koon
    # The full cite and the two short cites "Koon, 518 U.S. at 104-05, 116 S.Ct. 2035".
    assert koon.depth == 3
    assert koon.pin_cites == ["100", "104-05", "96"]


def test_the_mended_year_gives_court_and_year_of_each_authority(banuelos_alone):
    estrada = authority(banuelos_alone, "57 F.3d 757")
    assert (estrada.case_name, estrada.court_id, estrada.year) == (
        "United States v. Estrada-Plata",
        "ca9",
        1995,
    )
    # eyecite alone takes 1992 from a later cite here.
    assert authority(banuelos_alone, "488 U.S. 361").year == 1989
    assert authority(banuelos_alone, "884 F.2d 540").court_id == "ca10"


def test_906_f2d_at_1359_and_the_id_cites_resolve_to_enriquez_munoz(banuelos_alone):
    enriquez = authority(banuelos_alone, "906 F.2d 1356")
    written = mentions_written(BANUELOS, enriquez)
    assert written.count("906 F.2d at 1359") == 2
    assert "Id. at 1358" in written  # across bare "§ 1326(a)" references
    assert "Id. at 1358-59" in written
    assert enriquez.depth == 9
    assert "1359" in enriquez.pin_cites


def test_id_after_a_statute_reaches_back_to_the_case_before_it(banuelos_alone):
    bonnet = authority(banuelos_alone, "212 F.3d 692")
    assert mentions_written(BANUELOS, bonnet) == ["212 F.3d 692", "Id. at 693"]
    statute_free = [a for a in banuelos_alone if "Id. at 9" in mentions_written(BANUELOS, a)]
    assert statute_free == []  # the newspaper article's "Id. at 9" is not a case


def test_bare_section_signs_are_not_citations():
    assert not [c for c in get_citations(BANUELOS) if c.matched_text().strip(" .") == "§"]


def test_215_f3d_at_978_in_armenta_castro_resolves_to_banuelos_rodriguez_with_pin_978(casebook):
    found = text_authorities(ARMENTA)
    banuelos = next(a for a in found if a.opinion == casebook.banuelos)
    assert banuelos.mentions[0].pin == "978"
    assert ARMENTA[banuelos.mentions[0].start : banuelos.mentions[0].end] == "215 F.3d 969"
    assert "215 F.3d at 973" in mentions_written(ARMENTA, banuelos)
    assert banuelos.depth == 9


def test_212_f3d_693_finds_bonnet_grullon_which_begins_at_692(casebook):
    found = text_authorities(ARMENTA)
    bonnet = next(a for a in found if a.opinion == casebook.bonnet)
    assert bonnet.mentions[0].pin == "710"
    assert bonnet.depth == 6


def test_id_followed_by_a_section_sign_is_not_a_case(casebook):
    at = ARMENTA.index("See id. § 6B1.2") + len("See ")
    found = text_authorities(ARMENTA)
    assert not [m for each in found for m in each.mentions if m.start == at]


def test_armenta_castro_cites_castillo_and_its_id(casebook):
    castillo = authority(text_authorities(ARMENTA), "140 F.3d 874")
    assert castillo.opinion is None
    assert mentions_written(ARMENTA, castillo) == ["140 F.3d 874", "id."]


def test_any_object_with_find_serves_as_the_lookup():
    enriquez = SimpleNamespace(pk=1, case_name="United States v. Enriquez-Munoz")

    class OneOpinion:
        def find(self, key, names=()):
            return enriquez if key == CiteKey(906, "F.2d", 1356) else None

    found = extract_authorities(BANUELOS, lookup=OneOpinion())
    assert authority(found, "906 F.2d 1356").opinion is enriquez
    assert authority(found, "212 F.3d 692").opinion is None
