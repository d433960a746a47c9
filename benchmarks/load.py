"""Load: 20 simulated users on gunicorn + PostgreSQL with a few thousand cases and opinions.

    .venv/bin/python benchmarks/load.py [--users 20] [--seconds 30] [--cases 3000]
                                        [--opinions 2000] [--workers 3] [--shared-cases 5]

Starts a throwaway PostgreSQL cluster (.ci/postgres.sh; PG_PORT picks its port) unless
DATABASE_URL names a PostgreSQL database, generates the data, serves it with gunicorn on
loopback and drives the users: each logs in, then repeats open case, open its edit form, live
recalculation, save, open opinion. Prints requests/s, p50/p95 per page and the errors (target 0).

The shared-case mix: every other round a user edits one of a few cases shared with the other
users of its office instead of one of its own, so that saves race. Each such save posts the edit
form it loaded with the notes set to a marker of its own ("load03 save-17"); a 302 is an
acknowledged save (of the version after the one posted), a 409 an edit conflict (nothing saved),
after which the user saves the merged form of the conflict page once more with a new marker.
After the load the database is checked: every acknowledged save is in the case's history, no
two acknowledged saves produced the same version of a case, no conflict saved anything, and each
case row equals its latest history row. Prints saves acknowledged, conflicts, lost writes and
duplicated versions (target 0), and exits non-zero if any check fails.
"""

import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._server import ROOT, environment, gunicorn, percentile  # noqa: E402

PASSWORD = "load-test-password"
PAGES = ["login", "case", "edit form", "recalculate", "save", "opinion", "shared save"]


# --- the database -------------------------------------------------------------------------------


