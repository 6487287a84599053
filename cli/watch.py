"""Read what Ringfence produced: flags and other output topics, stored objects."""

from __future__ import annotations

import asyncio
import json

import typer
from aiokafka import AIOKafkaConsumer

from ringfence.storage.client import make_client
from ringfence.storage.recordings import RecordingStore
from ringfence.storage.settings import StorageSettings
from ringfence.streams import topics
from ringfence.streams.settings import StreamSettings

_OUTPUT_TOPICS = {
    "flags": topics.COMPLIANCE_FLAGS,
    "audit": topics.AUDIT,
    "deadletter": topics.DEADLETTER,
}


async def _print_topic(topic: str, follow: bool, from_beginning: bool, idle_s: float) -> int:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=StreamSettings().kafka_bootstrap_servers,
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
    )
    count = 0
    try:
        await consumer.start()
        while True:
            batch = await consumer.getmany(timeout_ms=int(idle_s * 1000))
            if not batch and not follow:
                return count
            for records in batch.values():
                for record in records:
                    typer.echo((record.value or b"").decode("utf-8", "replace"))
                    count += 1
    finally:
        await consumer.stop()


def flags(
    topic: str = typer.Option("flags", help="Which output: flags, audit or deadletter."),
    follow: bool = typer.Option(False, "--follow", "-f", help="Keep waiting for new events."),
    from_beginning: bool = typer.Option(
        False, "--from-beginning", help="Start at the oldest retained event, not new ones."
    ),
) -> None:
    """Print compliance flags (or audit / dead-letter events) as JSON lines."""
    if topic not in _OUTPUT_TOPICS:
        raise typer.BadParameter(f"choose one of {', '.join(_OUTPUT_TOPICS)}", param_hint="--topic")
    asyncio.run(_print_topic(_OUTPUT_TOPICS[topic], follow, from_beginning, idle_s=3.0))


def objects(
    prefix: str = typer.Option("", help="Only keys under this prefix (e.g. a team)."),
) -> None:
    """List stored recordings with their retention metadata, one JSON line each."""
    settings = StorageSettings()
    store = RecordingStore(make_client(settings), settings.recordings_bucket)
    for name, size, retention in store.listing(prefix):
        typer.echo(
            json.dumps(
                {
                    "key": name,
                    "size": size,
                    "team": retention.team,
                    "channel": retention.channel,
                    "captured_at": retention.captured_at.isoformat(),
                    "retain_until": retention.retain_until.isoformat(),
                    "categories": list(retention.categories),
                }
            )
        )
