"""One departure (or variance) section of the memo, in the shape the memo prints.

The memo reads these frozen values and nothing else about a request, so the sections can be built
from the departures app, from the casebook seed in tests, or from a stored export alike.
"""

from __future__ import annotations

from dataclasses import dataclass


def _quoting(opinion) -> str:
    if opinion is None:
        return ""
    cite = opinion.primary_citation
    return f"{opinion.case_name}, {cite}" if cite else opinion.case_name


@dataclass(frozen=True)
class Authority:
    """An opinion as the memo cites it, with the holding quoted from it.

    ``pinpoint`` is the reporter page of the quote ("978") or "" when there is none (e.g. a
    "slip op." pinpoint); ``court`` is the Bluebook abbreviation for the parenthetical, "" for the
    Supreme Court; ``verified`` is False until the reporter citation has been checked.
    """

    case_name: str
    volume: int | None
    reporter: str
    page: int | None
    pinpoint: str = ""
    court: str = ""
    year: int | None = None
    en_banc: bool = False
    verified: bool = True
    quote: str = ""
    opinion_id: int | None = None
    quoted_in: str = ""  # "United States v. Armenta-Castro, 227 F.3d 1255" for a second-hand quote

    @classmethod
    def from_holding(cls, holding) -> Authority:
        """From a casebook Holding whose opinion has its court and citations loaded."""
        opinion = holding.opinion
        cite = opinion.primary_citation
        is_supreme = opinion.court.kind == opinion.court.Kind.SUPREME
        return cls(
            case_name=opinion.case_name,
            volume=cite.volume if cite else None,
            reporter=cite.reporter if cite else "",
            page=cite.page if cite else None,
            pinpoint=str(holding.pinpoint_page) if holding.pinpoint_page else "",
            court="" if is_supreme else opinion.court.abbreviation,
            year=opinion.year,
            en_banc=opinion.en_banc,
            verified=bool(cite and cite.verified),
            quote=holding.quote,
            opinion_id=opinion.pk,
            quoted_in=_quoting(holding.quoted_in),
        )

    @property
    def key(self) -> tuple:
        """What makes two mentions the same authority (for short forms and the table)."""
        if self.volume is not None and self.page is not None:
            return (self.volume, self.reporter, self.page)
        return (self.case_name,)


@dataclass(frozen=True)
class DepartureSection:
    """A request for a departure or a variance on one ground, as the memo argues it.

    ``binding`` are the holdings that control in the sentencing court's circuit, ``persuasive``
    those of other circuits. ``if_granted`` / ``if_denied`` are the computed outcomes ("57–71
    months"), and ``what_if`` further computed alternatives, one line each. The tool's own
    prediction of the ruling stays on screen: a memo filed with the court does not carry it.
    """

    heading: str
    ground: str
    argument: str
    binding: tuple[Authority, ...] = ()
    persuasive: tuple[Authority, ...] = ()
    if_granted: str = ""
    if_denied: str = ""
    what_if: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "binding", tuple(self.binding))
        object.__setattr__(self, "persuasive", tuple(self.persuasive))
        object.__setattr__(self, "what_if", tuple(self.what_if))
