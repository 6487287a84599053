"""Excerpts give compliance officers context without payment data."""

from __future__ import annotations

from ringfence.redaction.excerpt import excerpt
from ringfence.redaction.findings import Redaction


def test_excerpt_masks_overlapping_redaction_and_keeps_context() -> None:
    text = "card 4111 1111 1111 1111 and I have diabetes so please be quick"
    card = Redaction(5, 24, "payment_card")
    start = text.index("diabetes")
    result = excerpt(text, [card], start, start + 8, width=30)
    assert "diabetes" in result and "[REDACTED]" in result
    assert "4111" not in result and "1111" not in result


def test_redaction_cut_by_window_edge_leaks_no_digits() -> None:
    text = "x" * 50 + "4111111111111111" + " I am diabetic"
    card = Redaction(50, 66, "payment_card")
    start = text.index("diabetic")
    assert not any(ch.isdigit() for ch in excerpt(text, [card], start, start + 8, width=12))


def test_long_digit_runs_are_masked_even_without_a_finding() -> None:
    text = "ref 1234 5678 9012 and my epilepsy"
    start = text.index("epilepsy")
    assert "5678" not in excerpt(text, [], start, start + 8)


def test_short_numbers_stay() -> None:
    text = "flat 3, 27 Church Lane, I use a wheelchair"
    start = text.index("wheelchair")
    assert "27 Church Lane" in excerpt(text, [], start, start + 10)
