"""Production settings (DEBUG=0, from the environment) for the live Observatory scan in
test_observatory_live.py; only the static files go to a temporary folder."""

import os

from config.settings.base import *  # noqa: F403

STATIC_ROOT = os.environ["LIVE_STATIC_ROOT"]
