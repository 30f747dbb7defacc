"""`manage.py task_worker` outlives a database connection cut while a task runs (the stack check,
bench/stack_check.py, does it for real with pg_terminate_backend)."""

import pytest
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker

from core.management.commands import task_worker


def make_worker() -> task_worker.ResilientWorker:
    return task_worker.ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


@pytest.fixture
def cut_once(monkeypatch):
    """db_worker's loop fails once as a cut connection makes it fail, then finishes."""
    runs = []

    def run(self):
        runs.append(self.running)
        if len(runs) == 1:
            self.running_task = True
            raise OperationalError("terminating connection due to administrator command")
        return "finished"

    monkeypatch.setattr(db_worker.Worker, "run", run)
    monkeypatch.setattr(task_worker, "RECONNECT_PAUSE_SECONDS", 0)
    return runs


def test_the_worker_carries_on_after_its_connection_is_cut_mid_task(cut_once, caplog):
    worker = make_worker()
    assert worker.run() == "finished"
    assert len(cut_once) == 2
    assert worker.running_task is False
    assert "lost its database connection" in caplog.text


def test_a_worker_asked_to_stop_does_not_start_again(cut_once):
    worker = make_worker()
    worker.running = False  # Ctrl-C or SIGTERM came first
    with pytest.raises(OperationalError):
        worker.run()
    assert len(cut_once) == 1
