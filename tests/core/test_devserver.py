"""`make run` (core/devserver.py, issue 24): the site's and admin's addresses are the last thing
on the screen after each start of the server, a stopped worker is started again, and Ctrl-C in
a terminal stops everything and exits 0, through `make` too. Driven in a pseudo-terminal with
stand-in commands (a real server and worker would take seconds to start)."""

import logging
import os
import pty
import select
import signal
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from core.devserver import supervise
from core.management.commands import develop
from core.management.commands.task_worker import Command

ROOT = Path(__file__).resolve().parents[2]
BANNER = "\n  Site:  http://127.0.0.1:1/en/\n"

# A server that starts, "reloads" once (saying it is ready each time) and waits for Ctrl-C.
SERVER = textwrap.dedent(
    """
    import time
    for _ in range(2):
        print("Starting development server", flush=True)
        print("Quit the server with CONTROL-C.", flush=True)
        time.sleep(1.2)
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        print("server stopped", flush=True)
    """
)
# A worker that dies the first time (as one losing its database might) and then stays up.
WORKER = textwrap.dedent(
    """
    import pathlib, sys, time
    marker = pathlib.Path(sys.argv[1])
    if not marker.exists():
        marker.write_text("1")
        print("worker crashed", flush=True)
        sys.exit(1)
    print("worker up", flush=True)
    try:
        time.sleep(60)
    except KeyboardInterrupt:
        print("worker stopped", flush=True)
    """
)


def supervisor_script(tmp_path: Path) -> Path:
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(ROOT)!r})
            import core.devserver as devserver
            devserver.WORKER_RESTART_PAUSE = 0.2
            devserver.QUIET_SECONDS = 0.5
            code = devserver.supervise(
                server=[sys.executable, "-c", {SERVER!r}],
                worker=[sys.executable, "-c", {WORKER!r}, {str(tmp_path / "crashed")!r}],
                banner={BANNER!r},
                worker_ready="worker up",
            )
            sys.exit(code)
            """
        )
    )
    return script


def in_a_terminal(argv: list[str], cwd: Path, ctrl_c_after: float) -> tuple[int, str]:
    """Run argv in a pseudo-terminal, press Ctrl-C after `ctrl_c_after` s; (exit code, output)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes argv, in a terminal as a person's shell would start it
        os.chdir(cwd)
        # pytest-xdist's workers ignore SIGINT, and an ignored signal stays ignored across exec;
        # `make test` passes its MAKEFLAGS down. A shell in a terminal has neither.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKE_TERMOUT", "MAKE_TERMERR"):
            os.environ.pop(name, None)
        os.execvp(argv[0], argv)  # noqa: S606 (a test's own command line)
    output = bytearray()

    def read_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                output.extend(chunk)

    read_for(ctrl_c_after)
    os.write(fd, b"\x03")
    read_for(4)
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_ctrl_c_stops_the_server_and_worker_and_exits_0(tmp_path):
    code, screen = in_a_terminal([sys.executable, str(supervisor_script(tmp_path))], tmp_path, 5)
    assert code == 0, screen
    assert "worker crashed" in screen and "worker up" in screen  # started again
    assert "starting it again" in screen
    # The banner after each start of the server, once its output has gone quiet.
    assert screen.count("Site:  http://127.0.0.1:1/en/") == 2
    last_words = screen.rsplit("Quit the server with CONTROL-C.", 1)[1]
    assert "Site:" in last_words
    assert screen.index("worker up") < screen.index("Site:")  # after the worker's start too
    assert "server stopped" in screen and "worker stopped" in screen
    assert "Stopped the server and the task worker." in screen


def test_through_make_ctrl_c_exits_0_without_an_error(tmp_path):
    """make dies of a Ctrl-C that reaches it: the supervisor takes the terminal for its own
    process group, so that only it and its children get it."""
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"run:\n\t@{sys.executable} {supervisor_script(tmp_path)}\n")
    code, screen = in_a_terminal(["make", "-f", str(makefile), "run"], tmp_path, 3)
    assert code == 0, screen
    assert "make:" not in screen and "Stopped the server and the task worker." in screen


def test_without_a_terminal_the_servers_exit_code_is_returned(tmp_path):
    worker_log = tmp_path / "worker.log"
    code = supervise(
        server=[sys.executable, "-c", "import sys, time; time.sleep(0.5); sys.exit(3)"],
        worker=[
            sys.executable,
            "-c",
            f"import time, pathlib; pathlib.Path({str(worker_log)!r}).write_text('up'); "
            "time.sleep(60)",
        ],
        banner=BANNER,
    )
    assert code == 3
    assert worker_log.read_text() == "up"  # the worker ran, and was stopped with the server


def test_make_run_starts_the_supervisor():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun: demo\n", 1)[1].split("\n\n", 1)[0]
    assert "manage.py develop --port $(PORT)" in recipe


def test_the_worker_logs_failures_not_every_task_at_the_default_verbosity():
    command = Command()
    command.configure_logging(1)
    assert logging.getLogger("django_tasks").getEffectiveLevel() == logging.WARNING
    command.configure_logging(2)
    assert logging.getLogger("django_tasks").getEffectiveLevel() == logging.DEBUG
    command.configure_logging(1)


def test_manage_py_develop_supervises_the_server_and_worker_on_the_port_given(monkeypatch):
    started = {}

    def record(**commands):
        started.update(commands)
        return 3  # as if the server could not start

    monkeypatch.setattr(develop, "supervise", record)
    with pytest.raises(SystemExit) as exited:
        call_command("develop", "--port", "8123")
    assert exited.value.code == 3
    manage = [sys.executable, str(ROOT / "manage.py")]
    assert started["server"] == [*manage, "runserver", "127.0.0.1:8123"]
    assert started["worker"] == [*manage, "task_worker"]
    assert started["before_worker"] == [*manage, "outbox_flush"]
    assert "Site:  http://127.0.0.1:8123/en/  and  http://127.0.0.1:8123/es/" in started["banner"]
    assert "Admin: http://127.0.0.1:8123/admin/  (demo login: " in started["banner"]
