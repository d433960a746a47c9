"""The U.S. Sentencing Guidelines engine: pure Python, frozen dataclasses in and out.

calc = calculate(CaseFacts(...), edition_by_key("1995-11-01"))
choice = choose_edition(facts, offense_date=..., sentencing_date=...)
"""

from .calculation import Calculation, CaseFacts, EditionChoice, calculate, choose_edition
from .criminal_history import (
    CriminalHistory,
    CriminalHistoryResult,
    PriorSentence,
    category_for_points,
)
from .early_disposition import MAX_LEVELS as EARLY_DISPOSITION_MAX_LEVELS
from .early_disposition import EarlyDisposition
from .editions import EDITIONS, Edition, edition_by_key, edition_in_effect, gap_warning
from .offense_level import MAX_COUNT_GROUPS, Acceptance, OffenseLine
from .outcome import (
    Count,
    GuidelineSentence,
    StatutoryLimits,
    guideline_sentence,
    split_consecutive,
    statutory_limits,
)
from .presets import (
    ILLEGAL_REENTRY_SOURCES,
    PresetGroup,
    PresetLine,
    illegal_reentry_groups,
    illegal_reentry_preset,
)
from .statutes import (
    STATUTE_HISTORY,
    STATUTES,
    Statute,
    not_in_force_reason,
    statute_by_citation,
    statute_history,
    statute_on,
)
from .steps import Step
from .table import CATEGORIES, SentencingRange, clamp_offense_level, lookup, normalize_category
from .zones import zone_for

__all__ = [
    "CATEGORIES",
    "EARLY_DISPOSITION_MAX_LEVELS",
    "EDITIONS",
    "ILLEGAL_REENTRY_SOURCES",
    "MAX_COUNT_GROUPS",
    "STATUTES",
    "STATUTE_HISTORY",
    "Acceptance",
    "Calculation",
    "CaseFacts",
    "Count",
    "CriminalHistory",
    "CriminalHistoryResult",
    "EarlyDisposition",
    "Edition",
    "EditionChoice",
    "GuidelineSentence",
    "OffenseLine",
    "PresetGroup",
    "PresetLine",
    "PriorSentence",
    "SentencingRange",
    "Statute",
    "StatutoryLimits",
    "Step",
    "calculate",
    "category_for_points",
    "choose_edition",
    "clamp_offense_level",
    "edition_by_key",
    "edition_in_effect",
    "gap_warning",
    "guideline_sentence",
    "illegal_reentry_groups",
    "illegal_reentry_preset",
    "lookup",
    "normalize_category",
    "not_in_force_reason",
    "statute_by_citation",
    "statute_history",
    "statute_on",
    "split_consecutive",
    "statutory_limits",
    "zone_for",
]
