"""Read a range of offsets of one partition directly, outside any consumer group."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from ringfence.streams.raw_event import RawEvent


async def read_range(
    bootstrap_servers: str, topic: str, partition: int, start: int, end: int
) -> list[RawEvent]:
    """Records with ``start <= offset < end`` (fewer if some offsets hold no record)."""
    tp = TopicPartition(topic, partition)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    events: list[RawEvent] = []
    try:
        consumer.assign([tp])
        consumer.seek(tp, start)
        end = min(end, (await consumer.end_offsets([tp]))[tp])
        while await consumer.position(tp) < end:
            batch = await consumer.getmany(tp, timeout_ms=1000)
            events.extend(RawEvent.of(r) for r in batch.get(tp, []) if r.offset < end)
    finally:
        await consumer.stop()
    return events
