"""Consumer lag of the worker group, measured from outside the consumer like ops tools do:
the newest offset of each input partition minus the offset the group has committed."""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from ringfence.streams import topics
from ringfence.streams.settings import StreamSettings


@dataclass(frozen=True, slots=True)
class PartitionLag:
    topic: str
    partition: int
    end_offset: int  # one greater than the newest offset in the partition
    committed: int | None  # None: the group has committed nothing there yet

    @property
    def lag(self) -> int:
        """Messages the group has not yet committed (all of them if it never committed)."""
        return self.end_offset - (self.committed or 0)


async def measure_lag(
    settings: StreamSettings, input_topics: tuple[str, ...] = topics.RAW_INPUT_TOPICS
) -> list[PartitionLag]:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False
    )
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await consumer.start()
    await admin.start()
    try:
        described = await admin.describe_topics(list(input_topics))
        partitions = [
            TopicPartition(topic["topic"], item["partition"])
            for topic in described
            if topic.get("error_code", 0) == 0
            for item in sorted(topic["partitions"], key=lambda p: p["partition"])
        ]
        if not partitions:
            return []
        ends = await consumer.end_offsets(partitions)
        committed = await admin.list_consumer_group_offsets(settings.app_id, partitions=partitions)
    finally:
        await admin.close()
        await consumer.stop()
    return [
        PartitionLag(tp.topic, tp.partition, ends[tp], _committed(committed.get(tp)))
        for tp in partitions
    ]


def _committed(meta: object) -> int | None:
    offset = getattr(meta, "offset", -1)
    return offset if isinstance(offset, int) and offset >= 0 else None
