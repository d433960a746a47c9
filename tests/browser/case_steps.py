"""Steps a person takes on the case form, shared by the browser tests."""


def fill_banuelos_case(page, *, sentencing_date: str = "1996-02-01") -> None:
    """From the New case form: the facts of Banuelos-Rodriguez (8 + 16 − 3, category V)."""
    page.get_by_label("Defendant").fill("Rogelio Banuelos-Rodriguez")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("1995-08-01")
    page.get_by_label("Sentencing date").fill(sentencing_date)
    page.get_by_label("Guidelines Manual").select_option("1995-11-01")

    lines = page.locator('.formset[data-prefix="lines"]')
    lines.get_by_role("button", name="Add offense line").click()
    base = lines.locator(".formset-row").nth(0)
    base.get_by_label("Kind").select_option("base")
    base.get_by_label("Guideline").fill("§2L1.2(a)")
    base.get_by_label("Description").fill("Unlawful reentry")
    base.get_by_label("Levels").fill("8")
    lines.get_by_role("button", name="Add offense line").click()
    specific = lines.locator(".formset-row").nth(1)
    specific.get_by_label("Guideline").fill("§2L1.2(b)(2)")
    specific.get_by_label("Description").fill("Deported after an aggravated felony")
    specific.get_by_label("Levels").fill("16")
    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Criminal history category").select_option("V")


def add_count(page, statute: str) -> None:
    counts = page.locator('.formset[data-prefix="counts"]')
    counts.get_by_role("button", name="Add count").click()
    field = counts.locator(".formset-row").last.get_by_label("Statute")
    field.fill(statute)
    field.press("Tab")
