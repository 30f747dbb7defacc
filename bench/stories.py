"""`make bench-stories`: the story index and search as the archive grows (issue 20).

For each database (SQLite, and PostgreSQL when it answers), the demo site is built once and its
archive grown to 16, 300 and 3,000 case stories per language (bench/grow_stories.py: every
added story holds the common word, one holds the rare word in its title). At each size a server
with the page cache off (the site cache on, as `make bench`'s "uncached" server) answers:

- the trivial view (/healthz) and an uncached story page, the baselines;
- the story index, unfiltered;
- site search for the common word (every story matches) and for the rare word (one does), in
  English and in Spanish, and the story index's `?q=` filter for the common word: the same URL
  again and again, as the readers a news story sends to search one word (a page of results is
  kept a minute in the site cache, as the index's listing is);
- the same searches with words and a page no request asked for before (bench/new_words.lua: the
  words in another mix of capitals, pages 1 to 250), which no cache answers: what a visitor who
  varies the words costs (the search rate limit bounds how often one address may);
- the story index with no listing kept either (`SITE_CACHE_SECONDS=0`).

Every figure is a ratio to the same run's baselines. The target (issue 20): search and the
index's `?q=` filter for the common word at 3,000 stories serve at least half the requests per
second of the story index.

    BENCH_STORIES=16,300,3000   the archive sizes
    BENCH_DATABASES=sqlite,postgresql   which databases, in that order
    BENCH_SECONDS=5             per URL
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/bench_stories   dropped and recreated
"""

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import sign  # bench/sign.py: fresh_postgres
from run import PY, ROOT, environment, free_port, gunicorn, page_paths, wait_for, wrk

SIZES = [int(n) for n in os.environ.get("BENCH_STORIES", "16,300,3000").split(",")]
DATABASES = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_stories")
TARGET = 0.5
COMMON = {"en": "police", "es": "polic%C3%ADa"}
RARE = {"en": "zephyrine", "es": "zefirina"}


def manage(env: dict, *command: str) -> None:
    subprocess.run([PY, "manage.py", *command], env=env, cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip


def urls(paths: dict[str, str], spanish: dict[str, str]) -> dict[str, str]:
    index = paths["storyindexpage"]
    es_index = spanish["storyindexpage"]  # /es/historias/ (/es/stories/ only redirects there)
    return {
        "trivial": "/healthz",
        "story page": paths["casestorypage"],
        "story index": index,
        "search, common word": f"/en/search/?q={COMMON['en']}",
        "search, rare word": f"/en/search/?q={RARE['en']}",
        "search, common word (es)": f"/es/search/?q={COMMON['es']}",
        "search, rare word (es)": f"/es/search/?q={RARE['es']}",
        "index ?q= common word": f"{index}?q={COMMON['en']}",
        "index ?q= common word (es)": f"{es_index}?q={COMMON['es']}",
    }


# Measured with bench/new_words.lua: every request's words and page are new.
NEW_WORDS_SCRIPT = Path(__file__).with_name("new_words.lua")
NEW_WORDS = {
    "search, common word, new words each time": "search, common word",
    "search, common word (es), new words each time": "search, common word (es)",
    "index ?q= common word, new words each time": "index ?q= common word",
}
TARGETS = ("search, common word", "search, common word (es)", "index ?q= common word",
           "index ?q= common word (es)")  # fmt: skip


def measure(label: str, database_url: str, workdir: Path) -> list[tuple]:
    env = {**environment(workdir), "DATABASE_URL": database_url}
    build = {**env, "DEBUG": "1"}  # the demo refuses DEBUG off; it is served with it off
    build.pop("TASKS_BACKEND", None)  # index updates queue, then the index is built once
    manage(env, "migrate", "--noinput", "-v0")
    manage(build, "demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    paths = urls(page_paths(env), page_paths(env, "es"))
    serving = {**env, "PAGE_CACHE_SECONDS": "0", "SEARCH_RATE_LIMIT_COUNT": "100000000"}
    rows = []
    for size in SIZES:
        print(f"{label}: growing the archive to {size} stories per language...", flush=True)
        subprocess.run([PY, "bench/grow_stories.py", str(size)], env=build, cwd=ROOT,
                       check=True)  # fmt: skip
        servers, figures = {}, {}
        try:
            ports = {"uncached": free_port(), "no listing cache": free_port()}
            servers["uncached"] = gunicorn(serving, ports["uncached"], workdir / "u.log")
            servers["no listing cache"] = gunicorn(
                {**serving, "SITE_CACHE_SECONDS": "0"}, ports["no listing cache"],
                workdir / "n.log",
            )  # fmt: skip
            for port in ports.values():
                wait_for(f"http://127.0.0.1:{port}/healthz")
            for name, path in paths.items():
                figures[name] = wrk(f"http://127.0.0.1:{ports['uncached']}{path}",
                                    servers["uncached"])  # fmt: skip
            for name, like in NEW_WORDS.items():
                url = f"http://127.0.0.1:{ports['uncached']}{paths[like]}"
                figures[name] = wrk(url, servers["uncached"], script=NEW_WORDS_SCRIPT)
            figures["story index, no listing cache"] = wrk(
                f"http://127.0.0.1:{ports['no listing cache']}{paths['story index']}",
                servers["no listing cache"],
            )
        finally:
            for server in servers.values():
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=10)
        rows.append((label, size, figures))
    return rows


def report(rows: list[tuple]) -> tuple[str, list]:
    lines = [
        "| database | stories | measure | requests/s | p50 ms | server CPU ms/request "
        "| × trivial view | × story page | × story index | target |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    checks = []
    for label, size, figures in rows:
        trivial, story = figures["trivial"]["rps"], figures["story page"]["rps"]
        index = figures["story index"]["rps"]
        for name, f in figures.items():
            to_index = f["rps"] / index
            target = ""
            if size == max(SIZES) and name in TARGETS:
                target = f"≥ {TARGET} × story index"
                checks.append((f"{label} {size}: {name}", to_index))
            lines.append(
                f"| {label} | {size:,} | {name} | {f['rps']:,.0f} | {f['p50']:.1f} "
                f"| {f['cpu_ms']:.2f} | {f['rps'] / trivial:.2f} | {f['rps'] / story:.2f} "
                f"| {to_index:.2f} | {target} |"
            )
    return "\n".join(lines), checks


def main() -> None:
    rows = []
    if "sqlite" in DATABASES:
        workdir = Path(tempfile.mkdtemp(prefix="bench-stories-sqlite-"))
        rows += measure("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", workdir)
    if "postgresql" in DATABASES:
        if sign.fresh_postgres(PG_URL):
            workdir = Path(tempfile.mkdtemp(prefix="bench-stories-pg-"))
            rows += measure("PostgreSQL", PG_URL, workdir)
        else:
            print("PostgreSQL did not answer: not measured", flush=True)
    table, checks = report(rows)
    print(table)
    (ROOT / "bench" / "stories-results.md").write_text(
        f"Measured by `make bench-stories` (bench/stories.py).\n\n{table}\n"
    )
    for name, ratio in checks:
        print(f"{'met   ' if ratio >= TARGET else 'MISSED'} {name}: {ratio:.2f} (target {TARGET})")


if __name__ == "__main__":
    sys.exit(main())
