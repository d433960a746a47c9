"""Criminal history: §4A1.1 points → category (Ch. 5 Pt. A), and §4C1.1 zero-point offenders.

Not modelled: the one point for a crime-of-violence sentence counted with another
(§4A1.1(f) in 1995, (e) 2010–2023, (d) from 2023). Enter such points as a total instead.
"""

from dataclasses import dataclass

from .editions import STATUS_ONE_IF_SEVEN_OR_MORE, Edition
from .steps import Step
from .table import CATEGORIES, normalize_category

# §4A1.1(a)–(c): 3, 2 and 1 points; (c) counts "up to a total of 4 points" (1987 to date).
POINTS_BY_SUBSECTION = {"a": 3, "b": 2, "c": 1}
SUBSECTION_C_CAP = 4
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
    """A prior sentence scored under §4A1.1 subsection "a" (3), "b" (2) or "c" (1)."""

    description: str
    subsection: str

    def __post_init__(self) -> None:
        subsection = str(self.subsection).strip().lower()
        if subsection not in POINTS_BY_SUBSECTION:
            raise ValueError(
                f"Prior sentence subsection must be a, b or c, not {self.subsection!r}."
            )
        object.__setattr__(self, "subsection", subsection)


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


def _score_priors(history: CriminalHistory, edition: Edition, notes: list[str]) -> list[Step]:
    steps: list[Step] = []
    total, c_points = 0, 0
    for prior in history.prior_sentences:
        points = POINTS_BY_SUBSECTION[prior.subsection]
        if prior.subsection == "c":
            points = min(points, SUBSECTION_C_CAP - c_points)
            c_points += points
        total += points
        label = prior.description if points else f"{prior.description} (subsection (c) cap of 4)"
        steps.append(Step(f"§4A1.1({prior.subsection})", label, points=points, applied=points > 0))
    steps += _status_and_recency(history, edition, total, notes)
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
                    f" adds 1 point only with {STATUS_THRESHOLD} or more points (Amendment 821);"
                    f" the defendant has {subtotal}."
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


def zero_point_adjustment(
    history: CriminalHistory, points: int | None, edition: Edition
) -> tuple[int, str | None]:
    """§4C1.1 (Amendment 821, from Nov. 1, 2023): −2 offense levels when eligibility is
    asserted and the computed points are zero. Returns (levels, note when refused)."""
    if not history.zero_point_offender_eligible:
        return 0, None
    if not edition.zero_point_offender:
        return 0, (
            f"§4C1.1 not applied: the zero-point offender adjustment begins with the 2023 Manual "
            f"(Amendment 821); the {edition.short_title} has none."
        )
    if points is None:
        return (
            0,
            "§4C1.1 not applied: the category was entered directly, so zero points is unknown.",
        )
    if points:
        return 0, f"§4C1.1 not applied: it needs zero criminal history points; there are {points}."
    return -2, None
