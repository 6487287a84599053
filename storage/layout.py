"""Object keys. Deterministic, so a replayed event overwrites instead of duplicating.

Keys start with the team so a store's access policy can give each team's managers their
own prefix and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote


def _safe(part: str) -> str:
    # Ids come from upstream platforms: keep them from adding path segments, and from being
    # a "." or ".." segment that a store or a later copy to disk would resolve.
    quoted = quote(part, safe="-_.")
    return quoted.replace(".", "%2E") if quoted.strip(".") == "" else quoted


def landing_key_belongs(key: str, call_id: str) -> bool:
    """Is ``key`` a landing object of the call ``call_id``?

    The phone platform names raw audio after the call: a path segment is the call id
    (``incoming/k-1/audio.wav``) or the file is (``incoming/k-1.wav``). Anything else, or a
    key with empty, ``.`` or ``..`` segments or control characters, could make the worker
    read, store or delete another call's audio.
    """
    if not key or key.startswith("/") or "\\" in key:
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in key):
        return False
    segments = key.split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        return False
    return call_id in segments[:-1] or segments[-1].split(".", 1)[0] == call_id


def _day(captured_at: datetime) -> str:
    return captured_at.astimezone(UTC).strftime("%Y/%m/%d")


def chat_transcript_key(team: str, chat_id: str, captured_at: datetime) -> str:
    return f"{_safe(team)}/chat/{_day(captured_at)}/{_safe(chat_id)}/transcript.json"


def call_object_key(team: str, call_id: str, captured_at: datetime, name: str) -> str:
    """Key of one artefact (``audio.wav``, ``manifest.json``...) of a redacted call."""
    return f"{_safe(team)}/call/{_day(captured_at)}/{_safe(call_id)}/{name}"
