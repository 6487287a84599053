"""Card security codes and expiry dates: only in a payment context, never on their own.

Three digits are everywhere (house numbers, amounts), so a security code needs a cue next
to it ("the 3 digits on the back are 123", "123 is the cvv") or an unanswered question from
the previous message ("and the security code?" -> "123"). Expiry dates likewise need a cue
("exp 03/27") or the question, except an MM/YY date with a plausible card year written in a
payment context, which is what an expiry looks like there.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from ringfence.redaction.text.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from ringfence.redaction.text.payment.digit_runs import DigitGroup, DigitRun
from ringfence.redaction.text.payment.payment_scan import CueKind, PaymentScan
from ringfence.redaction.text.recognizer_config import CardDetailsConfig

SECURITY_CODE = "CARD_SECURITY_CODE"
EXPIRY = "CARD_EXPIRY"

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A card's year: 2015-2049 as "27" or "2027" ("£12.50" and "10.30am" are not expiries).
_YEAR = r"(?:20)?(?:1[5-9]|[2-4]\d)"
# Not money or a time: no currency before, no "p", "pence", "pounds", "am", "pm" after.
_NOT_MONEY_BEFORE = r"(?<![£$€\d/.\-])(?<![£$€] )"
_NOT_MONEY_AFTER = r"(?!\s?(?:p|pence|pounds?|quid|[ap]\.?m)\b)"
# MM/YY, M/YY, MM/YYYY, MM-YY, MM.YY, "MM YY", MMYY, "Mar-28", "Sept 2026";
# never part of a longer date ("12/03/27").
_EXPIRY_DATE = re.compile(
    # The lookahead lets most positions fail at once (half the cost of the scan).
    rf"(?=[\dJFMASONDjfmasond])(?:{_NOT_MONEY_BEFORE}(?:0?[1-9]|1[0-2])\s?[/\-.]\s?{_YEAR}(?![\d/]){_NOT_MONEY_AFTER}"
    rf"|{_NOT_MONEY_BEFORE}(?:0[1-9]|1[0-2])\s{_YEAR}(?![\d/]){_NOT_MONEY_AFTER}"
    rf"|{_NOT_MONEY_BEFORE}(?:0[1-9]|1[0-2]){_YEAR}(?!\d){_NOT_MONEY_AFTER}"
    rf"|(?<![^\W\d_])(?:{_MONTHS})[\s\-/.,]*{_YEAR}(?!\d))",
    re.IGNORECASE,
)
# Spoken "oh four slash twenty seven": a month run, the word slash, a year run.
_SPOKEN_SLASH = re.compile(r"\s+(?:forward\s+)?(?:slash|stroke)\s+", re.IGNORECASE)
_MONEY_WORD_AFTER = re.compile(r"\s+(?:pounds?|quid|pence|p)\b", re.IGNORECASE)
# A lone "o" before a spoken month is its zero ("o four slash ..."), though "o" is weak.
_WEAK_ZERO_BEFORE = re.compile(r"(?<![^\W_])[oO]\s+$")
_MONTH_HEADS = frozenset(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
# A month name just before a spoken or typed year: "june twenty seven".
_MONTH_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_MONTHS})[\s\-/.,]*$", re.IGNORECASE)
# What an expiry looks like without a cue: MM/YY with a card year (20-45).
_BARE_EXPIRY = re.compile(r"(?<![\d/.\-])(?:0[1-9]|1[0-2])/(?:2\d|3\d|4[0-5])(?![\d/])")


class CardDetailsRecognizer(ArtifactRecognizer):
    def __init__(self, config: CardDetailsConfig | None = None) -> None:
        super().__init__(supported_entities=[SECURITY_CODE, EXPIRY], name="card_details")
        self.config = config or CardDetailsConfig()

    def can_find(self, artifacts: TextArtifacts) -> bool:
        return artifacts.payment.payment_context

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        scan = artifacts.payment
        if not scan.payment_context:
            return
        expiries = list(expiry_dates(scan, self.config))
        yield from expiries
        yield from security_codes(scan, [(hit[1], hit[2]) for hit in expiries], self.config)


def answering(scan: PaymentScan, detail: str, reach: CardDetailsConfig) -> bool:
    """The message answers an open question about ``detail`` ("expiry", "security_code"):
    one was asked, and the message's first digits are near its start."""
    carried = scan.carried
    expected = carried.card_digits_pending >= 13 or carried.asked_for in ("card_details", detail)
    return expected and bool(scan.runs) and scan.runs[0].start <= reach.answer_reach


def _card_ends(scan: PaymentScan) -> list[int]:
    """Where card-length runs end: details read out in one go follow them closely."""
    return [run.end for run in scan.runs if len(run.digits) >= 13]


def _after_card(card_ends: list[int], start: int, reach: CardDetailsConfig) -> bool:
    """Read out in one go, the expiry and code follow the card number within a few words."""
    return any(0 <= start - end <= reach.after_card_reach for end in card_ends)


def security_codes(
    scan: PaymentScan, expiry_spans: list[tuple[int, int]], reach: CardDetailsConfig
) -> Iterator[Hit]:
    answer = answering(scan, "security_code", reach)
    card_ends = _card_ends(scan)
    # Digits inside an expiry, or inside the cue itself ("last three eight oh two").
    cue_spans = [*_spans(scan, "security_code"), *_spans(scan, "card_number")]
    in_expiry = {index for start, end in expiry_spans + cue_spans for index in range(start, end)}
    for run in scan.runs:
        if run.glued:  # "£100"
            continue
        for start, end, size in _pieces_outside(run, in_expiry):
            if size not in (3, 4):
                continue
            if scan.cue_near(
                "security_code", start, end, reach.cue_before, reach.security_code_cue_after
            ):
                yield SECURITY_CODE, start, end, 0.9, "cue"
            elif scan.reference_blocks(start, reach.cue_before) or run.prefixed:
                continue
            elif answer:
                yield SECURITY_CODE, start, end, 0.8, "answer"
            elif _after_card(card_ends, start, reach):
                yield SECURITY_CODE, start, end, 0.75, "after_card"


