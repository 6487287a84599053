"""Create Ringfence's topics idempotently and converge their retention to the settings."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from ringfence.errors import RingfenceError
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import TopicSpec, topic_specs

_TOPIC_ALREADY_EXISTS = 36


class BootstrapError(RingfenceError):
    reason = "bootstrap_failed"


def _check_create_response(response: object) -> None:
    for topic_error in getattr(response, "topic_errors", []):
        name, code = topic_error[0], topic_error[1]
        if code not in (0, _TOPIC_ALREADY_EXISTS):
            message = topic_error[2] if len(topic_error) > 2 else ""
            raise BootstrapError(f"creating topic {name} failed: error {code} {message}")


async def ensure_topics(settings: StreamSettings) -> dict[str, str]:
    """Create missing topics and set every topic's retention; return what was done per topic."""
    specs = topic_specs(settings)
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap_servers, client_id="ringfence-bootstrap"
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        if missing:
            _check_create_response(await admin.create_topics([_new_topic(s) for s in missing]))
        present = [spec for spec in specs if spec.name in existing]
        if present:
            await admin.alter_configs([_config_resource(spec) for spec in present])
    finally:
        await admin.close()
    missing_names = {spec.name for spec in missing}
    return {spec.name: "created" if spec.name in missing_names else "updated" for spec in specs}


def _new_topic(spec: TopicSpec) -> NewTopic:
    return NewTopic(
        spec.name, spec.partitions, spec.replication_factor, topic_configs=spec.configs()
    )


def _config_resource(spec: TopicSpec) -> ConfigResource:
    return ConfigResource(ConfigResourceType.TOPIC, spec.name, configs=spec.configs())
