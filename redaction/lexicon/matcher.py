"""Find hundreds of lexicon phrases in a message in one pass over its tokens.

Phrases are indexed by their first word (Aho-Corasick style on words rather than characters):
each token costs a few dictionary lookups however many terms the lexicon holds, and a
phrase is only compared word by word when its first word already matched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from redaction.findings import Category
from redaction.lexicon.tokens import WordTokens

EntryKind = Literal["term", "abbreviation", "ambiguous", "false_friend"]


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """One lexicon phrase as words; ``wildcard`` lets the last word continue with letters."""

    words: tuple[str, ...]
    wildcard: bool
    category: Category | None
    kind: EntryKind
    source: str


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """``entry`` matched tokens ``first`` to ``last`` (inclusive)."""

    first: int
    last: int
    entry: PhraseEntry


class PhraseIndex:
    """First-word index of phrase entries; case-sensitive entries are kept apart."""

    def __init__(self, entries: Iterable[PhraseEntry]) -> None:
        self._by_word: dict[str, list[PhraseEntry]] = {}
        self._by_exact_case: dict[str, list[PhraseEntry]] = {}
        self._by_prefix: dict[str, list[PhraseEntry]] = {}
        for entry in entries:
            self._add(entry)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def _add(self, entry: PhraseEntry) -> None:
        if entry.kind == "abbreviation":
            self._by_exact_case.setdefault(entry.words[0], []).append(entry)
        elif entry.wildcard and len(entry.words) == 1:
            self._by_prefix.setdefault(entry.words[0], []).append(entry)
        else:
            self._by_word.setdefault(entry.words[0], []).append(entry)

    def matches(self, tokens: WordTokens) -> list[PhraseMatch]:
        """Every phrase occurrence, in token order (overlaps included)."""
        found: list[PhraseMatch] = []
        for index in range(len(tokens)):
            for entry in self._candidates(tokens, index):
                last = _match_rest(entry, tokens, index)
                if last >= 0:
                    found.append(PhraseMatch(index, last, entry))
        return found

    def _candidates(self, tokens: WordTokens, index: int) -> list[PhraseEntry]:
        lower, lemma = tokens.lowers[index], tokens.lemmas[index]
        candidates = list(self._by_word.get(lower, ()))
        if lemma != lower:
            candidates.extend(self._by_word.get(lemma, ()))
        candidates.extend(self._by_exact_case.get(tokens.texts[index], ()))
        for length in self._prefix_lengths:
            if length > len(lower):
                break
            for entry in self._by_prefix.get(lower[:length], ()):
                if _wildcard_ok(lower, entry.words[0]):
                    candidates.append(entry)
        return candidates


def _match_rest(entry: PhraseEntry, tokens: WordTokens, first: int) -> int:
    """Index of the last token of ``entry`` starting at ``first``, or -1."""
    words = entry.words
    if first + len(words) > len(tokens):
        return -1
    for offset in range(1, len(words)):
        index = first + offset
        wildcard = entry.wildcard and offset == len(words) - 1
        if not _word_ok(words[offset], tokens, index, wildcard, entry.kind == "abbreviation"):
            return -1
    return first + len(words) - 1


def _word_ok(word: str, tokens: WordTokens, index: int, wildcard: bool, exact: bool) -> bool:
    if exact:
        return tokens.texts[index] == word
    lower = tokens.lowers[index]
    if wildcard:
        return _wildcard_ok(lower, word)
    return lower == word or tokens.lemmas[index] == word


def _wildcard_ok(lower: str, prefix: str) -> bool:
    return lower.startswith(prefix) and (
        len(lower) == len(prefix) or lower[len(prefix) :].isalpha()
    )


def phrase_entry(
    phrase: str,
    category: Category | None,
    kind: EntryKind,
    tokenize: Callable[[str], WordTokens],
) -> PhraseEntry | None:
    """Split ``phrase`` into words with the message tokenizer, so both sides split alike."""
    wildcard = phrase.rstrip().endswith("*")
    tokens = tokenize(phrase.strip().rstrip("*"))
    words = tuple(tokens.texts) if kind == "abbreviation" else tuple(tokens.lowers)
    if not words:
        return None
    return PhraseEntry(words, wildcard, category, kind, phrase.strip())
