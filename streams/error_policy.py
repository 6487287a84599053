"""What happens when processing an event fails: retry, dead-letter and carry on, or stop.

A policy maps an error to a ``Decision``; the agent loop carries it out. The default asks
the error (``ringfence.errors``): a store outage is retried with backoff so nothing is
lost, bad input goes to the dead-letter topic at once, and a broken deployment stops the
worker instead of dead-lettering every event that follows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from ringfence.errors import RingfenceError, is_fatal, is_retriable
from ringfence.streams.models import DeadLetter

T = TypeVar("T")
log = logging.getLogger("ringfence.failures")

__all__ = ["Decision", "ErrorPolicy", "dead_letter", "default_error_policy", "with_retries"]
__all__ += ["is_fatal", "is_retriable"]


class Decision(StrEnum):
    RETRY = "retry"
    DEAD_LETTER = "dead_letter"
    STOP = "stop"


ErrorPolicy = Callable[[BaseException], Decision]


def default_error_policy(error: BaseException) -> Decision:
    """Stop on a broken deployment, retry what may succeed later, dead-letter the rest."""
    if is_fatal(error):
        return Decision.STOP
    if is_retriable(error):
        return Decision.RETRY
    return Decision.DEAD_LETTER


async def with_retries(
    operation: Callable[[], Awaitable[T]],
    *,
    max_delay_s: float,
    first_delay_s: float = 0.5,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    policy: ErrorPolicy = default_error_policy,
) -> T:
    """Run ``operation`` until it succeeds or fails with an error the policy won't retry."""
    delay = first_delay_s
    while True:
        try:
            return await operation()
        except Exception as error:
            if policy(error) is not Decision.RETRY:
                raise
            reason = error.reason if isinstance(error, RingfenceError) else type(error).__name__
            log.warning("retrying after %s", reason, extra={"reason": reason, "delay_s": delay})
            await sleep(delay)
            delay = min(delay * 2, max_delay_s)


def dead_letter(
    error: BaseException,
    *,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    failed_at: datetime,
) -> DeadLetter:
    """A reference to the failed raw event, with a reason and a detail safe to publish."""
    if isinstance(error, RingfenceError):
        reason, detail = error.reason, str(error)
    else:
        # An unexpected error's message may quote the content: publish only its type.
        reason, detail = "unexpected_error", type(error).__name__
    return DeadLetter(
        source_topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", "replace") if key is not None else None,
        reason=reason,
        detail=detail[:500],
        failed_at=failed_at,
    )
