"""Read output topics from the beginning and wait for what a test expects."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer

from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import AUDIT


async def read_all(settings: StreamSettings, topic: str, idle_s: float = 1.0) -> list[Any]:
    """Every record currently in ``topic`` (from offset 0 until no more arrive)."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    records: list[Any] = []
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=int(idle_s * 1000))
            if not batch:
                return records
            for items in batch.values():
                records.extend(items)
    finally:
        await consumer.stop()


async def wait_for(
    settings: StreamSettings,
    topic: str,
    predicate: Callable[[dict[str, Any]], bool],
    *,
    count: int = 1,
    timeout_s: float = 60,
) -> list[dict[str, Any]]:
    """Poll ``topic`` until ``count`` JSON payloads match ``predicate``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        payloads = [json.loads(r.value) for r in await read_all(settings, topic, idle_s=0.5)]
        matching = [p for p in payloads if predicate(p)]
        if len(matching) >= count:
            return matching
        await asyncio.sleep(1)
    raise TimeoutError(f"fewer than {count} matching events on {topic} after {timeout_s} s")


async def wait_for_audit(
    settings: StreamSettings, source_id: str, timeout_s: float = 60, action: str | None = None
) -> dict[str, Any]:
    found = await wait_for(
        settings,
        AUDIT,
        lambda p: p.get("source_id") == source_id and (action is None or p["action"] == action),
        timeout_s=timeout_s,
    )
    return found[0]
