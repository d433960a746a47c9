"""Everything the memo prints, as frozen values: built once at export and stored with the PDF,
so a memo can be reproduced after the engine or the case has changed."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from casebook import bluebook
from sentencing import guidelines
from sentencing.guidelines.steps import signed

from .citing import Citer, Mention, Paragraph, TableEntry
from .sections import DepartureSection, ObjectionSection

if TYPE_CHECKING:
    from sentencing.models import Case

DEFENSE_TITLE = "Defendant's Sentencing Memorandum"
PROBATION_TITLE = "Sentencing Recommendation \N{EM DASH} Guidelines Computation"
# §1B1.1 (Application Instructions) orders the steps that add up to the total offense level.
TOTAL_OFFENSE_LEVEL_SECTION = "§1B1.1"
# The Sentencing Table (Ch. 5 Pt. A) gives the range and marks its zones.
SENTENCING_TABLE = "Ch. 5 Pt. A"


@dataclass(frozen=True)
class ComputationLine:
    """A row of the Guidelines computation: the rule applied, its Manual and its figure."""

    section: Mention | None  # None: a line with no section of its own
    section_text: str  # printed when the line cites no section (e.g. "Ch. 4")
    description: str
    amount: str
    total: str
    edition: str
    figure: str = ""  # marks the rows tests and readers look for: "total", "range"…


@dataclass(frozen=True)
class CitedAuthority:
    mention: Mention  # with the opinion quoted from, for a quote taken second-hand
    quote: str
    binding: bool = False  # controls in the sentencing court's circuit
    distinction: tuple[Paragraph, ...] = ()  # the author's, for an adverse holding


@dataclass(frozen=True)
class MemoSection:
    """One argument. Supporting authority follows it; adverse authority is stated under its own
    heading, each with the author's distinction, as candor requires of a filed memo."""

    heading: Paragraph
    ground: str
    argument: str
    supporting: tuple[CitedAuthority, ...]
    adverse: tuple[CitedAuthority, ...]
    if_granted: str
    if_denied: str  # "" unless the author prints it
    what_if: tuple[str, ...]  # () unless the author prints them
    paragraphs: tuple[Paragraph, ...] = ()  # the argument as printed, its citations found

    @property
    def undistinguished(self) -> tuple[CitedAuthority, ...]:
        """Adverse holdings the author has not yet distinguished."""
        return tuple(a for a in self.adverse if not a.distinction)


@dataclass(frozen=True)
class ComparedCalculation:
    """Another calculation of the case (the report's, the government's), set beside the one the
    memo argues from."""

    name: str
    total_offense_level: int
    criminal_history_category: str
    range: str


@dataclass(frozen=True)
class MemoObjection:
    """An objection to the presentence report, as printed under the Guidelines calculation."""

    heading: Paragraph
    psr_paragraph: str
    ground: Paragraph
    paragraphs: tuple[Paragraph, ...]
    authority: CitedAuthority | None
    ruling: str


@dataclass(frozen=True)
class Drafted:
    """What the author writes for a case's memo (`memos.models.MemoDraft`)."""

    introduction: str = ""
    facts: str = ""
    factors: str = ""
    conclusion: str = ""
    sentence_asked: str = ""


@dataclass(frozen=True)
class Signer:
    """The person who signs, and the block printed under the signature."""

    name: str
    office: str
    defense: bool
    bar_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


# The parts of a sentencing memorandum, in the order it argues them (the caption and the table
# of authorities come first, the signature last).
PARTS = ("introduction", "facts", "computation", "sections", "factors", "conclusion")
FACTS_HEADING = (
    "The Offense and the Defendant's History and Characteristics (18 U.S.C. § 3553(a)(1))"
)
FACTORS_HEADING = "The Factors of 18 U.S.C. § 3553(a)"


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out, number = out + numeral, number - value
    return out


