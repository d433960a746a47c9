"""The table of authorities lists every citation in the memo: those the memo inserts and those
the author types (cases in full, short and "Id." form, statutes, Guidelines sections), with the
pages each appears on, case names in italics."""

import dataclasses

from memos.citing import Citer
from memos.render import MemoRenderer
from memos.sections import DepartureSection
from memos.selectors import memo_for
from tests.memo.conftest import MEMO_DATE, fast_track_sections
from tests.memo.pdf import page_texts
from tests.memo.test_memo_pdf import toa_pages

# Koon v. United States, 518 U.S. 81 (1996): the Supreme Court's departure standard.
ARGUMENT = (
    "Under Koon v. United States, 518 U.S. 81, 98 (1996), the sentencing court decides whether "
    "a factor takes the case outside the heartland. Id. at 96.\n\n"
    "Unwarranted disparity is a factor the Court must weigh. 18 U.S.C. § 3553(a)(6); see also "
    "U.S.S.G. § 5K2.0. The en banc court read the statute otherwise, 215 F.3d at 978, but see "
    "Koon, 518 U.S. at 113. And 999 F.3d at 12 names nothing this memo cites."
)


def memo_with(case, user, sections):
    return memo_for(case, user=user, sections=sections, on=MEMO_DATE)


def entry(entries, text):
    (found,) = [e for e in entries if text in e.name + e.rest]
    return found


def test_every_citation_the_author_types_is_in_the_table_with_its_pages(
    banuelos_case, alice, casebook
):
    sections = fast_track_sections(banuelos_case, casebook.fast_track, argument=ARGUMENT)
    memo = memo_with(banuelos_case, alice, sections)

    koon = entry(memo.cases, "Koon")
    assert (koon.name, koon.rest) == ("Koon v. United States", ", 518 U.S. 81 (1996)")
    assert len(koon.anchors) == 3  # full, "Id. at 96", "Koon, 518 U.S. at 113"
    # The typed short cite to Banuelos-Rodriguez joins the casebook's entry for it.
    banuelos = entry(memo.cases, "Banuelos-Rodriguez")
    assert banuelos.rest == ", 215 F.3d 969 (9th Cir. 2000) (en banc)"
    assert len(banuelos.anchors) == 2
    assert len(memo.cases) == 4  # Koon and the three seeded opinions: "999 F.3d" is no authority
    assert entry(memo.statutes, "3553(a)(6)").rest == "18 U.S.C. § 3553(a)(6)"
    assert entry(memo.guidelines, "5K2.0").rest == "U.S.S.G. § 5K2.0 (U.S. Sent'g Comm'n 1995)"

    rendered = MemoRenderer().render(memo)
    pages = page_texts(rendered.content)
    for authority, printed in [
        ("Koon v. United States, 518 U.S. 81 (1996)", "518 U.S."),
        ("18 U.S.C. § 3553(a)(6)", "18 U.S.C. § 3553(a)(6);"),
        ("U.S.S.G. § 5K2.0 (U.S. Sent'g Comm'n 1995)", "U.S.S.G. § 5K2.0."),
    ]:
        citing = [n for n, page in enumerate(pages, 1) if n > 1 and printed in page]
        assert citing, printed
        assert toa_pages(pages, authority) == citing
    # Case names in italics, in the table and in the author's text.
    assert "<em>Koon v. United States</em>, 518 U.S. 81 (1996)</td>" in rendered.html
    assert "<em>Koon v. United States</em>, 518 U.S. 81</cite>, 98 (1996)" in rendered.html
    assert "<em>Koon</em>, 518 U.S. at 113</cite>" in rendered.html
    assert "<em>Id.</em> at 96</cite>" in rendered.html


def test_a_short_form_typed_first_leaves_the_memo_its_full_citation(banuelos_case, alice, casebook):
    # "215 F.3d at 978" in the argument comes before the memo cites Banuelos-Rodriguez itself.
    sections = fast_track_sections(
        banuelos_case, casebook.fast_track, argument="See 215 F.3d at 978."
    )
    memo = memo_with(banuelos_case, alice, sections)
    (section,) = memo.sections
    (banuelos,) = [a for a in section.adverse if "Banuelos" in a.mention.name]
    assert banuelos.mention.rest.startswith(", 215 F.3d 969, 978 (9th Cir. 2000)")


def test_the_statutes_in_headings_and_the_sentencing_statute_by_its_section_alone():
    citer = Citer(edition_year=2025)
    section = DepartureSection(
        heading="Downward variance under 18 U.S.C. § 3553(a)",
        ground="Fast-track disparity",
        argument="The factors of § 3553(a)(2) and §2L1.2(b)(2) both bear on it.",
    )
    (heading,) = citer.text(section.heading)
    citer.text(section.argument)
    assert [run.text for run in heading if run.mention] == ["18 U.S.C. § 3553(a)"]
    assert [e.rest for e in citer.statutes()] == ["18 U.S.C. § 3553(a)", "18 U.S.C. § 3553(a)(2)"]
    assert [e.rest for e in citer.guidelines()] == [
        "U.S.S.G. § 2L1.2(b)(2) (U.S. Sent'g Comm'n 2025)"
    ]


def test_a_parallel_cite_is_one_authority_and_signals_are_not_part_of_the_name():
    citer = Citer()
    citer.text(
        "See Gall v. United States, 552 U.S. 38, 128 S. Ct. 586 (2007). Cf. Gall, 552 U.S. at 50."
    )
    (gall,) = citer.cases()
    assert (gall.name, gall.rest) == ("Gall v. United States", ", 552 U.S. 38 (2007)")
    assert len(gall.anchors) == 2


def test_typed_text_that_only_looks_like_markup_stays_text(banuelos_case, alice, casebook):
    argument = "<em>Koon v. United States</em>, 518 U.S. 81 (1996) <script>x</script>"
    sections = [
        dataclasses.replace(s, argument=argument)
        for s in fast_track_sections(banuelos_case, casebook.fast_track)
    ]
    html = MemoRenderer().render(memo_with(banuelos_case, alice, sections)).html
    assert "&lt;script&gt;" in html
    assert "<script>x" not in html
