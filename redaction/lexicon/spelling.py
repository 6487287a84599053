"""One-typo spelling correction towards the lexicon's own words ("diabetis" -> "diabetes").

Chats are typed fast on phones. A lower-case token of at least ``MIN_LENGTH`` letters that
is not itself a lexicon word, and is one insertion, deletion, substitution or swap of
adjacent letters away from exactly one lexicon word of that length, is read as that word.
Shorter words are left alone, since too many ordinary words are one letter from a term
("consent" / "convent", "muslin" / "muslim"); so are capitalised words, which are mostly
names ("Christina" is not "christian"). Lookups use a single-deletion index
(SymSpell), so a token costs a few dictionary probes, and results are cached per form.
"""

from __future__ import annotations

from collections.abc import Iterable

from redaction.lexicon.tokens import WordTokens

MIN_LENGTH = 8
# Longer tokens are no typo of any lexicon word (and deletions of them cost length squared).
MAX_LENGTH = 30
_CACHE_LIMIT = 100_000


class SpellingCorrector:
    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._by_deletion: dict[str, set[str]] = {}
        for word in self._vocabulary:
            if len(word) >= MIN_LENGTH and word.isalpha():
                for variant in (word, *_deletions(word)):
                    self._by_deletion.setdefault(variant, set()).add(word)
        self._cache: dict[str, str | None] = {}

    def correct(self, tokens: WordTokens) -> list[str]:
        """The tokens' lemmas, with misspelt lexicon words replaced by the right word."""
        lemmas = tokens.lemmas
        corrected: list[str] | None = None
        lowers = tokens.lowers
        long_words = [i for i, lower in enumerate(lowers) if MIN_LENGTH <= len(lower) <= MAX_LENGTH]
        for index in long_words:
            lower = lowers[index]
            if lower in self._vocabulary:
                continue
            if lemmas[index] in self._vocabulary or not tokens.texts[index].islower():
                continue
            word = self._cache[lower] if lower in self._cache else self._lookup(lower)
            if word is not None:
                corrected = corrected or list(lemmas)
                corrected[index] = word
        return corrected or lemmas

    def _lookup(self, lower: str) -> str | None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        found: set[str] = set()
        if lower.isalpha():
            for variant in (lower, *_deletions(lower)):
                found.update(self._by_deletion.get(variant, ()))
        close = [word for word in found if _one_edit(lower, word)]
        if len(close) > 1:  # "diabetis": diabetes or diabetic? Trust the last letter.
            close = [word for word in close if word[-1] == lower[-1]]
        result = close[0] if len(close) == 1 else None
        self._cache[lower] = result
        return result


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of exactly one (insert, delete, substitute, swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
