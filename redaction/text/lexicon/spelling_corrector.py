"""One-typo spelling correction towards the lexicon's own words ("diabetis" -> "diabetes").

Chats are typed fast on phones. A lower-case token that is not itself a lexicon word and is
one edit away from a lexicon word of at least ``MIN_WORD`` letters is read as that word:
any single insertion, deletion, substitution or swap of adjacent letters for tokens of
``MIN_LENGTH`` letters or more ("demencia", "sclerosys"); for shorter tokens only an extra
letter or a swap ("autisum", "anxeity"), since many ordinary short words are one
substitution from a term ("consent" / "convent", "muslin" / "muslim"). Capitalised words,
mostly names, are left alone ("Christina" is not "christian"). When several words are one
edit away, they must mean the same (one category) or share the last letter. Lookups use a
single-deletion index (SymSpell), so a token costs a few dictionary probes, and results
are cached per form.

Unknown words with a medical ending ("bronchiolitis", "haemochromatosis", "neuropathy")
are read as a stand-in word the lexicon lists for the ending (see ``suffix_word``), so a
condition nobody thought to list is still found, for the price of one cached lookup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from ringfence.redaction.data_files import read_data_text
from ringfence.redaction.text.tokens import WordTokens


def load_never_correct(path: Path | None = None) -> frozenset[str]:
    """The ordinary words the corrector must leave alone (``data/spelling.yaml``)."""
    text = read_data_text("spelling.yaml", path)
    words = (yaml.safe_load(text) or {}).get("never_correct", [])
    return frozenset(str(word).lower() for word in words)


MIN_LENGTH = 8
MIN_SHORT_LENGTH = 7
MIN_WORD = 6
# Longer tokens are no typo of any lexicon word (and deletions of them cost length squared).
MAX_LENGTH = 30
_CACHE_LIMIT = 100_000


def suffix_word(category: str) -> str:
    """The stand-in lemma for a word with one of ``category``'s endings: no token can
    spell it, so only the corrector produces it."""
    return f"<{category} suffix>"


class SpellingCorrector:
    def __init__(
        self,
        meanings: Mapping[str, frozenset[object]],
        never: frozenset[str] = frozenset(),
        suffixes: Mapping[str, str] | None = None,
    ) -> None:
        """``meanings``: each lexicon word and what it can mean (its categories); ``never``:
        ordinary words one typo from a lexicon word ("addition" / "addiction") or with a
        medical ending ("sympathy"); ``suffixes``: ending -> stand-in word."""
        self._meanings = meanings
        self._suffixes = dict(suffixes or {})
        self._endings = tuple(self._suffixes)
        self._vocabulary = frozenset(meanings) | never
        self._by_deletion: dict[str, set[str]] = {}
        for word in self._vocabulary:
            if len(word) >= MIN_WORD and word.isalpha():
                for variant in (word, *_deletions(word)):
                    self._by_deletion.setdefault(variant, set()).add(word)
        self._cache: dict[str, str | None] = {}

    def correct(self, tokens: WordTokens) -> Sequence[str]:
        """The tokens' lemmas, with misspelt lexicon words replaced by the right word."""
        lemmas = tokens.lemmas
        corrected: list[str] | None = None
        lowers, cache = tokens.lowers, self._cache
        for index, lower in enumerate(lowers):
            if not MIN_SHORT_LENGTH <= len(lower) <= MAX_LENGTH:
                continue
            word = cache[lower] if lower in cache else self._decide(lower, lemmas[index])
            if word is not None and _case_allows(tokens.texts[index], word):
                corrected = corrected or list(lemmas)
                corrected[index] = word
        return corrected or lemmas

    def _decide(self, lower: str, lemma: str) -> str | None:
        """The correction of a word form (None for lexicon words and their inflections)."""
        if lower in self._vocabulary or lemma in self._vocabulary:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[lower] = None
            return None
        found = self._lookup(lower)
        if found is None and self._endings and lemma.isalpha() and lemma.endswith(self._endings):
            found = next(self._suffixes[end] for end in self._endings if lemma.endswith(end))
            self._cache[lower] = found
        return found

    def _lookup(self, lower: str) -> str | None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        found: set[str] = set()
        if lower.isalpha():
            for variant in (lower, *_deletions(lower)):
                found.update(self._by_deletion.get(variant, ()))
        close = sorted(word for word in found if _one_edit(lower, word))
        if len(lower) < MIN_LENGTH:  # short: only an extra letter or a swap
            close = [word for word in close if len(word) < len(lower) or _swap(lower, word)]
        if len({self._meanings[word] for word in close}) > 1:
            close = [word for word in close if word[-1] == lower[-1]]  # diabetes/diabetic
        result = close[0] if close and len({self._meanings[w] for w in close}) == 1 else None
        self._cache[lower] = result
        return result


def _case_allows(text: str, word: str) -> bool:
    """Typos are corrected in lower case only ("Christina" is a name); a medical ending
    also counts capitalised at the start of a sentence ("Bronchiolitis is going round")."""
    return text.islower() or (word[0] == "<" and text.istitle())


def _swap(a: str, b: str) -> bool:
    """``b`` is ``a`` with two adjacent letters swapped."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """One typo apart: a letter missing, extra, swapped with its neighbour, or replaced by a
    vowel for a vowel, a key next to it or a letter that sounds alike. The first letter is
    never the typo, which keeps "heating" from "eating" and "meditation" from "medication"."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return _plausible_slip(a[diffs[0]], b[diffs[0]])
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and (a[diffs[1]] == b[diffs[0]])
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


_VOWELS = frozenset("aeiouy")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    key: {row[i - 1] for i in (index,) if i > 0}
    | {row[i + 1] for i in (index,) if i + 1 < len(row)}
    for row in _KEYBOARD_ROWS
    for index, key in enumerate(row)
}
_SOUND_ALIKE = frozenset({("c", "s"), ("c", "k"), ("s", "z"), ("k", "q"), ("f", "v"), ("g", "j")})


def _plausible_slip(x: str, y: str) -> bool:
    return (
        (x in _VOWELS and y in _VOWELS)
        or y in _NEIGHBOURS.get(x, ())
        or (x, y) in _SOUND_ALIKE
        or (y, x) in _SOUND_ALIKE
    )
