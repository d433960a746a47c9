"""Hypothesis profiles: `ci` (the default; what `make test` runs) and `nightly`, with ten
times the examples of every property, for a long run: `HYPOTHESIS_PROFILE=nightly make test`."""

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 10 if PROFILE == "nightly" else 1

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile(
    "nightly",
    deadline=None,
    print_blob=True,
    max_examples=100 * SCALE,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(PROFILE)


def scaled(examples: int) -> int:
    """A test's own number of examples, under the profile in use."""
    return examples * SCALE
