"""Live recalculation against bare Django views, same gunicorn server, same run.

    .venv/bin/python benchmarks/recalc.py [--seconds 18] [--connections 4]

The floor is a signed-in constant (`/healthz/signed-in/`: the same middleware, session and user
lookups as any page); the anonymous `/healthz/` is printed too. Prints p50/p95 of each and the
ratios (target: recalculation ≤ 1.5× the signed-in floor at p50, ≤ 2× at p95).
"""

import argparse
import http.client
import http.cookiejar
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._server import gunicorn, percentile, summary  # noqa: E402
from tests.sentencing.forms_data import BANUELOS, with_count  # noqa: E402


def log_in(base: str) -> tuple[str, str]:
    """Returns (cookie header, csrf token) for the demo user."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"username": "demo", "password": "demo", "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=body, headers={"Referer": base}))
    cookies = {c.name: c.value for c in jar}
    assert "sessionid" in cookies, "login failed"
    return "; ".join(f"{k}={v}" for k, v in cookies.items()), cookies["csrftoken"]


def drive(base, method, path, body, headers, seconds, connections) -> list[float]:
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    samples: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        mine = []
        while time.monotonic() < deadline:
            conn = http.client.HTTPConnection(host, int(port), timeout=10)
            start = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            conn.close()
            assert response.status == 200, response.status
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=18, help="per endpoint, in 3 rounds")
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    with gunicorn() as base:
        cookie, token = log_in(base)
        # As the page posts it: every formset, the offense-date worksheet empty.
        typed = {
            **with_count(BANUELOS, "8 U.S.C. § 1326(a)"),
            "earlier-TOTAL_FORMS": "0",
            "earlier-INITIAL_FORMS": "0",
        }
        form = urllib.parse.urlencode(typed).encode()
        signed_in = {"Cookie": cookie}
        recalc_headers = {
            **signed_in,
            "X-CSRFToken": token,
            "HX-Request": "true",
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": base,
        }
        endpoints = {
            "anonymous bare view": ("GET", "/healthz/", None, {}),
            "signed-in bare view": ("GET", "/healthz/signed-in/", None, signed_in),
            "recalculation": ("POST", "/cases/new/recalculate/", form, recalc_headers),
        }
        samples: dict[str, list[float]] = {name: [] for name in endpoints}
        for method, path, body, headers in endpoints.values():  # warm up
            drive(base, method, path, body, headers, 1, args.connections)
        for _ in range(3):  # interleave so that drift on the machine hits all alike
            for name, (method, path, body, headers) in endpoints.items():
                samples[name] += drive(
                    base, method, path, body, headers, args.seconds / 3, args.connections
                )

    for name, found in samples.items():
        print(f"{name:<22} {summary(found)}")
    recalc = samples["recalculation"]
    for floor in ("signed-in bare view", "anonymous bare view"):
        p50 = percentile(recalc, 0.5) / percentile(samples[floor], 0.5)
        p95 = percentile(recalc, 0.95) / percentile(samples[floor], 0.95)
        print(f"recalculation / {floor}: p50 {p50:.2f}x  p95 {p95:.2f}x")
    print("target: ≤ 1.5x (p50) and ≤ 2x (p95) the signed-in bare view")


if __name__ == "__main__":
    main()
