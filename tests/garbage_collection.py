"""Python's garbage collector, tuned for the test processes and for the processes they start
(the browser tests' servers and site, the migrated database).

By default Python looks for reference cycles after every 700 new objects, and every so often
it goes through every object that is still alive. A test process holds Django, Wagtail and the
whole suite, millions of objects, and its tests make model instances, forms and templates by
the thousand. On 744 tests of four folders the collector took 13% of the test processes' CPU
(9.3 and 6.7 s of about 62 s each); with the thresholds below, and the objects alive once Django
is set up and the tests are collected set aside (`gc.freeze`), it took 1.7 s each. Migrating a
fresh database took 20.3 s instead of 24.2 s. Memory stays bounded: a collection still runs
after every 50,000 new objects. Production keeps Python's defaults; nothing here is imported
by the site.

`python -m tests.garbage_collection COMMAND [ARGS]` runs a manage.py command this way."""

import gc
import os
import sys

# The youngest generation is collected after 50,000 new objects instead of 700; a full
# collection follows 100 collections of the middle one instead of 10.
THRESHOLDS = (50_000, 20, 100)


def tune() -> None:
    gc.set_threshold(*THRESHOLDS)


def set_aside() -> None:
    """Leave the objects alive now (the loaded code, the settings, the collected tests) out of
    every later collection: they live as long as the process."""
    gc.collect()
    gc.freeze()


if __name__ == "__main__":
    tune()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    set_aside()
    execute_from_command_line(["manage.py", *sys.argv[1:]])
