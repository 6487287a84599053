"""The call agent: call-recorded events -> CallHandler, redaction in a process pool."""

from __future__ import annotations

from typing import Any

import faust

from ringfence.redaction.call.audio.limits import AudioLimits
from ringfence.redaction.policy import Policy
from ringfence.redaction.text.engine import default_engine
from ringfence.storage.landing import LandingStore
from ringfence.storage.recordings import RecordingStore
from ringfence.streams import topics
from ringfence.streams.agent_loop import FailureHandling, consume, event_key, utc_now
from ringfence.streams.call.handler import CallHandler
from ringfence.streams.call.process_pool import CallRedactionPool
from ringfence.streams.decoding import decode_event
from ringfence.streams.kafka.gap_guard import GapGuard
from ringfence.streams.kafka.kafka_publisher import KafkaPublisher
from ringfence.streams.models import CallRecorded
from ringfence.streams.raw_event import RawEvent
from ringfence.streams.settings import StreamSettings


def wire_calls(
    app: faust.App,
    settings: StreamSettings,
    publisher: KafkaPublisher,
    landing: LandingStore,
    store: RecordingStore,
    policy: Policy,
    guard: GapGuard,
    failures: FailureHandling,
) -> None:
    pool = CallRedactionPool(settings.call_workers)

    calls = CallHandler(
        landing=landing,
        recordings=store,
        publisher=publisher,
        policy=policy,
        redact=pool.redact,
        clock=utc_now,
        # The chat agent's engine (one per process): flag excerpts get its payment pass.
        find_payment=default_engine().payment_redactions,
        max_audio_bytes=AudioLimits().max_bytes,
        timeout_s=settings.call_timeout_s,
        timeout_per_audio_second=settings.call_timeout_per_audio_second,
    )

    async def handle_call(record: RawEvent) -> None:
        call = decode_event(CallRecorded, record.value)
        event_key(record.key, call.call_id)
        await calls.handle(call)

    @app.agent(app.topic(topics.CALL_RECORDED, internal=False), name="call-recordings")
    async def call_recordings(stream: faust.StreamT[Any]) -> None:
        await consume(stream, guard, publisher, handle_call, failures)

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def _stop_pool(app: faust.App, **kwargs: Any) -> None:
        pool.shutdown()
