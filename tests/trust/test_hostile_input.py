"""Hostile input to every form the site shows: the server never answers 500, and a refused
submission comes back with its errors marked.

The forms are found by opening every page of the URL walker (tests/trust/urlwalk.py) as the
owner of a case and reading its HTML, so the forms of new pages are included automatically.
"""

import math

import pytest
from django.template import Template
from django.test import Client
from django.test.utils import _TestState
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sentencing.forms import MAX_ROWS
from sentencing.models import Case
from tests.profiles import scaled
from tests.sentencing.forms_data import BANUELOS, with_count
from tests.trust import urlwalk
from tests.trust.pageforms import PageForm, forms_on
from tests.trust.test_access_control import url_kwarg_sets

pytestmark = pytest.mark.django_db

SUBMISSIONS = scaled(600)  # in all, spread evenly over the forms found (6,000 nightly)
ERROR_MARKS = ("is-invalid", "invalid-feedback", "errorlist", "alert-danger", "data-conflict")
NOT_SUBMITTED = ("logout",)  # a form that only ends the session has nothing to attack

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1e308",
    "NaN",
    "Infinity",
    "2147483648",
    "9223372036854775808",
    "1" * 400,
    "-" + "9" * 60,
    "3.5",
    "0x1F",
    "1996-02-30",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "1900-01-01",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "' OR '1'='1' --",
    "\x00",
    "a\x00b",
    "\u202eevil",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽ 🏛️",
    "Ω≈ç√∫",
    "§§§§",
    "on",
    "true",
    "__prefix__",
    "x" * 5000,
]

text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=120),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def value_for(field, data) -> list[str]:
    """One or more values for a field: valid choices, random strings, or a duplicate."""
    if field.kind == "select" and field.options:
        choice = st.one_of(st.sampled_from(field.options), text)
    elif field.kind == "checkbox":
        choice = st.one_of(st.just("on"), text)
    else:
        choice = st.one_of(st.just(field.value), text) if field.value else text
    return data.draw(st.lists(choice, min_size=1, max_size=2), label=field.name)


def submission(form: PageForm, data) -> dict[str, list[str]]:
    post: dict[str, list[str]] = {}
    for field in form.plain_fields:
        if field.name == "csrfmiddlewaretoken":
            continue
        if data.draw(st.integers(0, 9), label=f"omit {field.name}") == 0:
            continue  # a missing field
        post[field.name] = value_for(field, data)
    for prefix, row_fields in form.formsets.items():
        ids = form.existing_row_ids.get(prefix, [])
        rows = data.draw(st.integers(0, 3), label=f"{prefix} rows")
        template = None
        for index in range(rows):
            if template is not None and data.draw(st.booleans(), label="duplicate row"):
                row = template  # the same row twice, ids and all
            else:
                row = {}
                for name, field in row_fields.items():
                    if name == "id":
                        row[name] = [data.draw(st.sampled_from(ids) | text) if ids else ""]
                    elif data.draw(st.integers(0, 9)) != 0:
                        row[name] = value_for(field, data)
                template = row
            for name, values in row.items():
                post[f"{prefix}-{index}-{name}"] = values
        # A forged count one time in four: a forged count of millions renders MAX_ROWS empty rows.
        forged = data.draw(st.integers(0, 3), label=f"forge {prefix} counts") == 0
        total = data.draw(text) if forged else str(rows)
        initial = data.draw(text) if forged else str(len(ids))
        post[f"{prefix}-TOTAL_FORMS"] = [total]
        post[f"{prefix}-INITIAL_FORMS"] = [initial]
    return post


def send(client: Client, form: PageForm, post: dict):
    if form.method == "get":
        return client.get(form.action, post)
    headers = {"HX-Request": "true"} if form.htmx else {}
    return client.post(form.action, post, headers=headers)


@pytest.fixture
def owner_case(alice_client):
    data = with_count(BANUELOS, "8 U.S.C. § 1326(b)(2)")
    data.update(
        {"priors-TOTAL_FORMS": "1", "priors-0-description": "Prior", "priors-0-subsection": "a"}
    )
    alice_client.post(reverse("sentencing:case_create"), data)
    return Case.objects.get()


