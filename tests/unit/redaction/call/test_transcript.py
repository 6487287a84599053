"""Transcript words joined for the text engine, and character spans mapped back to time."""

from __future__ import annotations

from ringfence.redaction.call.transcript import Word, join_words, redacted_word_indices, timed_flags
from ringfence.redaction.findings import Flag, Redaction

WORDS = [
    Word("my", 0.0, 0.2),
    Word("card", 0.3, 0.6),
    Word("is", 0.7, 0.8),
    Word("four", 1.0, 1.3),
    Word("one", 1.4, 1.6),
    Word("hospital", 2.0, 2.6),
]


def test_words_join_with_single_spaces() -> None:
    joined = join_words(WORDS)
    assert joined.text == "my card is four one hospital"
    assert [joined.text[start:].split(" ")[0] for start in joined.starts] == [
        word.word for word in WORDS
    ]


def test_character_span_maps_to_the_words_it_touches() -> None:
    joined = join_words(WORDS)
    start = joined.text.index("four")
    assert list(joined.word_indices(start, start + len("four one"))) == [3, 4]
    # A span starting mid-word still takes the whole word.
    assert list(joined.word_indices(start + 2, start + 3)) == [3]
    # The space between two words touches neither.
    assert list(joined.word_indices(start - 1, start)) == []
    assert joined.seconds(start, start + 8) == (1.0, 1.6)


def test_redacted_words() -> None:
    joined = join_words(WORDS)
    start = joined.text.index("four")
    redactions = [Redaction(start, start + 8, "payment_card")]
    assert redacted_word_indices(joined, redactions) == {3, 4}


def test_flags_keep_only_kept_words() -> None:
    joined = join_words(WORDS)
    start = joined.text.index("one")
    flag = Flag(start, len(joined.text), "health", 0.9, "lexicon")
    (timed,) = timed_flags(joined, [flag], kept={0, 1, 2, 5})
    assert (timed.start, timed.end, timed.category) == (2.0, 2.6, "health")
    assert timed_flags(joined, [flag], kept={0, 1}) == []
