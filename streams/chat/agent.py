"""The chat agent: chat events -> ChatHandler, plus the sweep of idle chats."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import faust

from ringfence.redaction.policy import Policy
from ringfence.redaction.text.engine import default_engine
from ringfence.storage.recordings import RecordingStore
from ringfence.streams import topics
from ringfence.streams.agent_loop import FailureHandling, consume, event_key, utc_now
from ringfence.streams.chat.handler import ChatHandler
from ringfence.streams.chat.idle_sweep import SweepClose, run_sweep
from ringfence.streams.decoding import decode_event
from ringfence.streams.kafka.gap_guard import GapGuard
from ringfence.streams.kafka.kafka_publisher import KafkaPublisher
from ringfence.streams.models import ChatEvent
from ringfence.streams.raw_event import RawEvent
from ringfence.streams.settings import StreamSettings


def wire_chats(
    app: faust.App,
    settings: StreamSettings,
    publisher: KafkaPublisher,
    store: RecordingStore,
    policy: Policy,
    guard: GapGuard,
    failures: FailureHandling,
) -> None:
    chat_topic = app.topic(topics.CHAT_EVENTS, internal=False)
    sessions = app.Table(
        "chat-sessions",
        default=None,
        partitions=settings.topic_partitions,
        schema=faust.Schema(key_serializer="raw", value_serializer="json"),
        extra_topic_configs={"max.message.bytes": str(settings.max_session_bytes)},
    )
    chats = ChatHandler(
        sessions=sessions,
        publisher=publisher,
        store=store,
        engine=default_engine(),
        policy=policy,
        clock=utc_now,
        tombstone_ttl=timedelta(hours=settings.tombstone_ttl_hours),
        idle_close=timedelta(hours=settings.chat_idle_close_hours),
    )

    async def handle_chat(record: RawEvent) -> None:
        chat_event = decode_event(ChatEvent, record.value)
        key = event_key(record.key, chat_event.chat_id)
        await chats.handle(key, chat_event, record.partition)

    @app.agent(chat_topic, name="chat-events")
    async def chat_events(stream: faust.StreamT[Any]) -> None:
        await consume(stream, guard, publisher, handle_chat, failures)

    @app.timer(interval=settings.sweep_interval_s)  # type: ignore[untyped-decorator]
    async def sweep_chats() -> None:
        await run_sweep(
            sessions.items,
            utc_now(),
            timedelta(hours=settings.chat_idle_close_hours),
            timedelta(hours=settings.tombstone_ttl_hours),
            send_close,
        )

    async def send_close(close: SweepClose) -> None:
        await chat_topic.send(
            key=close.chat_id.encode(),
            partition=close.partition,
            value=json.dumps(close.payload).encode(),
        )