@dataclass(frozen=True)
class Memo:
    # Caption
    court: str
    defendant: str
    docket_number: str
    judge: str
    title: str
    date: str  # ISO date of the export
    date_text: str  # "November 20, 2026"
    short_caption: str
    # The computation as the engine gave it on that date
    edition_key: str
    edition_title: str
    computation: tuple[ComputationLine, ...]
    arithmetic: str
    total_offense_level: int
    criminal_history_points: int | None
    criminal_history_category: str
    range: str
    zone: str
    statutory_limits: str
    guideline_sentence: str
    edition_note: Mention | None
    edition_note_text: str
    notes: tuple[str, ...]
    # The case's other calculations, and the name of the one argued
    calculation_name: str
    compared: tuple[ComparedCalculation, ...]
    # Objections to the presentence report, under the calculation
    objections: tuple[MemoObjection, ...]
    # Departures and variances
    sections: tuple[MemoSection, ...]
    # The author's parts, as printed, and each part's number ("I", "II"…) when it is printed
    introduction: tuple[Paragraph, ...]
    facts_heading: Paragraph
    facts: tuple[Paragraph, ...]
    factors_heading: Paragraph
    factors: tuple[Paragraph, ...]
    conclusion: tuple[Paragraph, ...]
    sentence_asked: str
    numbers: dict[str, str]
    # Table of authorities
    cases: tuple[TableEntry, ...]
    statutes: tuple[TableEntry, ...]
    guidelines: tuple[TableEntry, ...]
    unverified: tuple[str, ...]  # full citations (casebook.bluebook.Citation)
    # Signature
    signer: str
    signer_role: str
    office: str
    defense: bool
    bar_number: str
    address: tuple[str, ...]  # its lines
    phone: str
    email: str

    @property
    def conclusion_lead(self) -> tuple[Paragraph, ...]:
        """The conclusion but its last paragraph, which is kept with the signature."""
        return self.conclusion[:-1]

    @property
    def conclusion_last(self) -> Paragraph:
        return self.conclusion[-1] if self.conclusion else ()

    @property
    def missing(self) -> tuple[str, ...]:
        """What a defense memo still lacks before it is fit to file."""
        if not self.defense:
            return ()
        wanted = [
            (self.facts, "the facts and the defendant's history"),
            (self.factors, "the § 3553(a) factors"),
            (self.sentence_asked, "the sentence asked"),
            (self.bar_number, "your bar number"),
            (self.address, "your address"),
            (self.phone, "your phone number"),
            (self.email, "your e-mail"),
        ]
        return tuple(label for value, label in wanted if not value)

    @property
    def undistinguished(self) -> tuple[CitedAuthority, ...]:
        """Adverse holdings, in every section, that the author has not yet distinguished."""
        return tuple(a for section in self.sections for a in section.undistinguished)

    def as_record(self) -> dict[str, Any]:
        """The figures as printed, for the export's record (JSON-safe)."""
        return asdict(self)


def _months(value: int | None) -> str:
    return "life" if value is None else f"{value} month{'' if value == 1 else 's'}"


def statutory_limits_text(calc: guidelines.Calculation) -> str:
    maximum = (
        "no maximum (life)"
        if calc.statutory_maximum_months is None
        else f"maximum {_months(calc.statutory_maximum_months)}"
    )
    if calc.statutory_minimum_months:
        return f"minimum {_months(calc.statutory_minimum_months)}, {maximum}"
    return maximum


def _cited(citer: Citer, section: str) -> tuple[Mention | None, str]:
    """A Guidelines section ("§2L1.2(b)(2)") is cited; a chapter reference is only printed."""
    section = section.strip()
    if section.startswith("§"):
        return citer.guideline(section), section
    return None, section


def _computation(
    citer: Citer,
    calc: guidelines.Calculation,
    counts: tuple[guidelines.Count, ...],
) -> tuple[ComputationLine, ...]:
    edition = calc.edition.short_title
    rows = []
    for step in calc.steps:
        if step.heading:  # a count group's worksheet follows
            rows.append(ComputationLine(None, "", step.description, "", "", edition, "heading"))
            continue
        is_total = step.section == "" and step.description == "Total offense level"
        mention, text = _cited(citer, TOTAL_OFFENSE_LEVEL_SECTION if is_total else step.section)
        if step.levels is not None:
            amount = signed(step.levels)
        elif step.points is not None:
            amount = f"{step.points} pt{'' if step.points == 1 else 's'}"
        else:
            amount = ""
        description = step.description + ("" if step.applied else " (not counted)")
        if is_total:
            description = f"Total offense level ({calc.arithmetic})"
        total = "" if step.running_total is None else str(step.running_total)
        rows.append(
            ComputationLine(
                mention, text, description, amount, total, edition, "total" if is_total else ""
            )
        )
    points = calc.criminal_history_points
    rows.append(
        ComputationLine(
            None,
            SENTENCING_TABLE,
            "Criminal history category"
            + ("" if points is None else f" ({points} point{'' if points == 1 else 's'})"),
            "",
            calc.criminal_history_category,
            edition,
            "category",
        )
    )
    rows.append(
        ComputationLine(
            None,
            SENTENCING_TABLE,
            f"Guideline range (level {calc.table_offense_level}, "
            f"category {calc.criminal_history_category})",
            "",
            str(calc.range),
            edition,
            "range",
        )
    )
    rows.append(ComputationLine(None, SENTENCING_TABLE, "Zone", "", calc.zone, edition, "zone"))
    for count in counts:
        minimum = f", minimum {_months(count.minimum_months)}" if count.minimum_months else ""
        rows.append(
            ComputationLine(
                citer.statute(count.statute),
                count.statute,
                f"Statutory maximum {_months(count.maximum_months)}{minimum}",
                "",
                "",
                "",
                "statute",
            )
        )
    limits = guidelines.statutory_limits(guidelines.split_consecutive(counts)[1])
    sentence = calc.guideline_sentence
    mention, text = _cited(citer, sentence.rule or limits.rule)
    rows.append(
        ComputationLine(
            mention,
            text,
            f"Guideline sentence ({statutory_limits_text(calc)}). {sentence.explanation}".strip(),
            "",
            str(sentence),
            edition,
            "guideline-sentence",
        )
    )
    if calc.total_punishment is not None:
        mention, text = _cited(citer, "§5G1.2(a)")
        rows.append(
            ComputationLine(
                mention,
                text,
                f"With consecutive terms. {calc.total_punishment.explanation}",
                "",
                str(calc.total_punishment),
                edition,
                "total-punishment",
            )
        )
    return tuple(rows)


