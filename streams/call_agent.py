"""The call agent: call-recorded events -> CallHandler, redaction in a process pool."""

from __future__ import annotations

from typing import Any

import faust

from redaction.call import CallRedaction
from redaction.policy import Policy
from storage.landing import LandingStore
from storage.recordings import RecordingStore
from streams import topics
from streams.agent_support import event_key, run_guarded, utc_now
from streams.call_handler import CallHandler
from streams.call_jobs import CallRedactionPool
from streams.decoding import decode_event
from streams.failures import with_retries
from streams.kafka_publisher import KafkaPublisher
from streams.models import CallRecorded
from streams.settings import StreamSettings


def wire_calls(app: faust.App, settings: StreamSettings, publisher: KafkaPublisher,
               landing: LandingStore, store: RecordingStore, policy: Policy) -> None:
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
