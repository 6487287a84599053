"""Turning recognizer hits into final redactions, and what ends a message."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ringfence.redaction.findings import Redaction
from ringfence.redaction.text.payment.open_questions import digits_within
from ringfence.redaction.text.payment.payment_scan import PaymentScan


def resolve_overlaps(text: str, candidates: list[tuple[Redaction, float]]) -> tuple[Redaction, ...]:
    """Non-overlapping redactions: the most confident hit keeps its kind; of a weaker hit
    only the parts no stronger hit covers survive (so no digit is ever lost)."""
    ordered = sorted(candidates, key=lambda c: (-c[1], c[0].start - c[0].end, c[0].start))
    starts: list[int] = []
    accepted: list[Redaction] = []
    for redaction, _score in ordered:
        for start, end in _uncovered(redaction.start, redaction.end, starts, accepted):
            if any(char.isalnum() for char in text[start:end]):
                index = bisect.bisect_left(starts, start)
                starts.insert(index, start)
                accepted.insert(index, Redaction(start, end, redaction.kind))
    return tuple(accepted)


def _uncovered(
    start: int, end: int, starts: list[int], accepted: list[Redaction]
) -> list[tuple[int, int]]:
    """Parts of ``[start, end)`` not covered by the sorted, disjoint ``accepted`` spans."""
    pieces: list[tuple[int, int]] = []
    index = max(0, bisect.bisect_right(starts, start) - 1)
    position = start
    while index < len(accepted) and accepted[index].start < end:
        covered = accepted[index]
        if covered.end > position:
            if covered.start > position:
                pieces.append((position, covered.start))
            position = max(position, covered.end)
        index += 1
    if position < end:
        pieces.append((position, end))
    return pieces


def trailing_card_digits(scan: PaymentScan, redactions: tuple[Redaction, ...]) -> int:
    """How many card digits end the message (a number that may continue in the next one)."""
    if not redactions:
        return 0
    cards = [r for r in redactions if r.kind == "payment_card"]
    if not cards or not scan.ends_message(cards[-1].end):
        return 0
    return digits_within(scan, cards[-1])


def apply_redactions(text: str, redactions: Sequence[Redaction], mask: str = "[REDACTED]") -> str:
    """``text`` with every redacted span replaced by ``mask``; everything else verbatim.

    Overlapping or touching spans are merged first, so the result holds no digit of any
    redacted item.
    """
    pieces: list[str] = []
    position = 0
    for start, end in _merged_spans(redactions):
        pieces.append(text[position:start])
        pieces.append(mask)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _merged_spans(redactions: Sequence[Redaction]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for item in sorted(redactions, key=lambda r: (r.start, r.end)):
        if merged and item.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], item.end))
        else:
            merged.append((item.start, item.end))
    return merged