def _edition_note(citer: Citer, choice: guidelines.EditionChoice) -> tuple[Mention | None, str]:
    """§1B1.11: printed when the Manuals differ — the one at the offense date was computed
    too, or the Manual applied is not the one in effect at sentencing."""
    at_sentencing = choice.at_sentencing
    compared = [calc for calc in (at_sentencing, choice.at_offense) if calc is not None]
    if (
        len(compared) < 2
        and not choice.comparison_missing
        and at_sentencing is not None
        and choice.applied.edition == at_sentencing.edition
    ):
        return None, ""
    text = choice.reason
    if len(compared) == 2:
        text += " " + "; ".join(
            f"{calc.edition.short_title}: range {calc.range}, guideline sentence "
            f"{calc.guideline_sentence}"
            for calc in compared
        )
        text += "."
    return citer.guideline("§1B1.11"), text


def _section(citer: Citer, section: DepartureSection) -> MemoSection:
    """Cited in the order printed: heading, argument, supporting then adverse authority (each
    binding before persuasive), and each distinction after its holding."""
    heading = citer.text(section.heading)
    argument = citer.text(section.argument)
    weighed = [(a, True) for a in section.binding] + [(a, False) for a in section.persuasive]

    def cite_all(adverse: bool) -> tuple[CitedAuthority, ...]:
        cited = []
        for authority, binding in weighed:
            if authority.adverse == adverse:
                mention = citer.case(authority)
                distinction = citer.text(authority.distinction) if adverse else ()
                cited.append(CitedAuthority(mention, authority.quote, binding, distinction))
        return tuple(cited)

    supporting = cite_all(False)
    adverse = cite_all(True)
    return MemoSection(
        heading=heading[0] if heading else (),
        ground=section.ground,
        argument=section.argument,
        supporting=supporting,
        adverse=adverse,
        if_granted=section.if_granted,
        if_denied=section.if_denied if section.show_if_denied else "",
        what_if=section.what_if if section.show_what_if else (),
        paragraphs=argument,
    )


def _objection(citer: Citer, objection: ObjectionSection) -> MemoObjection:
    """Cited in the order printed: the row, the ground, the argument, then the authority."""
    heading = citer.text(objection.subject)
    ground = citer.text(objection.ground)
    paragraphs = citer.text(objection.argument)
    authority = None
    if objection.authority is not None:
        mention = citer.case(objection.authority)
        authority = CitedAuthority(mention, objection.authority.quote)
    return MemoObjection(
        heading=heading[0] if heading else (),
        psr_paragraph=objection.psr_paragraph,
        ground=ground[0] if ground else (),
        paragraphs=paragraphs,
        authority=authority,
        ruling=objection.ruling,
    )


def _introduction(drafted: Drafted, defendant: str, defense: bool) -> str:
    """The author's introduction; for a defense memo without one, a sentence saying what the
    memo is and the sentence it asks."""
    if drafted.introduction.strip() or not defense:
        return drafted.introduction
    asked = (
        f" and asks the Court to impose a sentence of {drafted.sentence_asked.strip()}"
        if drafted.sentence_asked.strip()
        else ""
    )
    return f"{defendant}, through counsel, submits this memorandum for sentencing{asked}."


def _conclusion(
    drafted: Drafted, defendant: str, defense: bool, calc: guidelines.Calculation
) -> str:
    """The author's conclusion, closing with the sentence asked; a probation officer's
    computation closes with its result, so that the signature never stands alone."""
    asked = drafted.sentence_asked.strip()
    if defense:
        closing = (
            f"For these reasons, {defendant} respectfully asks the Court to impose a sentence "
            f"of {asked}."
            if asked
            else ""
        )
    else:
        closing = (
            f"Under the {calc.edition.title}, the total offense level is "
            f"{calc.total_offense_level}, the criminal history category "
            f"{calc.criminal_history_category}, the guideline range {calc.range} and the "
            f"guideline sentence {sentence_text(calc)}."
        )
    return "\n\n".join(part for part in (drafted.conclusion.strip(), closing) if part)


