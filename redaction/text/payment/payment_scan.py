"""Everything the payment recognizers need to know about one message, computed once.

Digit runs and cue phrases are found in one pass each and shared by all payment
recognizers (as part of the NLP artifacts), so adding a recognizer adds no extra scan. A
scan is never changed once built: a different view of the message (its digit runs found, a payment
context implied by a card number) is a new scan, so no recognizer sees another's effects.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal, NoReturn, get_args

from ringfence.redaction.text.payment.digit_runs import DigitRun, DigitRunFinder
from ringfence.redaction.text.payment.payment_language import PaymentLanguage
from ringfence.redaction.text.tokens import WordTokens

# What a message asked for and did not get: the card number, its details (expiry and
# security code, or just one of them), or bank details (sort code, account number).
AskedFor = Literal["card", "card_details", "expiry", "security_code", "bank_details"]
CueKind = Literal[
    "payment",
    "card",
    "card_number",
    "security_code",
    "expiry",
    "sort_code",
    "account",
    "bank",
    "reference",
]
CUE_KINDS: tuple[CueKind, ...] = get_args(CueKind)


@dataclass(frozen=True, slots=True)
class Carried:
    """What earlier messages of the conversation tell us; never any text or digits.

    ``card_digits_pending``: how many digits of a possible card number ended the previous
    message (0 if none). ``asked_for``: what the previous message asked for and did not get.
    """

    payment_context: bool = False
    bank_context: bool = False
    card_digits_pending: int = 0
    asked_for: AskedFor | None = None


# Plain slots dataclass, never changed once built (shared by every recognizer; tests hold
# it as built). Not frozen: frozen or named-tuple records cost the engine 5% (measured).
@dataclass(slots=True)
class CueSpans:
    """Start and end offsets of one kind of cue, sorted."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def before(self, position: int, within: int) -> int | None:
        """End offset of the nearest cue ending at or before ``position``, if within reach."""
        index = bisect.bisect_right(self.ends, position) - 1
        if index >= 0 and position - self.ends[index] <= within:
            return self.ends[index]
        return None

    def after(self, position: int, within: int) -> int | None:
        """Start offset of the nearest cue starting at or after ``position``, if within reach."""
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.starts) and self.starts[index] - position <= within:
            return self.starts[index]
        return None

    def last_start(self) -> int:
        return self.starts[-1] if self.starts else -1

    def __bool__(self) -> bool:
        return bool(self.starts)


# Plain slots dataclass, never changed once built (shared by every recognizer; tests hold
# it as built). Not frozen: frozen or named-tuple records cost the engine 5% (measured).
@dataclass(slots=True)
class PaymentScan:
    """Digit runs, cue positions and conversation state for one message."""

    text: str
    tokens: WordTokens
    cues: CueMap
    carried: Carried
    # Derived once by the scanner (recognizers ask these many times).
    has_payment_cue: bool
    payment_context: bool
    bank_context: bool
    carried_fragment: bool
    # Digits typed, plus number words: a card needs 13 (cheap to count, unlike runs).
    digit_count: int
    # () until :meth:`PaymentScanner.with_runs`: the engine finds them once, before the
    # first recognizer that reads them runs (most messages never need them).
    runs: tuple[DigitRun, ...] = ()

    def in_payment_context(self) -> PaymentScan:
        """This scan in a payment context (a new scan; this one is unchanged)."""
        return self._with(True, self.runs)

    def _with(self, payment_context: bool, runs: tuple[DigitRun, ...]) -> PaymentScan:
        return PaymentScan(
            self.text,
            self.tokens,
            self.cues,
            self.carried,
            self.has_payment_cue,
            payment_context,
            self.bank_context,
            self.carried_fragment,
            self.digit_count,
            runs,
        )

    def cue_near(
        self, kind: CueKind, run_start: int, run_end: int, before: int, after: int
    ) -> bool:
        """A cue of ``kind`` ends at most ``before`` characters before the span or starts at
        most ``after`` characters after it (each recognizer's reach, recognizers.yaml)."""
        spans = self.cues[kind]
        near_before = spans.before(run_start, before) is not None
        return near_before or spans.after(run_end, after) is not None

    def reference_blocks(self, start: int, within: int, kind: CueKind = "reference") -> bool:
        """The nearest cue ending within ``within`` characters before ``start`` says the
        number is a reference, not card data (``kind="account"``: an account number,
        which is no card either)."""
        reference = self.cues[kind].before(start, within)
        if reference is None:
            return False
        nearest_card = max(
            (self.cues[kind].before(start, within) or -1)
            for kind in ("card", "security_code", "expiry")
        )
        return reference > nearest_card

    def is_first_run(self, run: DigitRun) -> bool:
        return bool(self.runs) and self.runs[0] is run

    def ends_message(self, end: int) -> bool:
        """Only whitespace, punctuation or symbols follow ``end``."""
        return _TRAILER.fullmatch(self.text, end) is not None

    def starts_message(self, start: int) -> bool:
        """Only a few words ("its", "then", "sorry") precede ``start``."""
        return start <= 24 and len(_WORD.findall(self.text, 0, start)) <= 3


