"""`make bench`: serve the demo site with gunicorn (DEBUG off) and measure it with wrk.

Every figure is a ratio against a baseline measured in the same run on the same machine: a
trivial Django view (/healthz: the whole middleware stack, no database, no template), measured
before and after the pages (their mean is the baseline, their spread says how steady the machine
was), and nginx serving the home page's HTML as a static file (the physical limit). Server and
load generator are pinned to different cores.

Pages are measured three times: from the page cache ("cached"); from a second server with the
page cache off ("uncached": a visitor with a session, an editor, a filtered listing), where
Wagtail routes, checks and renders every request while the site cache answers for what only a
publish changes (site-wide data, the route and page row, stored fragments such as a story's
article: core/site_cache.py); and from a third server that keeps nothing between requests
("cold": the first visitor after a publish). Then the weight of every page type, the
peak memory of a worker, and the 200-concurrent-signers run of bench/sign.py (SQLite, and
PostgreSQL when it answers). Not a test: it prints one table (and writes bench/results.md) for
docs/performance.md.

    BENCH_SECONDS=5 BENCH_CONNECTIONS=16   per URL
    BENCH_SIGN=0                           skip the signers (they rebuild the demo per database)
    BENCH_DATABASE_URL=postgres://...      serve the pages from PostgreSQL instead of SQLite
"""

import gzip
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DURATION = os.environ.get("BENCH_SECONDS", "5")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
WEIGHT_BUDGET = 200 * 1024
SERVER_CORE, LOAD_CORE = "0", "1"
MEASURED = {
    "homepage": "home",
    "casestorypage": "story",
    "stateindexpage": "map",
    "petitionpage": "petition",
}
TARGETS = {"cached": 0.8, "story uncached": 0.25}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not start")


def server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU time used so far by a server: its master and its workers (user + system)."""
    pids = [str(server.pid)]
    pids += subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def wrk(url: str, server: subprocess.Popen, script: Path | None = None) -> dict:
    """Requests per second, latency percentiles and the server's CPU time per request, after a
    short warm-up; non-2xx responses make the run fail.

    Requests per second is what the targets are written in, and what other processes on the
    machine disturb most; CPU milliseconds per request, read from /proc, hardly move with them.
    `script`: a wrk Lua script that writes each request (bench/new_words.lua).
    """
    scripted = ["-s", str(script)] if script else []
    subprocess.run(
        ["taskset", "-c", LOAD_CORE, "wrk", *scripted, "-t1", "-c4", "-d1s", url],
        capture_output=True,
        check=True,
    )
    cpu_before = server_cpu_seconds(server)
    out = subprocess.run(
        ["taskset", "-c", LOAD_CORE, "wrk", *scripted, "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s",
         "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    cpu = server_cpu_seconds(server) - cpu_before
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered errors under load:\n{out}")

    def percentile(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": percentile("50"),
        "p99": percentile("99"),
        "cpu_ms": 1000 * cpu / max(requests, 1),
    }


def gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        ["taskset", "-c", SERVER_CORE, PY, "-m", "gunicorn", "config.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "1",
         "--access-logfile", "/dev/null"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("w"),
        start_new_session=True,
    )  # fmt: skip


def peak_memory_kib(server: subprocess.Popen) -> list[int]:
    """VmHWM (peak resident memory) of each gunicorn worker (the master's children)."""
    children = subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    # taskset execs gunicorn in place, so the master is server.pid itself.
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)))
    return peaks


