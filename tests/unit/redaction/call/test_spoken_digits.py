"""Reading digits out of transcript words, as callers say card numbers."""

from __future__ import annotations

import pytest

from ringfence.redaction.call.spoken_digits import digit_runs, normalise


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        # Digits as the phone platform's ASR writes them.
        ("4111 1111 1111 1111", [16]),
        ("it is 4111-1111 thanks", [8]),
        # Number words, British and US readings.
        ("four one one one one one one one one one one one one one one one", [16]),
        ("double four triple seven oh nought zero", [8]),
        ("twenty one", [2]),
        ("forty one eleven", [4]),
        ("four hundred", [3]),
        # Two numbers separated by ordinary words are two runs.
        ("flat nine and then one two three", [1, 3]),
        # "oh" alone is an interjection, not a digit.
        ("oh right oh okay", []),
        ("no numbers here at all", []),
        # ASR pronunciation variants and punctuation.
        ("four(2) one(2) one, one.", [4]),
    ],
)
def test_digit_runs(text: str, runs: list[int]) -> None:
    assert [run.digits for run in digit_runs(text.split())] == runs


def test_run_positions_are_word_indices() -> None:
    (run,) = digit_runs("my card is four one one one thanks".split())
    assert (run.first, run.last) == (3, 6)


def test_double_without_a_digit_is_not_a_number() -> None:
    assert digit_runs("a double room".split()) == []


@pytest.mark.parametrize(("word", "expected"), [("Four(2)", "four"), ("one,", "one"), ("O", "o")])
def test_normalise(word: str, expected: str) -> None:
    assert normalise(word) == expected
