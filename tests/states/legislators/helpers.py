"""Helpers for the legislator import tests: the public data in ../shared/data (never committed),
running the command, and reading and writing the publishers' YAML."""

import io
from pathlib import Path

import yaml
from django.core.management import call_command

from states.importer import FILE_NAMES
from tests.helpers import shared_data_folder


def find_shared_data() -> Path | None:
    return shared_data_folder(*FILE_NAMES)


def run_import(*args: str) -> str:
    out = io.StringIO()
    call_command("import_legislators", *args, stdout=out)
    return out.getvalue()


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def dump_yaml(path: Path, data) -> None:
    path.write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
