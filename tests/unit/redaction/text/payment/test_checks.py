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


@pytest.mark.parametrize(
    ("compact", "valid"),
    [
        # Valid: the examples in SWIFT's IBAN registry, 15 to 33 characters.
        ("NO9386011117947", True),  # 15, the shortest
        ("BE68539007547034", True),  # 16; fails Belgium's national check, which we skip
        ("NL91ABNA0417164300", True),  # 18, letters in the bank code
        ("AT611904300234573201", True),  # 20
        ("CH9300762011623852957", True),  # 21
        ("GI75NWBK000000007099453", True),  # 23
        ("ES9121000418450200051332", True),  # 24
        ("SE4550000000058398257466", True),  # 24
        ("FR1420041010050500013M02606", True),  # 27, a letter inside the account number
        ("IT60X0542811101000000123456", True),  # 27, a letter as national check
        ("PL61109010140000071219812874", True),  # 28
        ("MT84MALT011000012345MTLCAST001S", True),  # 31
        ("RU0304452522540817810538091310419", True),  # 33, the longest
        # Checksum broken: one character changed.
        ("NO9386011117948", False),
        ("FR1420041010050500013M02607", False),
        ("MT84MALT011000012345MTLCAST001T", False),
        ("ES9121000418450200051323", False),  # last two digits swapped
        # Wrong length for the country, check digits recomputed so mod 97 holds.
        ("NO37860111179470", False),  # NO is 15, this is 16
        ("DE5137040044053201300", False),  # DE is 22, this is 21
        # Right length and mod 97, wrong format: GB bank codes are four letters.
        ("GB58123460161331926819", False),
        # Not a registry country, mod 97 holds: Jersey accounts have GB IBANs.
        ("JE90NWBK60161331926819", False),
    ],
)
def test_iban_registry(compact: str, valid: bool) -> None:
    """Each country's registry length and format count, besides the checksum."""
    assert iban_valid(compact) is valid


def test_luhn_agrees_with_stdnum_on_every_length() -> None:
    """The hot-path Luhn is stdnum's check for decimal digits (kept here for speed)."""
    import random

    from stdnum import luhn

    rng = random.Random(7)
    for length in range(1, 24):
        for _ in range(400):
            digits = "".join(rng.choice("0123456789") for _ in range(length))
            assert luhn_valid(digits) is luhn.is_valid(digits), digits
