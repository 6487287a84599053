"""The council's recording and retention policy, loaded from a file (configuration, not code)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ringfence.errors import PolicyError
from ringfence.redaction.data_files import first_line, read_data_text

Channel = Literal["call", "chat"]


class TeamPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    recorded_from: date


class ChannelPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    teams: dict[str, TeamPolicy]


class RetentionPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    default_days: int = Field(gt=0)
    extended_purposes: list[str]
    review_every_days: int = Field(gt=0)


class RecordingDecision(BaseModel):
    """Whether a recording may be kept; ``reason`` says why not."""

    model_config = ConfigDict(frozen=True)
    recorded: bool
    reason: str | None = None


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    council: str = ""
    channels: dict[Channel, ChannelPolicy]
    retention: RetentionPolicy

    def recorded_teams(self, channel: Channel) -> frozenset[str]:
        """Teams whose recordings of this channel are kept at all."""
        channel_policy = self.channels.get(channel)
        return frozenset(channel_policy.teams) if channel_policy else frozenset()

    def decide(self, channel: Channel, team: str, captured_at: datetime) -> RecordingDecision:
        """May a ``channel`` recording of ``team`` captured at ``captured_at`` be kept?"""
        channel_policy = self.channels.get(channel)
        team_policy = channel_policy.teams.get(team) if channel_policy else None
        if team_policy is None:
            return RecordingDecision(recorded=False, reason=f"team_not_recorded:{channel}:{team}")
        if captured_at.date() < team_policy.recorded_from:
            return RecordingDecision(
                recorded=False,
                reason=f"before_recording_start:{channel}:{team}:{team_policy.recorded_from}",
            )
        return RecordingDecision(recorded=True)

    def retain_until(self, captured_at: datetime) -> datetime:
        """When a recording captured at ``captured_at`` is deleted by default."""
        return captured_at + timedelta(days=self.retention.default_days)


def load_policy(path: Path | None = None) -> Policy:
    """Load the policy from ``path``, or the packaged default when ``path`` is None."""
    try:
        text = read_data_text("policy.yaml", path)
        return Policy.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise PolicyError(f"policy file {path or 'default'}: {first_line(error)}") from error
