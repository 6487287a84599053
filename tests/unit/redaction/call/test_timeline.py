"""Spans on the timeline: merging, widening to pauses, clipping."""

from __future__ import annotations

import pytest

from ringfence.redaction.call.timeline import (
    Span,
    clip_spans,
    covered_seconds,
    merge_spans,
    widen_to_pauses,
)

DTMF = frozenset({"dtmf"})
SPOKEN = frozenset({"spoken_card_data"})
MARKER = frozenset({"payment_marker"})


def test_overlapping_spans_merge_and_keep_every_reason() -> None:
    merged = merge_spans([Span(5, 8, SPOKEN), Span(1, 3, DTMF), Span(2, 6, MARKER)])
    assert merged == [Span(1, 8, DTMF | SPOKEN | MARKER)]
    assert merged[0].reason == "payment_marker"


@pytest.mark.parametrize(
    ("gap", "count"),
    [
        (0.0, 3),  # only overlaps merge
        (2.0, 2),  # 1..2 and 3..4 are 1 s apart
        (20.0, 1),  # a card read in chunks: one window
    ],
)
def test_spans_closer_than_the_gap_merge(gap: float, count: int) -> None:
    spans = [Span(1, 2, SPOKEN), Span(3, 4, SPOKEN), Span(10, 11, SPOKEN)]
    assert len(merge_spans(spans, gap)) == count


PAUSES = [(0.0, 1.0), (4.0, 4.5), (9.0, 10.0)]


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        # Boundaries inside speech move out to the surrounding pauses, then the margin.
        (Span(2.0, 3.0), (0.8, 4.2)),
        # Boundaries already inside pauses only get the margin.
        (Span(4.2, 9.5), (4.0, 9.7)),
        # No pause within max_widen_s: the boundary moves max_widen_s and no further.
        (Span(6.0, 7.0), (4.3, 8.7)),
    ],
)
def test_widen_to_pauses(span: Span, expected: tuple[float, float]) -> None:
    widened = widen_to_pauses(span, PAUSES, max_widen_s=1.5, margin_s=0.2)
    assert (widened.start, widened.end) == pytest.approx(expected)


def test_widening_without_any_pause_is_bounded() -> None:
    widened = widen_to_pauses(Span(5.0, 6.0), [], max_widen_s=1.0, margin_s=0.25)
    assert (widened.start, widened.end) == pytest.approx((3.75, 7.25))


def test_clip_drops_spans_outside_and_trims_the_rest() -> None:
    clipped = clip_spans([Span(-1, 1), Span(5, 12), Span(20, 30)], 0.0, 10.0)
    assert clipped == [Span(0.0, 1), Span(5, 10.0)]


def test_covered_seconds() -> None:
    assert covered_seconds([Span(1, 2), Span(4, 6)], 1.5, 5.0) == pytest.approx(1.5)
