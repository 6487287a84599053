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
    assert spec.configs() == {"cleanup.policy": "compact", "max.message.bytes": "8388608"}


def test_raw_retention_above_three_days_is_refused() -> None:
    with pytest.raises(ValidationError):
        StreamSettings(raw_retention_hours=24 * 7)


def test_retention_is_configured_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGFENCE_RAW_RETENTION_HOURS", "2")
    spec = next(s for s in topic_specs(StreamSettings()) if s.name in RAW_INPUT_TOPICS)
    assert spec.configs()["retention.ms"] == str(2 * 3_600_000)