Span = tuple[int, int]


def _not_inside(spans: list[Span], others: list[Span]) -> list[Span]:
    """``spans`` that share no character with any of ``others`` (linear in their length)."""
    if not others:
        return spans
    covered = {index for start, end in others for index in range(start, end)}
    return [span for span in spans if covered.isdisjoint(range(span[0], span[1]))]


class CueMap(dict[CueKind, CueSpans]):
    """Cue spans by kind; a kind with no cue in the message reads as empty. Read-only once
    built (a dict subclass rather than a mapping proxy: ``cues[kind]`` is the hot path)."""

    def __missing__(self, kind: CueKind) -> CueSpans:
        return _NO_SPANS

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("CueMap is read-only")

    __setitem__ = __delitem__ = _read_only
    clear = pop = popitem = setdefault = update = __ior__ = _read_only


_NO_SPANS = CueSpans()
NO_CUES = CueMap()
_TRAILER = re.compile(r"[\W_]{0,12}")
_WORD = re.compile(r"[^\W\d_]+")


def cue_spans(found: dict[CueKind, list[Span]]) -> CueMap:
    """Cue spans per kind from phrase matches (any order, overlaps allowed)."""
    if not found:
        return NO_CUES
    found = {kind: _outermost(spans) for kind, spans in found.items()}
    if "security_code" in found and "sort_code" in found:
        # "code" in "sort code" is not a security code cue.
        found["security_code"] = _not_inside(found["security_code"], found["sort_code"])
    if "payment" in found:
        # Card cues: payment cues that are not about bank accounts ("card", "visa", "pay").
        bank_kinds: tuple[CueKind, ...] = ("account", "sort_code", "bank", "reference")
        bank_spans = [span for kind in bank_kinds for span in found.get(kind, ())]
        found["card"] = _not_inside(found["payment"], bank_spans)
    # zip(*spans): the starts and the ends as two tuples, in one step.
    return CueMap(
        {kind: CueSpans(*zip(*spans, strict=True)) for kind, spans in found.items() if spans}
    )


def _outermost(spans: list[Span]) -> list[Span]:
    """Sorted spans without those inside another ("account" inside "account number")."""
    if len(spans) == 1:
        return spans
    kept: list[Span] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if kept and end <= kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


class PaymentScanner:
    """Builds :class:`PaymentScan` objects from text and its cue matches."""

    def __init__(self, language: PaymentLanguage) -> None:
        self._finder = DigitRunFinder(language)

    def scan(
        self,
        text: str,
        tokens: WordTokens,
        cues: CueMap,
        carried: Carried | None = None,
    ) -> PaymentScan:
        carried = carried or Carried()
        has_payment_cue = "payment" in cues
        carried_fragment = 0 < carried.card_digits_pending < 13
        return PaymentScan(
            text,
            tokens,
            cues,
            carried,
            has_payment_cue,
            has_payment_cue or carried.payment_context or carried_fragment,  # payment_context
            "bank" in cues or carried.bank_context,  # bank_context
            carried_fragment,
            self._finder.count_digits(text, tokens),  # digit_count
        )

    def with_runs(self, scan: PaymentScan) -> PaymentScan:
        """``scan`` with its digit runs found (a new scan; ``scan`` itself is unchanged)."""
        return scan._with(scan.payment_context, tuple(self._finder.runs(scan.text, scan.tokens)))
