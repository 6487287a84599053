"""Excerpts give compliance officers context without payment data."""

from __future__ import annotations

import pytest

from ringfence.redaction.excerpt import MASK, PaymentFinder, excerpt
from ringfence.redaction.findings import Redaction
from ringfence.redaction.text.engine import default_engine


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


# The payment detector run over the excerpt itself (the production engine, payment context).
@pytest.fixture(scope="module")
def find_payment() -> PaymentFinder:
    return default_engine().payment_redactions


@pytest.mark.parametrize(
    "text",
    [
        # spoken card numbers: no digit characters, so the digit-run guard cannot see them
        "four one one one one one one one one one one one one one one one and I'm diabetic",
        "my security code is seven three one, I'm diabetic so I can't come in",
        "the expiry is oh four slash twenty seven and my son has autism",
        "cvv 731 and I'm on dialysis",
    ],
)
def test_payment_data_the_message_pass_missed_is_masked_by_the_excerpt_pass(
    text: str, find_payment: PaymentFinder
) -> None:
    """Even with no redactions from the message's own pass, the excerpt pass masks them."""
    flagged = next(word for word in ("diabetic", "autism", "dialysis") if word in text)
    start = text.index(flagged)
    result = excerpt(text, [], start, start + len(flagged), width=80, find_payment=find_payment)
    assert flagged in result and MASK in result
    for datum in ("one one one one", "seven three one", "oh four", "731"):
        assert datum not in result


def test_excerpt_pass_keeps_ordinary_context(find_payment: PaymentFinder) -> None:
    text = "I live at 14 Bowbridge Road and I have epilepsy"
    start = text.index("epilepsy")
    result = excerpt(text, [], start, start + 8, width=60, find_payment=find_payment)
    assert result == text
