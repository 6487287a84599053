"""Object keys. Deterministic, so a replayed event overwrites instead of duplicating.

Keys start with the team so a store's access policy can give each team's managers their
own prefix and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote


def _safe(part: str) -> str:
    # Ids come from upstream platforms: keep them from adding path segments.
    return quote(part, safe="-_.")


def _day(captured_at: datetime) -> str:
    return captured_at.astimezone(UTC).strftime("%Y/%m/%d")


def chat_transcript_key(team: str, chat_id: str, captured_at: datetime) -> str:
    return f"{_safe(team)}/chat/{_day(captured_at)}/{_safe(chat_id)}/transcript.json"


def call_object_key(team: str, call_id: str, captured_at: datetime, name: str) -> str:
    """Key of one artefact (``audio.wav``, ``manifest.json``...) of a redacted call."""
    return f"{_safe(team)}/call/{_day(captured_at)}/{_safe(call_id)}/{name}"
