"""`make bench`: serve the demo site with gunicorn (DEBUG off) and measure it with wrk.

Every figure is a ratio against a baseline measured in the same run on the same machine: a
trivial Django view (/healthz, no database, no template) and nginx serving the same HTML as a
static file (the physical limit). Server and load generator are pinned to different cores.
Not a test: it prints a table (and writes bench/results.md) for docs/performance.md.
"""

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


def wrk(url: str) -> float:
    """Requests per second, after a short warm-up; non-2xx responses make the run fail."""
    subprocess.run(
        ["taskset", "-c", LOAD_CORE, "wrk", "-t1", "-c4", "-d1s", url],
        capture_output=True,
        check=True,
    )
    out = subprocess.run(
        ["taskset", "-c", LOAD_CORE, "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{url} answered errors under load:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def gunicorn(env: dict, port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            "taskset",
            "-c",
            SERVER_CORE,
            PY,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "1",
            "--access-logfile",
            "/dev/null",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,
    )


def peak_memory_kib(server: subprocess.Popen) -> int:
    """Largest VmHWM among the gunicorn workers (children of the master)."""
    peaks = []
    for pid in subprocess.run(
        ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
    ).stdout.split():
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)))
    return max(peaks, default=0)


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


def page_weight(base: str, path: str) -> int:
    """HTML + the stylesheets and scripts it links (photos excluded), in bytes."""
    html = urllib.request.urlopen(base + path).read()
    total = len(html)
    for asset in set(re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)):
        total += len(urllib.request.urlopen(base + asset.decode()).read())
    return total


def main() -> None:
    for tool in ("wrk", "nginx", "taskset"):
        if shutil.which(tool) is None:
            raise SystemExit(
                f"{tool} is missing: run `make bench` (it installs wrk and nginx-light)"
            )
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    env = {
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
    manage = [PY, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True)
    listing = subprocess.run(
        [*manage, "check_pages", "--list-types"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    measured = ("homepage", "casestorypage", "stateindexpage", "petitionpage")
    paths = {}
    for line in listing.splitlines():
        model, path = line.split(" ", 1)
        if model in measured and path.startswith("/en/"):
            paths[model] = path

    cached_port, uncached_port, nginx_port = free_port(), free_port(), free_port()
    servers = [
        gunicorn(env, cached_port, workdir / "cached.log"),
        gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, uncached_port, workdir / "uncached.log"),
    ]
    cached, uncached = f"http://127.0.0.1:{cached_port}", f"http://127.0.0.1:{uncached_port}"
    try:
        wait_for(cached + "/healthz")
        wait_for(uncached + "/healthz")
        home_html = urllib.request.urlopen(uncached + "/en/").read()
        servers.append(nginx(home_html, workdir, nginx_port))
        wait_for(f"http://127.0.0.1:{nginx_port}/index.html")

        rows = []
        trivial = wrk(cached + "/healthz")
        static = wrk(f"http://127.0.0.1:{nginx_port}/")
        rows.append(("trivial Django view (/healthz)", trivial))
        rows.append(("nginx, home page HTML as a file", static))
        for model, path in paths.items():
            rows.append((f"{model} {path} cached", wrk(cached + path)))
            rows.append((f"{model} {path} uncached", wrk(uncached + path)))
        weights = {path: page_weight(uncached, path) for path in paths.values()}
        memory = max(peak_memory_kib(servers[0]), peak_memory_kib(servers[1]))
    finally:
        for server in servers:
            try:
                os.killpg(server.pid, signal.SIGTERM)  # gunicorn's master and its workers
            except (ProcessLookupError, PermissionError):
                server.terminate()
        for server in servers:
            server.wait(timeout=10)

    lines = [
        "| measure | requests/s | × trivial view | × nginx |",
        "|---|---:|---:|---:|",
    ]
    for name, rps in rows:
        lines.append(f"| {name} | {rps:,.0f} | {rps / trivial:.2f} | {rps / static:.3f} |")
    lines.append("")
    lines.append("| page (before photos) | bytes | budget |")
    lines.append("|---|---:|---:|")
    for path, size in weights.items():
        lines.append(f"| {path} | {size:,} | {'ok' if size < WEIGHT_BUDGET else 'OVER'} 200 KB |")
    lines.append("")
    lines.append(f"Peak resident memory of one gunicorn worker: {memory / 1024:.0f} MiB")
    table = "\n".join(lines)
    print(table)
    (ROOT / "bench" / "results.md").write_text(
        f"Measured by `make bench` ({DURATION}s per URL, {CONNECTIONS} connections, server on core "
        f"{SERVER_CORE}, wrk on core {LOAD_CORE}).\n\n{table}\n"
    )
    ratio = {name: rps / trivial for name, rps in rows}
    checks = []
    for model, path in paths.items():
        checks.append(
            (f"{model} cached >= 0.8 × trivial view", ratio[f"{model} {path} cached"], 0.8)
        )
    if "casestorypage" in paths:
        story = ratio[f"casestorypage {paths['casestorypage']} uncached"]
        checks.append(("story uncached >= 0.25 × trivial view", story, 0.25))
    for name, value, target in checks:
        print(f"{'met   ' if value >= target else 'MISSED'} {name}: {value:.2f}")
    over = [path for path, size in weights.items() if size >= WEIGHT_BUDGET]
    print("met    every page under 200 KB before photos" if not over else f"MISSED weight: {over}")


if __name__ == "__main__":
    main()
