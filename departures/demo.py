"""Demo departure requests for `make run`, on the demo cases and the seeded fast-track ground."""

from django.db import transaction

from casebook.models import Ground
from sentencing.models import Case

from .models import DepartureRequest
from .outcome import FAST_TRACK
from .services import departure_request_submit

# (demo case's docket number, levels, argument)
DEMO_REQUESTS = (
    (
        "CR 95-0000 (sample)",
        4,
        "Had Mr. Banuelos-Rodriguez been prosecuted in a district with a fast-track program, "
        "he would have been offered a plea to 8 U.S.C. § 1326(a) alone, capped at 24 months.",
    ),
    (
        "2:25-cr-00000 (sample)",
        2,
        "Defendants charged with the same reentry in districts with early-disposition programs "
        "receive lower sentences.",
    ),
)


@transaction.atomic
def load_demo_requests() -> int:
    """Adds each demo request once; returns how many were added (none without the casebook)."""
    ground = Ground.objects.filter(slug=FAST_TRACK).first()
    if ground is None:
        return 0
    added = 0
    for docket_number, levels, argument in DEMO_REQUESTS:
        case = Case.objects.filter(docket_number=docket_number, calculation_of=None).first()
        if case is None or case.departure_requests.exists():
            continue
        departure_request_submit(
            case=case,
            user=case.created_by,
            ground=ground,
            direction=DepartureRequest.DirectionChoice.DOWNWARD,
            extent_levels=levels,
            argument=argument,
        )
        added += 1
    return added
