"""Short, card-free context around a finding, for compliance officers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ringfence.redaction.findings import Redaction

MASK = "[REDACTED]"
# Defence in depth: an excerpt never shows a long digit run, even one no detector called
# payment data (8+ digits with the separators people type between groups).
_LONG_DIGIT_RUN = re.compile(r"\d(?:[ \-.]?\d){7,}")


def excerpt(
    text: str, redactions: Sequence[Redaction], start: int, end: int, width: int = 40
) -> str:
    """``text[start:end]`` with up to ``width`` characters each side, payment data masked."""
    low, high = max(0, start - width), min(len(text), end + width)
    pieces: list[str] = []
    cursor = low
    for item in sorted(redactions, key=lambda r: r.start):
        if item.end <= low or item.start >= high:
            continue
        if item.start > cursor:
            pieces.append(text[cursor : item.start])
        pieces.append(MASK)
        cursor = max(cursor, item.end)
    if cursor < high:
        pieces.append(text[cursor:high])
    body = _LONG_DIGIT_RUN.sub(MASK, "".join(pieces)).replace("\n", " ").strip()
    return ("…" if low > 0 else "") + body + ("…" if high < len(text) else "")
