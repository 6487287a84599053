"""Context words near a hit, compared on stems so inflections agree without a lemmatizer."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ringfence.redaction.text.tokens import WordTokens


@dataclass(frozen=True, slots=True)
class ContextWords:
    """Stems of single context words, and multi-word context phrases by their first stem."""

    single: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, words: Iterable[str], tokenize: Callable[[str], WordTokens]) -> ContextWords:
        single: set[str] = set()
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for word in words:
            stems = tuple(tokenize(word).stems)
            if len(stems) == 1:
                single.add(stems[0])
            elif stems:
                phrases.setdefault(stems[0], []).append(stems)
        return cls(frozenset(single), {first: tuple(p) for first, p in phrases.items()})

    def near(self, tokens: WordTokens, first: int, last: int, window: int) -> str | None:
        """A context word within ``window`` tokens of tokens ``first..last``, else None."""
        stems = tokens.stems
        low, high = max(0, first - window), min(len(stems), last + 1 + window)
        for index in itertools.chain(range(low, first), range(last + 1, high)):
            stem = stems[index]
            if stem in self.single:
                return tokens.lowers[index]
            for phrase in self.phrases.get(stem, ()):
                overlaps_hit = index < first <= index + len(phrase) - 1
                if not overlaps_hit and tuple(stems[index : index + len(phrase)]) == phrase:
                    return " ".join(tokens.lowers[index : index + len(phrase)])
        return None
