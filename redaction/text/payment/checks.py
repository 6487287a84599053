"""Check digits: Luhn for card numbers, ISO 7064 mod 97-10 for IBANs."""

from __future__ import annotations

# Lengths of IBANs by country for the countries UK residents most often bank with;
# others are accepted at 15-34 characters when the checksum holds.
IBAN_LENGTHS: dict[str, int] = {
    "GB": 22,
    "IE": 22,
    "DE": 22,
    "FR": 27,
    "ES": 24,
    "IT": 27,
    "NL": 18,
    "BE": 16,
    "PT": 25,
    "PL": 28,
    "LT": 20,
    "RO": 24,
    "CH": 21,
    "AT": 20,
    "DK": 18,
    "SE": 24,
    "NO": 15,
    "FI": 18,
    "GI": 23,
    "IM": 22,
    "JE": 22,
    "GG": 22,
    "LU": 20,
    "GR": 27,
}


def luhn_valid(digits: str) -> bool:
    """True if ``digits`` (only digits) passes the Luhn check."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return bool(digits) and total % 10 == 0


def iban_valid(compact: str) -> bool:
    """True if ``compact`` (upper case, no spaces) is an IBAN with a valid checksum."""
    if len(compact) < 15 or len(compact) > 34 or not compact.isascii() or not compact.isalnum():
        return False
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1
