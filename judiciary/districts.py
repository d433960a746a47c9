"""The 94 federal judicial districts and the circuit each lies in (28 U.S.C. §§ 41, 81–131).

Ids are courts-db's. Names and Bluebook abbreviations are ours: courts-db writes many districts'
names as "District Court, D. Utah" and some abbreviations off the Bluebook ("D. Maryland"), and
it lacks `appeal_to` for most districts (and gives Vermont the First Circuit; 28 U.S.C. § 41
puts it in the Second).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class District:
    court_id: str  # courts-db id: "cacd"
    name: str  # "United States District Court for the Central District of California"
    abbreviation: str  # Bluebook: "C.D. Cal."
    circuit_id: str  # courts-db id of its court of appeals: "ca9"


CIRCUIT_NAMES = {
    "ca1": "First Circuit",
    "ca2": "Second Circuit",
    "ca3": "Third Circuit",
    "ca4": "Fourth Circuit",
    "ca5": "Fifth Circuit",
    "ca6": "Sixth Circuit",
    "ca7": "Seventh Circuit",
    "ca8": "Eighth Circuit",
    "ca9": "Ninth Circuit",
    "ca10": "Tenth Circuit",
    "ca11": "Eleventh Circuit",
    "cadc": "D.C. Circuit",
}

_DIVISIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle",
              "C": "Central"}  # fmt: skip

# (courts-db id, division letter or "" for a single district, place, Bluebook place, circuit)
# 28 U.S.C. § 41 gives each circuit its districts; §§ 81–131 divide the states.
_TABLE = (
    ("med", "", "Maine", "Me.", "ca1"),
    ("mad", "", "Massachusetts", "Mass.", "ca1"),
    ("nhd", "", "New Hampshire", "N.H.", "ca1"),
    ("prd", "", "Puerto Rico", "P.R.", "ca1"),
    ("rid", "", "Rhode Island", "R.I.", "ca1"),
    ("ctd", "", "Connecticut", "Conn.", "ca2"),
    ("nyed", "E", "New York", "N.Y.", "ca2"),
    ("nynd", "N", "New York", "N.Y.", "ca2"),
    ("nysd", "S", "New York", "N.Y.", "ca2"),
    ("nywd", "W", "New York", "N.Y.", "ca2"),
    ("vtd", "", "Vermont", "Vt.", "ca2"),
    ("ded", "", "Delaware", "Del.", "ca3"),
    ("njd", "", "New Jersey", "N.J.", "ca3"),
    ("paed", "E", "Pennsylvania", "Pa.", "ca3"),
    ("pamd", "M", "Pennsylvania", "Pa.", "ca3"),
    ("pawd", "W", "Pennsylvania", "Pa.", "ca3"),
    ("vid", "", "the Virgin Islands", "V.I.", "ca3"),
    ("mdd", "", "Maryland", "Md.", "ca4"),
    ("nced", "E", "North Carolina", "N.C.", "ca4"),
    ("ncmd", "M", "North Carolina", "N.C.", "ca4"),
    ("ncwd", "W", "North Carolina", "N.C.", "ca4"),
    ("scd", "", "South Carolina", "S.C.", "ca4"),
    ("vaed", "E", "Virginia", "Va.", "ca4"),
    ("vawd", "W", "Virginia", "Va.", "ca4"),
    ("wvnd", "N", "West Virginia", "W. Va.", "ca4"),
    ("wvsd", "S", "West Virginia", "W. Va.", "ca4"),
    ("laed", "E", "Louisiana", "La.", "ca5"),
    ("lamd", "M", "Louisiana", "La.", "ca5"),
    ("lawd", "W", "Louisiana", "La.", "ca5"),
    ("msnd", "N", "Mississippi", "Miss.", "ca5"),
    ("mssd", "S", "Mississippi", "Miss.", "ca5"),
    ("txed", "E", "Texas", "Tex.", "ca5"),
    ("txnd", "N", "Texas", "Tex.", "ca5"),
    ("txsd", "S", "Texas", "Tex.", "ca5"),
    ("txwd", "W", "Texas", "Tex.", "ca5"),
    ("kyed", "E", "Kentucky", "Ky.", "ca6"),
    ("kywd", "W", "Kentucky", "Ky.", "ca6"),
    ("mied", "E", "Michigan", "Mich.", "ca6"),
    ("miwd", "W", "Michigan", "Mich.", "ca6"),
    ("ohnd", "N", "Ohio", "Ohio", "ca6"),
    ("ohsd", "S", "Ohio", "Ohio", "ca6"),
    ("tned", "E", "Tennessee", "Tenn.", "ca6"),
    ("tnmd", "M", "Tennessee", "Tenn.", "ca6"),
    ("tnwd", "W", "Tennessee", "Tenn.", "ca6"),
    ("ilcd", "C", "Illinois", "Ill.", "ca7"),
    ("ilnd", "N", "Illinois", "Ill.", "ca7"),
    ("ilsd", "S", "Illinois", "Ill.", "ca7"),
    ("innd", "N", "Indiana", "Ind.", "ca7"),
    ("insd", "S", "Indiana", "Ind.", "ca7"),
    ("wied", "E", "Wisconsin", "Wis.", "ca7"),
    ("wiwd", "W", "Wisconsin", "Wis.", "ca7"),
    ("ared", "E", "Arkansas", "Ark.", "ca8"),
    ("arwd", "W", "Arkansas", "Ark.", "ca8"),
    ("iand", "N", "Iowa", "Iowa", "ca8"),
    ("iasd", "S", "Iowa", "Iowa", "ca8"),
    ("mnd", "", "Minnesota", "Minn.", "ca8"),
    ("moed", "E", "Missouri", "Mo.", "ca8"),
    ("mowd", "W", "Missouri", "Mo.", "ca8"),
    ("ned", "", "Nebraska", "Neb.", "ca8"),
    ("ndd", "", "North Dakota", "N.D.", "ca8"),
    ("sdd", "", "South Dakota", "S.D.", "ca8"),
    ("akd", "", "Alaska", "Alaska", "ca9"),
    ("azd", "", "Arizona", "Ariz.", "ca9"),
    ("cacd", "C", "California", "Cal.", "ca9"),
    ("caed", "E", "California", "Cal.", "ca9"),
    ("cand", "N", "California", "Cal.", "ca9"),
    ("casd", "S", "California", "Cal.", "ca9"),
    ("gud", "", "Guam", "Guam", "ca9"),
    ("hid", "", "Hawaii", "Haw.", "ca9"),
    ("idd", "", "Idaho", "Idaho", "ca9"),
    ("mtd", "", "Montana", "Mont.", "ca9"),
    ("nvd", "", "Nevada", "Nev.", "ca9"),
    ("nmid", "", "the Northern Mariana Islands", "N. Mar. I.", "ca9"),
    ("ord", "", "Oregon", "Or.", "ca9"),
    ("waed", "E", "Washington", "Wash.", "ca9"),
    ("wawd", "W", "Washington", "Wash.", "ca9"),
    ("cod", "", "Colorado", "Colo.", "ca10"),
    ("ksd", "", "Kansas", "Kan.", "ca10"),
    ("nmd", "", "New Mexico", "N.M.", "ca10"),
    ("oked", "E", "Oklahoma", "Okla.", "ca10"),
    ("oknd", "N", "Oklahoma", "Okla.", "ca10"),
    ("okwd", "W", "Oklahoma", "Okla.", "ca10"),
    ("utd", "", "Utah", "Utah", "ca10"),
    ("wyd", "", "Wyoming", "Wyo.", "ca10"),
    ("almd", "M", "Alabama", "Ala.", "ca11"),
    ("alnd", "N", "Alabama", "Ala.", "ca11"),
    ("alsd", "S", "Alabama", "Ala.", "ca11"),
    ("flmd", "M", "Florida", "Fla.", "ca11"),
    ("flnd", "N", "Florida", "Fla.", "ca11"),
    ("flsd", "S", "Florida", "Fla.", "ca11"),
    ("gamd", "M", "Georgia", "Ga.", "ca11"),
    ("gand", "N", "Georgia", "Ga.", "ca11"),
    ("gasd", "S", "Georgia", "Ga.", "ca11"),
    ("dcd", "", "Columbia", "D.C.", "cadc"),
)


def _abbreviation(division: str, place_abbreviation: str) -> str:
    # Bluebook T7/T10: "C.D. Cal.", "D. Utah", but closed up where the place is all initials
    # ("S.D.N.Y.", "D.N.H.", "D.D.C.").
    court = f"{division}.D." if division else "D."
    initials_only = all(len(part) <= 1 for part in place_abbreviation.split("."))
    separator = "" if initials_only else " "
    return f"{court}{separator}{place_abbreviation}"


def _district(
    court_id: str, division: str, place: str, place_abbreviation: str, circuit_id: str
) -> District:
    which = f"{_DIVISIONS[division]} District" if division else "District"
    name = f"United States District Court for the {which} of {place}"
    return District(court_id, name, _abbreviation(division, place_abbreviation), circuit_id)


DISTRICTS: tuple[District, ...] = tuple(_district(*row) for row in _TABLE)


@cache
def _by_id() -> dict[str, District]:
    return {district.court_id: district for district in DISTRICTS}


def district_by_id(court_id: str) -> District | None:
    return _by_id().get(court_id)


def circuit_of(court_id: str) -> str | None:
    district = district_by_id(court_id)
    return district.circuit_id if district else None


def district_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a form: districts grouped by circuit, each shown as "C.D. Cal." and its name."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for district in DISTRICTS:
        label = f"{district.abbreviation} — {district.name.removeprefix('United States ')}"
        grouped.setdefault(CIRCUIT_NAMES[district.circuit_id], []).append(
            (district.court_id, label)
        )
    return list(grouped.items())
