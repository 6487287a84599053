"""IBANs, typed in blocks of four or run together, in any letter case.

An IBAN of a country in SWIFT's registry, with that country's length and format and a valid
mod-97 checksum, is enough anywhere. In a payment context a UK-shaped IBAN (GB, 2 check
digits, 4-letter bank code, 14 digits) is removed even when the checksum fails, for the same
reason misread card numbers are: people mistype.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ringfence.redaction.text.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from ringfence.redaction.text.payment.checks import iban_length, iban_valid
from ringfence.redaction.text.payment.payment_scan import PaymentScan

IBAN = "IBAN_CODE"

# Country code, check digits, then up to 30 letters/digits with optional single spaces.
_IBAN_START = re.compile(r"(?<![^\W_])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}")
_COUNTRY_AND_CHECK = re.compile(r"[A-Za-z]{2}\d{2}")
_UK_SHAPE = re.compile(r"GB\d{2}[A-Z]{4}\d{14}")
_UK_LENGTH = 22


class IbanRecognizer(ArtifactRecognizer):
    reads_digit_runs = False  # IBANs are read straight from the text

    def __init__(self) -> None:
        super().__init__(supported_entities=[IBAN], name="iban")

    def can_find(self, artifacts: TextArtifacts) -> bool:
        # Every IBAN in use has at least 8 digits: count before searching the text.
        scan = artifacts.payment
        return scan.digit_count >= 8 and _COUNTRY_AND_CHECK.search(scan.text) is not None

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        return iban_hits(artifacts.payment)


def iban_hits(scan: PaymentScan) -> Iterator[Hit]:
    text = scan.text
    match = _IBAN_START.search(text)
    while match is not None:
        positions = [i for i in range(match.start(), match.end()) if text[i] != " "]
        compact = "".join(text[i] for i in positions).upper()
        length, how = _valid_length(compact), "checksum"
        if not length and scan.payment_context and _UK_SHAPE.match(compact):
            length, how = _UK_LENGTH, "uk_shape_in_context"
        if length:
            yield IBAN, positions[0], positions[length - 1] + 1, 1.0, how
            match = _IBAN_START.search(text, positions[length - 1] + 1)
        else:  # the next IBAN may start inside this false start ("AB12 GB29 NWBK ...")
            match = _IBAN_START.search(text, match.start() + 1)


def _valid_length(compact: str) -> int:
    """Length of the IBAN at the start of ``compact``, or 0 if there is none."""
    # The registry fixes each country's length, so one check per candidate; a code that
    # issues no IBANs ("NS40318822 on 02", a parking ticket) is not tried at every length.
    length = iban_length(compact[:2])
    return length if length and iban_valid(compact[:length]) else 0
