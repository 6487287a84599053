"""What every agent shares: the clock, the key check and the guard that dead-letters."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import faust

from redaction.exceptions import InvalidInputError
from streams import metrics
from streams.failures import dead_letter
from streams.publishing import Publisher

log = logging.getLogger("ringfence.worker")


def utc_now() -> datetime:
    return datetime.now(UTC)


def event_key(raw_key: bytes | None, expected: str) -> str:
    """The message key must be the chat/call id: per-id ordering and tables depend on it."""
    key = raw_key.decode("utf-8", "replace") if raw_key is not None else None
    if key != expected:
        raise InvalidInputError("message key does not match the event's id")
    return key


async def run_guarded(
    event: faust.Event, publisher: Publisher, work: Callable[[], Awaitable[None]]
) -> None:
    """Process one event; a failure that retrying can't fix becomes a dead letter."""
    message = event.message
    started = time.perf_counter()
    try:
        await work()
    except Exception as error:  # noqa: BLE001 - any failure must dead-letter, not kill the stream
        letter = dead_letter(
            error, topic=message.topic, partition=message.partition, offset=message.offset,
            key=message.key, failed_at=utc_now(),
        )
        await publisher.dead_letter(letter)
        log.warning(
            "event dead-lettered",
            extra={"topic": message.topic, "partition": message.partition,
                   "offset": message.offset, "reason": letter.reason, "detail": letter.detail},
        )
    finally:
        metrics.PROCESSING_SECONDS.labels(topic=message.topic).observe(
            time.perf_counter() - started
        )
