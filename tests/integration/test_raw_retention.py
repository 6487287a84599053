"""On the real Kafka, a raw record is gone within retention + segment roll + broker check,
even while the topic keeps receiving records (the case where Kafka never closes a segment
unless told to roll)."""

from __future__ import annotations

import asyncio
import dataclasses
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from ringfence.streams.ops.deletion_bound import raw_deletion_bounds
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import CHAT_EVENTS, TopicSpec, topic_specs

CHECK_INTERVAL_MS = 1000  # deploy/local/test.sh starts the test broker with this


async def _create(settings: StreamSettings, specs: list[TopicSpec], configs: list[dict]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics(
            [NewTopic(s.name, 1, 1, topic_configs=c) for s, c in zip(specs, configs, strict=True)]
        )
    finally:
        await admin.close()


async def _log_start(consumer: AIOKafkaConsumer, topic: str) -> int:
    partition = TopicPartition(topic, 0)
    return int((await consumer.beginning_offsets([partition]))[partition])


async def test_raw_record_is_deleted_within_the_bound_on_a_busy_topic(
    stream_settings: StreamSettings, producer: AIOKafkaProducer
) -> None:
    seconds = StreamSettings(raw_retention_hours=0.001)  # 3.6 s
    raw = next(s for s in topic_specs(seconds) if s.name == CHAT_EVENTS)
    suffix = time.time_ns()
    rolled = dataclasses.replace(raw, name=f"it-raw-rolled-{suffix}")
    unrolled = dataclasses.replace(raw, name=f"it-raw-unrolled-{suffix}")
    # The control: the same retention without a segment roll, as the topics were before.
    control = {k: v for k, v in raw.configs().items() if k != "segment.ms"}
    await _create(stream_settings, [rolled, unrolled], [rolled.configs(), control])
    bound_s = rolled.deletion_bound_ms(CHECK_INTERVAL_MS) / 1000

    for topic in (rolled.name, unrolled.name):
        await producer.send_and_wait(topic, b"card 4111 1111 1111 1111")
    consumer = AIOKafkaConsumer(bootstrap_servers=stream_settings.kafka_bootstrap_servers)
    await consumer.start()
    try:
        started = time.monotonic()
        gone_after: float | None = None
        # Keep the topics busy for the bound plus a generous margin for a loaded machine.
        while time.monotonic() - started < bound_s + 15:
            for topic in (rolled.name, unrolled.name):
                await producer.send_and_wait(topic, b"later record")
            if gone_after is None and await _log_start(consumer, rolled.name) > 0:
                gone_after = time.monotonic() - started
            if gone_after is not None and time.monotonic() - started > bound_s + 2:
                break
            await asyncio.sleep(0.2)
        unrolled_start = await _log_start(consumer, unrolled.name)
    finally:
        await consumer.stop()
    assert gone_after is not None, f"raw record still readable {bound_s + 15:.0f} s later"
    assert gone_after <= bound_s + 5, f"deleted after {gone_after:.1f} s, bound {bound_s:.1f} s"
    assert unrolled_start == 0, "control: without a roll the busy topic kept the record"


async def test_bootstrap_rolls_raw_segments_and_lag_reports_the_bound(
    bootstrapped: str, stream_settings: StreamSettings
) -> None:
    bounds = {b.topic: b for b in await raw_deletion_bounds(stream_settings)}
    chat = bounds[CHAT_EVENTS]
    retention_ms = int(stream_settings.raw_retention_hours * 3_600_000)
    assert (chat.retention_ms, chat.segment_ms) == (retention_ms, retention_ms // 10)
    assert chat.check_interval_ms == CHECK_INTERVAL_MS
    assert chat.bound_ms < 8 * 3_600_000
