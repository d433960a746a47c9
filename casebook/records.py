"""What an importer hands to the services: one opinion as plain data, whatever its source."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from . import bluebook


class ImportRejected(Exception):
    """A source file or record that cannot be imported; the message says why, for the user."""


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
    run_in_footnotes: list[tuple[int, int]] = field(default_factory=list)
    origin: str = ""  # the file it came from, for messages

    def describe(self) -> str:
        cite = f", {self.citations[0]}" if self.citations else ""
        return f"{self.case_name}{cite}"
