"""The pages a defender opens most, against bare Django views, same gunicorn server, same run.

    .venv/bin/python benchmarks/pages.py [--seconds 12] [--connections 4]

The floor is a signed-in constant (`/healthz/signed-in/`). Pages: the demo case with three
calculations and an objection (its page, its case form), the comparison of its calculations,
its objections, and the casebook's longest opinion. Prints p50/p95 of each and each page's
ratio to the floor (target: the case page, the case form and an opinion page ≤ 5× at p50).
"""

import argparse
import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._server import gunicorn, percentile, summary  # noqa: E402
from benchmarks.recalc import drive, log_in  # noqa: E402

DEMO_CASE = "Sample Defendant (three calculations)"


def fetch(base: str, path: str, cookie: str) -> str:
    request = urllib.request.Request(f"{base}{path}", headers={"Cookie": cookie})
    return urllib.request.urlopen(request).read().decode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=12, help="per page, in 3 rounds")
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    demo = ("load_casebook", "load_demo_requests", "load_demo_objections")
    with gunicorn(demo=demo) as base:
        cookie, _token = log_in(base)
        listed = fetch(base, "/cases/", cookie)
        case = re.search(rf'href="/cases/(\d+)/"[^>]*>[^<]*{re.escape(DEMO_CASE)}', listed)
        assert case, "the demo case with three calculations is not in the list"
        pk = case.group(1)
        opinions = fetch(base, "/casebook/", cookie)
        opinion_ids = re.findall(r'href="/casebook/opinions/(\d+)/"', opinions)
        assert opinion_ids, "no opinion in the casebook"
        longest = max(
            opinion_ids, key=lambda o: len(fetch(base, f"/casebook/opinions/{o}/", cookie))
        )
        pages = {
            "signed-in bare view": "/healthz/signed-in/",
            "case page": f"/cases/{pk}/",
            "case form": f"/cases/{pk}/edit/",
            "calculations compared": f"/cases/{pk}/calculations/compare/",
            "objections": f"/cases/{pk}/objections/",
            "opinion page": f"/casebook/opinions/{longest}/",
        }
        headers = {"Cookie": cookie}
        samples: dict[str, list[float]] = {name: [] for name in pages}
        for path in pages.values():  # warm up
            drive(base, "GET", path, None, headers, 1, args.connections)
        for _ in range(3):  # interleaved, so that drift on the machine hits all alike
            for name, path in pages.items():
                samples[name] += drive(
                    base, "GET", path, None, headers, args.seconds / 3, args.connections
                )

    floor = samples["signed-in bare view"]
    for name, found in samples.items():
        p50 = percentile(found, 0.5) / percentile(floor, 0.5)
        p95 = percentile(found, 0.95) / percentile(floor, 0.95)
        print(f"{name:<22} {summary(found)}   / floor: p50 {p50:5.2f}x  p95 {p95:5.2f}x")
    print("target: the case page, the case form and an opinion page ≤ 5x the floor at p50")


if __name__ == "__main__":
    main()
