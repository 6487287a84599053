"""How long raw input (which may hold card data) can stay in Kafka, read from the live
configuration: the topic's retention plus its segment roll plus the broker's retention
check interval (Kafka deletes closed segments only, and only when that check runs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from ringfence.streams import topics
from ringfence.streams.settings import StreamSettings

# Kafka's defaults, used when a value is not reported (a broker left at its default).
_DEFAULTS = {
    "retention.ms": 7 * 24 * 3_600_000,
    "segment.ms": 7 * 24 * 3_600_000,
    "log.retention.check.interval.ms": 300_000,
}


@dataclass(frozen=True, slots=True)
class DeletionBound:
    topic: str
    retention_ms: int
    segment_ms: int
    check_interval_ms: int

    @property
    def bound_ms(self) -> int:
        """The longest a record written now can still be read from the topic."""
        return self.retention_ms + self.segment_ms + self.check_interval_ms


def _entries(response: Any) -> dict[str, dict[str, int]]:
    values: dict[str, dict[str, int]] = {}
    for resource in response.to_object()["resources"]:
        values[resource["resource_name"]] = {
            entry["config_names"]: int(entry["config_value"])
            for entry in resource["config_entries"]
            if entry["config_value"] not in (None, "")
        }
    return values


async def raw_deletion_bounds(
    settings: StreamSettings, raw_topics: tuple[str, ...] = topics.RAW_INPUT_TOPICS
) -> list[DeletionBound]:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        cluster = await admin.describe_cluster()
        broker = str(cluster["brokers"][0]["node_id"])
        wanted = {"retention.ms": None, "segment.ms": None}
        resources = [
            ConfigResource(ConfigResourceType.TOPIC, t, configs=wanted) for t in raw_topics
        ]
        check = {"log.retention.check.interval.ms": None}
        resources.append(ConfigResource(ConfigResourceType.BROKER, broker, configs=check))
        values: dict[str, dict[str, int]] = {}
        for response in await admin.describe_configs(resources):
            values |= _entries(response)
    finally:
        await admin.close()
    check_ms = values.get(broker, {}).get("log.retention.check.interval.ms")
    return [
        DeletionBound(
            topic,
            values.get(topic, {}).get("retention.ms", _DEFAULTS["retention.ms"]),
            values.get(topic, {}).get("segment.ms", _DEFAULTS["segment.ms"]),
            check_ms or _DEFAULTS["log.retention.check.interval.ms"],
        )
        for topic in raw_topics
    ]