def every_form(client, case, user) -> list[PageForm]:
    """The forms of every page the owner can open, each once (by method, action and fields)."""
    pages = [reverse("login")]
    for endpoint in urlwalk.by_kind("own-office") + urlwalk.by_kind("any-signed-in"):
        if not endpoint.converters:
            pages.append(reverse(endpoint.name))
    for endpoint in urlwalk.by_kind("case"):
        pages += [reverse(endpoint.name, kwargs=k) for k in url_kwarg_sets(endpoint, case, user)]
    found, seen = [], set()
    for page in dict.fromkeys(pages):
        response = client.get(page)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_on(page, response.content.decode()):
            key = (form.method, form.action, tuple(sorted(f.name for f in form.fields)))
            if (
                key in seen
                or not form.user_fields
                or form.action.rstrip("/").endswith(NOT_SUBMITTED)
            ):
                continue
            seen.add(key)
            found.append(form)
    return found


def attack(form: PageForm, user, examples: int, sent: list) -> None:
    client = Client()  # one signed-in client per form: a login per submission tests nothing
    client.force_login(user)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        # Without the explain phase, which traces every line run and makes each request 5x slower.
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
    )
    @given(data=st.data())
    def one_submission(data):
        response = send(client, form, submission(form, data))
        sent.append(form.action)
        assert response.status_code < 500
        if response.status_code == 200 and form.method == "post" and not form.htmx:
            page = response.content.decode()
            assert any(mark in page for mark in ERROR_MARKS), (
                f"{form.action} answered 200 to a POST without marking an error"
            )

    one_submission()


@pytest.fixture
def uninstrumented_templates(monkeypatch):
    """Templates rendered as in production, without the test runner's hook that copies the
    context of every widget template for ``response.context``: the submissions here only read
    status codes and HTML, and the hook alone doubles the cost of a case form."""
    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)


@pytest.mark.slow
@pytest.mark.usefixtures("uninstrumented_templates")
def test_generated_submissions_never_crash_a_form_and_errors_are_marked(
    alice, alice_client, owner_case
):
    forms = every_form(alice_client, owner_case, alice)
    actions = {form.action for form in forms}
    assert reverse("sentencing:case_create") in actions
    assert reverse("sentencing:case_edit", args=[owner_case.pk]) in actions
    assert reverse("sentencing:case_recalculate", args=[owner_case.pk]) in actions
    assert reverse("login") in actions
    assert reverse("casebook:opinion_list") in actions
    per_form = math.ceil(SUBMISSIONS / len(forms))
    sent = []

    for form in forms:
        attack(form, alice, per_form, sent)

    assert len(sent) >= SUBMISSIONS
    assert set(sent) == actions


def test_forged_row_counts_are_refused_with_a_message_and_build_at_most_max_rows(alice_client):
    url = reverse("sentencing:case_create")
    response = alice_client.post(url, {**BANUELOS, "lines-TOTAL_FORMS": str(10**12)})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Please submit at most {MAX_ROWS} forms." in page
    assert page.count(f'name="lines-{MAX_ROWS - 1}-levels"') == 1
    assert f'name="lines-{MAX_ROWS}-levels"' not in page
    assert not Case.objects.exists()


def test_a_row_sent_twice_is_refused(alice_client, owner_case):
    from tests.sentencing.forms_data import edit_data

    data = edit_data(owner_case)
    for name in ["id", "kind", "guideline", "description", "levels"]:
        data[f"lines-2-{name}"] = data[f"lines-1-{name}"]
    data["lines-2-levels"] = "12"
    data["lines-TOTAL_FORMS"] = "3"
    url = reverse("sentencing:case_edit", args=[owner_case.pk])
    response = alice_client.post(url, data)
    assert response.status_code == 200
    assert "The same row was sent twice." in response.content.decode()
    data.update({"lines-TOTAL_FORMS": "2", "lines-1-id": data["lines-0-id"]})
    assert "The same row was sent twice." in alice_client.post(url, data).content.decode()
    assert sorted(owner_case.offense_lines.values_list("levels", flat=True)) == [8, 16]
