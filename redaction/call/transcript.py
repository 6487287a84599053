"""Timed transcript words <-> one plain text for the text engine, and findings back to time.

Words are joined with single spaces; each word remembers its character range, so a finding's
character span maps back to the words it touches and from there to seconds.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ringfence.redaction.findings import Category, Flag, Redaction


@dataclass(frozen=True, slots=True)
class Word:
    """One transcript word from ``start`` to ``end`` seconds."""

    word: str
    start: float
    end: float


class TextFindingsLike(Protocol):
    """What ``ringfence.redaction.text.engine.TextEngine.analyse`` returns."""

    @property
    def redactions(self) -> Sequence[Redaction]: ...

    @property
    def flags(self) -> Sequence[Flag]: ...

    @property
    def payment_context(self) -> bool: ...


class TextAnalyser(Protocol):
    """The text engine as the call redaction uses it."""

    def analyse(self, text: str, *, payment_context: bool = False) -> TextFindingsLike: ...


@dataclass(frozen=True, slots=True)
class TimedFlag:
    """A special-category flag located in seconds."""

    start: float
    end: float
    category: Category
    confidence: float
    detector: str


@dataclass(frozen=True)
class JoinedTranscript:
    """``text`` of the words joined by single spaces; ``starts[i]`` is where word i begins."""

    words: tuple[Word, ...]
    text: str
    starts: tuple[int, ...]

    def word_indices(self, start: int, end: int) -> range:
        """Indices of the words overlapping characters ``start``..``end``."""
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        if first < len(self.words) and start >= self._word_end(first):
            first += 1
        last = bisect.bisect_left(self.starts, end)
        return range(first, max(first, last))

    def seconds(self, start: int, end: int) -> tuple[float, float] | None:
        """Time covered by the words overlapping characters ``start``..``end``."""
        indices = self.word_indices(start, end)
        if not indices:
            return None
        return self.words[indices[0]].start, max(self.words[i].end for i in indices)

    def _word_end(self, index: int) -> int:
        return self.starts[index] + len(self.words[index].word)


def join_words(words: Iterable[Word]) -> JoinedTranscript:
    """The words as one text, keeping each word's character position."""
    ordered = tuple(words)
    starts, position = [], 0
    for word in ordered:
        starts.append(position)
        position += len(word.word) + 1
    text = " ".join(word.word for word in ordered)
    return JoinedTranscript(words=ordered, text=text, starts=tuple(starts))


def redacted_word_indices(joined: JoinedTranscript, redactions: Iterable[Redaction]) -> set[int]:
    """Words touched by any redaction: they leave the transcript whatever else happens."""
    return {index for item in redactions for index in joined.word_indices(item.start, item.end)}


def timed_flags(
    joined: JoinedTranscript, flags: Iterable[Flag], kept: Collection[int]
) -> list[TimedFlag]:
    """Flags moved from characters to the seconds of their ``kept`` words.

    A flag whose words were all removed (inside a payment window, after a transfer) goes too.
    """
    timed = []
    for flag in flags:
        indices = [index for index in joined.word_indices(flag.start, flag.end) if index in kept]
        if indices:
            start = joined.words[indices[0]].start
            end = max(joined.words[index].end for index in indices)
            timed.append(TimedFlag(start, end, flag.category, flag.confidence, flag.detector))
    return timed
