"""Close chats the chat platform never closed, and purge old tombstones.

A Faust table can only be changed while processing an event of the table's partition, so
the sweep doesn't touch the table: it sends an ordinary close event for each due chat to
the partition the chat's events arrive on, and the chat agent does the rest. A close event
carries no message text, so the raw topic gains no card data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ringfence.streams.chat.sessions import ChatSession


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
        session = ChatSession.from_document(raw)
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
