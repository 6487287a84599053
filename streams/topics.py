"""Topic names (contracts) and how each topic is created.

Raw input topics may hold card data until redaction, so they get the short
``raw_retention_hours``; everything downstream is card-free and kept longer.

Kafka deletes (and compacts) only closed segments, and by default a segment closes after
7 days or 1 GiB: on a topic that keeps receiving records, ``retention.ms`` alone would keep
a card number for a week. Every time-retained topic therefore rolls its segments at a tenth
of its retention, so a record is gone within ``retention + roll + the broker's
log.retention.check.interval.ms`` (``deletion_bound_ms``). The chat changelog is compacted
within ``changelog_compaction_lag_hours`` for the same reason.
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
# A segment rolls at this share of the topic's retention: a record outlives its retention by
# at most a tenth, at the cost of ten times as many (smaller) segment files.
SEGMENT_SHARE_OF_RETENTION = 10


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
    # Compacted topics: a superseded record or tombstone is compacted away within this.
    max_compaction_lag_ms: int | None = None

    @property
    def segment_ms(self) -> int:
        """How old a segment may grow before Kafka closes it (and may delete or compact it)."""
        window = self.retention_ms if self.retention_ms is not None else self.max_compaction_lag_ms
        if window is None:
            raise ValueError(f"topic {self.name} has neither retention nor compaction lag")
        return max(1, window // SEGMENT_SHARE_OF_RETENTION)

    def deletion_bound_ms(self, broker_check_interval_ms: int) -> int:
        """Longest a record stays after it is written (time-retained topics)."""
        if self.retention_ms is None:
            raise ValueError(f"topic {self.name} is compacted, not time-retained")
        return self.retention_ms + self.segment_ms + broker_check_interval_ms

    def configs(self) -> dict[str, str]:
        if self.retention_ms is None:
            configs = {"cleanup.policy": "compact"}
            if self.max_compaction_lag_ms is not None:
                lag = str(self.max_compaction_lag_ms)
                # Tombstones are kept no longer than the lag either.
                configs |= {"max.compaction.lag.ms": lag, "delete.retention.ms": lag}
        else:
            configs = {"retention.ms": str(self.retention_ms), "cleanup.policy": "delete"}
        configs["segment.ms"] = str(self.segment_ms)
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
        int(settings.changelog_compaction_lag_hours * _MS_PER_HOUR),
    )
    return [*specs, changelog]
