"""Production settings: run in a fresh interpreter with a production environment, as gunicorn is."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3Y-for-the-production-settings-test-0123456789-abcdefghijklmnop"


def production_environment(tmp_path, **overrides) -> dict:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DJANGO_ALLOWED_HOSTS": "sentencing.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        }
    )
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def setting(env: dict, expression: str) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_prints_no_warnings_under_production_settings(tmp_path):
    result = run(["manage.py", "check", "--deploy"], production_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_debug_is_off_https_on_and_static_files_hashed_and_compressed(tmp_path):
    env = production_environment(tmp_path)
    shown = setting(
        env,
        "settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "settings.STORAGES['staticfiles']['BACKEND'], "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE",
    )
    assert shown == ("False True True whitenoise.storage.CompressedManifestStaticFilesStorage True")
    assert setting({**env, "DJANGO_DEBUG": "1"}, "settings.DEBUG") == "True"


def test_the_makefile_turns_debug_on_only_for_make_run():
    makefile = (ROOT / "Makefile").read_text()
    assert "run: export DJANGO_DEBUG ?= 1" in makefile
    assert not re.search(r"^(test|lint|format): export DJANGO_DEBUG", makefile, re.M)


def test_a_missing_secret_key_is_a_clear_error(tmp_path):
    result = run(["manage.py", "check"], production_environment(tmp_path, DJANGO_SECRET_KEY=None))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_a_missing_host_or_database_stops_the_deploy_check_and_the_server(tmp_path, missing):
    env = production_environment(tmp_path, **{missing: None})
    check = run(["manage.py", "check", "--deploy"], env)
    assert check.returncode != 0
    assert f"{missing} is not set" in check.stderr
    server = run(["-c", "import config.wsgi"], env)  # what gunicorn config.wsgi does first
    assert server.returncode != 0
    assert "ImproperlyConfigured" in server.stderr
    assert f"{missing} is not set" in server.stderr


def test_gunicorn_is_the_documented_production_server():
    readme = (ROOT / "README.md").read_text()
    assert "gunicorn config.wsgi" in readme
    assert "collectstatic" in readme


def test_pages_carry_a_content_security_policy_of_our_own_scripts_and_styles(alice_client):
    response = alice_client.get(reverse("sentencing:case_create"))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert re.fullmatch(r"'self' 'nonce-[A-Za-z0-9+/=]+'", policy["script-src"])
    assert re.fullmatch(r"'self' 'nonce-[A-Za-z0-9+/=]+'", policy["style-src"])
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    # The htmx script tag carries the page's nonce; every script is one of our static files.
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    page = response.content.decode()
    assert f'nonce="{nonce}"' in page
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert 'src="/static/' in tag, tag


def test_no_template_relies_on_inline_code_the_policy_refuses():
    """Inline <script>/<style> need the nonce; event-handler and style attributes, hx-on and
    javascript: URLs cannot work under the policy at all."""
    problems = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        source = template.read_text()
        name = template.relative_to(ROOT)
        for tag in re.findall(r"<(?:script|style)\b[^>]*>", source):
            if "src=" not in tag and "nonce=" not in tag and 'type="application/json"' not in tag:
                problems.append(f"{name}: {tag} without nonce")
        for attribute in re.findall(r"\s(on[a-z]+|style|hx-on[:\w-]*)=", source):
            problems.append(f"{name}: {attribute}= attribute")
        if "javascript:" in source:
            problems.append(f"{name}: javascript: URL")
    assert problems == []