def _spans(scan: PaymentScan, kind: CueKind) -> list[tuple[int, int]]:
    spans = scan.cues[kind]
    return list(zip(spans.starts, spans.ends, strict=True))


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


def expiry_dates(scan: PaymentScan, reach: CardDetailsConfig) -> Iterator[Hit]:
    text = scan.text
    answer = answering(scan, "expiry", reach)
    card_ends = _card_ends(scan)
    for match in _expiry_shapes(scan):
        start, end = match.span()
        if "." in match.group() and not _dotted_expiry_cue(scan, start, reach):
            continue  # "the 10.40 by card": money, unless "exp 10.27"
        if scan.cue_near("expiry", start, end, reach.cue_before, reach.expiry_cue_after):
            yield EXPIRY, start, end, 0.9, "cue"
        elif answer:
            yield EXPIRY, start, end, 0.85, "answer"
        elif _BARE_EXPIRY.fullmatch(text, start, end) or _after_card(card_ends, start, reach):
            yield EXPIRY, start, end, 0.7, "mm_yy_in_context"
    yield from _spoken_expiry_dates(scan, answer, card_ends, reach)
    yield from _spoken_slash_dates(scan)


def _dotted_expiry_cue(scan: PaymentScan, start: int, reach: CardDetailsConfig) -> bool:
    return scan.cues["expiry"].before(start, reach.dotted_expiry_cue_before) is not None


def _expiry_shapes(scan: PaymentScan) -> Iterator[re.Match[str]]:
    """Matches of the expiry pattern, tried only where one can start: a typed number or a
    month name (cheaper than scanning every position of the text)."""
    text, tokens = scan.text, scan.tokens
    starts = [group.start for run in scan.runs for group in run.groups if not group.spoken]
    starts += [
        tokens.starts[index]
        for index, lower in enumerate(tokens.lowers)
        if lower[:3] in _MONTH_HEADS
    ]
    reached = 0
    for start in sorted(starts):
        if start >= reached and (match := _EXPIRY_DATE.match(text, start)):
            reached = match.end()
            yield match


def _spoken_expiry_dates(
    scan: PaymentScan, answer: bool, card_ends: list[int], reach: CardDetailsConfig
) -> Iterator[Hit]:
    """ "expiry oh three twenty seven", "june twenty seven"; right after a card number
    "oh four twenty seven" needs no cue."""
    for run in scan.runs:
        if not run.spoken or not 2 <= len(run.digits) <= 6:
            continue
        month = _MONTH_BEFORE.search(scan.text, max(0, run.start - 12), run.start)
        weak_zero = _WEAK_ZERO_BEFORE.search(scan.text, max(0, run.start - 3), run.start)
        start = month.start() if month else weak_zero.start() if weak_zero else run.start
        cue = _expiry_cue_nearest(scan, start, run.end, reach.cue_before)
        if (cue or answer) and (month or len(run.digits) >= 3):
            yield EXPIRY, start, run.end, 0.8, "spoken"
        elif _after_card(card_ends, start, reach) and (month or _month_and_year(run.digits)):
            yield EXPIRY, start, run.end, 0.75, "spoken_after_card"


def _expiry_cue_nearest(scan: PaymentScan, start: int, end: int, within: int) -> bool:
    """An expiry cue just before (not a security-code cue nearer: "expiry ..., code 4261"),
    or right after."""
    expiry = scan.cues["expiry"].before(start, within)
    if expiry is None:
        return scan.cues["expiry"].after(end, 0) is not None
    code = scan.cues["security_code"].before(start, within)
    return code is None or code <= expiry


def _month_and_year(digits: str) -> bool:
    """Four digits reading MMYY with a card year ("0427")."""
    return len(digits) == 4 and 1 <= int(digits[:2]) <= 12 and 15 <= int(digits[2:]) <= 49


def _spoken_slash_dates(scan: PaymentScan) -> Iterator[Hit]:
    """ "oh four slash twenty seven": the month ends one run (maybe the card number read
    straight on), the word "slash" follows, the year starts the next (maybe the code after)."""
    text, runs = scan.text, scan.runs
    for month_run, year_run in itertools.pairwise(runs):
        if not _SPOKEN_SLASH.fullmatch(text, month_run.end, year_run.start):
            continue
        month = _edge_groups(reversed(month_run.groups), 2)[::-1]
        year = _edge_groups(iter(year_run.groups), 2) or _edge_groups(iter(year_run.groups), 4)
        if not month or not year or not 1 <= int("".join(g.digits for g in month)) <= 12:
            continue
        money = _MONEY_WORD_AFTER.match(text, year[-1].end)
        if 15 <= int("".join(g.digits for g in year)[-2:]) <= 49 and not money:
            start = month[0].start
            weak_zero = _WEAK_ZERO_BEFORE.search(text, max(0, start - 3), start)
            yield EXPIRY, weak_zero.start() if weak_zero else start, year[-1].end, 0.8, "slash"


def _edge_groups(groups: Iterator[DigitGroup], size: int) -> list[DigitGroup]:
    """The first groups (in the order given) holding exactly ``size`` digits, else []."""
    taken: list[DigitGroup] = []
    count = 0
    for group in groups:
        if count + len(group.digits) > size:
            break
        taken.append(group)
        count += len(group.digits)
    return taken if count == size or (size == 2 and count == 1 and len(taken) == 1) else []
