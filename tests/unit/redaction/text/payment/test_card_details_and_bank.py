"""Security codes, expiry dates, sort codes, account numbers and IBANs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

R = "[REDACTED]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 3 digits on the back are 123", f"the 3 digits on the back are {R}"),
        ("cvv 123", f"cvv {R}"),
        ("CVC: 4321", f"CVC: {R}"),  # Amex codes have four digits
        ("sec code 399", f"sec code {R}"),
        ("123 is the security code", f"{R} is the security code"),
        ("security code one two three", f"security code {R}"),  # spoken
        ("exp 03/27", f"exp {R}"),
        ("expiry 03/2027", f"expiry {R}"),
        ("expires 3/27", f"expires {R}"),
        ("expiry date 0327", f"expiry date {R}"),
        ("expires Sept 2026", f"expires {R}"),
        ("expiry Mar-28", f"expiry {R}"),
        ("expiry oh three twenty seven", f"expiry {R}"),  # spoken
        ("card ends 03/27", f"card ends {R}"),  # an MM/YY with a card year in context
    ],
)
def test_card_details_in_payment_context(
    redact: Callable[..., str], text: str, expected: str
) -> None:
    """With a cue (or in a payment context) codes and expiry dates are removed."""
    assert redact(text, payment_context=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I live at 123 High Street",  # house number
        "it costs 123 pounds",
        "the meeting is on 03/27",  # no payment context
        "see you 12/03/2026",  # a full date is never an expiry
        "my code is 4321 for the keysafe",  # keysafe code is not card data (no context)
    ],
)
def test_short_numbers_stay_without_payment_context(redact: Callable[..., str], text: str) -> None:
    """Three or four digits and MM/YY dates are everywhere; alone they are kept."""
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sort code 20-00-00 acc 12345678", f"sort code {R} acc {R}"),
        ("sort code 200000 account number 12345678", f"sort code {R} account number {R}"),
        ("sort 07.01.16 acc 00112233", f"sort {R} acc {R}"),
        ("bank details 20/00/00 / 43218765", f"bank details {R} / {R}"),
        ("my sort code is two oh, oh oh, oh oh", f"my sort code is {R}"),
        ("barclays account number 1234 5678", f"barclays account number {R}"),
        ("20-00-00 12345678 is my sort code and account", f"{R} {R} is my sort code and account"),
    ],
)
def test_uk_bank_details(redact: Callable[..., str], text: str, expected: str) -> None:
    """Sort codes and bank account numbers next to their cues are removed."""
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my council tax account number is 12345678",  # an account with the council
        "rent account 12345678",
        "the bin was collected on 20-01-25",  # a date shaped like a sort code
        "my account number is 87654321",  # no bank context: could be any account
    ],
)
def test_account_numbers_that_are_not_bank_accounts_stay(
    redact: Callable[..., str], text: str
) -> None:
    """An account cue means a bank account only in a bank context."""
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected", "payment_context"),
    [
        ("IBAN GB29 NWBK 6016 1331 9268 19 please", f"IBAN {R} please", False),
        ("gb29nwbk60161331926819", R, False),  # lower case, no spaces
        ("DE89 3704 0044 0532 0130 00", R, False),
        ("AB12 GB29 NWBK 6016 1331 9268 19", f"AB12 {R}", False),  # false start before it
        # Other countries end at their registry length, whatever follows.
        ("NO93 8601 1117 947 12 March", f"{R} 12 March", False),
        ("MT84 MALT 0110 0001 2345 MTLC AST0 01S thanks", f"{R} thanks", False),
        # Not a country that issues IBANs: a parking ticket and its date stay.
        ("ticket NS40318822 on 02 March", "ticket NS40318822 on 02 March", False),
        # A UK-shaped IBAN with a broken checksum goes only in a payment context.
        ("GB29 NWBK 6016 1331 9268 18", "GB29 NWBK 6016 1331 9268 18", False),
        ("GB29 NWBK 6016 1331 9268 18", R, True),
    ],
)
def test_ibans(redact: Callable[..., str], text: str, expected: str, payment_context: bool) -> None:
    """IBANs with a valid checksum anywhere; UK-shaped ones also when mistyped in context."""
    assert redact(text, payment_context=payment_context) == expected
