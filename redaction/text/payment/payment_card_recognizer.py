"""Payment card numbers: typed, grouped, spoken, misread, or split across two messages.

Luhn is a signal, not a gate. Outside a payment context only a Luhn-valid 13-19 digit
number from a major card network is removed (a reference number that happens to pass Luhn
but starts with 0, 1, 7, 8 or 9 is kept). Inside a payment context every card-length run
is removed, because people misread digits and transcription splits and fuses them; so are
fragments in card-like grouping, which is how a number typed over two messages starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ringfence.redaction.text.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from ringfence.redaction.text.payment.checks import luhn_valid
from ringfence.redaction.text.payment.digit_runs import DigitGroup, DigitRun
from ringfence.redaction.text.payment.payment_scan import PaymentScan
from ringfence.redaction.text.recognizer_config import PaymentCardConfig

CARD = "PAYMENT_CARD"
CARD_LENGTHS = range(13, 20)
# First digits of Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro, UnionPay.
_NETWORK_FIRST_DIGITS = frozenset("23456")


class PaymentCardRecognizer(ArtifactRecognizer):
    def __init__(self, config: PaymentCardConfig | None = None) -> None:
        super().__init__(supported_entities=[CARD], name="payment_card")
        self.config = config or PaymentCardConfig()

    def can_find(self, artifacts: TextArtifacts) -> bool:
        scan = artifacts.payment
        return scan.payment_context or scan.digit_count >= CARD_LENGTHS.start

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        scan = artifacts.payment
        for run in scan.runs:
            yield from card_hits(run, scan, self.config)


def card_hits(run: DigitRun, scan: PaymentScan, reach: PaymentCardConfig) -> Iterator[Hit]:
    """Card numbers (whole or partial) within one digit run."""
    digits = run.digits
    if (
        scan.carried_fragment
        and scan.is_first_run(run)
        and scan.starts_message(run.start)
        and len(digits) >= 3
    ):
        yield CARD, run.start, run.end, 0.9, "second_fragment"
        return
    blocked = (
        run.prefixed or run.glued or scan.reference_blocks(run.start, reach.reference_cue_before)
    )
    if not scan.payment_context or blocked:
        # Only a Luhn-valid number from a card network; a reference that merely passes
        # Luhn usually starts with 0, 1, 7, 8 or 9.
        if len(digits) >= CARD_LENGTHS.start:
            for first, last in _luhn_windows(run.groups):
                yield CARD, run.groups[first].start, run.groups[last].end, 1.0, "luhn"
        return
    if len(digits) in CARD_LENGTHS:
        how = "luhn" if luhn_valid(digits) else "card_length_in_context"
        yield CARD, run.start, run.end, 1.0 if how == "luhn" else 0.8, how
    elif len(digits) > CARD_LENGTHS.stop - 1:
        yield from _long_run(run)
    elif _fragment(run, scan, reach):
        yield CARD, run.start, run.end, 0.7, "fragment_in_context"


def _luhn_windows(groups: tuple[DigitGroup, ...]) -> Iterator[tuple[int, int]]:
    """Non-overlapping group ranges forming a Luhn-valid card number, longest first."""
    first = 0
    while first < len(groups):
        found = _longest_valid_from(groups, first)
        if found is None:
            first += 1
            continue
        yield first, found
        first = found + 1


def _longest_valid_from(groups: tuple[DigitGroup, ...], first: int) -> int | None:
    if groups[first].digits[:1] not in _NETWORK_FIRST_DIGITS:
        return None
    candidates: list[tuple[int, str]] = []
    digits = ""
    for last in range(first, len(groups)):
        digits += groups[last].digits
        if len(digits) > CARD_LENGTHS.stop - 1:
            break
        if len(digits) in CARD_LENGTHS:
            candidates.append((last, digits))
    for last, number in reversed(candidates):
        if luhn_valid(number):
            return last
    return None


def _long_run(run: DigitRun) -> Iterator[Hit]:
    """A run longer than any card: card digits fused with more digits.

    Groups of at most four digits (typed in fours, or spoken) are all card data, and so is
    any unbroken string longer than a card ("49291234567890120327" with its expiry);
    otherwise (a card, then a phone number) take card-length prefixes and leave the rest.
    """
    groups = run.groups
    if all(len(group.digits) <= 4 for group in groups):
        yield CARD, run.start, run.end, 0.75, "long_run_in_context"
        return
    first = 0
    while first < len(groups):
        if len(groups[first].digits) > CARD_LENGTHS.stop - 1:
            yield CARD, groups[first].start, groups[first].end, 0.7, "long_string_in_context"
            first += 1
            continue
        total, last = 0, first
        while last < len(groups) and total + len(groups[last].digits) <= CARD_LENGTHS.stop - 1:
            total += len(groups[last].digits)
            last += 1
        if total in CARD_LENGTHS:
            yield CARD, groups[first].start, groups[last - 1].end, 0.7, "card_prefix_in_context"
            first = last
        else:
            first += 1


def _fragment(run: DigitRun, scan: PaymentScan, reach: PaymentCardConfig) -> bool:
    """4-12 digits that look like part of a card number (whose first digit is never 0)."""
    digits = run.digits
    if (
        len(digits) < 4
        or digits[0] == "0"
        or scan.reference_blocks(run.start, reach.reference_cue_before, "account")
    ):
        return False  # "the account is four oh one double two ...": an account number
    sizes = run.sizes()
    in_fours = len(sizes) >= 2 and all(size == 4 for size in sizes[:-1]) and sizes[-1] <= 4
    if in_fours:
        return True
    if not scan.ends_message(run.end):
        # Read out mid-sentence, part of a card follows a card cue; a bare 8-digit number
        # in a call ("my bill says four oh one ...") is a council reference.
        return run.spoken and len(digits) >= 6 and _card_cue_before(scan, run.start, reach)
    if run.spoken and len(digits) >= 6:
        return True
    if scan.carried.asked_for == "card" and scan.starts_message(run.start):
        return True  # "what's the long number?" -> "5288"
    # "my card number is 49291234": a card-number cue, not just "pay by card for 40917736".
    if len(digits) < 6:
        return False
    return scan.cues["card_number"].before(run.start, reach.card_number_cue_before) is not None


def _card_cue_before(scan: PaymentScan, start: int, reach: PaymentCardConfig) -> bool:
    card = scan.cues["card"].before(start, reach.card_cue_before)
    return card is not None and not scan.reference_blocks(start, reach.reference_cue_before)
