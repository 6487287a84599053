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
from redaction.payment.digits import DigitGroup, DigitRun
from redaction.payment.scan import PaymentScan

SECURITY_CODE = "CARD_SECURITY_CODE"
EXPIRY = "CARD_EXPIRY"

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# MM/YY, M/YY, MM/YYYY, MM-YY, MM.YY, "MM YY", MMYY, "Mar-28", "Sept 2026";
# never part of a longer date ("12/03/27").
_EXPIRY_DATE = re.compile(
    r"(?<![\d/.\-])(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:20)?\d{2}(?![\d/])"
    r"|(?<![\d/.\-])(?:0[1-9]|1[0-2])\s(?:20)?\d{2}(?![\d/])"
    r"|(?<![\d/.\-])(?:0[1-9]|1[0-2])(?:20)?\d{2}(?!\d)"
    rf"|(?<![^\W\d_])(?:{_MONTHS})[\s\-/.,]*(?:20)?\d{{2}}(?!\d)",
    re.IGNORECASE,
)
# A month name just before a spoken or typed year: "june twenty seven".
_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_MONTHS})[\s\-/.,]*$", re.IGNORECASE)
# What an expiry looks like without a cue: MM/YY with a card year (20-45).
_BARE_EXPIRY = re.compile(r"(?<![\d/.\-])(?:0[1-9]|1[0-2])/(?:2\d|3\d|4[0-5])(?![\d/])")
# An answer to "expiry and security code?" has its first digits near the start.
_ANSWER_REACH = 40


class CardDetailsRecognizer(ArtifactRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=[SECURITY_CODE, EXPIRY], name="card_details")

    def can_find(self, artifacts: TextArtifacts) -> bool:
        return artifacts.payment.payment_context

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        scan = artifacts.payment
        if not scan.payment_context:
            return
        expiries = list(expiry_dates(scan))
        yield from expiries
        yield from security_codes(scan, [(hit[1], hit[2]) for hit in expiries])


def answering(scan: PaymentScan, detail: str) -> bool:
    """The message answers an open question about ``detail`` ("expiry", "security_code")."""
    carried = scan.carried
    expected = carried.card_digits_pending >= 13 or carried.asked_for in ("card_details", detail)
    return expected and bool(scan.runs) and scan.runs[0].start <= _ANSWER_REACH


def security_codes(scan: PaymentScan, expiry_spans: list[tuple[int, int]]) -> Iterator[Hit]:
    answer = answering(scan, "security_code")
    in_expiry = {index for start, end in expiry_spans for index in range(start, end)}
    for run in scan.runs:
        if run.glued:  # "£100"
            continue
        for start, end, size in _pieces_outside(run, in_expiry):
            if size not in (3, 4):
                continue
            if scan.cue_near("security_code", start, end):
                yield SECURITY_CODE, start, end, 0.9, "cue"
            elif answer and not scan.reference_blocks(start):
                yield SECURITY_CODE, start, end, 0.8, "answer"


def _pieces_outside(run: DigitRun, covered: set[int]) -> Iterator[tuple[int, int, int]]:
    """Stretches of the run's groups outside ``covered`` ("11/25 027" -> "027")."""
    piece: list[DigitGroup] = []
    for group in (*run.groups, None):
        if group is not None and covered.isdisjoint(range(group.start, group.end)):
            piece.append(group)
            continue
        if piece:
            yield piece[0].start, piece[-1].end, sum(len(g.digits) for g in piece)
        piece = []


def expiry_dates(scan: PaymentScan) -> Iterator[Hit]:
    text = scan.text
    answer = answering(scan, "expiry")
    for match in _EXPIRY_DATE.finditer(text):
        start, end = match.span()
        if scan.cue_near("expiry", start, end, before=40, after=20):
            yield EXPIRY, start, end, 0.9, "cue"
        elif answer:
            yield EXPIRY, start, end, 0.85, "answer"
        elif _BARE_EXPIRY.fullmatch(text, start, end):
            yield EXPIRY, start, end, 0.7, "mm_yy_in_context"
    yield from _spoken_expiry_dates(scan, answer)


def _spoken_expiry_dates(scan: PaymentScan, answer: bool) -> Iterator[Hit]:
    """ "expiry oh three twenty seven", "june twenty seven"."""
    for run in scan.runs:
        if not run.spoken or not 2 <= len(run.digits) <= 6:
            continue
        month = _MONTH_BEFORE.search(scan.text, max(0, run.start - 12), run.start)
        start = month.start() if month else run.start
        cue = scan.cue_near("expiry", start, run.end, after=0)
        if (cue or answer) and (month or len(run.digits) >= 3):
            yield EXPIRY, start, run.end, 0.8, "spoken"
