"""Every URL in the URLconf, as an anonymous user, as another office and as the owner.

New URLs are picked up from the URLconf by tests/trust/urlwalk.py; one it cannot classify fails
`test_every_url_is_classified`.
"""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from objections.services import objection_save
from sentencing import services
from sentencing.guidelines.rulings import objectionable
from sentencing.models import Case
from sentencing.results import saved_case_facts
from sentencing.selectors import case_queryset
from tests.factories import DepartureRequestFactory, MemoExportFactory, named_calculation
from tests.sentencing.forms_data import BANUELOS, with_count
from tests.trust import urlwalk

pytestmark = pytest.mark.django_db

SECRET = "Privileged-Defendant-Qzxv"  # alice's defendant: must never reach anyone else
LOGIN = reverse("login")


def build_departure_request(case, user):
    return DepartureRequestFactory(case=case, ground_text=f"{SECRET} ground", extent_levels=2)


def build_memo_export(case, user):
    return MemoExportFactory(case=case)


def build_calculation(case, user):
    return services.calculation_create(user=user, case=case, source=case, name="Defense")


def build_objection(case, user):
    # The defense scores the case's first offense line only: it differs on every other.
    lines = case.offense_lines.all()[:1]
    first = [(line.kind, line.guideline, line.description, line.levels) for line in lines]
    defense = named_calculation(case, by=user, name="Defense", lines=first)
    report = case_queryset().get(pk=case.pk)
    (ref, row), *_others = objectionable(saved_case_facts(report), saved_case_facts(defense))
    return objection_save(
        user=user,
        case=case,
        calculation=defense,
        against=report,
        ref=ref,
        subject=f"{SECRET} row",
        fields={"ground": f"{SECRET} ground"},
    )


# How to make one row of each model that hangs off a case and has a URL of its own. A new such
# model needs a line here (the owner test says which).
CHILD_ROW_BUILDERS = {
    "departures.DepartureRequest": build_departure_request,
    "memos.MemoExport": build_memo_export,
    "sentencing.Case": build_calculation,
    "objections.Objection": build_objection,
}


def case_children() -> list[tuple]:
    """(model, its foreign key to Case) for each model that hangs off a case (offense lines,
    departure requests, memo exports, the case's named calculations…)."""
    return [
        (relation.related_model, relation.field.name)
        for relation in Case._meta.related_objects
        if not relation.hidden
    ]


def child_candidates(endpoint, keyword, case, user) -> list[int]:
    """Ids of rows of this case that `keyword` may name, the likeliest model first."""
    hint = keyword.removesuffix("_pk").removesuffix("pk").strip("_").lower()
    app = urlwalk.endpoint_app(endpoint)

    def likelihood(child):
        model, key = child
        name = f"{model.__name__} {key}".lower()
        return (not (hint and hint in name), model._meta.app_label != app)

    ids = []
    for model, key in sorted(case_children(), key=likelihood):
        label, rows = model._meta.label, model.objects.filter(**{key: case})
        if label in CHILD_ROW_BUILDERS and not rows.exists():
            CHILD_ROW_BUILDERS[label](case, user)
        ids += list(rows.values_list("pk", flat=True)[:1])
    return ids


def url_kwarg_sets(endpoint, case, user) -> list[dict]:
    """Keyword sets naming `case` (and, for a child keyword, each candidate row of it)."""
    case_keyword = urlwalk.case_keyword(endpoint)
    others = [k for k in endpoint.converters if k != case_keyword]
    if not others:
        return [{case_keyword: case.pk}]
    assert len(others) == 1, f"{endpoint}: more than one keyword besides the case"
    return [
        {case_keyword: case.pk, others[0]: pk}
        for pk in child_candidates(endpoint, others[0], case, user)
    ]


def placeholder_kwargs(endpoint) -> dict:
    return {
        name: "1" if kind in ("int", "regex") else "x" for name, kind in endpoint.converters.items()
    }


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(f"{LOGIN}?next=")


@pytest.fixture
def alices_case(alice_client):
    data = with_count({**BANUELOS, "defendant": SECRET, "notes": SECRET}, "8 U.S.C. § 1326(b)(2)")
    data.update(
        {"priors-TOTAL_FORMS": "1", "priors-0-description": SECRET, "priors-0-subsection": "a"}
    )
    assert alice_client.post(reverse("sentencing:case_create"), data).status_code == 302
    return Case.objects.get(defendant=SECRET)


