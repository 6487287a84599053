"""The policy file decides which recordings are kept and for how long."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ringfence.errors import PolicyError
from ringfence.redaction.policy import load_policy

POLICY = load_policy()


@pytest.mark.parametrize(
    ("channel", "team", "when", "recorded"),
    [
        ("call", "careline_services", datetime(2021, 12, 1, tzinfo=UTC), True),
        ("call", "careline_services", datetime(2021, 11, 30, 23, tzinfo=UTC), False),
        ("chat", "careline_services", datetime(2024, 1, 1, tzinfo=UTC), False),  # no Careline chats
        ("chat", "housing_services", datetime(2022, 2, 23, tzinfo=UTC), True),
        ("chat", "housing_services", datetime(2022, 2, 22, tzinfo=UTC), False),
        ("call", "planning", datetime(2024, 1, 1, tzinfo=UTC), False),
    ],
)
def test_privacy_notice_scope(channel: str, team: str, when: datetime, recorded: bool) -> None:
    decision = POLICY.decide(channel, team, when)  # type: ignore[arg-type]
    assert decision.recorded is recorded
    assert (decision.reason is None) is recorded


def test_default_retention_is_forty_days() -> None:
    captured = datetime(2026, 1, 5, 10, tzinfo=UTC)
    assert POLICY.retain_until(captured) == datetime(2026, 2, 14, 10, tzinfo=UTC)


def test_another_council_changes_teams_and_days_by_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(
        "channels:\n  call:\n    teams:\n      revenues: {recorded_from: 2020-01-01}\n"
        "retention: {default_days: 30, extended_purposes: [complaint], review_every_days: 30}\n"
    )
    policy = load_policy(path)
    assert policy.recorded_teams("call") == {"revenues"}
    assert policy.retention.default_days == 30


def test_invalid_policy_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("channels: {}\nretention: {default_days: -1}\n")
    with pytest.raises(PolicyError, match="policy file"):
        load_policy(path)
