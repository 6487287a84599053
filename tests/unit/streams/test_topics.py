"""Topics: raw inputs have short retention, everything downstream longer."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import RAW_INPUT_TOPICS, sessions_changelog, topic_specs


def test_raw_input_topics_keep_hours_not_days() -> None:
    specs = {s.name: s for s in topic_specs(StreamSettings(raw_retention_hours=6))}
    for name in RAW_INPUT_TOPICS:
        assert specs[name].retention_ms == 6 * 3_600_000
    others = [s for s in specs.values() if s.name not in RAW_INPUT_TOPICS]
    assert others and all(s.retention_ms is None or s.retention_ms > 6 * 3_600_000 for s in others)


def test_chat_changelog_is_compacted_and_takes_big_sessions() -> None:
    settings = StreamSettings(app_id="rf", max_session_bytes=8 * 1024 * 1024)
    spec = next(s for s in topic_specs(settings) if s.name == sessions_changelog("rf"))
    day = str(24 * 3_600_000)
    assert spec.configs() == {
        "cleanup.policy": "compact",
        "max.message.bytes": "8388608",
        "max.compaction.lag.ms": day,
        "delete.retention.ms": day,
        "segment.ms": str(24 * 3_600_000 // 10),
    }


@pytest.mark.parametrize("hours", [0.001, 1, 6, 72])
def test_every_time_retained_topic_rolls_segments_at_a_tenth_of_its_retention(
    hours: float,
) -> None:
    """Kafka deletes closed segments only; without a roll a busy raw topic keeps data 7 days."""
    for spec in topic_specs(StreamSettings(raw_retention_hours=hours)):
        if spec.retention_ms is None:
            continue
        configs = spec.configs()
        assert int(configs["segment.ms"]) == max(1, spec.retention_ms // 10)
        assert int(configs["segment.ms"]) < 7 * 24 * 3_600_000


def test_raw_deletion_bound_is_retention_plus_roll_plus_broker_check() -> None:
    specs = {s.name: s for s in topic_specs(StreamSettings(raw_retention_hours=6))}
    bound = specs[RAW_INPUT_TOPICS[0]].deletion_bound_ms(broker_check_interval_ms=300_000)
    assert bound == 6 * 3_600_000 + 6 * 360_000 + 300_000  # 6 h 41 min, not a week


def test_raw_retention_above_three_days_is_refused() -> None:
    with pytest.raises(ValidationError):
        StreamSettings(raw_retention_hours=24 * 7)


def test_retention_is_configured_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGFENCE_RAW_RETENTION_HOURS", "2")
    spec = next(s for s in topic_specs(StreamSettings()) if s.name in RAW_INPUT_TOPICS)
    assert spec.configs()["retention.ms"] == str(2 * 3_600_000)
