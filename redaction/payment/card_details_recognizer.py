"""Card security codes and expiry dates: only in a payment context, never on their own.

Three digits are everywhere (house numbers, amounts), so a security code needs a cue next
to it ("the 3 digits on the back are 123", "123 is the cvv") or an unanswered question from
the previous message ("and the security code?" -> "123"). Expiry dates likewise need a cue
("exp 03/27") or the question, except an MM/YY date with a plausible card year written in a
payment context, which is what an expiry looks like there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from redaction.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from redaction.payment.scan import PaymentScan

SECURITY_CODE = "CARD_SECURITY_CODE"
EXPIRY = "CARD_EXPIRY"

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# MM/YY, M/YY, MM/YYYY, MM-YY, MM.YY, "MM YY", MMYY; not part of a longer date.
_EXPIRY_DATE = re.compile(
    r"(?<![\d/.\-])(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:20)?\d{2}(?![\d/])"
    r"|(?<![\d/.\-])(?:0[1-9]|1[0-2])\s(?:20)?\d{2}(?![\d/])"
    r"|(?<![\d/.\-])(?:0[1-9]|1[0-2])(?:20)?\d{2}(?!\d)"
    rf"|(?<![^\W\d_])(?:{_MONTHS})\s*(?:20)?\d{{2}}(?!\d)",
    re.IGNORECASE,
)
# What an expiry looks like without a cue: MM/YY with a card year (20-45).
_BARE_EXPIRY = re.compile(r"(?<![\d/.\-])(?:0[1-9]|1[0-2])/(?:2\d|3\d|4[0-5])(?![\d/])")


class CardDetailsRecognizer(ArtifactRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=[SECURITY_CODE, EXPIRY], name="card_details")

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        scan = artifacts.payment
        if not scan.payment_context:
            return
        yield from security_codes(scan)
        yield from expiry_dates(scan)


def security_codes(scan: PaymentScan) -> Iterator[Hit]:
    asked = scan.carried.asked_for == "security_code" or scan.carried.card_digits_pending >= 13
    for run in scan.runs:
        if len(run.digits) not in (3, 4):
            continue
        if scan.cue_near("security_code", run.start, run.end):
            yield SECURITY_CODE, run.start, run.end, 0.9, "cue"
        elif asked and scan.is_first_run(run) and scan.starts_message(run.start):
            yield SECURITY_CODE, run.start, run.end, 0.8, "answer"


def expiry_dates(scan: PaymentScan) -> Iterator[Hit]:
    text = scan.text
    asked = scan.carried.asked_for == "expiry"
    for match in _EXPIRY_DATE.finditer(text):
        start, end = match.span()
        if scan.cue_near("expiry", start, end, before=40, after=20):
            yield EXPIRY, start, end, 0.9, "cue"
        elif asked and scan.starts_message(start):
            yield EXPIRY, start, end, 0.8, "answer"
        elif _BARE_EXPIRY.fullmatch(text, start, end):
            yield EXPIRY, start, end, 0.7, "mm_yy_in_context"
    for run in scan.runs:  # spoken: "expiry oh three twenty seven"
        if (
            run.spoken
            and 3 <= len(run.digits) <= 6
            and scan.cue_near("expiry", run.start, run.end, after=0)
        ):
            yield EXPIRY, run.start, run.end, 0.8, "spoken_cue"
