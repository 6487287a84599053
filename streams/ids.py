"""Deterministic ids: a replayed event produces the same id, so consumers can de-duplicate."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]
