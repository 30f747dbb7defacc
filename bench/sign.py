"""`make bench-sign`: 200 people sign the demo petition at the same moment, over real HTTP,
against gunicorn with DEBUG off, on SQLite and then on PostgreSQL.

Each signer is a thread with its own connection; a Barrier releases them together. Every signer
posts a valid signature with its own address and the spam fields filled as a person's browser
would (the form's signed start time, taken from the page, older than the minimum fill time).
The per-IP limit is raised for the run (SIGNATURE_RATE_LIMIT_COUNT): every request comes from
127.0.0.1. Then 50 more threads submit ONE address in different spellings at once.

Prints, per database: rows saved, the count the JSON endpoint shows, errors by status, "database
is locked" in the server log, and signatures per second. Target: 200 rows, count +200, 0 errors.

    .venv/bin/python bench/sign.py                     # SQLite, then PostgreSQL if reachable
    .venv/bin/python bench/sign.py --databases sqlite
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/bench_sign .venv/bin/python bench/sign.py
"""

import argparse
import http.client
import json
import os
import re
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PY, ROOT, build_demo_site, free_port, wait_for  # bench/run.py's helpers

SIGNERS = int(os.environ.get("BENCH_SIGNERS", "200"))
SAME_ADDRESS = int(os.environ.get("BENCH_SAME_ADDRESS", "50"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_sign")
MIN_FILL_SECONDS = 3


def environment(workdir: Path, database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        # Emails queue as database tasks, as in production (no worker runs during the bench).
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "SIGNATURE_RATE_LIMIT_COUNT": "1000000",
        "LOG_LEVEL": "WARNING",
    }


def fresh_postgres(url: str) -> bool:
    """Drop and create the scratch database; False when no PostgreSQL server answers."""
    try:
        import psycopg
    except ImportError:
        return False
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL at {admin} is not reachable ({error}); skipped")
        return False
    return True


def gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    # Threads as well as workers: signers wait on the database, not on the CPU.
    return subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "8",
            "--backlog",
            "2048",
            "--access-logfile",
            "/dev/null",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,
    )


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body


def post(port: int, path: str, fields: dict) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request(
        "POST",
        path,
        body=urlencode(fields),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    status = connection.getresponse().status
    connection.close()
    return status


def together(count: int, work) -> tuple[list, float]:
    """Run work(n) in `count` threads released by one Barrier; results and wall time."""
    barrier = threading.Barrier(count + 1)
    results: list = [None] * count

    def target(n: int) -> None:
        barrier.wait()
        try:
            results[n] = work(n)
        except OSError as error:
            results[n] = type(error).__name__

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def saved_rows(database_url: str, pattern: str) -> int:
    query = "SELECT COUNT(*) FROM actions_signature WHERE email LIKE %s"
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute(query.replace("%s", "?"), (pattern,)).fetchone()[0]
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(query, (pattern,)).fetchone()[0]


def run(label: str, database_url: str, workdir: Path) -> dict:
    env = environment(workdir, database_url)
    manage = [PY, "manage.py"]
    build_demo_site(env)
    listing = subprocess.run(
        [*manage, "check_pages", "--list-types"],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    path = next(
        line.split(" ", 1)[1]
        for line in listing.splitlines()
        if line.startswith("petitionpage /en/")
    )
    port = free_port()
    log = workdir / f"{label}-server.log"
    server = gunicorn(env, port, log)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        status, html = get(port, path)
        assert status == 200, f"{path} answered {status}"
        token = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
        count_url = re.search(r'data-count-url="([^"]+)"', html).group(1)
        before = json.loads(get(port, count_url)[1])["count"]
        time.sleep(MIN_FILL_SECONDS + 0.5)  # the form was "shown" longer ago than the minimum

        def signer(n: int) -> int:
            return post(port, path, {
                "first_name": "Bench", "last_name": f"Signer {n}",
                "email": f"bench-{n}@example.org", "country": "US", "zip_code": "20515",
                "website": "", "form_started": token, "source": "bench",
            })  # fmt: skip

        statuses, seconds = together(SIGNERS, signer)
        after = json.loads(get(port, count_url)[1])["count"]
        spellings = [
            "same@example.org",
            "SAME@example.org",
            " Same@Example.org ",
            "same@EXAMPLE.org",
        ]

        def repeat(n: int) -> int:
            return post(port, path, {
                "first_name": "Same", "last_name": "Person", "email": spellings[n % 4],
                "country": "US", "zip_code": "20515", "website": "", "form_started": token,
            })  # fmt: skip

        repeat_statuses, _ = together(SAME_ADDRESS, repeat)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    server_log = log.read_text()
    return {
        "database": label,
        "rows": saved_rows(database_url, "bench-%@example.org"),
        "count_before": before,
        "count_after": after,
        "statuses": Counter(statuses),
        "locked": server_log.count("database is locked"),
        "server_errors": server_log.count("Traceback"),
        "per_second": SIGNERS / seconds,
        "seconds": seconds,
        "same_rows": saved_rows(database_url, "same@example.org"),
        "same_statuses": Counter(repeat_statuses),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    databases = parser.parse_args().databases.split(",")
    results = []
    for label in databases:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-sign-{label}-"))
        if label == "sqlite":
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        elif label == "postgres":
            url = PG_URL
            if not fresh_postgres(url):
                continue
        else:
            raise SystemExit(f"unknown database {label!r}")
        print(f"{label}: preparing the demo site...", flush=True)
        results.append(run(label, url, workdir))

    lines = [
        f"{SIGNERS} signers released together; then {SAME_ADDRESS} submit one address in four "
        "spellings.",
        "",
        "| database | rows saved | count shown | responses | errors | database is locked "
        "| signatures/s | one address ×" + str(SAME_ADDRESS) + " → rows |",
        "|---|---:|---|---|---:|---:|---:|---:|",
    ]
    failed = False
    for r in results:
        errors = sum(n for status, n in r["statuses"].items() if status != 302)
        errors += sum(n for status, n in r["same_statuses"].items() if status != 302)
        shown = (
            f"{r['count_before']} → {r['count_after']} (+{r['count_after'] - r['count_before']})"
        )
        responses = ", ".join(
            f"{status}: {n}" for status, n in sorted(r["statuses"].items(), key=str)
        )
        lines.append(
            f"| {r['database']} | {r['rows']} | {shown} | {responses} | {errors} | {r['locked']} "
            f"| {r['per_second']:.0f} | {r['same_rows']} |"
        )
        failed |= (
            r["rows"] != SIGNERS
            or r["count_after"] - r["count_before"] != SIGNERS
            or errors
            or r["locked"]
            or r["server_errors"]
            or r["same_rows"] != 1
        )
    table = "\n".join(lines)
    print(table)
    print(
        "MISSED the target"
        if failed
        else "met    every signature saved once, count exact, no errors"
    )
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