@contextmanager
def postgres():
    """Yields a PostgreSQL URL: DATABASE_URL if it is one, else a throwaway cluster."""
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith("postgres"):
        yield given
        return
    script = ROOT / ".ci" / "postgres.sh"
    started = subprocess.run(
        [
            "bash",
            "-c",
            # start_postgres creates the database the settings name.
            f'source "{script}" && start_postgres && echo "$PG_DIR" && echo "$POSTGRES_URL"',
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    directory, url = started.stdout.split()[-2:]
    try:
        yield url
    finally:
        subprocess.run(
            ["bash", "-c", f'source "{script}" && PG_DIR="{directory}" && stop_postgres'],
            check=False,
        )


def generate(cases: int, opinions: int, users: int) -> None:
    """Runs inside a Django process: users in five offices, cases, opinions."""
    import datetime

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from casebook.models import Opinion
    from casebook.seed import load_casebook
    from offices.models import Office, StaffMember
    from sentencing.models import Case, Count, OffenseLine

    rng = random.Random(1996)
    load_casebook()
    with transaction.atomic():
        offices = [
            Office.objects.create(name=f"Load office {n}", district=d)
            for n, d in enumerate(["cacd", "casd", "azd", "txsd", "utd"])
        ]
        password = make_password(PASSWORD)
        people = get_user_model().objects.bulk_create(
            get_user_model()(username=f"load{n:02d}", first_name=f"User {n}", password=password)
            for n in range(users)
        )
        StaffMember.objects.bulk_create(
            StaffMember(user=u, office=offices[n % len(offices)], role="defense")
            for n, u in enumerate(people)
        )
        made = Case.objects.bulk_create(
            Case(
                office=offices[n % users % len(offices)],
                created_by=people[n % users],
                updated_by=people[n % users],
                defendant=f"Generated Defendant {n}",
                docket_number=f"LOAD-{n:05d}",
                district=offices[n % users % len(offices)].district,
                offense_date=datetime.date(2015, 1, 1)
                + datetime.timedelta(days=rng.randrange(3000)),
                sentencing_date=datetime.date(2024, 6, 1)
                + datetime.timedelta(days=rng.randrange(500)),
                acceptance=rng.choice(["none", "2", "3"]),
                criminal_history_points=rng.randrange(14),
            )
            for n in range(cases)
        )
        OffenseLine.objects.bulk_create(
            line
            for case in made
            for line in (
                OffenseLine(case=case, position=0, kind="base", guideline="§2L1.2(a)", levels=8),
                OffenseLine(
                    case=case,
                    position=1,
                    kind="specific",
                    guideline="§2L1.2(b)(2)(D)",
                    levels=rng.choice([4, 8]),
                ),
            )
        )
        Count.objects.bulk_create(
            Count(case=case, statute="8 U.S.C. § 1326(b)(1)", maximum_months=120) for case in made
        )
        model = Opinion.objects.exclude(text="").order_by("pk").first()
        Opinion.objects.bulk_create(
            Opinion(
                case_name=f"United States v. Generated {n}",
                court=model.court,
                date_decided=datetime.date(1990, 1, 1) + datetime.timedelta(days=n * 5),
                text=model.text,
                html=model.html,
                marked_pages=model.marked_pages,
                source="manual",
            )
            for n in range(opinions)
        )
    print(f"generated {cases} cases, {Opinion.objects.count()} opinions, {users} users")


# --- the simulated users --------------------------------------------------------------------------


class Browser:
    """One simulated user: a cookie jar and a keep-alive connection."""

    def __init__(self, base: str, results, lock):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.base = parts.hostname, parts.port, base
        self.cookies: dict[str, str] = {}
        self.results, self.lock = results, lock
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(self, page, method, path, fields=None, expect=(200,), headers=None):
        body = urllib.parse.urlencode(fields, doseq=True) if fields is not None else None
        sent = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": self.base + "/",
            **(headers or {}),
        }
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            content = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.record(page, time.perf_counter() - start, f"{type(exc).__name__}")
            return None, ""
        elapsed = time.perf_counter() - start
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        error = None if response.status in expect else f"HTTP {response.status}"
        self.record(page, elapsed, error)
        return response, content

    def record(self, page, elapsed, error):
        with self.lock:
            self.results[page].append(elapsed)
            if error:
                self.results["errors"].append(f"{page}: {error}")


def case_form_on(path: str, html: str):
    """The case worksheet form a page at ``path`` shows, or None."""
    from tests.trust.pageforms import forms_on

    forms = [f for f in forms_on(path, html) if f.method == "post"]
    return next((f for f in forms if f.action == path), None)


def shared_save(browser, username, case, saves, results, lock):
    """One edit of a shared case: load the form, recalculate, save it with a marker in the notes.
    On an edit conflict, saves the merged form of the conflict page once more."""
    from tests.trust.pageforms import as_submitted

    path = f"/cases/{case}/edit/"
    browser.request("case", "GET", f"/cases/{case}/")
    _, page = browser.request("edit form", "GET", path)
    for attempt in range(2):
        case_form = case_form_on(path, page)
        if case_form is None:
            with lock:
                results["errors"].append(f"shared save: no form on {path}")
            return
        data = as_submitted(case_form)
        with lock:
            saves["count"] += 1
            marker = f"{username} save-{saves['count']}"
        data["notes"] = marker
        if attempt == 0:
            browser.request(
                "recalculate",
                "POST",
                f"/cases/{case}/recalculate/",
                data,
                headers={"HX-Request": "true"},
            )
        response, page = browser.request("shared save", "POST", path, data, expect=(302, 409))
        if response is None:
            return  # unknown whether it was saved: neither acknowledged nor refused
        try:
            posted = int(data.get("version", ""))
        except ValueError:
            posted = None
        entry = {"case": case, "marker": marker, "posted": posted, "user": username}
        with lock:
            if response.status == 302:
                saves["acknowledged"].append(entry)
            elif response.status == 409:
                saves["conflicts"].append(entry)
        if response.status != 409:
            return


def simulated_user(
    base, username, clock, case_ids, opinion_ids, results, lock, start_line, shared=(), saves=None
):
    from tests.trust.pageforms import as_submitted, forms_on

    browser = Browser(base, results, lock)
    _, page = browser.request("login", "GET", "/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    browser.request(
        "login",
        "POST",
        "/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        expect=(302,),
    )
    rng = random.Random(username)
    start_line.wait()
    rounds = 0
    while time.monotonic() < clock["deadline"]:
        rounds += 1
        if shared and rounds % 2 == 0:
            shared_save(browser, username, rng.choice(shared), saves, results, lock)
            browser.request("opinion", "GET", f"/casebook/opinions/{rng.choice(opinion_ids)}/")
            continue
        case = rng.choice(case_ids)
        browser.request("case", "GET", f"/cases/{case}/")
        _, form_page = browser.request("edit form", "GET", f"/cases/{case}/edit/")
        forms = [f for f in forms_on(f"/cases/{case}/edit/", form_page) if f.method == "post"]
        case_form = next((f for f in forms if f.action == f"/cases/{case}/edit/"), None)
        if case_form is None:
            with lock:
                results["errors"].append(f"edit form: no form on /cases/{case}/edit/")
            continue
        data = as_submitted(case_form)
        data["notes"] = f"Reviewed at {time.time():.3f} by {username}"
        browser.request(
            "recalculate",
            "POST",
            f"/cases/{case}/recalculate/",
            data,
            headers={"HX-Request": "true"},
        )
        browser.request("save", "POST", f"/cases/{case}/edit/", data, expect=(302,))
        browser.request("opinion", "GET", f"/casebook/opinions/{rng.choice(opinion_ids)}/")


def ids(url: str, code: str) -> list[list[int]]:
    """Runs `code` (which prints lines of ids) in a Django process on the load database."""
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        env=environment(url),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return [[int(pk) for pk in line.split()] for line in out.stdout.splitlines()]


CASES_BY_USER = """
from sentencing.models import Case
shared = {shared}
for n in range({users}):
    rows = Case.objects.filter(created_by__username=f"load{{n:02d}}").exclude(pk__in=shared)
    print(" ".join(str(pk) for pk in rows.values_list("pk", flat=True)[:50]))
"""
# Shared cases: `count` of them in all, dealt round-robin to the offices with two users or more
# (every user sees the cases of its own office only). Prints one line per user: its shared cases.
SHARED_CASES = """
from sentencing.models import Case
from offices.models import StaffMember
users = [f"load{{n:02d}}" for n in range({users})]
office_of = dict(StaffMember.objects.filter(user__username__in=users)
                 .values_list("user__username", "office_id"))
offices = sorted({{o for o in office_of.values() if list(office_of.values()).count(o) > 1}})
picked = {{o: [] for o in offices}}
pools = {{o: list(Case.objects.filter(office_id=o, docket_number__startswith="LOAD-")
                 .order_by("-pk").values_list("pk", flat=True)[:{count}]) for o in offices}}
for n in range({count} if offices else 0):
    office = offices[n % len(offices)]
    if pools[office]:
        picked[office].append(pools[office].pop(0))
for user in users:
    print(" ".join(str(pk) for pk in picked.get(office_of[user], [])))
"""
OPINIONS = """
from casebook.models import Opinion
print(" ".join(str(pk) for pk in Opinion.objects.values_list("pk", flat=True)))
"""


def verify(records: dict) -> dict:
    """Runs inside a Django process: checks the shared-case saves against the database."""
    import django

    django.setup()
    from sentencing.models import Case

    acknowledged, conflicts = records["acknowledged"], records["conflicts"]
    report = {"lost": [], "duplicated": [], "phantom": [], "wrong_version": [], "diverged": []}
    produced = defaultdict(list)  # (case, version) -> the acknowledged saves that wrote it
    for case in records["shared"]:
        rows = list(Case.history.filter(id=case).order_by("history_date", "history_id"))
        written = defaultdict(list)  # notes -> versions of the history rows holding them
        for row in rows:
            written[row.notes].append(row.version)
        for entry in (e for e in acknowledged if e["case"] == case):
            versions = written.get(entry["marker"])
            if not versions:
                report["lost"].append(entry)
                continue
            version = versions[0] if entry["posted"] is None else entry["posted"] + 1
            if version not in versions:
                report["wrong_version"].append({**entry, "history versions": versions})
            for v in {version, *versions}:
                produced[(case, v)].append(entry["marker"])
        for entry in (e for e in conflicts if e["case"] == case):
            if entry["marker"] in written:
                report["phantom"].append(entry)
        versions = [row.version for row in rows]
        if len(set(versions)) != len(versions):
            report["duplicated"].append({"case": case, "history versions": versions})
        if not rows:
            continue  # generated in bulk and never saved: no history to compare with
        current, latest = Case.objects.get(pk=case), rows[-1]
        differing = [
            f.name
            for f in Case._meta.concrete_fields
            if getattr(current, f.attname) != getattr(latest, f.attname)
        ]
        if differing:
            report["diverged"].append({"case": case, "fields": differing})
    for (case, version), markers in produced.items():
        if len(markers) > 1:
            report["duplicated"].append({"case": case, "version": version, "saves": markers})
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--opinions", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--shared-cases",
        type=int,
        default=5,
        help="cases edited concurrently by the users of one office (0: none)",
    )
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--verify", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.cases, args.opinions, args.users)
        return
    if args.verify:
        print(json.dumps(verify(json.load(sys.stdin))))
        return

    with postgres() as url, gunicorn(workers=args.workers, database_url=url) as base:
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--generate",
                *("--cases", str(args.cases), "--opinions", str(args.opinions)),
                *("--users", str(args.users)),
            ],
            env=environment(url),
            cwd=ROOT,
            check=True,
        )
        shared_by_user = ids(url, SHARED_CASES.format(users=args.users, count=args.shared_cases))
        shared = sorted({pk for row in shared_by_user for pk in row})
        cases_by_user = ids(url, CASES_BY_USER.format(users=args.users, shared=shared))
        [opinion_ids] = ids(url, OPINIONS)
        results = defaultdict(list)
        saves = {"count": 0, "acknowledged": [], "conflicts": []}
        lock = threading.Lock()
        start_line = threading.Barrier(args.users + 1)
        clock = {"deadline": time.monotonic() + 3600}  # set once everyone has logged in
        threads = [
            threading.Thread(
                target=simulated_user,
                args=(base, f"load{n:02d}", clock, cases_by_user[n], opinion_ids),
                kwargs={
                    "results": results,
                    "lock": lock,
                    "start_line": start_line,
                    "shared": shared_by_user[n],
                    "saves": saves,
                },
            )
            for n in range(args.users)
        ]
        for thread in threads:
            thread.start()
        start_line.wait()  # everyone has logged in
        started = time.monotonic()
        clock["deadline"] = started + args.seconds
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        checked = subprocess.run(
            [sys.executable, __file__, "--verify"],
            input=json.dumps({**saves, "shared": shared}),
            env=environment(url),
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        report = json.loads(checked.stdout.splitlines()[-1])

    timed = sum(len(results[p]) for p in PAGES if p != "login")
    print(
        f"{args.users} users, {args.seconds:.0f} s, {args.workers} gunicorn workers, PostgreSQL, "
        f"{args.cases} cases, {args.opinions} opinions"
    )
    print(f"requests/s (after login): {timed / elapsed:.1f}")
    for page in PAGES:
        ms = [s * 1000 for s in results[page]]
        if ms:
            print(
                f"  {page:12s} n={len(ms):5d}  p50={percentile(ms, 0.5):7.1f} ms  "
                f"p95={percentile(ms, 0.95):7.1f} ms"
            )
    errors = results["errors"]
    print(f"errors: {len(errors)}")
    for error in sorted(set(errors))[:10]:
        print(f"  {error} (x{errors.count(error)})")

    sharing = sum(1 for row in shared_by_user if row)
    print(f"shared cases: {len(shared)}, edited by {sharing} users")
    print(f"  saves acknowledged: {len(saves['acknowledged'])}")
    print(f"  conflicts (409):    {len(saves['conflicts'])}")
    print(f"  lost writes:        {len(report['lost'])} (target 0)")
    print(f"  duplicated versions: {len(report['duplicated'])} (target 0)")
    print(f"  conflicts that saved anyway: {len(report['phantom'])} (target 0)")
    print(f"  saves at another version than inferred: {len(report['wrong_version'])} (target 0)")
    print(f"  case rows unlike their latest history row: {len(report['diverged'])} (target 0)")
    failures = [(name, items) for name, items in report.items() if items]
    for name, items in failures:
        for item in items[:5]:
            print(f"    {name}: {item}")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
