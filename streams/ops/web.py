"""Ops endpoints on the worker's web server: /health (with lag) and Prometheus /metrics."""

from __future__ import annotations

import logging
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ringfence.streams.ops import metrics
from ringfence.streams.ops.lag import PartitionLag, measure_lag
from ringfence.streams.settings import StreamSettings

log = logging.getLogger("ringfence.ops")


def health_report(lags: list[PartitionLag] | None, alert_at: int) -> dict[str, Any]:
    """``ok``, ``lagging`` (some partition over ``alert_at``) or ``unknown`` (not measured yet)."""
    if lags is None:
        return {"status": "unknown", "max_lag": None, "partitions": []}
    worst = max((item.lag for item in lags), default=0)
    return {
        "status": "lagging" if worst > alert_at else "ok",
        "max_lag": worst,
        "partitions": [{"topic": i.topic, "partition": i.partition, "lag": i.lag} for i in lags],
    }


def wire_web(app: faust.App, settings: StreamSettings) -> None:
    latest: dict[str, list[PartitionLag]] = {}

    @app.timer(interval=settings.lag_interval_s)  # type: ignore[untyped-decorator]
    async def measure() -> None:
        try:
            lags = await measure_lag(settings)
        except Exception as error:  # noqa: BLE001 - a failed measurement must not stop the worker
            log.warning("lag measurement failed: %s", type(error).__name__)
            return
        latest["lags"] = lags
        for item in lags:
            metrics.CONSUMER_LAG.labels(topic=item.topic, partition=str(item.partition)).set(
                item.lag
            )

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        # aiohttp refuses a charset inside content_type, so the full header goes in headers.
        return web.bytes(generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    @app.page("/health")
    async def health_page(web: Any, request: Any) -> Any:
        report = health_report(latest.get("lags"), settings.lag_alert_messages)
        return web.json({"app": app.conf.id, **report})
