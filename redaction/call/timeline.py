"""Spans on a call's timeline (seconds) and the operations payment windows are built from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

RemovalReason = Literal[
    "payment_marker", "dtmf", "spoken_card_data", "spoken_bank_details", "transfer"
]

# When merged windows have several reasons, the manifest's single ``reason`` is the first of
# these present: the most explicit evidence first.
REASON_ORDER: tuple[RemovalReason, ...] = (
    "payment_marker",
    "dtmf",
    "spoken_card_data",
    "spoken_bank_details",
    "transfer",
)


@dataclass(frozen=True, slots=True)
class Span:
    """``start`` to ``end`` seconds, removed for ``reasons``."""

    start: float
    end: float
    reasons: frozenset[RemovalReason] = frozenset()

    @property
    def reason(self) -> RemovalReason:
        return next(reason for reason in REASON_ORDER if reason in self.reasons)

    def overlaps(self, start: float, end: float) -> bool:
        return self.start < end and start < self.end


def merge_spans(spans: Iterable[Span], max_gap_s: float = 0.0) -> list[Span]:
    """Sorted spans with those overlapping or closer than ``max_gap_s`` joined into one."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda item: (item.start, item.end)):
        if merged and span.start - merged[-1].end <= max_gap_s:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end), last.reasons | span.reasons)
        else:
            merged.append(span)
    return merged


def widen_to_pauses(
    span: Span, pauses: Sequence[tuple[float, float]], max_widen_s: float, margin_s: float
) -> Span:
    """``span`` with each boundary moved out to the neighbouring pause, then ``margin_s`` more.

    A boundary inside speech moves to where that stretch of speech begins (or ends), at most
    ``max_widen_s``, so a window never cuts a word in half where a pause is near.
    """
    start = max(span.start - max_widen_s, _previous_pause_end(span.start, pauses))
    end = min(span.end + max_widen_s, _next_pause_start(span.end, pauses))
    return Span(start - margin_s, end + margin_s, span.reasons)


def _previous_pause_end(at: float, pauses: Sequence[tuple[float, float]]) -> float:
    ends = [end for start, end in pauses if start <= at]
    return min(at, ends[-1]) if ends else float("-inf")


def _next_pause_start(at: float, pauses: Sequence[tuple[float, float]]) -> float:
    starts = [start for start, end in pauses if end >= at]
    return max(at, starts[0]) if starts else float("inf")


def clip_spans(spans: Iterable[Span], start: float, end: float) -> list[Span]:
    """The parts of ``spans`` inside ``start``..``end``; spans entirely outside are dropped."""
    clipped = (Span(max(span.start, start), min(span.end, end), span.reasons) for span in spans)
    return [span for span in clipped if span.end > span.start]


def covered_seconds(spans: Iterable[Span], start: float, end: float) -> float:
    """How much of ``start``..``end`` the (non-overlapping) ``spans`` cover."""
    return sum(max(0.0, min(span.end, end) - max(span.start, start)) for span in spans)
