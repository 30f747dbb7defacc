"""`manage.py develop [--port 8000]`: the development server and a task worker together, as
`make run` starts them (core/devserver.py says what a newcomer sees and why)."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.devserver import supervise


class Command(BaseCommand):
    help = "Run the development server and a task worker until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port: int, **options):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        address = f"http://127.0.0.1:{port}"
        languages = "  and  ".join(f"{address}/{code}/" for code, _name in settings.LANGUAGES)
        login = f"  (demo login: {settings.DEMO_ADMIN_USERNAME} / {settings.DEMO_ADMIN_PASSWORD})"
        banner = f"\n  Site:  {languages}\n  Admin: {address}/admin/{login}\n\n"
        code = supervise(
            server=[*manage, "runserver", f"127.0.0.1:{port}"],
            worker=[*manage, "task_worker"],
            before_worker=[*manage, "outbox_flush"],
            banner=banner,
        )
        if code:
            sys.exit(code)
