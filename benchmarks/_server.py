"""A throwaway gunicorn server on loopback for the benchmarks, with timing helpers."""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "benchmark-only-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "",
        "DJANGO_HTTPS": "0",  # plain HTTP on loopback
        "DATABASE_URL": database_url,
    }


@contextmanager
def gunicorn(*, workers: int = 2, database_url: str | None = None, demo: tuple[str, ...] = ()):
    """Migrates a fresh database, loads the demo data (and the commands in ``demo``, e.g.
    "load_casebook") and serves it; yields the base URL."""
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(database_url or f"sqlite:///{tmp}/bench.sqlite3")
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        for command in ("load_demo", *demo):
            subprocess.run([*manage, command], env=env, check=True, cwd=ROOT, capture_output=True)
        # As in production: hashed, compressed static files served by whitenoise.
        collectstatic = [*manage, "collectstatic", "--noinput", "-v0"]
        subprocess.run(collectstatic, env=env, check=True, cwd=ROOT)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=10)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return (
        f"n={len(ms):5d}  p50={statistics.median(ms):7.2f} ms  p95={percentile(ms, 0.95):7.2f} ms"
    )
