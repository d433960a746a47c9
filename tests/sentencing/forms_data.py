"""POST data for the case form as a browser sends it."""

from tests import founding


def _post_value(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def lines_data(lines) -> dict:
    """Offense-line rows: (kind, guideline, description, levels), with a group as a fifth."""
    data = {"lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0"}
    for i, (kind, guideline, description, levels, *group) in enumerate(lines):
        data.update(
            {
                f"lines-{i}-kind": kind,
                f"lines-{i}-guideline": guideline,
                f"lines-{i}-description": description,
                f"lines-{i}-levels": str(levels),
                f"lines-{i}-group": "".join(group),
                f"lines-{i}-count_group": "1",
            }
        )
    return data


# The founding case as typed on the New case form, without its count (see `with_count`).
BANUELOS = {
    **{name: _post_value(value) for name, value in founding.CASE_FIELDS.items()},
    "criminal_history_points": "",
    "notes": "",
    **lines_data(founding.OFFENSE_LINES),
    "counts-TOTAL_FORMS": "0",
    "counts-INITIAL_FORMS": "0",
    "priors-TOTAL_FORMS": "0",
    "priors-INITIAL_FORMS": "0",
}


def with_count(data: dict, statute: str, maximum: str = "", minimum: str = "") -> dict:
    index = int(data["counts-TOTAL_FORMS"])
    return {
        **data,
        "counts-TOTAL_FORMS": str(index + 1),
        f"counts-{index}-statute": statute,
        f"counts-{index}-maximum_months": maximum,
        f"counts-{index}-minimum_months": minimum,
    }


def edit_data(case) -> dict:
    """The edit form of a saved case, posted back unchanged."""
    data = {
        "defendant": case.defendant,
        "docket_number": case.docket_number,
        "district": case.district,
        "judge": case.judge,
        "offense_date": case.offense_date.isoformat(),
        "sentencing_date": case.sentencing_date.isoformat(),
        "manual_edition": case.manual_edition,
        "acceptance": case.acceptance,
        "criminal_history_points": (
            "" if case.criminal_history_points is None else str(case.criminal_history_points)
        ),
        "criminal_history_category": case.criminal_history_category,
        "notes": case.notes,
        "calculation_name": case.calculation_name,
        "calculation_role": case.calculation_role,
        "version": str(case.version),
    }
    lines = list(case.offense_lines.all())
    data.update({"lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": str(len(lines))})
    for i, line in enumerate(lines):
        data.update(
            {
                f"lines-{i}-id": str(line.pk),
                f"lines-{i}-kind": line.kind,
                f"lines-{i}-guideline": line.guideline,
                f"lines-{i}-description": line.description,
                f"lines-{i}-levels": str(line.levels),
                f"lines-{i}-group": line.group,
                f"lines-{i}-count_group": str(line.count_group),
            }
        )
    counts = list(case.counts.all())
    data.update({"counts-TOTAL_FORMS": str(len(counts)), "counts-INITIAL_FORMS": str(len(counts))})
    for i, count in enumerate(counts):
        data.update(
            {
                f"counts-{i}-id": str(count.pk),
                f"counts-{i}-statute": count.statute,
                f"counts-{i}-maximum_months": (
                    "" if count.maximum_months is None else str(count.maximum_months)
                ),
                f"counts-{i}-minimum_months": str(count.minimum_months),
            }
        )
    data.update({"priors-TOTAL_FORMS": "0", "priors-INITIAL_FORMS": "0"})
    return data
