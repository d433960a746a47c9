"""Steps a person takes on the case form, shared by the browser tests."""

from tests import founding


def fill_banuelos_case(page, *, sentencing_date: str = "1996-02-01") -> None:
    """From the New case form: the founding case (tests/founding.py: 8 + 16 − 3, category V)."""
    facts = founding.CASE_FIELDS
    page.get_by_label("Defendant").fill(facts["defendant"])
    page.get_by_label("District").select_option(facts["district"])
    page.get_by_label("Offense date").fill(facts["offense_date"].isoformat())
    page.get_by_label("Sentencing date").fill(sentencing_date)
    page.get_by_label("Guidelines Manual").select_option(facts["manual_edition"])

    lines = page.locator('.formset[data-prefix="lines"]')
    for index, (kind, guideline, description, levels) in enumerate(founding.OFFENSE_LINES):
        lines.get_by_role("button", name="Add offense line").click()
        row = lines.locator(".formset-row").nth(index)
        row.get_by_label("Kind").select_option(kind)
        row.get_by_label("Guideline").fill(guideline)
        row.get_by_label("Description").fill(description)
        row.get_by_label("Levels").fill(str(levels))
    page.get_by_label("Acceptance of responsibility").select_option(facts["acceptance"])
    page.get_by_label("Criminal history category").select_option(founding.CATEGORY)


def add_count(page, statute: str) -> None:
    counts = page.locator('.formset[data-prefix="counts"]')
    counts.get_by_role("button", name="Add count").click()
    field = counts.locator(".formset-row").last.get_by_label("Statute")
    field.fill(statute)
    field.press("Tab")
