"""Close chats the chat platform never closed, and purge old tombstones.

A Faust table can only be changed while processing an event of the table's partition, so
the sweep doesn't touch the table: it sends an ordinary close event for each due chat to
the partition the chat's events arrive on, and the chat agent does the rest. A close event
carries no message text, so the raw topic gains no card data.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ringfence.streams.chat.sessions import ChatSession
from ringfence.streams.ops import metrics

log = logging.getLogger("ringfence.sweep")


@dataclass(frozen=True, slots=True)
class SweepClose:
    chat_id: str
    partition: int
    payload: dict[str, Any]


def due_closes(
    sessions: Iterable[tuple[str, dict[str, Any]]],
    now: datetime,
    idle_close: timedelta,
    tombstone_ttl: timedelta,
) -> list[SweepClose]:
    closes = []
    for chat_id, raw in sessions:
        if raw is None:
            continue
        try:
            session = ChatSession.from_document(raw)
        except Exception as error:  # noqa: BLE001 - one unreadable entry must not stop the rest
            log.warning(
                "idle sweep skipped an unreadable session",
                extra={"chat_id": chat_id, "error": type(error).__name__},
            )
            metrics.SWEEP_FAILURES.labels(stage="read").inc()
            continue
        if session.is_due_for_sweep(now, idle_close, tombstone_ttl):
            reason = "tombstone_expired" if session.closed else "idle_timeout"
            closes.append(
                SweepClose(
                    chat_id,
                    session.partition,
                    {
                        "chat_id": chat_id,
                        "team": session.team,
                        "kind": "closed",
                        "sent_at": now.isoformat(),
                        "reason": reason,
                    },
                )
            )
    return closes


async def run_sweep(
    read_sessions: Callable[[], Iterable[tuple[str, dict[str, Any]]]],
    now: datetime,
    idle_close: timedelta,
    tombstone_ttl: timedelta,
    send: Callable[[SweepClose], Awaitable[None]],
) -> int:
    """One sweep: send the due closes; how many were sent.

    Never raises: an exception out of a Faust timer stops the worker, and a sweep that
    fails (Kafka briefly away) is simply tried again at the next interval.
    """
    sent = 0
    try:
        for close in due_closes(list(read_sessions()), now, idle_close, tombstone_ttl):
            await send(close)
            sent += 1
    except Exception as error:  # noqa: BLE001 - see the docstring
        log.warning(
            "idle sweep failed; tried again next interval",
            extra={"error": type(error).__name__, "sent": sent},
        )
        metrics.SWEEP_FAILURES.labels(stage="send").inc()
    return sent
