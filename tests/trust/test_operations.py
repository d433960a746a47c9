"""Running in production: a 500 is logged with its traceback, case pages and memo PDFs are never
cached, a malformed admin request is a clear error, and gunicorn's timeout fits the slowest page.
"""

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import path, reverse

from casebook.models import Opinion
from tests.factories import OpinionFactory, UserFactory
from tests.trust import urlwalk
from tests.trust.test_access_control import alices_case, url_kwarg_sets  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def broken_view(request):
    raise RuntimeError("the memo engine broke")


urlpatterns = [path("broken/", broken_view)]


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_a_500_leaves_its_traceback_on_standard_error(capsys, caplog):
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    logged = capsys.readouterr().err
    assert "ERROR django.request: Internal Server Error: /broken/" in logged
    assert "Traceback (most recent call last):" in logged
    assert 'raise RuntimeError("the memo engine broke")' in logged
    assert "RuntimeError: the memo engine broke" in logged
    assert [r.levelname for r in caplog.records if r.name == "django.request"] == ["ERROR"]


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", urlwalk.by_kind("case"), ids=str)
def test_no_case_page_or_memo_pdf_may_be_cached(alice, alice_client, alices_case, endpoint):  # noqa: F811
    opened = []
    for kwargs in url_kwarg_sets(endpoint, alices_case, alice):  # each candidate row
        url = reverse(endpoint.name, kwargs=kwargs)
        response = alice_client.get(url)
        if response.status_code == 405:
            response = alice_client.post(url, {})
        assert response.status_code < 500, url
        assert {"private", "no-store"} <= cache_directives(response), (url, response.status_code)
        if response.status_code != 404:
            opened.append(response.get("Content-Type"))
    assert opened, f"{endpoint}: the owner opened none of its URLs"
    if endpoint.name == "memos:download":
        assert "application/pdf" in opened


@pytest.mark.django_db
def test_the_memo_download_is_among_the_walked_pages():
    assert "memos:download" in {e.name for e in urlwalk.by_kind("case")}


@pytest.mark.django_db
def test_other_pages_are_not_cached_either_but_static_files_are(alice_client):
    for url in [reverse("sentencing:case_list"), reverse("casebook:opinion_list"), "/login/"]:
        assert {"private", "no-store"} <= cache_directives(Client().get(url))
        assert {"private", "no-store"} <= cache_directives(alice_client.get(url))
    static = alice_client.get("/static/css/app.css")
    assert static.status_code == 200
    assert "no-store" not in cache_directives(static)


@pytest.fixture
def superuser_client(db):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


NUL_URLS = [
    "/admin/casebook/opinion/?q=%00",
    "/admin/casebook/opinion/?court__id__exact=%00",
    "/admin/casebook/opinion/?court=%00",
    "/admin/casebook/opinion/?source__exact=%00",
    "/admin/casebook/court/?kind__exact=%00",
    "/admin/casebook/opinion/?%00=1",
    "/admin/casebook/court/%00/change/",
    "/admin/auth/user/?q=a%00b",
    "/casebook/?q=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_in_the_url_is_a_bad_request(superuser_client, url):
    OpinionFactory()
    response = superuser_client.get(url)
    assert response.status_code == 400
    assert "Bad Request" in response.content.decode()


def test_the_admin_still_searches_and_filters(superuser_client):
    opinion = OpinionFactory()
    for query in [f"?q={opinion.case_name[:6]}", f"?court__id__exact={opinion.court_id}"]:
        response = superuser_client.get(reverse("admin:casebook_opinion_changelist") + query)
        assert response.status_code == 200
        assert opinion.case_name in response.content.decode()


def opinion_admin_form(client, opinion) -> dict:
    """The opinion's admin change form as a browser would send it untouched."""
    from tests.trust.pageforms import as_submitted, forms_on

    url = reverse("admin:casebook_opinion_change", args=[opinion.pk])
    page = client.get(url).content.decode()
    form = next(f for f in forms_on(url, page) if "run_in_footnotes" in as_submitted(f))
    return as_submitted(form)


@pytest.mark.parametrize(
    ("footnotes", "message"),
    [
        ('{"start": 3}', "Enter a list of [start, end] pairs"),
        ("5", "Enter a list of [start, end] pairs"),
        ('"3-9"', "Enter a list of [start, end] pairs"),
        ("[3, 9]", "Footnote 1: 3 is not a [start, end] pair."),
        ("[[3]]", "Footnote 1: [3] is not a [start, end] pair."),
        ('[["a", "b"]]', "Footnote 1: [&#x27;a&#x27;, &#x27;b&#x27;] is not a [start, end] pair."),
        ("[[1.5, 9]]", "is not a [start, end] pair"),
        ("[[true, 9]]", "is not a [start, end] pair"),
        ("[[9, 3]]", "Footnote 1: [9, 3] is not a range of the text"),
        ("[[0, 100000000]]", "is not a range of the text"),
        ("[[-4, 3]]", "is not a range of the text"),
        ("[[2, 9], [5, 12]]", "The footnotes [2, 9] and [5, 12] overlap."),
        ("[[2, 9", "Enter a valid JSON."),
    ],
)
def test_malformed_run_in_footnotes_are_a_form_error(superuser_client, footnotes, message):
    opinion = OpinionFactory()
    data = opinion_admin_form(superuser_client, opinion)
    data["run_in_footnotes"] = footnotes
    response = superuser_client.post(
        reverse("admin:casebook_opinion_change", args=[opinion.pk]), data
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "errornote" in page
    assert message in page
    assert Opinion.objects.get(pk=opinion.pk).run_in_footnotes == opinion.run_in_footnotes


@pytest.mark.parametrize(
    ("footnotes", "stored"),
    [("[[12, 20], [2, 9]]", [[2, 9], [12, 20]]), ("[]", []), ("", []), ("null", [])],
)
def test_well_formed_run_in_footnotes_are_saved(superuser_client, footnotes, stored):
    opinion = OpinionFactory()
    data = opinion_admin_form(superuser_client, opinion)
    data["run_in_footnotes"] = footnotes
    response = superuser_client.post(
        reverse("admin:casebook_opinion_change", args=[opinion.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Opinion.objects.get(pk=opinion.pk).run_in_footnotes == stored


def test_the_readme_gives_gunicorn_a_timeout_that_fits_a_memo_export():
    readme = (ROOT / "README.md").read_text()
    line = next(line for line in readme.splitlines() if "gunicorn config.wsgi" in line)
    timeout = re.search(r"--timeout (\d+)", line)
    assert timeout, line
    # A memo export takes a few seconds: well within, yet a stuck worker is not kept long.
    assert 10 <= int(timeout.group(1)) <= 120
