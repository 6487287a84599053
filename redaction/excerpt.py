"""Short, card-free context around a finding, for compliance officers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ringfence.redaction.findings import Redaction

MASK = "[REDACTED]"
# Defence in depth: an excerpt never shows a long digit run, even one no detector called
# payment data (8+ digits with the separators people type between groups).
_LONG_DIGIT_RUN = re.compile(r"\d(?:[ \-.]?\d){7,}")

# Payment data found in a piece of text (offsets into it): the text engine in payment
# context. Run over the excerpt itself, because a window cut from its message can make a
# card fragment or a spoken security code look like something else to the message's pass.
PaymentFinder = Callable[[str], Sequence[Redaction]]


def excerpt(
    text: str,
    redactions: Sequence[Redaction],
    start: int,
    end: int,
    width: int = 40,
    find_payment: PaymentFinder | None = None,
) -> str:
    """``text[start:end]`` with up to ``width`` characters each side, payment data masked.

    ``redactions`` are the message's own; ``find_payment``, when given, is run over the
    excerpt too and whatever it finds is masked as well.
    """
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
    if find_payment is not None:
        body = _masked(body, find_payment(body))
    return ("…" if low > 0 else "") + body + ("…" if high < len(text) else "")


def _masked(text: str, redactions: Sequence[Redaction]) -> str:
    pieces: list[str] = []
    cursor = 0
    for item in sorted(redactions, key=lambda r: r.start):
        if item.end <= cursor:
            continue
        pieces.append(text[cursor : max(cursor, item.start)])
        pieces.append(MASK)
        cursor = item.end
    pieces.append(text[cursor:])
    return "".join(pieces)
