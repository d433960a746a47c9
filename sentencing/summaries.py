"""The figures the case list shows, stored with each case so that a page of 50 cases does not
run the engine 50 times.

A summary is good for one version of the case and one engine: the key is the case's version
and a fingerprint of the engine's source (sentencing/guidelines, and results.py, which turns a
case into the engine's facts), so an edit of the case or of any rule makes it stale, and the
list recomputes and stores it the next time it is shown.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from .models import Case
from .results import CaseResult, saved_case_result
from .selectors import case_queryset

HERE = Path(__file__).resolve().parent


@cache
def engine_fingerprint() -> str:
    """A digest of every source file the result comes from: it changes whenever a rule does."""
    digest = hashlib.sha256()
    for path in [*sorted((HERE / "guidelines").rglob("*.py")), HERE / "results.py"]:
        digest.update(path.relative_to(HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class CaseSummary:
    manual: str = ""
    total_offense_level: int | None = None
    category: str = ""
    range: str = ""
    guideline_sentence: str = ""
    problem: str = ""

    @classmethod
    def of(cls, result: CaseResult) -> "CaseSummary":
        calc = result.calculation
        if calc is None:
            return cls(problem=result.problem)
        return cls(
            calc.edition.short_title,
            calc.total_offense_level,
            calc.criminal_history_category,
            str(calc.range),
            # With a consecutive count's term added (§5G1.2(a)): the sentence the list compares.
            str(calc.total_punishment or calc.guideline_sentence),
        )


def summary_key(case: Case) -> str:
    return f"{case.version}:{engine_fingerprint()}"


def summaries(cases: Iterable[Case]) -> list[tuple[Case, CaseSummary]]:
    """Each case with its summary: stored ones as they are, stale ones computed (their rows
    read in one go) and stored for next time, without touching the case's version or history."""
    cases = list(cases)
    found = {
        case.pk: CaseSummary(**case.summary)
        for case in cases
        if case.summary is not None and case.summary_key == summary_key(case)
    }
    stale = [case.pk for case in cases if case.pk not in found]
    if stale:
        computed = list(case_queryset().filter(pk__in=stale))
        for case in computed:
            summary = CaseSummary.of(saved_case_result(case))
            found[case.pk] = summary
            case.summary, case.summary_key = asdict(summary), summary_key(case)
        # One query for the page. A save in between is harmless: the key names the version
        # the summary is of, so a summary of an older version is stale and recomputed.
        Case.objects.bulk_update(computed, ["summary", "summary_key"])
    return [(case, found[case.pk]) for case in cases]
