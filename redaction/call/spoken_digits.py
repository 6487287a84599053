"""Count the digits carried by transcript words: "4111", "four", "oh", "double four".

A deliberately small, independent reader of spoken numbers. The timeline uses it to find
card-length runs and chunks of a card read across several turns, and verification uses it to
re-check the redacted transcript without trusting the text engine that found the data first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_UNITS = frozenset(
    "zero oh o nought naught nil one two three four five six seven eight nine".split()
)
_TEENS = frozenset(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
)
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_REPEATS = {"double": 1, "triple": 2}
_SCALES = {"hundred": 2, "thousand": 3}
# Ambiguous as digits on their own ("oh right"); they only count next to a clear digit.
_AMBIGUOUS = frozenset({"oh", "o"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class DigitRun:
    """Words ``first``..``last`` (inclusive) reading out about ``digits`` digits."""

    first: int
    last: int
    digits: int


def normalise(word: str) -> str:
    """Lower case without punctuation or an ASR pronunciation suffix ("four(2)" -> "four")."""
    return _NON_WORD.sub("", re.sub(r"\(\d+\)$", "", word.lower()))


def word_digits(word: str, previous: str = "") -> int | None:
    """Digits ``word`` adds to a number read out after ``previous``; None: not a number word."""
    token = normalise(word)
    if token.isdigit():
        return len(token)
    if token in _UNITS:
        # "twenty one" is two digits, not three.
        return 0 if normalise(previous) in _TENS else 1
    if token in _TEENS or token in _TENS:
        return 2
    if token in _SCALES and word_digits(previous):
        return _SCALES[token]
    return None


def digit_runs(words: Sequence[str]) -> list[DigitRun]:
    """Maximal runs of consecutive number words, with the digits each run reads out."""
    runs: list[DigitRun] = []
    first, digits, clear = -1, 0, False
    for index, word in enumerate(words):
        count = _digits_in_context(words, index)
        if count is None:
            if first >= 0 and clear:
                runs.append(DigitRun(first, index - 1, digits))
            first, digits, clear = -1, 0, False
            continue
        first = index if first < 0 else first
        digits += count
        clear = clear or normalise(word) not in _AMBIGUOUS
    if first >= 0 and clear:
        runs.append(DigitRun(first, len(words) - 1, digits))
    return runs


def _digits_in_context(words: Sequence[str], index: int) -> int | None:
    token = normalise(words[index])
    if token in _REPEATS:
        # "double four": the repeat word adds the extra copies of the next digit.
        following = words[index + 1] if index + 1 < len(words) else ""
        return _REPEATS[token] if word_digits(following) == 1 else None
    return word_digits(words[index], words[index - 1] if index > 0 else "")
