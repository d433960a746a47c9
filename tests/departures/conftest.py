from tests.casebook.conftest import casebook, fast_track_split, opinion_cited_as  # noqa: F401
