"""casebook.bluebook: each citation form the app prints, against the rule of The Bluebook (21st
ed.) that governs it, with real citations."""

import copy
import dataclasses
import datetime
import json
import pickle
import subprocess
import sys

from django.template import Context, Template

from casebook import bluebook
from casebook.bluebook import Case, Cite

BANUELOS = Case(
    name="United States v. Banuelos-Rodriguez",
    cites=(Cite(215, "F.3d", 969),),
    court="9th Cir.",
    date=datetime.date(2000, 6, 14),
    en_banc=True,
)
ARMENTA = Case(
    name="United States v. Armenta-Castro",
    cites=(Cite(227, "F.3d", 1255, verified=False),),
    court="10th Cir.",
    date=datetime.date(2000, 9, 12),
    docket="99-4155",
)
BONNET = Case(
    name="United States v. Bonnet-Grullon",
    cites=(Cite(212, "F.3d", 692),),
    court="2d Cir.",
    year=2000,
)
KOON = Case(
    name="Koon v. United States",
    cites=(Cite(518, "U.S.", 81), Cite(116, "S. Ct.", 2035), Cite(135, "L. Ed. 2d", 392)),
    court="SCOTUS",  # courts-db's abbreviation; the Bluebook's is "U.S."
    supreme_court=True,
    date=datetime.date(1996, 6, 13),
)
SLIP = Case(
    name="United States v. X",
    court="9th Cir.",
    date=datetime.date(2000, 1, 1),
    docket="99-50000",
)


def test_full_form_gives_name_cite_pinpoint_court_year_and_en_banc():
    # R10.1: case name, reporter cite, pinpoint, (court year); R10.6.1: (en banc) after it.
    assert (
        bluebook.full(BANUELOS, "978")
        == "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)"
    )
    assert (
        bluebook.full(BONNET, 710)
        == "United States v. Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000)"
    )


def test_full_form_names_no_court_for_the_supreme_court_in_the_united_states_reports():
    # R10.4(a), B10.1.3: U.S. Reports name the court; the parenthetical gives only the year.
    assert bluebook.full(KOON) == "Koon v. United States, 518 U.S. 81 (1996)"
    assert bluebook.full(KOON, "100") == "Koon v. United States, 518 U.S. 81, 100 (1996)"


def test_parallel_cites_follow_the_primary_one_each_with_its_first_page():
    # R10.3.1: parallel cites, separated by commas; the pinpoint goes with the cite it is in.
    assert (
        bluebook.full(KOON, "100", parallel=True)
        == "Koon v. United States, 518 U.S. 81, 100, 116 S. Ct. 2035, 135 L. Ed. 2d 392 (1996)"
    )
    assert bluebook.full(KOON) == "Koon v. United States, 518 U.S. 81 (1996)"  # primary only


def test_a_pinpoint_on_the_first_page_repeats_the_first_page():
    # R3.2(a): material on the first page is cited by repeating it: "969, 969".
    assert bluebook.cite_with_pinpoint(BANUELOS, 969) == "215 F.3d 969, 969"
    assert bluebook.cite_with_pinpoint(BANUELOS, "978") == "215 F.3d 969, 978"
    assert bluebook.cite_with_pinpoint(BANUELOS) == "215 F.3d 969"
    assert bluebook.full(BANUELOS, 969).startswith(
        "United States v. Banuelos-Rodriguez, 215 F.3d 969, 969 ("
    )


def test_short_form_names_the_first_party_unless_it_is_the_united_states():
    # R10.9(a), B10.2: short form "Name, vol. reporter at page"; the first party's name, unless
    # it is a governmental litigant such as the United States.
    assert bluebook.short(BANUELOS, "978") == "Banuelos-Rodriguez, 215 F.3d at 978"
    assert bluebook.short(KOON, "100") == "Koon, 518 U.S. at 100"
    assert bluebook.short_name("United States v. Bonnet-Grullon") == "Bonnet-Grullon"
    assert bluebook.short_name("Koon v. United States") == "Koon"