def sentence_text(calc: guidelines.Calculation) -> str:
    """The guideline sentence, with the consecutive terms added where a count carries one
    (§5G1.2(a))."""
    whole = calc.total_punishment
    if whole is None:
        return str(calc.guideline_sentence)
    if whole.rule.startswith("§4B1.1(c)"):
        return f"{whole} (the career offender's range with a § 924(c) count, {whole.rule})"
    return (
        f"{whole} ({calc.guideline_sentence} on the other counts and the consecutive terms, "
        "§5G1.2(a))"
    )


def build_memo(
    *,
    case: Case,
    choice: guidelines.EditionChoice,
    counts: tuple[guidelines.Count, ...],
    sections: list[DepartureSection] | tuple[DepartureSection, ...],
    signer: Signer,
    on: datetime.date,
    drafted: Drafted | None = None,
    objections: tuple[ObjectionSection, ...] = (),
    calculation_name: str = "",
    compared: tuple[ComparedCalculation, ...] = (),
) -> Memo:
    """The memo for a case, its engine result, departure sections and the author's parts, signed
    by one person. Citations are handed out in the order they print."""
    drafted = drafted or Drafted()
    calc = choice.applied
    citer = Citer(edition_year=calc.edition.effective.year)
    for section in sections:
        for authority in (*section.binding, *section.persuasive):
            citer.know(authority.case)
    for objection in objections:
        if objection.authority is not None:
            citer.know(objection.authority.case)
    defense = signer.defense
    introduction = citer.text(_introduction(drafted, case.defendant, defense))
    facts = citer.text(drafted.facts)
    facts_heading = citer.text(FACTS_HEADING)[0] if facts else ()
    computation = _computation(citer, calc, counts)
    edition_note, edition_note_text = _edition_note(citer, choice)
    memo_objections = tuple(_objection(citer, o) for o in objections)
    memo_sections = tuple(_section(citer, s) for s in sections)
    factors = citer.text(drafted.factors)
    factors_heading = citer.text(FACTORS_HEADING)[0] if factors else ()
    conclusion = citer.text(_conclusion(drafted, case.defendant, defense, calc))
    present = {
        "introduction": introduction,
        "facts": facts,
        "computation": computation,
        "sections": memo_sections,
        "factors": factors,
        "conclusion": conclusion,
    }
    numbers = {part: _roman(n) for n, part in enumerate((p for p in PARTS if present[p]), 1)}
    caption = bluebook.Case(
        name=bluebook.versus(bluebook.UNITED_STATES, case.defendant), docket=case.docket_number
    )
    return Memo(
        court=case.district_name,
        defendant=case.defendant,
        docket_number=case.docket_number,
        judge=case.judge,
        title=DEFENSE_TITLE if defense else PROBATION_TITLE,
        date=on.isoformat(),
        date_text=f"{on:%B} {on.day}, {on.year}",
        short_caption=str(bluebook.full(caption)),
        edition_key=calc.edition.key,
        edition_title=calc.edition.title,
        computation=computation,
        arithmetic=calc.arithmetic,
        total_offense_level=calc.total_offense_level,
        criminal_history_points=calc.criminal_history_points,
        criminal_history_category=calc.criminal_history_category,
        range=str(calc.range),
        zone=calc.zone,
        statutory_limits=statutory_limits_text(calc),
        guideline_sentence=sentence_text(calc),
        edition_note=edition_note,
        edition_note_text=edition_note_text,
        notes=calc.notes,
        calculation_name=calculation_name,
        compared=compared,
        objections=memo_objections,
        sections=memo_sections,
        introduction=introduction,
        facts_heading=facts_heading,
        facts=facts,
        factors_heading=factors_heading,
        factors=factors,
        conclusion=conclusion,
        sentence_asked=drafted.sentence_asked.strip(),
        numbers=numbers,
        cases=citer.cases(),
        statutes=citer.statutes(),
        guidelines=citer.guidelines(),
        unverified=citer.unverified(),
        signer=signer.name,
        signer_role="Attorney for Defendant" if defense else "United States Probation Officer",
        office=signer.office,
        defense=defense,
        bar_number=signer.bar_number.strip(),
        address=tuple(line.strip() for line in signer.address.splitlines() if line.strip()),
        phone=signer.phone.strip(),
        email=signer.email.strip(),
    )
