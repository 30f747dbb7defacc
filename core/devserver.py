"""`make run`: the development server and a task worker together (`manage.py develop`).

What a newcomer sees: the site's and the admin's addresses after the server's own start-up lines,
again each time it restarts on a code change; a line per email from the worker, not two per
task; and Ctrl-C stops both and returns 0.

Ctrl-C reaches every process in the terminal's foreground group, `make` included, and make dies
of it whatever its recipe returns. So, in a terminal, the supervisor moves itself and its
children into a group of their own and gives that group the terminal (as a shell does for a
job), then hands the terminal back before it exits. Pure Python, no Django: tests drive it with
stand-in commands.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

# runserver prints this last when it has started, and again after each reload; the worker
# (django-tasks-db) prints WORKER_READY when it starts taking tasks.
SERVER_READY = "Quit the server with"
WORKER_READY = "Starting worker"
# The first banner waits for the worker's start-up lines, but never longer than this.
WORKER_READY_WAIT_SECONDS = 20.0
WORKER_RESTART_PAUSE = 2.0
STOP_GRACE_SECONDS = 10.0
QUIET_SECONDS = 1.5


class _Terminal:
    """The terminal's foreground group, taken for our own group and given back."""

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno() if sys.stdin is not None and sys.stdin.isatty() else None
        self.previous_group: int | None = None

    @property
    def owned(self) -> bool:
        """Whether our group has the terminal, so that Ctrl-C reaches the children too."""
        return self.previous_group is not None

    def take(self) -> None:
        if self.fd is None:
            return
        try:
            self.previous_group = os.tcgetpgrp(self.fd)
            os.setpgid(0, 0)
            self._set_foreground(os.getpgrp())
        except OSError:
            self.previous_group = None  # no job control here; Ctrl-C still stops everything

    def give_back(self) -> None:
        if self.fd is not None and self.previous_group is not None:
            with contextlib.suppress(OSError):
                self._set_foreground(self.previous_group)

    def _set_foreground(self, group: int) -> None:
        # A background group that changes the terminal's owner is sent SIGTTOU: ignore it.
        previous = signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        try:
            os.tcsetpgrp(self.fd, group)
        finally:
            signal.signal(signal.SIGTTOU, previous)


class _Screen:
    """The children's output, line by line, with the banner written once the server has said
    it is ready and QUIET_SECONDS pass without another line: last on the screen, each time."""

    def __init__(self, banner: str, worker_ready: str) -> None:
        self.banner = banner
        self.worker_ready = worker_ready
        self.lock = threading.Lock()
        self.banner_due = False
        self.worker_started = False
        self.started = time.monotonic()
        self.last_line = self.started

    def relay(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            with self.lock:
                sys.stdout.write(line)
                sys.stdout.flush()
                self.last_line = time.monotonic()
                if SERVER_READY in line:
                    self.banner_due = True
                if self.worker_ready in line:
                    self.worker_started = True

    def show_banner_when_quiet(self, stopping: threading.Event) -> None:
        while not stopping.wait(0.2):
            with self.lock:
                now = time.monotonic()
                waited_for_worker = (
                    self.worker_started or now - self.started >= WORKER_READY_WAIT_SECONDS
                )
                if self.banner_due and waited_for_worker and now - self.last_line >= QUIET_SECONDS:
                    sys.stdout.write(self.banner)
                    sys.stdout.flush()
                    self.banner_due = False


def _stop(processes: Sequence[subprocess.Popen], already_interrupted: bool) -> None:
    """Stop the children: Ctrl-C in the terminal has reached them already; otherwise they are
    sent SIGTERM (which the server and the worker take as calmly as Ctrl-C, and which a
    process started in the background does not ignore). One still running after
    STOP_GRACE_SECONDS is killed."""
    if not already_interrupted:
        for process in processes:
            if process.poll() is None:
                process.terminate()
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def supervise(
    server: Sequence[str],
    worker: Sequence[str],
    banner: str,
    before_worker: Sequence[str] = (),
    worker_ready: str = WORKER_READY,
) -> int:
    """Run `server` (its output relayed, with `banner` after each start, once the worker has
    printed `worker_ready`) and `worker` (started again after WORKER_RESTART_PAUSE if it
    stops, `before_worker` run first each time) until Ctrl-C or the server exits; returns 0 on Ctrl-C, else the server's code."""
    terminal = _Terminal()
    terminal.take()
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    piped = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True, "bufsize": 1}
    screen = _Screen(banner, worker_ready)
    children: list[subprocess.Popen] = []
    stopping = threading.Event()

    def keep_worker_running() -> None:
        while not stopping.is_set():
            if before_worker:
                subprocess.run(before_worker, env=environment, check=False)  # noqa: S603 (our commands)
            if stopping.is_set():
                return
            process = subprocess.Popen(worker, env=environment, **piped)  # noqa: S603
            children.append(process)
            threading.Thread(target=screen.relay, args=(process,), daemon=True).start()
            code = process.wait()
            if stopping.is_set():
                return
            print(f"The task worker stopped (exit {code}); starting it again.", flush=True)
            stopping.wait(WORKER_RESTART_PAUSE)

    try:
        threading.Thread(target=keep_worker_running, daemon=True).start()
        server_process = subprocess.Popen(server, env=environment, **piped)  # noqa: S603
        children.append(server_process)
        relay = threading.Thread(target=screen.relay, args=(server_process,), daemon=True)
        relay.start()
        threading.Thread(
            target=screen.show_banner_when_quiet, args=(stopping,), daemon=True
        ).start()
        interrupted = False
        try:
            code = server_process.wait()
        except KeyboardInterrupt:
            code, interrupted = 0, True
        stopping.set()
        _stop(children, already_interrupted=interrupted and terminal.owned)
        relay.join(timeout=2)
        if code == 0:
            print("\nStopped the server and the task worker.", flush=True)
        return code
    except KeyboardInterrupt:
        stopping.set()
        _stop(children, already_interrupted=terminal.owned)
        return 0
    finally:
        terminal.give_back()
