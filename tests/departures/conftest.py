from tests.casebook.conftest import casebook, opinion_cited_as  # noqa: F401
