"""Turning recognizer hits into final redactions, and what a message tells the next one."""

from __future__ import annotations

import bisect

from redaction.findings import Redaction, RedactionKind
from redaction.payment.scan import NO_CUES, AskedFor, CueKind, PaymentScan

# The cues that ask each question, and the redactions that answer it.
_QUESTION_CUES: dict[AskedFor, tuple[CueKind, ...]] = {
    "card": ("card_number",),
    "card_details": ("security_code", "expiry"),
    "bank_details": ("sort_code", "account"),
}
_ANSWER_KINDS: dict[AskedFor, frozenset[RedactionKind]] = {
    "card": frozenset({"payment_card"}),
    "card_details": frozenset({"card_security_code", "card_expiry"}),
    "bank_details": frozenset({"sort_code", "bank_account"}),
}


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
    return _digits_within(scan, cards[-1])


def unanswered_question(scan: PaymentScan, redactions: tuple[Redaction, ...]) -> AskedFor | None:
    """What the next message is expected to answer.

    The payment detail this message asks for last and does not itself contain; if it asks
    nothing, the question carried in stays open (people answer in pieces, or say "hang on").
    Once a whole card number is given, its expiry and security code are what comes next.
    """
    if scan.cues is NO_CUES and not redactions:
        return scan.carried.asked_for
    latest = _latest_question(scan)
    if latest is None:
        asked = scan.carried.asked_for
        answered = False
    else:
        position, asked = latest
        answered = any(r.kind in _ANSWER_KINDS[asked] and r.start >= position for r in redactions)
    if asked in (None, "card") and _full_card(scan, redactions):
        return "card_details"
    return None if answered else asked


def _latest_question(scan: PaymentScan) -> tuple[int, AskedFor] | None:
    latest: tuple[int, AskedFor] | None = None
    for asked, cue_kinds in _QUESTION_CUES.items():
        for cue in cue_kinds:
            if cue == "account" and not scan.bank_context:
                continue
            position = scan.cues[cue].last_start()
            if position >= 0 and (latest is None or position > latest[0]):
                latest = (position, asked)
    return latest


def _full_card(scan: PaymentScan, redactions: tuple[Redaction, ...]) -> bool:
    return any(r.kind == "payment_card" and _digits_within(scan, r) >= 13 for r in redactions)


def _digits_within(scan: PaymentScan, redaction: Redaction) -> int:
    return sum(
        len(group.digits)
        for run in scan.runs
        for group in run.groups
        if redaction.start <= group.start and group.end <= redaction.end
    )
