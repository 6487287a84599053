"""Produce contract-shaped chat events for tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaProducer

from ringfence.streams.topics import CHAT_EVENTS

START = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def chat_events(
    chat_id: str, team: str, texts: list[str], *, start: datetime = START, close: bool = True
) -> list[tuple[str, dict[str, Any]]]:
    """Messages alternating customer/agent, then a close event."""
    events = []
    for seq, text in enumerate(texts, start=1):
        events.append(
            (
                chat_id,
                {
                    "chat_id": chat_id,
                    "team": team,
                    "kind": "message",
                    "seq": seq,
                    "sender": "customer" if seq % 2 else "agent",
                    "text": text,
                    "sent_at": (start + timedelta(seconds=30 * seq)).isoformat(),
                },
            )
        )
    if close:
        events.append(
            (
                chat_id,
                {
                    "chat_id": chat_id,
                    "team": team,
                    "kind": "closed",
                    "sent_at": (start + timedelta(minutes=30)).isoformat(),
                },
            )
        )
    return events


async def send_events(
    producer: AIOKafkaProducer, events: list[tuple[str, dict[str, Any]]], topic: str = CHAT_EVENTS
) -> None:
    for key, payload in events:
        await producer.send_and_wait(topic, json.dumps(payload).encode(), key=key.encode())
