"""`make bench-bakerydemo`: our cold pages against Wagtail's bakerydemo on the same machine.

Issue 20 asks that our cold pages (nothing kept between requests: the first visitor after a
publish) be at least as fast as bakerydemo's equivalents: our home against its home, a story
against a blog page, the story index against the blog index (and its breads index, which lists
pages with images). bakerydemo keeps nothing between requests but Wagtail's rendition cache, as
our cold server does, so its ordinary server is the one to compare with.

This script builds our demo site as `make bench` does and serves it with `make bench`'s cold
server (gunicorn, 2 sync workers, DEBUG off, PAGE_CACHE_SECONDS=0, SITE_CACHE_SECONDS=0). The
bakerydemo server is not built here: it is another project's code, run from its own checkout and
virtualenv with the same Wagtail, Django and gunicorn versions and the same gunicorn command; give
its address and its gunicorn master's process id, and the script pins it (master and workers) to
the same core as ours, so both read CPU time the same way.

Each round measures the trivial view, then every pair of pages, ours and bakerydemo's one after
the other (which goes first alternates between rounds, so a change in the machine's load falls on
both), then the trivial view again; figures are medians over the rounds. Not a test: it prints
one table (and writes bench/bakerydemo-results.md, not committed).

    BAKERYDEMO_URL=http://127.0.0.1:8000   bakerydemo's server (required)
    BAKERYDEMO_PID=1234                    its gunicorn master (required: CPU per request)
    BAKERYDEMO_STORY=/blog/bread-circuses/ the blog page set against our story
    BENCH_DATABASE_URL=postgres://...      our database (recreated); SQLite by default
    BENCH_ROUNDS=3 BENCH_SECONDS=5 BENCH_CONNECTIONS=16
"""

import os
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import sign  # bench/sign.py: fresh_postgres
from run import (
    CONNECTIONS,
    DURATION,
    ROOT,
    SERVER_CORE,
    build_demo_site,
    environment,
    fetch,
    free_port,
    gunicorn,
    page_paths,
    wait_for,
    wrk,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


class Running:
    """A server this script did not start: what wrk() needs of it (its master's pid)."""

    def __init__(self, pid: int):
        self.pid = pid


def workers(pid: int) -> list[str]:
    return subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()


def pin(pid: int) -> None:
    """Every thread of the master and its workers onto the server core, as ours is."""
    for each in [str(pid), *workers(pid)]:
        subprocess.run(["taskset", "-a", "-cp", SERVER_CORE, each], check=True,
                       capture_output=True)  # fmt: skip


def build(workdir: Path) -> tuple[dict, dict[str, str]]:
    env = environment(workdir)
    url = env["DATABASE_URL"]
    if url.startswith("postgres") and not sign.fresh_postgres(url):
        raise SystemExit(f"PostgreSQL at {url} does not answer")
    build_demo_site(env)
    return env, page_paths(env)


def main() -> None:
    theirs_url = os.environ.get("BAKERYDEMO_URL", "").rstrip("/")
    theirs_pid = os.environ.get("BAKERYDEMO_PID", "")
    if not theirs_url or not theirs_pid.isdigit():
        raise SystemExit(__doc__)
    theirs = Running(int(theirs_pid))
    count = len(workers(theirs.pid))
    if count != 2:
        print(f"note: bakerydemo's server has {count} workers; ours has 2", flush=True)
    pin(theirs.pid)

    workdir = Path(tempfile.mkdtemp(prefix="bench-bakerydemo-"))
    print("building our demo site...", flush=True)
    env, paths = build(workdir)
    pairs = {
        "home": (paths["homepage"], "/"),
        "story / blog page": (
            paths["casestorypage"],
            os.environ.get("BAKERYDEMO_STORY", "/blog/bread-circuses/"),
        ),
        "story index / blog index": (paths["storyindexpage"], "/blog/"),
        "story index / breads index": (paths["storyindexpage"], "/breads/"),
    }
    for _ours, path in pairs.values():
        fetch(theirs_url + path)  # fails at once on a wrong address or path

    port = free_port()
    cold_env = {**env, "PAGE_CACHE_SECONDS": "0", "SITE_CACHE_SECONDS": "0"}
    ours = gunicorn(cold_env, port, workdir / "cold.log")
    base = f"http://127.0.0.1:{port}"
    samples: dict[str, list[dict]] = {}
    try:
        wait_for(base + "/healthz")
        for round_number in range(ROUNDS):
            print(f"round {round_number + 1} of {ROUNDS}...", flush=True)
            samples.setdefault("trivial", []).append(wrk(base + "/healthz", ours))
            for name, (our_path, their_path) in pairs.items():
                runs = [("ours", ours, base + our_path), ("bakerydemo", theirs,
                        theirs_url + their_path)]  # fmt: skip
                if round_number % 2:
                    runs.reverse()
                for side, server, url in runs:
                    samples.setdefault(f"{name}|{side}", []).append(wrk(url, server))
            samples["trivial"].append(wrk(base + "/healthz", ours))
    finally:
        os.killpg(ours.pid, signal.SIGTERM)
        ours.wait(timeout=10)

    def median(key: str, figure: str) -> float:
        return statistics.median(sample[figure] for sample in samples[key])

    trivial_rps, trivial_cpu = median("trivial", "rps"), median("trivial", "cpu_ms")
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    spread = [s["rps"] for s in samples["trivial"]]
    lines = [
        f"{database}, {ROUNDS} rounds of {DURATION}s per URL at {CONNECTIONS} connections, "
        f"medians. Trivial view: {trivial_rps:,.0f} req/s, {trivial_cpu:.2f} ms CPU "
        f"(its {len(spread)} runs {min(spread):,.0f} to {max(spread):,.0f} req/s).",
        "",
        "| pages (ours / bakerydemo's) | ours req/s | ours CPU ms | bakerydemo req/s "
        "| bakerydemo CPU ms | ours × bakerydemo (req/s) | ours × bakerydemo (CPU) "
        "| ours × trivial (CPU) | bakerydemo × trivial (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts = []
    for name, (our_path, their_path) in pairs.items():
        o_rps, o_cpu = median(f"{name}|ours", "rps"), median(f"{name}|ours", "cpu_ms")
        t_rps, t_cpu = (median(f"{name}|bakerydemo", "rps"),
                        median(f"{name}|bakerydemo", "cpu_ms"))  # fmt: skip
        lines.append(
            f"| {name} ({our_path} / {their_path}) | {o_rps:,.0f} | {o_cpu:.1f} | {t_rps:,.0f} "
            f"| {t_cpu:.1f} | {o_rps / t_rps:.2f} | {t_cpu / o_cpu:.2f} "
            f"| {trivial_cpu / o_cpu:.3f} | {trivial_cpu / t_cpu:.3f} |"
        )
        verdicts.append((name, t_cpu / o_cpu))
    table = "\n".join(lines)
    print(table)
    (ROOT / "bench" / "bakerydemo-results.md").write_text(
        f"Measured by `make bench-bakerydemo` (server on core {SERVER_CORE}).\n\n{table}\n"
    )
    for name, ratio in verdicts:
        print(f"{'met   ' if ratio >= 1 else 'MISSED'} {name}: ours costs {1 / ratio:.2f}× "
              "bakerydemo's CPU per request")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
