import pytest

from tests import founding


def founding_worksheet() -> dict:
    """United States v. Banuelos-Rodriguez (tests/founding.py), as the API takes a worksheet."""
    fields = founding.CASE_FIELDS
    return {
        "offense_date": fields["offense_date"].isoformat(),
        "sentencing_date": fields["sentencing_date"].isoformat(),
        "manual_edition": fields["manual_edition"],
        "acceptance": fields["acceptance"],
        "criminal_history_category": fields["criminal_history_category"],
        "offense_lines": [
            {"kind": kind, "guideline": guideline, "description": description, "levels": levels}
            for kind, guideline, description, levels in founding.OFFENSE_LINES
        ],
        "counts": [
            {"statute": statute, "maximum_months": maximum} for statute, maximum in founding.COUNTS
        ],
    }


@pytest.fixture
def worksheet() -> dict:
    return founding_worksheet()
