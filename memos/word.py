"""The memo as a Word document (python-docx), for an office to edit before filing: the same
parts, in the same order, as the PDF (templates/memo/memo.html), built from the same `Memo`.

The table of authorities gives each page as a PAGEREF field to a bookmark at the mention, its
shown value the page the PDF printed; Word recomputes them after editing (the document asks to
update its fields when opened). Nothing is fetched: the document holds only text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from casebook import bluebook

from .citing import Mention, Paragraph, TableEntry
from .document import CitedAuthority, Memo, MemoSection

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"  # Liberation Serif, the PDF's face, is metric-compatible with it


# Characters XML 1.0 cannot hold (C0 controls but tab, line feed, carriage return): typed text
# may carry them, and a Word document would not open with them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", text)


class _Bookmarks:
    def __init__(self) -> None:
        self.count = 0

    def wrap(self, paragraph: DocxParagraph, name: str, runs: Iterable[tuple[str, bool]]) -> None:
        """Runs (text, italic) inside a bookmark named ``name``."""
        self.count += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.count))
        start.set(qn("w:name"), name)
        paragraph._p.append(start)
        for text, italic in runs:
            paragraph.add_run(_x(text)).italic = italic or None
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.count))
        paragraph._p.append(end)


def _citation_runs(citation: str) -> list[tuple[str, bool]]:
    """A citation's text in runs, case names and explanatory phrases in italics (B2)."""
    parts = getattr(citation, "parts", None)
    if parts is None:
        return [(str(citation), False)]
    return [(part.text, part.role in (bluebook.NAME, bluebook.PHRASE)) for part in parts]


def _mention_runs(mention: Mention) -> list[tuple[str, bool]]:
    return _citation_runs(mention.citation) if mention.citation else [(mention.rest, False)]