def test_without_a_pinpoint_there_is_no_short_form_and_the_full_citation_is_repeated():
    # R10.9(a), R3.2(a): "at" in a short form is followed by the page of the passage; printing
    # the first page in its place ("Armenta-Castro, 227 F.3d 1255") would point at the wrong
    # page. A full citation is always allowed (short forms "may" be used).
    full = "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    assert bluebook.short(ARMENTA) == full
    assert bluebook.short(ARMENTA, "") == full
    assert "227 F.3d at 1255" not in bluebook.short(ARMENTA)


def test_pinpoint_alone():
    # R3.2(a), R10.9(a): "215 F.3d at 978"; R10.8.1(a): "slip op. at 5" for a slip opinion.
    assert bluebook.pinpoint(BANUELOS, 978) == "215 F.3d at 978"
    assert bluebook.pinpoint(KOON, "104-05") == "518 U.S. at 104-05"
    assert bluebook.pinpoint(SLIP, 5) == "slip op. at 5"
    assert bluebook.pinpoint(ARMENTA, None) == ""
    assert bluebook.pinpoint(ARMENTA, None, unpaged="slip op.") == "slip op."


def test_a_slip_opinion_gives_its_docket_number_and_exact_date():
    # R10.8.1(a): docket number, "slip op. at" the page, court and exact date (T12 months).
    assert (
        bluebook.full(SLIP, 5)
        == "United States v. X, No. 99-50000, slip op. at 5 (9th Cir. Jan. 1, 2000)"
    )
    assert bluebook.short(SLIP, 5) == "X, slip op. at 5"
    unreported_armenta = dataclasses.replace(ARMENTA, cites=())
    assert (
        bluebook.full(unreported_armenta)
        == "United States v. Armenta-Castro, No. 99-4155 (10th Cir. Sept. 12, 2000)"
    )


def test_a_supreme_court_slip_opinion_names_the_court_as_us():
    # R10.4(a), T1: outside its own reporters the Supreme Court is "U.S." in the parenthetical.
    koon_slip = dataclasses.replace(KOON, cites=(), docket="94-1664")
    assert (
        bluebook.full(koon_slip, 5)
        == "Koon v. United States, No. 94-1664, slip op. at 5 (U.S. June 13, 1996)"
    )


def test_a_year_known_alone_gives_the_year_and_a_date_unknown_gives_the_court_alone():
    # R10.5(a): the year of decision for a reported case.
    assert bluebook.parenthetical(dataclasses.replace(BONNET, year=2000)) == "2d Cir. 2000"
    assert bluebook.full(dataclasses.replace(BONNET, year=None)) == (
        "United States v. Bonnet-Grullon, 212 F.3d 692 (2d Cir.)"
    )


def test_table_of_authorities_gives_the_full_citation_without_pinpoint():
    # R10.1 without the pinpoint: the table gives the brief's pages instead.
    assert (
        bluebook.table(BANUELOS)
        == "United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000) (en banc)"
    )
    assert bluebook.table(KOON) == "Koon v. United States, 518 U.S. 81 (1996)"


