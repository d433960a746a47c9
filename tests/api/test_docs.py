"""The docs page and the OpenAPI schema: behind the login, and within the site's CSP."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/calculate",
    "/api/v1/cases",
    "/api/v1/cases/{case_pk}",
    "/api/v1/cases/{case_pk}/calculations",
    "/api/v1/cases/{case_pk}/calculations/compare",
    "/api/v1/opinions",
    "/api/v1/opinions/{pk}",
    "/api/v1/opinions/{pk}/holdings",
    "/api/v1/precedent",
]


def test_the_schema_lists_every_endpoint(alice_client):
    schema = alice_client.get("/api/v1/openapi.json").json()
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)
    assert "WorksheetIn" in schema["components"]["schemas"]


def test_the_docs_page_lists_them_with_no_script_of_its_own(alice_client):
    response = alice_client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    for path in ENDPOINTS:
        assert f'<code class="text-body">{path}</code>' in page
    assert 'id="shape-WorksheetIn"' in page
    # The site's CSP runs only its own scripts: no inline one, and none from elsewhere.
    assert not re.search(r"<script(?![^>]*(?:nonce|src)=)[^>]*>\s*[^<\s]", page)
    sources = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert all(source.startswith("/static/") for source in sources)
    assert "cdn" not in page.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_api_root_leads_to_the_docs(alice_client):
    response = alice_client.get("/api/v1/")
    assert response.status_code == 302
    assert response.url == "/api/v1/docs"


def test_docs_schema_and_root_send_anonymous_users_to_log_in():
    for url in ["/api/v1/docs", "/api/v1/openapi.json", "/api/v1/"]:
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/login/?next=")
