"""One departure (or variance) section of the memo, in the shape the memo prints.

The memo reads these frozen values and nothing else about a request, so the sections can be built
from the departures app, from the casebook seed in tests, or from a stored export alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casebook import bluebook

if TYPE_CHECKING:
    from casebook.models import Holding

# How an argument uses a holding (memos.models.AuthorityRole.Role).
SUPPORTS, ADVERSE = "supports", "adverse"


def default_role(effect: str) -> str:
    """A holding that forbids what the request asks is adverse authority, to be disclosed and
    distinguished; one that permits it, or requires the court to consider it, supports it."""
    return ADVERSE if effect == "forbids" else SUPPORTS


@dataclass(frozen=True)
class Authority:
    """An opinion as the memo cites it, with the holding quoted from it.

    ``case`` is the opinion as its citation names it; ``pinpoint`` the reporter page of the
    quote ("978"), "" when there is none (e.g. a "slip op." pinpoint); ``quoted_in`` the opinion
    the quote is taken from when the memo quotes the holding second-hand.
    """

    case: bluebook.Case
    pinpoint: str = ""
    quote: str = ""
    opinion_id: int | None = None
    quoted_in: bluebook.Case | None = None
    holding_id: int | None = None
    role: str = SUPPORTS  # SUPPORTS or ADVERSE
    distinction: str = ""  # the author's reason an adverse holding does not decide the request

    @classmethod
    def from_holding(
        cls, holding: Holding, *, role: str | None = None, distinction: str = ""
    ) -> Authority:
        """From a casebook Holding whose opinions have their court and citations loaded; the
        role is the author's, else the one its effect gives (`default_role`)."""
        return cls(
            case=holding.opinion.bluebook_case,
            pinpoint=str(holding.pinpoint_page) if holding.pinpoint_page else "",
            quote=holding.quote,
            opinion_id=holding.opinion.pk,
            quoted_in=holding.quoted_in.bluebook_case if holding.quoted_in else None,
            holding_id=holding.pk,
            role=role or default_role(holding.effect),
            distinction=distinction,
        )

    @property
    def adverse(self) -> bool:
        return self.role == ADVERSE

    @property
    def case_name(self) -> str:
        return self.case.name

    @property
    def verified(self) -> bool:
        """Whether every reporter citation the memo prints for it has been checked."""
        cited = [self.case] + ([self.quoted_in] if self.quoted_in else [])
        return all(bluebook.table(case).verified for case in cited)


@dataclass(frozen=True)
class DepartureSection:
    """A request for a departure or a variance on one ground, as the memo argues it.

    ``binding`` are the holdings that control in the sentencing court's circuit, ``persuasive``
    those of other circuits; each carries its role in the argument. ``if_granted`` /
    ``if_denied`` are the computed outcomes ("57–71 months"), and ``what_if`` further computed
    alternatives, one line each; the memo prints the last two only where the author asks for
    them (``show_if_denied``, ``show_what_if``). The app's own prediction of the ruling stays on
    screen: a memo filed with the court does not carry it.
    """

    heading: str
    ground: str
    argument: str
    binding: tuple[Authority, ...] = ()
    persuasive: tuple[Authority, ...] = ()
    if_granted: str = ""
    if_denied: str = ""
    what_if: tuple[str, ...] = ()
    show_if_denied: bool = False
    show_what_if: bool = False
    request_id: int | None = None
    variance: bool = False  # framed as a § 3553(a) variance (a Manual without departures)

    def __post_init__(self) -> None:
        object.__setattr__(self, "binding", tuple(self.binding))
        object.__setattr__(self, "persuasive", tuple(self.persuasive))
        object.__setattr__(self, "what_if", tuple(self.what_if))


@dataclass(frozen=True)
class ObjectionSection:
    """An objection to the presentence report as the memo argues it: the row objected to, the
    report's paragraph, the ground and argument, the authority relied on, and the ruling."""

    subject: str
    psr_paragraph: str
    ground: str
    argument: str
    authority: Authority | None = None
    ruling: str = ""  # "Pending", "Sustained", "Overruled"
