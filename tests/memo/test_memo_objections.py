"""The memo's objections to the presentence report: under the Guidelines calculation, each with
its paragraph, ground, argument, authority and ruling, in the PDF and the Word document, their
citations in the table of authorities."""

import pytest

from memos.render import MemoRenderer
from memos.selectors import memo_for
from memos.word import memo_docx
from objections.services import objection_save, subject_of
from sentencing import selectors, services
from sentencing.guidelines.rulings import objectionable, row_content
from sentencing.models import Case
from sentencing.results import saved_case_facts
from tests import founding
from tests.factories import CaseFactory, HoldingFactory, OpinionFactory, named_calculation
from tests.memo.conftest import MEMO_DATE, SENTENCED
from tests.memo.pdf import full_text
from tests.memo.test_memo_docx import body_text, read

pytestmark = pytest.mark.django_db

ENDANGERMENT = ("adjustment", "§3C1.2", "Reckless endangerment during flight", 2)
ARGUMENT = "He stopped when told to. See Koon v. United States, 518 U.S. 81, 98 (1996)."


@pytest.fixture
def objected(alice):
    """The report with a +2 line; the defense without it, objecting, and argued in the memo."""
    report = CaseFactory(
        by=alice.staff_member,
        sentencing_date=SENTENCED,
        calculation_name="Presentence report",
        calculation_role=Case.Role.PRESENTENCE_REPORT,
        lines=(*founding.OFFENSE_LINES, ENDANGERMENT),
    )
    defense = named_calculation(
        report, by=alice, name="Defense", role=Case.Role.DEFENSE, lines=founding.OFFENSE_LINES
    )
    services.memo_calculation_set(user=alice, case=report, calculation=defense)
    [(ref, row)] = objectionable(saved_case_facts(report), saved_case_facts(defense))
    opinion = OpinionFactory(
        case_name="United States v. Example Flight",
        citations=["250 F.3d 1"],
        text="United States v. Example Flight.\n\nA stop on command is no flight.",
    )
    holding = HoldingFactory(opinion=opinion, quote="A stop on command is no flight.")
    objection_save(
        user=alice,
        case=report,
        calculation=defense,
        against=report,
        ref=ref,
        subject=subject_of(row, objecting="Defense"),
        content=row_content(row),
        fields={
            "psr_paragraph": "¶ 23",
            "ground": "There was no flight.",
            "argument": ARGUMENT,
            "holding": holding,
            "ruling": "pending",
        },
    )
    return selectors.case_queryset().get(pk=report.pk)


def test_the_memo_argues_each_objection_under_the_calculation(objected, alice):
    memo = memo_for(objected, user=alice, sections=[], on=MEMO_DATE)
    assert memo.range == "70–87 months"  # the defense's calculation, argued
    (objection,) = memo.objections
    assert objection.psr_paragraph == "¶ 23"
    assert objection.ruling == "Pending"
    names = [entry.name for entry in memo.cases]
    assert "Koon v. United States" in names
    assert "United States v. Example Flight" in names

    rendered = MemoRenderer().render(memo)
    text = full_text(rendered.content)
    calculation = text.index("II. THE GUIDELINES CALCULATION")
    objections = text.index("Objections to the Presentence Report")
    assert calculation < objections
    assert "¶ 23: §3C1.2: the report +2, Defense none" in text
    assert "Ground: There was no flight." in text
    assert "Ruling: Pending" in text
    assert "Authority: United States v. Example Flight, 250 F.3d 1 (9th Cir. 2000)" in text
    assert "“A stop on command is no flight.”" in text
    # The report's calculation beside the defense's, argued here.
    assert "Defense (argued here) 21 V 70–87 months" in text
    assert "Presentence report 23 V 84–105 months" in text
    assert "U.S.S.G. § 3C1.2 (U.S. Sent'g Comm'n 1995)" in text  # the heading's section

    docx = body_text(read(memo_docx(memo, rendered.anchor_pages)))
    assert "Objections to the Presentence Report" in docx
    assert "1. ¶ 23: §3C1.2: the report +2, Defense none" in docx
    assert "Ruling: Pending" in docx
    document = read(memo_docx(memo, rendered.anchor_pages))
    cells = [[cell.text for cell in row.cells] for t in document.tables for row in t.rows]
    assert ["Presentence report", "23", "V", "84–105 months"] in cells


def test_a_withdrawn_objection_is_not_argued(objected, alice):
    objection = objected.objections.get()
    objection.ruling = "withdrawn"
    objection.save()
    memo = memo_for(objected, user=alice, sections=[], on=MEMO_DATE)
    assert memo.objections == ()
    assert "Objections to the Presentence Report" not in full_text(
        MemoRenderer().render(memo).content
    )


def test_an_objection_to_a_row_since_conceded_is_not_argued(objected, alice):
    defense = selectors.case_queryset().get(calculation_of=objected, calculation_role="defense")
    services.case_save(
        user=alice,
        office=defense.office,
        case=defense,
        loaded_version=defense.version,
        fields={},
        offense_lines=services._rows_of(objected, services.ROW_MODELS[0]),
    )
    memo = memo_for(objected, user=alice, sections=[], on=MEMO_DATE)
    assert memo.range == "84–105 months"  # the defense now scores the +2 line too
    assert memo.objections == ()
