"""``ringfence demo``: publish a few realistic chats so a new user can see the pipeline work."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import typer
from aiokafka import AIOKafkaProducer

from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import CHAT_EVENTS

# Test card numbers from the card schemes' published test ranges; not real cards.
DEMO_CHATS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "housing_services",
        [
            ("customer", "Hi, I'm in arrears on my rent and want to pay £120 today"),
            ("agent", "No problem, can I take the long card number please?"),
            ("customer", "it's 4111 1111 1111 1111 exp 09/28"),
            ("customer", "sorry I'm a bit slow, I've had a stroke and my memory isn't great"),
            ("agent", "That's fine, payment taken. Your reference is HS-20931."),
        ],
    ),
    (
        "customer_services",
        [
            ("customer", "my bin wasnt collected again, 27 Church Lane NG24 1BY"),
            (
                "customer",
                "I'm registered disabled and use a wheelchair so I need an assisted collection",
            ),
            ("agent", "I've booked an assisted collection for Thursday."),
        ],
    ),
    (
        "customer_services",
        [
            ("customer", "can I set up a direct debit for council tax CT 1234 5678"),
            ("agent", "Yes, what are the sort code and account number?"),
            ("customer", "sort code 20-00-00 account 55779911"),
            ("customer", "I'm Muslim and can't call during Friday prayers, is email ok?"),
        ],
    ),
    (
        "careline_services",
        [
            ("customer", "testing the chat"),
        ],
    ),
]


def demo_events(now: datetime) -> list[tuple[str, dict[str, Any]]]:
    """(key, payload) pairs: messages of each demo chat, then its close event."""
    events: list[tuple[str, dict[str, Any]]] = []
    stamp = now.strftime("%Y%m%d%H%M%S")
    for number, (team, messages) in enumerate(DEMO_CHATS, start=1):
        chat_id = f"demo-{stamp}-{number}"
        sent = now
        for seq, (sender, text) in enumerate(messages, start=1):
            sent += timedelta(seconds=20)
            events.append(
                (
                    chat_id,
                    {
                        "chat_id": chat_id,
                        "team": team,
                        "kind": "message",
                        "seq": seq,
                        "sender": sender,
                        "text": text,
                        "sent_at": sent.isoformat(),
                    },
                )
            )
        events.append(
            (
                chat_id,
                {
                    "chat_id": chat_id,
                    "team": team,
                    "kind": "closed",
                    "sent_at": (sent + timedelta(seconds=5)).isoformat(),
                },
            )
        )
    return events


async def _publish(settings: StreamSettings, events: list[tuple[str, dict[str, Any]]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers, acks="all")
    try:
        await producer.start()
        for key, payload in events:
            await producer.send_and_wait(
                CHAT_EVENTS, json.dumps(payload).encode(), key=key.encode()
            )
        # One malformed event, to show the dead-letter path.
        await producer.send_and_wait(CHAT_EVENTS, b"{not json", key=b"demo-malformed")
    finally:
        await producer.stop()


def demo() -> None:
    """Publish four demo chats (one from a team whose chats are not recorded) and one
    malformed event to the chat input topic. Watch the results with `ringfence flags` and
    `ringfence objects`."""
    events = demo_events(datetime.now(UTC))
    asyncio.run(_publish(StreamSettings(), events))
    chats = sorted({key for key, _ in events})
    typer.echo(f"published {len(events)} events for {len(chats)} chats and 1 malformed event")
    typer.echo("see flags:   ringfence flags --from-beginning")
    typer.echo("see objects: ringfence objects")
