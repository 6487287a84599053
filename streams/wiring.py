"""Topics, tables, agents and web pages of the Faust app. Agents stay thin: decode, call
the handler, and hand any failure to the failure policy."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from redaction.exceptions import InvalidInputError
from redaction.call import CallRedaction
from redaction.policy import Policy, load_policy
from redaction.text_engine import default_engine
from storage.client import make_client
from storage.landing import LandingStore
from storage.recordings import RecordingStore
from storage.settings import StorageSettings
from streams import metrics, topics
from streams.call_handler import CallHandler
from streams.call_jobs import CallRedactionPool
from streams.chat_handler import ChatHandler
from streams.decoding import decode_event
from streams.failures import dead_letter, with_retries
from streams.kafka_publisher import KafkaPublisher
from streams.models import CallRecorded, ChatEvent
from streams.settings import StreamSettings

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
    event: faust.Event, publisher: KafkaPublisher, work: Callable[[], Awaitable[None]]
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


def wire(app: faust.App, settings: StreamSettings) -> None:
    storage = StorageSettings()
    client = make_client(storage)
    store = RecordingStore(client, storage.recordings_bucket)
    policy = load_policy(settings.policy_file)
    chat_topic = app.topic(topics.CHAT_EVENTS, internal=False)
    publisher = KafkaPublisher(
        app.topic(topics.COMPLIANCE_FLAGS, internal=False),
        app.topic(topics.AUDIT, internal=False),
        app.topic(topics.DEADLETTER, internal=False),
    )
    sessions = app.Table(
        "chat-sessions", default=None, partitions=settings.topic_partitions,
        schema=faust.Schema(key_serializer="raw", value_serializer="json"),
    )
    chats = ChatHandler(
        sessions=sessions, publisher=publisher, store=store, engine=default_engine(),
        policy=policy, clock=utc_now,
    )

    async def handle_chat(event: faust.Event) -> None:
        chat_event = decode_event(ChatEvent, event.message.value)
        key = event_key(event.message.key, chat_event.chat_id)
        await with_retries(
            lambda: chats.handle(key, chat_event), max_delay_s=settings.retry_max_delay_s
        )

    @app.agent(chat_topic, name="chat-events")
    async def chat_events(stream: faust.StreamT[Any]) -> None:
        async for event in stream.events():
            await run_guarded(event, publisher, lambda: handle_chat(event))

    _wire_calls(app, settings, publisher, LandingStore(client, storage.landing_bucket), store,
                policy)
    _add_web_pages(app)


def _wire_calls(
    app: faust.App, settings: StreamSettings, publisher: KafkaPublisher, landing: LandingStore,
    store: RecordingStore, policy: Policy,
) -> None:
    pool = CallRedactionPool(settings.call_workers)

    async def redact(audio: bytes, meta_json: str, teams: frozenset[str]) -> CallRedaction:
        return await pool.redact(audio, meta_json, teams, settings.call_timeout_s)

    calls = CallHandler(landing=landing, recordings=store, publisher=publisher, policy=policy,
                        redact=redact, clock=utc_now)

    async def handle_call(event: faust.Event) -> None:
        call = decode_event(CallRecorded, event.message.value)
        event_key(event.message.key, call.call_id)
        await with_retries(lambda: calls.handle(call), max_delay_s=settings.retry_max_delay_s)

    @app.agent(app.topic(topics.CALL_RECORDED, internal=False), name="call-recordings")
    async def call_recordings(stream: faust.StreamT[Any]) -> None:
        async for event in stream.events():
            await run_guarded(event, publisher, lambda: handle_call(event))

    @app.on_before_shutdown.connect  # type: ignore[misc]
    async def _stop_pool(app: faust.App, **kwargs: Any) -> None:
        pool.shutdown()


def _add_web_pages(app: faust.App) -> None:
    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(), content_type=CONTENT_TYPE_LATEST)

    @app.page("/health")
    async def health_page(web: Any, request: Any) -> Any:
        return web.json({"status": "ok", "app": app.conf.id})
