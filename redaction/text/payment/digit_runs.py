"""Find runs of digits in text, written ("4929 1234") or spoken ("four nine double two").

A run is a sequence of digit groups separated only by spaces, dashes, dots, commas or
hesitations ("um"). Each group keeps its own offsets so a detector can take part of a run
(the card number, not the expiry date typed after it). Units come from the message's
tokens (no second pass over the text) and are walked once, so a 1 MB message costs time
proportional to its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ringfence.redaction.text.payment.payment_language import PaymentLanguage
from ringfence.redaction.text.tokens import WordTokens

# Longest gap between two groups of one run, in characters ("4929 - 1234", "one, um, two").
_MAX_GAP = 12
_DIGITS = re.compile(r"\d+")
_ONE_DIGIT = re.compile(r"\d")
_SLASH = re.compile(r"\s?/\s?")
# Two or three capitals ("CT", "BR ", "NS") or one with a dash ("R-") glued before digits.
_REFERENCE_PREFIX = re.compile(r"(?<![^\W\d_])(?:[A-Z]{2,3}[\s\-]?|[A-Z]-)$")
# A number word in capitals glued to digits is a reference's letters ("TEN-003318").
_PREFIX_WORD = re.compile(r"[A-Z]{2,}-?\d")


# Plain slots dataclass, never changed once built (shared by every recognizer; tests hold
# it as built). Not frozen: frozen or named-tuple records cost the engine 5% (measured).
@dataclass(slots=True)
class DigitGroup:
    """One typed digit string or one spoken number ("double four" -> "44")."""

    start: int
    end: int
    digits: str
    spoken: bool
    weak: bool = False
    tens: bool = False


@dataclass(slots=True)
class DigitRun:
    """Consecutive digit groups read as one number (build with :func:`digit_run`)."""

    groups: tuple[DigitGroup, ...]
    # Right after a reference prefix ("CT 4401 2298", "R-5510"): a reference, not a card.
    prefixed: bool
    # Glued to letters or money ("NG24", "£100"): a one-group run that is never card data
    # unless it passes Luhn.
    glued: bool
    # Derived from the groups once (read many times by the recognizers).
    start: int
    end: int
    digits: str

    @property
    def spoken(self) -> bool:
        return any(group.spoken for group in self.groups)

    def sizes(self) -> tuple[int, ...]:
        return tuple(len(group.digits) for group in self.groups)


def digit_run(groups: tuple[DigitGroup, ...], prefixed: bool, glued: bool = False) -> DigitRun:
    """A run of ``groups`` with its offsets and digits derived."""
    digits = "".join(group.digits for group in groups)
    return DigitRun(groups, prefixed, glued, groups[0].start, groups[-1].end, digits)


class DigitRunFinder:
    """Turns text into digit runs using the number words of a :class:`PaymentLanguage`."""

    def __init__(self, language: PaymentLanguage) -> None:
        numbers = language.numbers
        self._words: dict[str, str] = {**numbers.digits}
        self._weak: dict[str, str] = dict(numbers.weak_digits)
        self._teens = dict(numbers.teens)
        self._tens = dict(numbers.tens)
        self._repeats = dict(numbers.repeats)
        vocabulary = [*self._words, *self._weak, *self._teens, *self._tens, *self._repeats]
        self.vocabulary = frozenset(word.lower() for word in vocabulary)
        # A run needs a digit or one of these; weak words ("to", "for") never stand alone.
        self._strong_words = self.vocabulary - set(self._weak)
        fillers = "|".join(re.escape(word) for word in numbers.fillers)
        self._gap = re.compile(rf"(?:[\s,.\-–—:]|(?<![^\W_])(?:{fillers})(?![^\W_]))*", re.I)

    def count_digits(self, text: str, tokens: WordTokens) -> int:
        """Digits in ``text`` plus number words among ``tokens`` (an upper bound for any run)."""
        digits = len(_ONE_DIGIT.findall(text))
        if self._strong_words.isdisjoint(tokens.lowers):
            return digits
        return digits + sum(1 for lower in tokens.lowers if lower in self.vocabulary) * 3

    def runs(self, text: str, tokens: WordTokens) -> list[DigitRun]:
        """All runs in ``text`` (tokenized as ``tokens``), in order; runs made only of weak
        words are dropped."""
        runs: list[DigitRun] = []
        if _DIGITS.search(text) is None and self._strong_words.isdisjoint(tokens.lowers):
            return runs
        current: list[DigitGroup] = []
        for group, standalone in self._groups(text, tokens):
            if current and (standalone or not self._joins(text, current[-1], group)):
                _close(text, current, runs)
                current = []
            current.append(group)
            if standalone:
                _close(text, current, runs, glued=True)
                current = []
        _close(text, current, runs)
        return runs

    def _joins(self, text: str, previous: DigitGroup, group: DigitGroup) -> bool:
        gap = group.start - previous.end
        if gap > _MAX_GAP:
            return False
        if gap == 1 and text[previous.end] == " ":  # the common case
            return True
        if _SLASH.fullmatch(text, previous.end, group.start):  # "5288/8539", never dates
            return len(previous.digits) == len(group.digits) == 4 and not group.spoken
        return self._gap.fullmatch(text, previous.end, group.start) is not None

    def _units(self, text: str, tokens: WordTokens) -> list[tuple[int, int, str | None]]:
        """(start, end, number word or None for typed digits) in text order: typed digits
        straight from the text (every digit lies in some token), number words from tokens."""
        typed: list[tuple[int, int, str | None]] = [
            (match.start(), match.end(), None) for match in _DIGITS.finditer(text)
        ]
        vocabulary, lowers = self.vocabulary, tokens.lowers
        if self._strong_words.isdisjoint(lowers):
            return typed  # "to", "for" are digits only among spoken numbers
        starts, ends = tokens.starts, tokens.ends
        words: list[tuple[int, int, str | None]] = [
            (starts[index], ends[index], lower)
            for index, lower in enumerate(lowers)
            if lower in vocabulary and not _PREFIX_WORD.match(text, starts[index])
        ]
        return sorted(typed + words, key=_unit_start) if typed else words

    def _groups(self, text: str, tokens: WordTokens) -> list[tuple[DigitGroup, bool]]:
        """Digit groups with a flag: True if it is glued to letters or money and stands alone."""
        groups: list[tuple[DigitGroup, bool]] = []
        pending_repeat = 1
        repeat_start = -1
        for start, end, word in self._units(text, tokens):
            if word is None:
                digits, weak = _ascii_digits(text[start:end]), False
                standalone = _glued(text, start, end)
            else:
                if word in self._repeats:
                    pending_repeat, repeat_start = self._repeats[word], start
                    continue
                digits, weak = self._word_digits(word)
                standalone = False
            tens = word is not None and word in self._tens
            if pending_repeat > 1 and 0 <= start - repeat_start <= 12:
                digits, start, weak, tens = digits * pending_repeat, repeat_start, False, False
            pending_repeat = 1
            groups.append(
                (DigitGroup(start, end, digits, word is not None, weak, tens), standalone)
            )
        return _merge_tens(groups)

    def _word_digits(self, word: str) -> tuple[str, bool]:
        if word in self._words:
            return self._words[word], False
        if word in self._weak:
            return self._weak[word], True
        if word in self._teens:
            return self._teens[word], False
        return self._tens[word] + "0", False


def _unit_start(unit: tuple[int, int, str | None]) -> int:
    return unit[0]


def _close(text: str, groups: list[DigitGroup], runs: list[DigitRun], glued: bool = False) -> None:
    """Trim weak words off both ends; keep the run if anything is left.

    A leading spoken zero followed by a pause ("oh sorry 4929 ...", "oh, 4929") is the
    exclamation, not a digit.
    """
    first, last = 0, len(groups)
    while first < last and groups[first].weak:
        first += 1
    while last > first and groups[last - 1].weak:
        last -= 1
    if last - first > 1 and _exclamation(text, groups[first], groups[first + 1]):
        first += 1
    if first < last:
        start = groups[first].start
        runs.append(digit_run(tuple(groups[first:last]), has_reference_prefix(text, start), glued))


def _exclamation(text: str, group: DigitGroup, following: DigitGroup) -> bool:
    if not (group.spoken and group.digits == "0"):
        return False
    gap = text[group.end : following.start]
    return any(char.isalpha() or char == "," for char in gap)


def has_reference_prefix(text: str, start: int) -> bool:
    """Capitals right before ``start`` ("CT 4401", "R-5510"): the digits are a reference."""
    return _REFERENCE_PREFIX.search(text, max(0, start - 4), start) is not None


def _ascii_digits(digits: str) -> str:
    """Any decimal digits as ASCII ("٤١١١" and "４１１１" are 4111 too)."""
    return digits if digits.isascii() else "".join(str(int(char)) for char in digits)


def _glued(text: str, start: int, end: int) -> bool:
    """Digits inside a word ("CT1234", "NG24") or money ("£12") are never part of a run."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalpha() or after.isalpha() or before in "£$€%" or after in "%"


def _merge_tens(groups: list[tuple[DigitGroup, bool]]) -> list[tuple[DigitGroup, bool]]:
    """ "forty nine" is 49, not 409: a spoken tens word absorbs the spoken digit after it."""
    merged: list[tuple[DigitGroup, bool]] = []
    for group, standalone in groups:
        if (
            merged
            and _is_tens(merged[-1][0])
            and _is_unit_word(group)
            and (group.start - merged[-1][0].end <= 2)
        ):
            tens = merged[-1][0]
            merged[-1] = (
                DigitGroup(tens.start, group.end, tens.digits[0] + group.digits, True),
                False,
            )
            continue
        merged.append((group, standalone))
    return merged


def _is_tens(group: DigitGroup) -> bool:
    return group.tens


def _is_unit_word(group: DigitGroup) -> bool:
    return group.spoken and not group.weak and len(group.digits) == 1 and group.digits != "0"
