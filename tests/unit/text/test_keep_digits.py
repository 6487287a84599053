"""Digits that are not payment data stay, in and out of a payment context."""

from __future__ import annotations

from collections.abc import Callable

import pytest

KEEP = [
    "council tax reference CT1234567",  # the eval set's council tax reference format
    "my council tax account is 50012345",
    "tenancy ref HA-40918",
    "rent account 1234 5678",
    "call me on 01636 650000",  # the council's own number
    "my mobile is +44 7700 900123",
    "07700 900 123",
    "that's £123.45",
    "£1,234.56 owed",
    "it was 12/03/2026 at 10:30",
    "on the 3rd of May 2025",
    "postcode NG24 1BY",
    "14 Bowbridge Road",
    "flat 3, 27 Church Lane",
    "PCN NS40318822",
    "NI number QQ 12 34 56 C",
    "crime number NT/2024/118833",
    "reference 4111 1111 1111 1112",  # Luhn-invalid, no payment context
    "the 2025/26 charge",
    "between 9 and 5",
    "receipt number R-55102934",
]


@pytest.mark.parametrize("text", KEEP)
def test_non_payment_digits_are_kept(redact: Callable[..., str], text: str) -> None:
    """References, phone numbers, amounts, dates, postcodes and addresses stay verbatim."""
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [item for item in KEEP if "4111" not in item],  # the misread card is card data in context
)
def test_non_payment_digits_are_kept_in_payment_context(
    redact: Callable[..., str], text: str
) -> None:
    """A payment context does not turn references, phones or amounts into card data."""
    assert redact(text, payment_context=True) == text
