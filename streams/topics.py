"""Topic names (contracts) and how each topic is created.

Raw input topics may hold card data until redaction, so they get the short
``raw_retention_hours``; everything downstream is card-free and kept longer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ringfence.streams.settings import StreamSettings

CHAT_EVENTS = "ringfence.chat.events.v1"
CALL_RECORDED = "ringfence.call.recorded.v1"
COMPLIANCE_FLAGS = "ringfence.compliance.flags.v1"
DEADLETTER = "ringfence.deadletter.v1"
AUDIT = "ringfence.audit.v1"

RAW_INPUT_TOPICS = (CHAT_EVENTS, CALL_RECORDED)

_MS_PER_HOUR = 3_600_000
_MS_PER_DAY = 24 * _MS_PER_HOUR


def sessions_changelog(app_id: str) -> str:
    """The chat table's changelog (Faust's naming): redacted messages of open chats."""
    return f"{app_id}-chat-sessions-changelog"


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int
    retention_ms: int | None  # None: a compacted topic, kept per key
    max_message_bytes: int | None = None

    def configs(self) -> dict[str, str]:
        configs = (
            {"cleanup.policy": "compact"}
            if self.retention_ms is None
            else {"retention.ms": str(self.retention_ms), "cleanup.policy": "delete"}
        )
        if self.max_message_bytes is not None:
            configs["max.message.bytes"] = str(self.max_message_bytes)
        return configs


def topic_specs(settings: StreamSettings) -> list[TopicSpec]:
    """Every topic Ringfence owns, with partitions and retention from ``settings``."""
    raw_ms = int(settings.raw_retention_hours * _MS_PER_HOUR)
    out_ms = int(settings.output_retention_days * _MS_PER_DAY)
    dead_ms = int(settings.deadletter_retention_days * _MS_PER_DAY)
    retention = {
        CHAT_EVENTS: raw_ms,
        CALL_RECORDED: raw_ms,
        COMPLIANCE_FLAGS: out_ms,
        AUDIT: out_ms,
        DEADLETTER: dead_ms,
    }
    specs = [
        TopicSpec(name, settings.topic_partitions, settings.replication_factor, ms)
        for name, ms in retention.items()
    ]
    # Created here rather than left to Faust so that an existing deployment converges to
    # the record size a big chat needs (Faust never alters a topic it finds).
    changelog = TopicSpec(
        sessions_changelog(settings.app_id),
        settings.topic_partitions,
        settings.replication_factor,
        None,
        settings.max_session_bytes,
    )
    return [*specs, changelog]
