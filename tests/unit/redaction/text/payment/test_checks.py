"""Check digits: Luhn for card numbers, mod 97 for IBANs."""

from __future__ import annotations

import pytest

from ringfence.redaction.text.payment.checks import iban_valid, luhn_valid


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("4111111111111111", True),  # Visa test number
        ("5555555555554444", True),  # Mastercard test number
        ("378282246310005", True),  # Amex test number (15 digits)
        ("6011111111111117", True),  # Discover test number
        ("4526018159083012", True),  # eval set card
        ("4111111111111112", False),  # last digit misread
        ("4111111111111121", False),  # two digits swapped
        ("1234567812345678", False),
        ("0", True),  # Luhn of a lone zero is 0 mod 10; callers check length first
        ("", False),
    ],
)
def test_luhn(digits: str, valid: bool) -> None:
    """Known valid test numbers pass; single misreads and swaps fail."""
    assert luhn_valid(digits) is valid


@pytest.mark.parametrize(
    ("compact", "valid"),
    [
        ("GB29NWBK60161331926819", True),  # the standard UK example IBAN
        ("GB82WEST12345698765432", True),
        ("DE89370400440532013000", True),
        ("IE29AIBK93115212345678", True),
        ("GB29NWBK60161331926818", False),  # checksum broken
        ("GB29NWBK6016133192681", False),  # one character short for GB
        ("XX00", False),
        ("GB29NWBK60161331926819!", False),
    ],
)
def test_iban_checksum(compact: str, valid: bool) -> None:
    """Valid IBANs pass; a changed digit or wrong length fails."""
    assert iban_valid(compact) is valid
