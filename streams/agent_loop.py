"""The agent loop every agent runs: the clock, the key check, and what a failure does.

What happens to a failed event is decided by an injected ``ErrorPolicy`` (retry with
backoff, dead-letter and carry on, or stop the worker), not by an ``except`` in the loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

import faust

from ringfence.errors import InvalidInputError, RingfenceError
from ringfence.streams.error_policy import (
    Decision,
    ErrorPolicy,
    dead_letter,
    default_error_policy,
    with_retries,
)
from ringfence.streams.kafka.gap_guard import GapGuard
from ringfence.streams.kafka.offset_reads import read_range
from ringfence.streams.ops import metrics
from ringfence.streams.publisher import Publisher
from ringfence.streams.raw_event import RawEvent

log = logging.getLogger("ringfence.worker")


def utc_now() -> datetime:
    return datetime.now(UTC)


class WorkerStopped(RingfenceError):
    """Raised out of the agent loop after a STOP decision, so the event is never acked."""

    fatal = True
    reason = "worker_stopped"


@dataclass(frozen=True)
class FailureHandling:
    """How the loop treats a failed event: the policy decides, the loop carries it out.

    ``stop`` is called once with the error on a STOP decision (the worker passes its Faust
    app's ``crash``, so the process exits non-zero and a supervisor can restart it after
    the deployment is fixed). Retries back off from ``first_delay_s`` to ``max_delay_s``.
    """

    stop: Callable[[BaseException], Awaitable[None]]
    policy: ErrorPolicy = default_error_policy
    max_delay_s: float = 30.0
    first_delay_s: float = 0.5
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep)


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
    failures: FailureHandling,
) -> None:
    """The agent loop: every record exactly once per worker, skipped ones recovered."""
    async for event in stream.events():
        raw = RawEvent.of(event.message)
        if guard.is_repeat(raw):
            metrics.REPEATS_SKIPPED.labels(topic=raw.topic).inc()
            continue
        for missing in await guard.skipped_before(raw):
            await run_guarded(missing, publisher, process, failures)
            guard.processed(missing)
        await run_guarded(raw, publisher, process, failures)
        guard.processed(raw)


def new_gap_guard(app: faust.App, bootstrap_servers: str) -> GapGuard:
    guard = GapGuard(partial(read_range, bootstrap_servers))

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def _forget(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        for tp in revoked:
            guard.forget(tp.topic, tp.partition)

    return guard


async def run_guarded(
    message: RawEvent,
    publisher: Publisher,
    process: Callable[[RawEvent], Awaitable[None]],
    failures: FailureHandling,
) -> None:
    """Process one record as the policy says: retried, dead-lettered, or the worker stopped.

    Raises ``WorkerStopped`` after a STOP decision; every other failure ends here.
    """
    started = time.perf_counter()
    try:
        await with_retries(
            lambda: process(message),
            max_delay_s=failures.max_delay_s,
            first_delay_s=failures.first_delay_s,
            sleep=failures.sleep,
            policy=failures.policy,
        )
    except Exception as error:  # noqa: BLE001 - the policy decides, the stream must not die
        if failures.policy(error) is Decision.STOP:
            await _stop(message, error, failures)
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


async def _stop(message: RawEvent, error: BaseException, failures: FailureHandling) -> None:
    reason = error.reason if isinstance(error, RingfenceError) else type(error).__name__
    # One line an operator can act on; the event stays unacknowledged, so once the
    # deployment is fixed the restarted worker processes it again.
    log.critical(
        "worker stopping: %s",
        error if isinstance(error, RingfenceError) else reason,
        extra={
            "topic": message.topic,
            "partition": message.partition,
            "offset": message.offset,
            "reason": reason,
        },
    )
    await failures.stop(error)
    raise WorkerStopped(f"stopped on {reason}") from error
