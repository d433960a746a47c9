"""Reading the memo PDF back as a reader would: text per page, whitespace and line-end
hyphenation folded (pypdf splits long names and table cells across lines)."""

import io
import re

from pypdf import PdfReader


def reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def fold(text: str) -> str:
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def page_texts(content: bytes) -> list[str]:
    return [fold(page.extract_text() or "") for page in reader(content).pages]


def full_text(content: bytes) -> str:
    return " ".join(page_texts(content))


def has_attachments(content: bytes) -> bool:
    """True when the PDF embeds any file (a document-level or page-level attachment)."""
    pdf = reader(content)
    if pdf.attachments:
        return True
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                return True
    return b"/EmbeddedFile" in content