def test_every_url_is_classified():
    unclassified = [str(e) for e in urlwalk.endpoints() if urlwalk.kind(e) == "unclassified"]
    assert unclassified == [], (
        "Classify these URLs: put a case's id in a `case_pk` keyword (or `pk` under cases/), "
        "or add them to an allow-list in tests/trust/urlwalk.py"
    )


def test_the_walker_finds_the_case_pages():
    names = {e.name for e in urlwalk.by_kind("case")}
    expected = {
        "sentencing:case_detail",
        "sentencing:case_edit",
        "sentencing:case_recalculate",
        "sentencing:case_history",
    }
    assert expected <= names
    for app, name in [
        ("departures", "departures:request_edit"),
        ("memos", "memos:preview"),
        ("api", "api:case_detail"),
        ("api", "api:case_calculations"),
    ]:
        if apps.is_installed(app):
            assert name in names


@pytest.mark.parametrize(
    "endpoint",
    urlwalk.by_kind("case") + urlwalk.by_kind("own-office") + urlwalk.by_kind("any-signed-in"),
    ids=str,
)
def test_anonymous_users_are_sent_to_the_login_page(client, alices_case, endpoint):
    if urlwalk.kind(endpoint) == "case":
        kwargs = {urlwalk.case_keyword(endpoint): alices_case.pk} | {
            k: "1" for k in endpoint.converters if k != urlwalk.case_keyword(endpoint)
        }
    else:
        kwargs = placeholder_kwargs(endpoint)
    url = reverse(endpoint.name, kwargs=kwargs)
    responses = [client.get(url), client.post(url, {"defendant": "x"})]

    def refused(response) -> bool:
        return is_login_redirect(response) or (
            urlwalk.refuses_with_401(endpoint) and response.status_code == 401
        )

    assert any(refused(r) for r in responses), [r.status_code for r in responses]
    for response in responses:
        assert refused(response) or response.status_code == 405
        assert SECRET not in response.content.decode(errors="replace")
    assert Case.objects.get(pk=alices_case.pk).version == 1  # nothing was saved


@pytest.mark.parametrize("endpoint", urlwalk.by_kind("case"), ids=str)
def test_another_office_gets_404_and_the_owner_does_not(
    alice, bob, alice_client, alices_case, endpoint
):
    kwarg_sets = url_kwarg_sets(endpoint, alices_case, alice)
    assert kwarg_sets, (
        f"{endpoint}: no row of this case for its keywords; "
        "add a builder to CHILD_ROW_BUILDERS in tests/trust/test_access_control.py"
    )
    opened_by_owner = False
    for kwargs in kwarg_sets:
        url = reverse(endpoint.name, kwargs=kwargs)
        outsider = Client()
        outsider.force_login(bob)
        answers = [outsider.get(url), outsider.post(url, {"defendant": "Taken over"})]
        assert [r.status_code for r in answers if r.status_code != 405] != []
        for response in answers:
            assert response.status_code in (404, 405), (url, response.status_code)
            assert SECRET not in response.content.decode(errors="replace")
        owner = alice_client.get(url)
        if owner.status_code == 405:
            owner = alice_client.post(url, {})
        if owner.status_code != 404:
            assert owner.status_code < 500
            opened_by_owner = True
            break
    assert opened_by_owner, f"{endpoint}: even the owner gets 404; the walker built a wrong URL"
    case = Case.objects.get(pk=alices_case.pk)
    assert case.defendant == SECRET
    assert case.office == alices_case.office


@pytest.mark.parametrize("endpoint", urlwalk.by_kind("own-office"), ids=str)
def test_own_office_pages_show_nothing_of_another_office(bob, alices_case, endpoint):
    outsider = Client()
    outsider.force_login(bob)
    url = reverse(endpoint.name)
    for response in [outsider.get(url), outsider.post(url, {})]:
        assert response.status_code < 500
        assert SECRET not in response.content.decode(errors="replace")


def test_the_admin_needs_a_staff_login(client, bob_client):
    url = reverse("admin:index")
    for who in (client, bob_client):
        response = who.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    assert all(e.namespace.startswith("admin") for e in urlwalk.by_kind("staff"))


def test_public_pages_leak_nothing(client, alices_case):
    for endpoint in urlwalk.by_kind("public"):
        url = reverse(endpoint.name)
        for response in [client.get(url), client.post(url)]:
            assert response.status_code < 500
            assert SECRET not in response.content.decode(errors="replace")
