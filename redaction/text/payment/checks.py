"""Check digits: Luhn for card numbers; IBANs against SWIFT's IBAN registry (mod 97-10).

python-stdnum checks IBANs and carries the registry (every country's IBAN length and BBAN
format), so a new registry release is a dependency update, not an edit here. Luhn stays a
few lines here: the card recognizer checks every window of every digit run, and stdnum's
generic-alphabet Luhn (an ``index()`` per character) cost 1.5% of the engine's throughput
(benchmarks/text_throughput.py). Tests hold it equal to stdnum's on every length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from stdnum import iban, numdb

# stdnum's copy of the registry, the one iban.validate reads.
_REGISTRY = numdb.get("iban")
# A BBAN format is fixed-length fields such as "4!a6!n8!n" (4 letters, 6 digits, 8 digits).
_FIELD_LENGTH = re.compile(r"(\d+)!")


# Luhn's doubled digit, with 9 subtracted above 9.
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def luhn_valid(digits: str) -> bool:
    """True if ``digits`` (only digits) passes the Luhn check."""
    values = [ord(char) - 48 for char in digits]
    total = sum(values[-1::-2]) + sum([_DOUBLED[value] for value in values[-2::-2]])
    return bool(values) and total % 10 == 0


def iban_valid(compact: str) -> bool:
    """True if ``compact`` (upper case, no spaces) is an IBAN of a registry country.

    Length, BBAN format and the mod-97 checksum are checked; national check digits are not
    (``check_country=False``): redaction removes bank details whether or not a bank would
    accept them.
    """
    return len(compact) == iban_length(compact[:2]) and iban.is_valid(compact, check_country=False)


@lru_cache(maxsize=1024)
def iban_length(country: str) -> int:
    """Length of ``country``'s IBANs in the registry; 0 for a code that issues none."""
    if len(country) != 2:
        return 0
    bban = _REGISTRY.info(country)[0][1].get("bban")
    return 4 + sum(map(int, _FIELD_LENGTH.findall(bban))) if bban else 0
