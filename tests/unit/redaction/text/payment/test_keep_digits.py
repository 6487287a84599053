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


@pytest.mark.parametrize(
    "text",
    [
        # Class: amounts with pence shaped like MM.YY or MMYY, next to expiry talk.
        "it's £11.25 for the replacement card, the expiry's on there",
        "I'll pay the 10.40 by card, it expires soon",
        "£ 12.30 please, that's on my visa",
        "that's 09.45p then",
        # Class: a time next to an expiry cue.
        "the card expires, I rang at 10.30am",
        # "to"/"for" are digits only among spoken numbers, not between typed ones.
        "I can pay 1500 to 2000 a month on my card",
    ],
)
def test_amounts_and_times_are_not_expiry_dates(redact: Callable[..., str], text: str) -> None:
    """Money stays however it is written, even in a payment context next to an expiry cue."""
    assert redact(text, payment_context=True) == text


@pytest.mark.parametrize(
    "text",
    [
        # Class: 8-digit council tax / rent / business rates accounts in direct debit talk.
        "I pay council tax by direct debit, account 40281193",
        "can the direct debit for acc 60551207 come out on the 15th instead",
        "£96 went out by direct debit to account 40877321 yesterday",
        "please split account 62019984 into ten instalments, I pay by card",
        "can I pay by card for 40917736",  # "card" alone is no card-number cue
        # Spoken in a transcript, with a payment cue in the same breath.
        "I want to pay the card bill the account's six two oh double one five nine three",
        # Class: references with letters, never partly redacted, even in payment talk.
        "paying for TEN-004172 and HB-55031 by card",
        "card payment for PCN NS40551926",
        "my ref is RB7731 0042 and I'll pay by visa",
    ],
)
def test_council_accounts_and_references_stay_in_payment_talk(
    redact: Callable[..., str], text: str
) -> None:
    """An account number needs bank evidence (a sort code, a bank) to be a bank account."""
    assert redact(text) == text
    assert redact(text, payment_context=True) == text
