"""Retention metadata carried by every stored object, as S3 user metadata.

Expiry, legal holds and subject requests read these headers, so they are the contract
between the writers (stream workers) and those tools.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ringfence.redaction.policy import Channel

_PREFIX = "x-amz-meta-"


@dataclass(frozen=True, slots=True)
class RetentionMetadata:
    source_id: str
    channel: Channel
    team: str
    captured_at: datetime
    retain_until: datetime
    categories: tuple[str, ...] = ()
    retention_basis: str = "default"
    # Calls keep the caller's number (the privacy notice says so) to answer subject requests.
    caller_number: str | None = None

    def to_metadata(self) -> dict[str, str]:
        """User metadata for ``put_object`` (the client adds the ``x-amz-meta-`` prefix)."""
        return {
            "source-id": self.source_id,
            "channel": self.channel,
            "team": self.team,
            "captured-at": self.captured_at.isoformat(),
            "retain-until": self.retain_until.isoformat(),
            "categories": ",".join(self.categories),
            "retention-basis": self.retention_basis,
        } | ({"caller-number": self.caller_number} if self.caller_number else {})

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> RetentionMetadata:
        """Read back from ``stat_object(...).metadata`` (header names in any case)."""
        meta = {k.lower().removeprefix(_PREFIX): v for k, v in headers.items()}
        categories = tuple(c for c in meta.get("categories", "").split(",") if c)
        channel: Channel = "call" if meta["channel"] == "call" else "chat"
        return cls(
            source_id=meta["source-id"],
            channel=channel,
            team=meta["team"],
            captured_at=datetime.fromisoformat(meta["captured-at"]),
            retain_until=datetime.fromisoformat(meta["retain-until"]),
            categories=categories,
            retention_basis=meta.get("retention-basis", "default"),
            caller_number=meta.get("caller-number"),
        )