def nginx(html: bytes, workdir: Path, port: int) -> subprocess.Popen:
    # nginx's workers drop root privileges: the files must be world-readable.
    workdir.chmod(0o755)
    (workdir / "www").mkdir(mode=0o755)
    (workdir / "www" / "index.html").write_bytes(html)
    (workdir / "www" / "index.html").chmod(0o644)
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""
        daemon off; worker_processes 1; pid {workdir}/nginx.pid; error_log {workdir}/nginx.err;
        events {{ worker_connections 1024; }}
        http {{ access_log off; server {{ listen 127.0.0.1:{port}; root {workdir}/www; }} }}
        """
    )
    return subprocess.Popen(
        ["taskset", "-c", SERVER_CORE, "nginx", "-c", str(conf), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def fetch(url: str, compressed: bool = False) -> tuple[bytes, dict]:
    headers = {"Accept-Encoding": "gzip, br"} if compressed else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read(), dict(response.headers)


def page_weight(base: str, path: str) -> tuple[int, int]:
    """HTML + the stylesheets and scripts it links (photos excluded), in bytes: as served, and
    as sent to a browser that accepts compression (whitenoise's precompressed files; the HTML
    gzipped as a CDN or proxy would)."""
    html, _headers = fetch(base + path)
    raw, sent = len(html), len(gzip.compress(html))
    for asset in set(re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)):
        body, _headers = fetch(base + asset.decode())
        packed, _headers = fetch(base + asset.decode(), compressed=True)
        raw += len(body)
        sent += len(packed)
    return raw, sent


def check_modes(cached: str, uncached: str, path: str) -> None:
    """The cached server answers from the page cache (each worker fills its own local-memory
    cache, so a hit may take a few requests), the uncached one never does."""
    if not any(fetch(cached + path)[1].get("X-Page-Cache") == "hit" for _ in range(10)):
        raise SystemExit(f"{path}: the cached server did not serve it from the page cache")
    if any("X-Page-Cache" in fetch(uncached + path)[1] for _ in range(4)):
        raise SystemExit(f"{path}: the uncached server used the page cache")


def environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
        ),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "LOG_LEVEL": "WARNING",
    }


def page_paths(env: dict, language: str = "en") -> dict[str, str]:
    """{model: path} of one page per page type in `language`, from the demo content."""
    listing = subprocess.run(
        [PY, "manage.py", "check_pages", "--list-types"],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    paths = {}
    for line in listing.splitlines():
        model, path = line.split(" ", 1)
        if path.startswith(f"/{language}/"):
            paths[model] = path
    return paths


def build_demo_site(env: dict) -> None:
    """Migrate, build the demo and collect the static files into the database and folder `env`
    names, as a deployment would before serving."""
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        # The demo refuses DEBUG off (production); the site it builds is then served with it off.
        subprocess.run(
            [PY, "manage.py", *command],
            env={**env, "DEBUG": "1"} if command == ["demo"] else env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def measure_pages(workdir: Path) -> dict:
    env = environment(workdir)
    build_demo_site(env)
    paths = page_paths(env)
    measured = {MEASURED[model]: path for model, path in paths.items() if model in MEASURED}

    cached_port, uncached_port, nginx_port = free_port(), free_port(), free_port()
    cold_port = free_port()
    servers = {
        "cached": gunicorn(env, cached_port, workdir / "cached.log"),
        "uncached": gunicorn(
            {**env, "PAGE_CACHE_SECONDS": "0"}, uncached_port, workdir / "uncached.log"
        ),
        # Nothing kept between requests: what the first visitor after a publish costs.
        "cold": gunicorn(
            {**env, "PAGE_CACHE_SECONDS": "0", "SITE_CACHE_SECONDS": "0"},
            cold_port,
            workdir / "cold.log",
        ),
    }
    cached, uncached = f"http://127.0.0.1:{cached_port}", f"http://127.0.0.1:{uncached_port}"
    cold = f"http://127.0.0.1:{cold_port}"
    static = f"http://127.0.0.1:{nginx_port}/"
    try:
        wait_for(cached + "/healthz")
        wait_for(uncached + "/healthz")
        wait_for(cold + "/healthz")
        servers["nginx"] = nginx(fetch(uncached + "/en/")[0], workdir, nginx_port)
        wait_for(static)
        for path in measured.values():
            check_modes(cached, uncached, path)

        on_cached, on_uncached = servers["cached"], servers["uncached"]
        rows = {
            "trivial (before)": wrk(cached + "/healthz", on_cached),
            "nginx": wrk(static, servers["nginx"]),
        }
        for name, path in measured.items():
            rows[f"{name} cached"] = wrk(cached + path, on_cached)
            rows[f"{name} uncached"] = wrk(uncached + path, on_uncached)
            rows[f"{name} cold"] = wrk(cold + path, servers["cold"])
        rows["trivial (after)"] = wrk(cached + "/healthz", on_cached)
        weights = {model: (path, *page_weight(uncached, path)) for model, path in paths.items()}
        memory = {name: peak_memory_kib(servers[name]) for name in ("cached", "uncached")}
    finally:
        for server in servers.values():
            try:
                os.killpg(server.pid, signal.SIGTERM)  # gunicorn's master and its workers
            except (ProcessLookupError, PermissionError):
                server.terminate()
        for server in servers.values():
            server.wait(timeout=10)
    return {"rows": rows, "paths": measured, "weights": weights, "memory": memory}


def measure_signers() -> list[dict]:
    import sign  # bench/sign.py: 200 people sign at once, per database

    results = []
    for label in ("sqlite", "postgres"):
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-sign-{label}-"))
        if label == "sqlite":
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            url = sign.PG_URL
            if not sign.fresh_postgres(url):
                continue
        print(f"signers on {label}...", flush=True)
        results.append(sign.run(label, url, workdir))
    return results


def report(pages: dict, signers: list[dict], load: tuple[tuple, tuple]) -> tuple[str, list]:
    rows = pages["rows"]
    before, after = rows["trivial (before)"], rows["trivial (after)"]
    trivial = (before["rps"] + after["rps"]) / 2
    trivial_cpu = (before["cpu_ms"] + after["cpu_ms"]) / 2
    nginx_rps = rows["nginx"]["rps"]
    lines = [
        f"Load average (1, 5, 15 min): {load[0][0]:.2f} {load[0][1]:.2f} {load[0][2]:.2f} at the "
        f"start, {load[1][0]:.2f} {load[1][1]:.2f} {load[1][2]:.2f} at the end. Trivial view "
        f"{before['rps']:,.0f} req/s before the pages and {after['rps']:,.0f} after "
        f"({abs(before['rps'] - after['rps']) / trivial:.0%} apart: the larger, the noisier the "
        "throughput ratios; the CPU ratios hold better on a busy machine).",
        "",
        "| measure | requests/s | p50 ms | p99 ms | server CPU ms/request | × trivial view "
        "| × trivial (CPU) | × nginx | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    checks = []
    for name, figures in rows.items():
        ratio = figures["rps"] / trivial
        cpu_ratio = trivial_cpu / figures["cpu_ms"] if figures["cpu_ms"] else 0.0
        target = TARGETS["cached"] if name.endswith(" cached") else TARGETS.get(name)
        if target:
            checks.append((f"{name} (CPU ratio {cpu_ratio:.2f})", ratio, target))
        label = name
        page = name.rsplit(" ", 1)[0]
        if page in pages["paths"]:
            label = f"{name} ({pages['paths'][page]})"
        elif name.startswith("trivial"):
            label = f"trivial Django view /healthz {name.split(' ', 1)[1]}"
        elif name == "nginx":
            label = "nginx, the home page's HTML as a file"
        lines.append(
            f"| {label} | {figures['rps']:,.0f} | {figures['p50']:.1f} | {figures['p99']:.1f} "
            f"| {figures['cpu_ms']:.2f} | {ratio:.2f} | {cpu_ratio:.2f} "
            f"| {figures['rps'] / nginx_rps:.3f} | {f'≥ {target}' if target else ''} |"
        )
    for r in signers:
        errors = sum(n for status, n in r["statuses"].items() if status != 302)
        errors += sum(n for status, n in r["same_statuses"].items() if status != 302)
        exact = (
            r["rows"] == sign_count()
            and r["count_after"] - r["count_before"] == sign_count()
            and not errors
            and not r["locked"]
            and r["same_rows"] == 1
        )
        checks.append((f"{r['database']} signers saved once, count exact, no errors", exact, True))
        lines.append(
            f"| {sign_count()} signers at once, {r['database']}: {r['rows']} saved, count "
            f"+{r['count_after'] - r['count_before']}, {errors} errors, {r['locked']} locked, "
            f"one address ×{sum(r['same_statuses'].values())} → {r['same_rows']} row "
            f"| {r['per_second']:,.0f} signatures/s | | | "
            f"| {r['per_second'] / trivial:.2f} | | | every one saved once |"
        )
    lines += ["", "| page type (before photos) | path | bytes | compressed | budget |"]
    lines.append("|---|---|---:|---:|---|")
    for model, (path, raw, sent) in pages["weights"].items():
        ok = raw < WEIGHT_BUDGET
        checks.append((f"{model} under 200 KB before photos", ok, True))
        lines.append(
            f"| {model} | {path} | {raw:,} | {sent:,} | {'ok' if ok else 'OVER'} < 200 KB |"
        )
    lines.append("")
    for name, peaks in pages["memory"].items():
        lines.append(
            f"Peak resident memory per gunicorn worker ({name} server): "
            + ", ".join(f"{kib / 1024:.0f} MiB" for kib in peaks)
        )
    return "\n".join(lines), checks


def sign_count() -> int:
    return int(os.environ.get("BENCH_SIGNERS", "200"))


def main() -> None:
    for tool in ("wrk", "nginx", "taskset"):
        if shutil.which(tool) is None:
            raise SystemExit(
                f"{tool} is missing: run `make bench` (it installs wrk and nginx-light)"
            )
    load_start = os.getloadavg()
    print(f"load average at the start: {load_start}; serving the demo site...", flush=True)
    pages = measure_pages(Path(tempfile.mkdtemp(prefix="bench-")))
    signers = measure_signers() if os.environ.get("BENCH_SIGN", "1") != "0" else []
    table, checks = report(pages, signers, (load_start, os.getloadavg()))
    print(table)
    (ROOT / "bench" / "results.md").write_text(
        f"Measured by `make bench` ({DURATION}s per URL, {CONNECTIONS} connections, server on "
        f"core {SERVER_CORE}, wrk on core {LOAD_CORE}).\n\n{table}\n"
    )
    for name, value, target in checks:
        met = value >= target if isinstance(target, float) else value == target
        shown = f": {value:.2f} (target {target})" if isinstance(target, float) else ""
        print(f"{'met   ' if met else 'MISSED'} {name}{shown}")


if __name__ == "__main__":
    main()
