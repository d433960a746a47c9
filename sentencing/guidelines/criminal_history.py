"""Criminal history: §4A1.1 points → category (Ch. 5 Pt. A), each point in the subsection and
order the edition gives it. §4C1.1 (zero-point offenders) is in ``zero_point_offenders``."""

from dataclasses import dataclass

from .editions import CRIME_OF_VIOLENCE_RELATED, STATUS_ONE_IF_SEVEN_OR_MORE, Edition
from .steps import Step
from .table import CATEGORIES, normalize_category

# §4A1.1(a)–(c): 3, 2 and 1 points; (c) counts "up to a total of 4 points" (1987 to date).
POINTS_BY_SUBSECTION = {"a": 3, "b": 2, "c": 1}
SUBSECTION_C_CAP = 4
# A prior sentence from a crime of violence that took no points under (a)–(c) because it was
# counted with another sentence: 1 point each, "up to a total of 3 points" — §4A1.1(f) from
# Amendment 382 (Nov. 1, 1991), (e) from Amendment 742 (2010), (d) from Amendment 821 (2023).
CRIME_OF_VIOLENCE = "v"
CRIME_OF_VIOLENCE_POINT = 1
CRIME_OF_VIOLENCE_CAP = 3
KINDS = (*POINTS_BY_SUBSECTION, CRIME_OF_VIOLENCE)
# Amendment 821: status points only "if the defendant receives 7 or more points".
STATUS_THRESHOLD = 7
# Minimum points of Categories II..VI, as printed under each category in the Sentencing Table.
_CATEGORY_FLOORS = (2, 4, 7, 10, 13)


def category_for_points(points: int) -> str:
    """0–1 → I, 2–3 → II, 4–6 → III, 7–9 → IV, 10–12 → V, 13+ → VI (Ch. 5 Pt. A)."""
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        raise ValueError(f"Criminal history points must be 0 or more, not {points!r}.")
    return CATEGORIES[sum(points >= floor for floor in _CATEGORY_FLOORS)]


@dataclass(frozen=True)
class PriorSentence:
    """A prior sentence scored under §4A1.1 subsection "a" (3), "b" (2) or "c" (1); or "v", a
    crime-of-violence sentence with no points under (a)–(c) because it was counted as a single
    sentence with another (related to another, before Amendment 709), which takes the
    crime-of-violence point."""

    description: str
    subsection: str

    def __post_init__(self) -> None:
        subsection = str(self.subsection).strip().lower()
        if subsection not in KINDS:
            raise ValueError(
                "Prior sentence subsection must be a, b or c, or v for a crime-of-violence "
                f"sentence counted with another, not {self.subsection!r}."
            )
        object.__setattr__(self, "subsection", subsection)

    @property
    def crime_of_violence(self) -> bool:
        return self.subsection == CRIME_OF_VIOLENCE


@dataclass(frozen=True)
class CriminalHistory:
    """Precedence: an entered ``category`` overrides everything (e.g. §4B1.1 career offender);
    else ``prior_sentences`` are scored, with status and recency points by edition; else
    ``points`` is taken as the finished §4A1.1 total; nothing entered is 0 points."""

    prior_sentences: tuple[PriorSentence, ...] = ()
    points: int | None = None
    category: str | None = None
    under_criminal_justice_sentence: bool = False
    recency: bool = False
    zero_point_offender_eligible: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "prior_sentences", tuple(self.prior_sentences))
        if self.points is not None:
            category_for_points(self.points)  # validates
        if self.category is not None:
            object.__setattr__(self, "category", normalize_category(self.category))


@dataclass(frozen=True)
class CriminalHistoryResult:
    points: int | None  # None when the category was entered directly
    category: str
    steps: tuple[Step, ...]
    notes: tuple[str, ...]


def _letter(section: str) -> str:
    """ "§4A1.1(e)" → "e": the order in which §4A1.1 adds its points."""
    return section.rsplit("(", 1)[-1].rstrip(")")


def _score_priors(history: CriminalHistory, edition: Edition, notes: list[str]) -> list[Step]:
    steps: list[Step] = []
    c_points = 0
    for prior in history.prior_sentences:
        if prior.crime_of_violence:
            continue
        points = POINTS_BY_SUBSECTION[prior.subsection]
        if prior.subsection == "c":
            points = min(points, SUBSECTION_C_CAP - c_points)
            c_points += points
        label = prior.description if points else f"{prior.description} (subsection (c) cap of 4)"
        steps.append(Step(f"§4A1.1({prior.subsection})", label, points=points, applied=points > 0))
    later = _crime_of_violence(history, edition, notes)
    # The status point counts the points of the subsections before its own: (a)-(c) before
    # 2023, (a)-(d) from Amendment 821, which put the crime-of-violence point at (d).
    status_letter = _letter(edition.status_subsection)
    before_status = sum(s.points or 0 for s in steps) + sum(
        s.points or 0 for s in later if _letter(s.section) < status_letter
    )
    later += _status_and_recency(history, edition, before_status, notes)
    # Each line in the order of its subsection; the rows of one subsection as entered.
    return steps + sorted(later, key=lambda s: _letter(s.section))


