"""/health turns measured lag into a status ops can alert on."""

from __future__ import annotations

from ringfence.streams.ops.lag import PartitionLag
from ringfence.streams.ops.web import health_report


def test_status_is_unknown_before_the_first_measurement() -> None:
    assert health_report(None, 10)["status"] == "unknown"


def test_status_is_lagging_above_the_threshold() -> None:
    lags = [
        PartitionLag("t", 0, end_offset=50, committed=45),
        PartitionLag("t", 1, end_offset=20, committed=None),
    ]
    report = health_report(lags, alert_at=10)
    assert report["status"] == "lagging" and report["max_lag"] == 20
    assert health_report(lags, alert_at=20)["status"] == "ok"