def _field(paragraph: DocxParagraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES, PAGEREF…) showing ``shown`` until Word updates it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Writer:
    def __init__(self, memo: Memo, pages: Mapping[str, int]) -> None:
        self.memo = memo
        self.pages = pages
        self.doc = Document()
        self.marks = _Bookmarks()
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(12)
        for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title"):
            heading = self.doc.styles[name]
            heading.font.name = FONT
            heading.font.color.rgb = None
        section = self.doc.sections[0]
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(1))

    # Pieces ----------------------------------------------------------------------------------

    def para(
        self, text: str = "", *, bold: bool = False, italic: bool = False, **fmt: object
    ) -> DocxParagraph:
        paragraph = self.doc.add_paragraph()
        if text:
            run = paragraph.add_run(_x(text))
            run.bold, run.italic = bold or None, italic or None
        for key, value in fmt.items():
            setattr(paragraph.paragraph_format, key, value)
        return paragraph

    def runs(self, paragraph: DocxParagraph, printed: Paragraph) -> DocxParagraph:
        for run in printed:
            if run.mention is None:
                paragraph.add_run(_x(run.text.replace("\N{ZERO WIDTH SPACE}", "")))
            else:
                self.marks.wrap(paragraph, run.mention.anchor, _mention_runs(run.mention))
        return paragraph

    def heading(self, number: str, printed: Paragraph | str, level: int = 2) -> None:
        heading = self.doc.add_heading(level=level)
        heading.add_run(f"{number}. " if number else "")
        if isinstance(printed, str):
            heading.add_run(_x(printed))
        else:
            self.runs(heading, printed)

    def texts(self, paragraphs: Iterable[Paragraph]) -> None:
        for printed in paragraphs:
            self.runs(self.doc.add_paragraph(), printed)

    # Parts -----------------------------------------------------------------------------------

    def caption(self) -> None:
        memo = self.memo
        self.para(memo.court.upper(), bold=True, alignment=WD_ALIGN_PARAGRAPH.CENTER)
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        parties, docket = table.rows[0].cells
        parties.text = ""
        parties.paragraphs[0].add_run("UNITED STATES OF AMERICA,")
        parties.add_paragraph("Plaintiff,").paragraph_format.left_indent = Inches(0.5)
        parties.add_paragraph("v.")
        parties.add_paragraph(_x(f"{memo.defendant.upper()},"))
        parties.add_paragraph("Defendant.").paragraph_format.left_indent = Inches(0.5)
        docket.paragraphs[0].add_run(_x(f"Case No. {memo.docket_number or '—'}"))
        docket.add_paragraph().add_run(memo.title.upper()).bold = True
        if memo.judge:
            docket.add_paragraph(_x(f"Judge: {memo.judge}"))
        docket.add_paragraph(f"Date: {memo.date_text}")
        self.doc.add_heading(memo.title, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def header_and_footer(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.text = _x(self.memo.short_caption)
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.runs[0].italic = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        total = str(max(self.pages.values(), default=1))
        footer.add_run("Page ")
        _field(footer, "PAGE", "1")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES", total)
        first = section.first_page_footer.paragraphs[0]
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        first.add_run("Page 1 of ")
        _field(first, "NUMPAGES", total)

    def table_of_authorities(self) -> None:
        memo = self.memo
        self.doc.add_heading("Table of Authorities", level=2)
        groups = (
            ("Cases", memo.cases),
            ("Statutes", memo.statutes),
            ("Sentencing Guidelines", memo.guidelines),
        )
        for title, entries in groups:
            if entries:
                self.para(title, bold=True, keep_with_next=True)
                for entry in entries:
                    self.toa_entry(entry)
        if not (memo.cases or memo.statutes or memo.guidelines):
            self.para("None.")

    def toa_entry(self, entry: TableEntry) -> None:
        paragraph = self.para(left_indent=Inches(0.3), first_line_indent=Inches(-0.3))
        paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), alignment=2, leader=1)
        for text, italic in _citation_runs(entry.citation or entry.rest):
            paragraph.add_run(_x(text)).italic = italic or None
        paragraph.add_run("\t")
        seen: set[int] = set()
        for anchor in entry.anchors:
            page = self.pages.get(anchor)
            if page is None or page in seen:
                continue
            if seen:
                paragraph.add_run(", ")
            seen.add(page)
            _field(paragraph, f"PAGEREF {anchor} \\h", str(page))

    def computation(self) -> None:
        memo = self.memo
        self.heading(memo.numbers.get("computation", ""), "The Guidelines Calculation")
        self.para(f"Computed under the {memo.edition_title}.")
        table = self.doc.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ("Guideline", "Line", "Levels", "Result", "Manual"), strict=True
        ):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for line in memo.computation:
            cells = table.add_row().cells
            section = cells[0].paragraphs[0]
            if line.section is not None:
                self.marks.wrap(section, line.section.anchor, _mention_runs(line.section))
            else:
                section.add_run(_x(line.section_text))
            for cell, text in zip(
                cells[1:], (line.description, line.amount, line.total, line.edition), strict=True
            ):
                cell.text = _x(text)
        summary = (
            ("Total offense level", str(memo.total_offense_level)),
            ("Criminal history category", memo.criminal_history_category),
            ("Guideline range", memo.range),
            ("Zone", memo.zone),
            ("Statutory limits", memo.statutory_limits),
            ("Guideline sentence", memo.guideline_sentence),
        )
        self.para()
        for label, value in summary:
            paragraph = self.para(f"{label}: ", space_after=Pt(0))
            paragraph.add_run(_x(value)).bold = True
        if memo.edition_note is not None:
            note = self.para()
            self.marks.wrap(note, memo.edition_note.anchor, _mention_runs(memo.edition_note))
            note.add_run(_x(f" note: {memo.edition_note_text}"))
        for text in memo.notes:
            self.para(text)
        if memo.compared:
            table = self.doc.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            headings = ("Calculation", "Offense level", "Category", "Range")
            for cell, text in zip(table.rows[0].cells, headings, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            argued = f"{memo.calculation_name or 'This memorandum'} (argued here)"
            rows = [
                (argued, str(memo.total_offense_level), memo.criminal_history_category, memo.range)
            ]
            rows += [
                (c.name, str(c.total_offense_level), c.criminal_history_category, c.range)
                for c in memo.compared
            ]
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = _x(text)

    def objections(self) -> None:
        if not self.memo.objections:
            return
        self.doc.add_heading("Objections to the Presentence Report", level=3)
        for number, objection in enumerate(self.memo.objections, 1):
            paragraph = self.doc.add_heading(level=4)
            paragraph.add_run(f"{number}. ")
            if objection.psr_paragraph:
                paragraph.add_run(_x(f"{objection.psr_paragraph}: "))
            self.runs(paragraph, objection.heading)
            ground = self.para()
            ground.add_run("Ground: ").bold = True
            self.runs(ground, objection.ground)
            self.texts(objection.paragraphs)
            if objection.authority is not None:
                self.authority(objection.authority, weight="Authority")
            ruling = self.para()
            ruling.add_run("Ruling: ").bold = True
            ruling.add_run(_x(objection.ruling))

    def authority(self, cited: CitedAuthority, weight: str = "") -> None:
        paragraph = self.para(keep_with_next=bool(cited.quote or cited.distinction))
        weight = weight or ("Binding in this circuit" if cited.binding else "Persuasive")
        paragraph.add_run(f"{weight}: ").bold = True
        self.marks.wrap(paragraph, cited.mention.anchor, _mention_runs(cited.mention))
        paragraph.add_run(":" if cited.quote else ".")
        if cited.quote:
            quote = self.para(
                f"\N{LEFT DOUBLE QUOTATION MARK}{cited.quote}\N{RIGHT DOUBLE QUOTATION MARK}",
                left_indent=Inches(0.5),
                right_indent=Inches(0.5),
            )
            quote.paragraph_format.keep_with_next = bool(cited.distinction)
        for n, printed in enumerate(cited.distinction):
            distinction = self.para(left_indent=Inches(0.5))
            if n == 0:
                distinction.add_run("Distinguished. ").bold = True
            self.runs(distinction, printed)

    def departure(self, number: int, section: MemoSection) -> None:
        self.heading(str(number), section.heading, level=3)
        ground = self.para()
        ground.add_run("Ground: ").bold = True
        ground.add_run(_x(section.ground))
        self.texts(section.paragraphs)
        if section.supporting:
            self.doc.add_heading("Supporting authority", level=4)
            for cited in section.supporting:
                self.authority(cited)
        if section.adverse:
            self.doc.add_heading("Adverse authority, distinguished", level=4)
            for cited in section.adverse:
                self.authority(cited)
        for label, value in (("If granted", section.if_granted), ("If denied", section.if_denied)):
            if value:
                paragraph = self.para()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(_x(value))
        if section.what_if:
            self.para("What if:", bold=True, keep_with_next=True)
            for line in section.what_if:
                self.doc.add_paragraph(_x(line), style="List Bullet")

    def closing(self) -> None:
        """The conclusion's last paragraph and the signature block kept on one page."""
        memo = self.memo
        if memo.conclusion:
            self.heading(memo.numbers.get("conclusion", ""), "Conclusion")
            self.texts(memo.conclusion_lead)
        lines: list[str] = [f"Dated: {memo.date_text}", "Respectfully submitted,"]
        lines += [f"/s/ {memo.signer}"]
        lines += [memo.signer + (f" (Bar No. {memo.bar_number})" if memo.bar_number else "")]
        lines += [memo.signer_role, memo.office, *memo.address]
        lines += [f"Tel. {memo.phone}"] if memo.phone else []
        lines += [memo.email] if memo.email else []
        if memo.conclusion:
            last = self.runs(self.doc.add_paragraph(), memo.conclusion_last)
            last.paragraph_format.keep_with_next = True
        for n, line in enumerate(lines):
            paragraph = self.para(line, left_indent=Inches(3.25), space_after=Pt(0))
            paragraph.paragraph_format.keep_with_next = n < len(lines) - 1
            paragraph.paragraph_format.space_before = Pt(18) if n == 0 else None

    # The whole -------------------------------------------------------------------------------

    def write(self) -> bytes:
        memo = self.memo
        self.header_and_footer()
        self.caption()
        self.table_of_authorities()
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if memo.introduction:
            self.heading(memo.numbers["introduction"], "Introduction")
            self.texts(memo.introduction)
        if memo.facts:
            self.heading(memo.numbers["facts"], memo.facts_heading)
            self.texts(memo.facts)
        self.computation()
        self.objections()
        if memo.sections:
            self.heading(memo.numbers["sections"], "Requests for Departure or Variance")
            for number, section in enumerate(memo.sections, 1):
                self.departure(number, section)
        if memo.factors:
            self.heading(memo.numbers["factors"], memo.factors_heading)
            self.texts(memo.factors)
        self.closing()
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def memo_docx(memo: Memo, pages: Mapping[str, int]) -> bytes:
    """The memo as a .docx; ``pages`` is the PDF page of each mention's anchor."""
    return _Writer(memo, pages).write()
