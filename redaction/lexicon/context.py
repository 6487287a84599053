"""Context words near a hit, compared on stems so inflections agree without a lemmatizer."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from redaction.lexicon.tokens import WordTokens


@dataclass(frozen=True, slots=True)
class ContextWords:
    """Stems of single context words and stem tuples of multi-word context phrases."""

    single: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def build(cls, words: Iterable[str], tokenize: Callable[[str], WordTokens]) -> ContextWords:
        single: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for word in words:
            stems = tuple(tokenize(word).stems)
            if len(stems) == 1:
                single.add(stems[0])
            elif stems:
                phrases.append(stems)
        return cls(frozenset(single), tuple(phrases))

    def near(self, tokens: WordTokens, first: int, last: int, window: int) -> str | None:
        """A context word within ``window`` tokens of tokens ``first..last``, else None."""
        low, high = max(0, first - window), min(len(tokens), last + 1 + window)
        stems = tokens.stems
        for index in range(low, high):
            if first <= index <= last:
                continue
            if stems[index] in self.single:
                return tokens.lowers[index]
            for phrase in self.phrases:
                if tuple(stems[index : index + len(phrase)]) == phrase:
                    return " ".join(tokens.lowers[index : index + len(phrase)])
        return None
