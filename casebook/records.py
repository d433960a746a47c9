"""What an importer hands to the services: one opinion as plain data, whatever its source."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from . import bluebook


class ImportRejected(Exception):
    """A source file or record that cannot be imported; the message says why, for the user.

    `broken` is true when the file itself is unusable (not JSON, no known format, a required
    field missing or malformed), false when a readable record could not be saved (a conflict
    with what is stored, the database refusing it); `reason` names the kind, for summaries."""

    def __init__(self, message: str, *, reason: str = "malformed", broken: bool = True):
        super().__init__(message)
        self.reason = reason
        self.broken = broken


@dataclass(frozen=True)
class CitationRecord:
    volume: int
    reporter: str
    page: int
    verified: bool = True

    def __str__(self) -> str:
        return str(bluebook.reporter_cite(bluebook.Cite(self.volume, self.reporter, self.page)))


@dataclass
class OpinionRecord:
    case_name: str
    court_id: str
    source: str
    court_as_named: str = ""  # as the source gives it; court_id is "" when courts-db lacks it
    opinion_type: str = "court"  # Opinion.Type
    source_id: str = ""
    date_decided: datetime.date | None = None
    date_is_approximate: bool = False
    en_banc: bool | None = None  # None: the source does not say
    author: str = ""
    judges: str = ""
    docket_number: str = ""
    lower_court_id: str = ""
    lower_court_docket_number: str = ""
    first_page: int | None = None
    last_page: int | None = None
    text: str = ""
    notes: str = ""
    citations: list[CitationRecord] = field(default_factory=list)
    # Authorities the source says the opinion cites, for an opinion known without its text.
    cites_to: list[CitationRecord] = field(default_factory=list)
    run_in_footnotes: list[tuple[int, int]] = field(default_factory=list)
    origin: str = ""  # the file it came from, for messages

    def describe(self) -> str:
        cite = f", {self.citations[0]}" if self.citations else ""
        return f"{self.case_name}{cite}"
