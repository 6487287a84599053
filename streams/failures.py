"""What happens when processing an event fails: retry, or dead-letter and carry on.

The error decides (``retriable`` on Ringfence errors), not the agent: a store outage is
retried with backoff so nothing is lost; bad input goes to the dead-letter topic at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from redaction.exceptions import RingfenceError
from streams.models import DeadLetter

T = TypeVar("T")
log = logging.getLogger("ringfence.failures")


def is_retriable(error: BaseException) -> bool:
    return isinstance(error, RingfenceError) and error.retriable


async def with_retries(
    operation: Callable[[], Awaitable[T]],
    *,
    max_delay_s: float,
    first_delay_s: float = 0.5,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run ``operation`` until it succeeds or fails with a non-retriable error."""
    delay = first_delay_s
    while True:
        try:
            return await operation()
        except RingfenceError as error:
            if not error.retriable:
                raise
            log.warning("retrying after %s: %s", error.reason, error)
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
