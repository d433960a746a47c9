"""The forms a page offers, read from its HTML as a browser would: fields, options, formsets."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

FORMSET_ROW = re.compile(r"^(?P<prefix>[\w-]+?)-(?:\d+|__prefix__)-(?P<name>\w+)$")
SKIPPED_TYPES = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    name: str
    kind: str  # text, number, date, checkbox, select, textarea, hidden, search, password…
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False  # a checkbox or radio button that is ticked


@dataclass
class PageForm:
    page: str  # the URL of the page that shows the form
    method: str
    action: str
    htmx: bool = False
    fields: list[Field] = field(default_factory=list)

    @property
    def plain_fields(self) -> list[Field]:
        return [f for f in self.fields if not FORMSET_ROW.match(f.name) and "-" not in f.name]

    @property
    def management_fields(self) -> list[Field]:
        return [
            f
            for f in self.fields
            if f.name.endswith(
                ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")
            )
        ]

    @property
    def formsets(self) -> dict[str, dict[str, Field]]:
        """prefix -> {row field name -> Field}, from the rows and the empty-row <template>."""
        rows: dict[str, dict[str, Field]] = {}
        for f in self.fields:
            match = FORMSET_ROW.match(f.name)
            if match:
                rows.setdefault(match["prefix"], {}).setdefault(match["name"], f)
        return rows

    @property
    def existing_row_ids(self) -> dict[str, list[str]]:
        ids: dict[str, list[str]] = {}
        for f in self.fields:
            match = FORMSET_ROW.match(f.name)
            if match and match["name"] == "id" and f.value:
                ids.setdefault(match["prefix"], []).append(f.value)
        return ids

    @property
    def user_fields(self) -> list[Field]:
        return [f for f in self.fields if f.kind != "hidden" and f.name != "csrfmiddlewaretoken"]


class _FormReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[PageForm] = []
        self.current: PageForm | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = PageForm(
                page=self.page,
                method=(attrs.get("method") or "get").lower(),
                action=attrs.get("action") or self.page,
            )
            self.forms.append(self.current)
            if attrs.get("hx-post"):
                self.forms.append(
                    PageForm(page=self.page, method="post", action=attrs["hx-post"], htmx=True)
                )
            return
        if self.current is None or "name" not in attrs:
            if tag == "option" and self.select is not None:
                self.select.options.append(attrs.get("value", ""))
                if "selected" in attrs:
                    self.select.value = attrs.get("value", "")
            return
        name = attrs["name"]
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind not in SKIPPED_TYPES:
                checked = "checked" in attrs
                self._add(Field(name, kind, attrs.get("value") or "", checked=checked))
        elif tag == "select":
            self.select = Field(name, "select")
            self._add(self.select)
        elif tag == "textarea":
            self.textarea = Field(name, "textarea")
            self._add(self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def _add(self, f: Field):
        self.current.fields.append(f)


def as_submitted(form: PageForm) -> dict[str, str]:
    """What a browser sends for the form untouched: values, chosen options, ticked boxes."""
    data = {}
    for f in form.fields:
        if "__prefix__" in f.name or (f.kind in ("checkbox", "radio") and not f.checked):
            continue
        data[f.name] = f.value or ("on" if f.kind == "checkbox" else "")
    return data


def forms_on(page_url: str, html: str) -> list[PageForm]:
    reader = _FormReader(page_url)
    reader.feed(html)
    for i, form in enumerate(reader.forms):
        if form.htmx:  # the hx-post twin sends the same fields as the form it sits on
            form.fields = reader.forms[i - 1].fields
    return reader.forms
