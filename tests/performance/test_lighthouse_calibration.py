"""The CPU slowdown test_lighthouse.py gives a host slower than Lighthouse's reference: the points
of Lighthouse's own calibration table, and never a harsher phone than the default."""

import pytest

from tests.performance.test_lighthouse import DEFAULT_SLOWDOWN, calibrated_slowdown


@pytest.mark.parametrize(
    ("benchmark_index", "slowdown"),
    [(150, 1.0), (800, 2.0), (1050, 2.5), (1300, 3.0), (1533, 4.0), (2500, 4.0), (60, 1.0)],
)
def test_slowdown_follows_lighthouses_calibration(benchmark_index, slowdown):
    assert calibrated_slowdown(benchmark_index) == slowdown


def test_a_fast_or_unmeasured_host_keeps_the_default_phone():
    assert calibrated_slowdown(10_000) == calibrated_slowdown(float("inf")) == DEFAULT_SLOWDOWN
