"""What every agent shares: the clock, the key check and the guard that dead-letters."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from ringfence.errors import InvalidInputError
from ringfence.streams.error_policy import dead_letter
from ringfence.streams.kafka.gap_guard import GapGuard
from ringfence.streams.kafka.offset_reads import read_range
from ringfence.streams.ops import metrics
from ringfence.streams.publisher import Publisher
from ringfence.streams.raw_event import RawEvent

log = logging.getLogger("ringfence.worker")


def utc_now() -> datetime:
    return datetime.now(UTC)


def event_key(raw_key: bytes | None, expected: str) -> str:
    """The message key must be the chat/call id: per-id ordering and tables depend on it."""
    key = raw_key.decode("utf-8", "replace") if raw_key is not None else None
    if key != expected:
        raise InvalidInputError("message key does not match the event's id")
    return key


async def consume(
    stream: faust.StreamT[Any],
    guard: GapGuard,
    publisher: Publisher,
    process: Callable[[RawEvent], Awaitable[None]],
) -> None:
    """The agent loop: every record exactly once per worker, skipped ones recovered."""
    async for event in stream.events():
        raw = RawEvent.of(event.message)
        if guard.is_repeat(raw):
            metrics.REPEATS_SKIPPED.labels(topic=raw.topic).inc()
            continue
        for missing in await guard.skipped_before(raw):
            await run_guarded(missing, publisher, process)
            guard.processed(missing)
        await run_guarded(raw, publisher, process)
        guard.processed(raw)


def new_gap_guard(app: faust.App, bootstrap_servers: str) -> GapGuard:
    guard = GapGuard(partial(read_range, bootstrap_servers))

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def _forget(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        for tp in revoked:
            guard.forget(tp.topic, tp.partition)

    return guard


async def run_guarded(
    message: RawEvent, publisher: Publisher, process: Callable[[RawEvent], Awaitable[None]]
) -> None:
    """Process one record; a failure that retrying can't fix becomes a dead letter."""
    started = time.perf_counter()
    try:
        await process(message)
    except Exception as error:  # noqa: BLE001 - any failure must dead-letter, not kill the stream
        letter = dead_letter(
            error,
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            failed_at=utc_now(),
        )
        await publisher.dead_letter(letter)
        log.warning(
            "event dead-lettered",
            extra={
                "topic": message.topic,
                "partition": message.partition,
                "offset": message.offset,
                "reason": letter.reason,
                "detail": letter.detail,
            },
        )
    finally:
        metrics.PROCESSING_SECONDS.labels(topic=message.topic).observe(
            time.perf_counter() - started
        )