def test_quoted_in_cites_the_authority_then_the_source_of_its_words():
    # R5.2, R1.5(b), R1.6: "quoted in" introduces the source the words are taken from; the
    # source is cited in its own right (full citation, court and year).
    citation = bluebook.quoted_in(bluebook.full(BONNET, 710), bluebook.full(ARMENTA))
    assert citation == (
        "United States v. Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000), quoted in "
        "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    )
    assert [p.text for p in citation.parts if p.role == bluebook.PHRASE] == ["quoted in"]
    assert bluebook.quoted_in(bluebook.pinpoint(BONNET, 710), bluebook.full(ARMENTA)).startswith(
        "212 F.3d at 710, quoted in United States v. Armenta-Castro"
    )


def test_case_names_and_explanatory_phrases_are_the_italic_parts():
    # B2: case names and explanatory phrases are italicized in court documents.
    citation = bluebook.short(BANUELOS, 978)
    assert citation.name == "Banuelos-Rodriguez"
    assert [p.role for p in citation.parts] == [bluebook.NAME, bluebook.TEXT, bluebook.CITE]
    assert bluebook.pinpoint(BANUELOS, 978).name == ""


def test_a_citation_knows_its_unverified_cites():
    assert bluebook.full(ARMENTA).unverified == ("227 F.3d 1255",)
    assert not bluebook.full(ARMENTA).verified
    assert bluebook.full(BANUELOS, 978).verified
    quoted = bluebook.quoted_in(bluebook.full(BONNET, 710), bluebook.full(ARMENTA))
    assert quoted.unverified == ("227 F.3d 1255",)


def test_a_citation_is_a_string_that_survives_copies_pickles_and_json():
    citation = bluebook.full(ARMENTA)
    assert isinstance(citation, str)
    for copied in (copy.deepcopy(citation), pickle.loads(pickle.dumps(citation))):
        assert copied == citation
        assert copied.parts == citation.parts

    @dataclasses.dataclass(frozen=True)
    class Holder:
        citation: str

    assert json.loads(json.dumps(dataclasses.asdict(Holder(citation)))) == {
        "citation": str(citation)
    }


def test_reporter_cites_read_back_from_their_text():
    cite = Cite(116, "S. Ct.", 2035)
    assert bluebook.reporter_cite(cite) == "116 S. Ct. 2035"
    assert bluebook.parse_reporter_cite("116 S. Ct. 2035") == cite
    assert bluebook.parse_reporter_cite("not a cite") is None


def test_guidelines_sections_give_the_year_of_the_manual():
    # R12.9.5: the Sentencing Guidelines with the year of the Manual; R6.2(c): "§ 2L1.2".
    assert (
        bluebook.guidelines_section("§2L1.2(b)(2)", 1995)
        == "U.S.S.G. § 2L1.2(b)(2) (U.S. Sent'g Comm'n 1995)"
    )
    assert bluebook.guidelines_section("§ 1B1.11") == "U.S.S.G. § 1B1.11"


def test_the_module_imports_no_django():
    code = "import sys, casebook.bluebook; print(any(m.startswith('django') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def render(template: str, **context) -> str:
    return Template("{% load bluebook %}" + template).render(Context(context))


def test_the_tag_italicizes_links_and_marks_an_unverified_citation_once_after_it():
    html = render("{% citation c href=url %}", c=bluebook.full(ARMENTA), url="/o/4/")
    assert html.startswith('<a href="/o/4/"><em>United States v. Armenta-Castro</em></a>, 227 F.3d')
    assert html.count(bluebook.UNVERIFIED) == 1
    assert html.index("(10th Cir. 2000)") < html.index(bluebook.UNVERIFIED)
    assert 'title="227 F.3d 1255: not yet confirmed against a copy of the reporter"' in html
    assert bluebook.UNVERIFIED not in render("{% citation c %}", c=bluebook.full(BANUELOS))


def test_the_tag_links_a_pinpoint_and_escapes_what_it_prints():
    html = render(
        "{% citation c href=url %}",
        c=bluebook.pinpoint(BANUELOS, 978),
        url='/o/1/#p978"><script>',
    )
    assert (
        html == '<a class="pinpoint" href="/o/1/#p978&quot;&gt;&lt;script&gt;">215 F.3d at 978</a>'
    )
    hostile = dataclasses.replace(BANUELOS, name="United States v. <script>")
    assert "&lt;script&gt;" in render("{% citation c %}", c=bluebook.full(hostile))
    assert render("{% citation c %}", c="<b>plain</b>") == "&lt;b&gt;plain&lt;/b&gt;"