def _crime_of_violence(history: CriminalHistory, edition: Edition, notes: list[str]) -> list[Step]:
    rows = [p for p in history.prior_sentences if p.crime_of_violence]
    if not rows:
        return []
    section = edition.crime_of_violence_subsection
    if not section:
        notes.append(
            f"No crime-of-violence point: the {edition.short_title} has none; Amendment 382 "
            "added it as §4A1.1(f) on Nov. 1, 1991."
        )
        return []
    if edition.crime_of_violence_rule == CRIME_OF_VIOLENCE_RELATED:
        how = "related to another crime-of-violence sentence"
        # Amendment 382's proviso, struck by Amendment 709 (Nov. 1, 2007).
        notes.append(
            f"Under the {edition.short_title}, {section} counts a crime-of-violence sentence "
            "considered related to another crime-of-violence sentence, but not when the "
            "offenses occurred on the same occasion (Amendment 382): check each such row."
        )
    else:
        # "counted as" (Amendment 709), reworded "treated as" by Amendment 795 (2015).
        how = "treated as a single sentence"
    if not any(not p.crime_of_violence for p in history.prior_sentences):
        notes.append(
            f"{section}: a sentence counted with another needs that other sentence, scored "
            "under (a), (b) or (c); none was entered."
        )
    steps = []
    for index, prior in enumerate(rows):
        counted = index < CRIME_OF_VIOLENCE_CAP
        label = f"{prior.description} (crime of violence, {how})"
        if not counted:
            label += f" (cap of {CRIME_OF_VIOLENCE_CAP})"
        points = CRIME_OF_VIOLENCE_POINT if counted else 0
        steps.append(Step(section, label, points=points, applied=counted))
    return steps


def _status_and_recency(
    history: CriminalHistory, edition: Edition, subtotal: int, notes: list[str]
) -> list[Step]:
    steps: list[Step] = []
    status = 0
    if history.under_criminal_justice_sentence:
        if edition.status_points_rule == STATUS_ONE_IF_SEVEN_OR_MORE:
            status = 1 if subtotal >= STATUS_THRESHOLD else 0  # Amendment 821
            if not status:
                notes.append(
                    f"No status points: under the {edition.short_title} {edition.status_subsection}"
                    f" adds 1 point only with {STATUS_THRESHOLD} or more points under (a) through"
                    f" (d) (Amendment 821); the defendant has {subtotal}."
                )
        else:
            status = 2  # §4A1.1(d), 1987 to Oct. 31, 2023
        if status:
            steps.append(
                Step(edition.status_subsection, "Under a criminal justice sentence", points=status)
            )
    if history.recency:
        steps += _recency(history, edition, status, notes)
    return steps


def _recency(
    history: CriminalHistory, edition: Edition, status: int, notes: list[str]
) -> list[Step]:
    if not edition.recency_points:
        notes.append(
            f"No recency points: Amendment 742 (Nov. 1, 2010) removed them; the "
            f"{edition.short_title} has none."
        )
        return []
    if not any(p.subsection in ("a", "b") for p in history.prior_sentences):
        notes.append(
            "No recency points: §4A1.1(e) needs a sentence counted under (a) or (b), and none "
            "was entered."
        )
        return []
    points = 1 if status else 2  # §4A1.1(e): only 1 point if (d) added 2
    return [Step("§4A1.1(e)", "Less than two years after release (recency)", points=points)]


def score(history: CriminalHistory, edition: Edition) -> CriminalHistoryResult:
    """Criminal history points and category under an edition."""
    notes: list[str] = []
    if history.category is not None:
        if history.prior_sentences or history.points is not None:
            notes.append("Category entered directly; prior sentences and points are not used.")
        step = Step("Ch. 4", f"Criminal history category entered directly: {history.category}")
        return CriminalHistoryResult(None, history.category, (step,), tuple(notes))
    if history.prior_sentences:
        if history.points is not None:
            notes.append(
                f"Entered total of {history.points} points ignored; prior sentences scored."
            )
        steps = _score_priors(history, edition, notes)
        total = sum(s.points or 0 for s in steps)  # every scored line carries its points
    else:
        total = history.points or 0
        entered = history.points is not None
        steps = [
            Step("§4A1.1", "Points as entered" if entered else "No prior sentences", points=total)
        ]
        if entered and (history.under_criminal_justice_sentence or history.recency):
            notes.append(
                "Entered points are the §4A1.1 total; status and recency are not added again."
            )
    category = category_for_points(total)
    steps.append(Step("Ch. 5 Pt. A", f"Total {total} points: Category {category}"))
    return CriminalHistoryResult(total, category, tuple(steps), tuple(notes))
