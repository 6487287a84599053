"""Find hundreds of lexicon phrases in a message in one pass over its tokens.

Phrases are indexed by their first word (Aho-Corasick style on words rather than characters):
each token costs a few dictionary lookups however many terms the lexicon holds, and a
phrase is only compared word by word when its first word already matched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ringfence.redaction.findings import Category
from ringfence.redaction.text.lexicon.phrase_trie import Node, add_phrase, add_template
from ringfence.redaction.text.lexicon.spelling_corrector import SpellingCorrector
from ringfence.redaction.text.tokens import WordTokens

EntryKind = Literal["term", "abbreviation", "ambiguous", "predicate", "act", "false_friend", "cue"]


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """One lexicon phrase as words; ``wildcard`` lets the last word continue with letters.
    A template has ``positions`` (its alternatives per position) and ``words`` lists every
    word it uses."""

    words: tuple[str, ...]
    wildcard: bool
    category: Category | None
    kind: EntryKind
    source: str
    cue: str | None = None  # for kind "cue": which payment cue ("expiry", "sort_code"...)
    positions: tuple[tuple[tuple[str, ...], ...], ...] = ()


# Plain slots dataclass, never changed once built (shared by every recognizer; tests hold
# it as built). Not frozen: frozen or named-tuple records cost the engine 5% (measured).
@dataclass(slots=True)
class PhraseMatch:
    """``entry`` matched tokens ``first`` to ``last`` (inclusive)."""

    first: int
    last: int
    entry: PhraseEntry


_Node = Node[PhraseEntry]


class PhraseIndex:
    """Word tries of phrase entries: one case-insensitive, one exact-case (abbreviations).

    Matching walks the trie from each token, so a token costs a couple of dictionary
    lookups however many phrases start with the same word ("i", "my", "on").
    """

    def __init__(
        self,
        entries: Iterable[PhraseEntry],
        never_correct: frozenset[str] = frozenset(),
        suffixes: Mapping[str, str] | None = None,
    ) -> None:
        self._root: _Node = Node()
        self._exact_root: _Node = Node()
        entries = list(entries)
        for entry in entries:
            self._add(entry)
        meanings: dict[str, set[object]] = {}
        for entry in entries:
            if entry.kind != "abbreviation":
                for word in entry.words:
                    meanings.setdefault(word, set()).add(entry.category or entry.cue)
        self._spelling = SpellingCorrector(
            {w: frozenset(m) for w, m in meanings.items()}, never_correct, suffixes
        )
        # Single-word wildcards by their first three letters, so a token checks only the
        # few prefixes that can match it; shorter prefixes are checked one by one.
        self._wildcards_by_head: dict[str, list[tuple[str, _Node]]] = {}
        self._short_wildcards: list[tuple[str, _Node]] = []
        for prefix, node in self._root.wildcards.items():
            if len(prefix) < 3:
                self._short_wildcards.append((prefix, node))
            else:
                self._wildcards_by_head.setdefault(prefix[:3], []).append((prefix, node))

    def _add(self, entry: PhraseEntry) -> None:
        root = self._exact_root if entry.kind == "abbreviation" else self._root
        if entry.positions:
            add_template(root, entry.positions, entry)
        else:
            add_phrase(root, entry.words, entry.wildcard, entry)

    def matches(self, tokens: WordTokens) -> list[PhraseMatch]:
        """Every phrase occurrence, in token order (overlaps included).

        A misspelt lexicon word ("sclerosys", "diabetis") is matched as the word it is one
        edit away from: the correction stands in for the token's lemma.
        """
        found: list[PhraseMatch] = []
        lowers, texts = tokens.lowers, tokens.texts
        lemmas = self._spelling.correct(tokens)
        children, exact_children = self._root.children, self._exact_root.children
        heads = self._wildcards_by_head
        # Most tokens start no phrase: find the few that might in one comprehension.
        starting = [
            index
            for index, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True))
            if lower in children or lemma in children or lower[:3] in heads
        ]
        count = len(lowers)
        for first in starting:
            lower, lemma = lowers[first], lemmas[first]
            for key in (lower, lemma) if lemma != lower else (lower,):
                child = children.get(key)
                # Walk only if a phrase ends here or the next token can continue one.
                if child is not None and (
                    child.ending
                    or child.wildcards
                    or (
                        first + 1 < count
                        and (lowers[first + 1] in child.nexts or lemmas[first + 1] in child.nexts)
                    )
                ):
                    self._walk(child, lowers, lemmas, first, first, found)
            candidates = heads.get(lower[:3])
            if candidates is not None:
                self._wildcard_words(lower, first, candidates, found)
        if self._short_wildcards:
            for first, lower in enumerate(lowers):
                self._wildcard_words(lower, first, [], found)
        for first in [index for index, text in enumerate(texts) if text in exact_children]:
            self._walk_exact(exact_children[texts[first]], texts, first, first, found)
        return found

    def _wildcard_words(
        self, lower: str, index: int, candidates: list[tuple[str, _Node]], found: list[PhraseMatch]
    ) -> None:
        for prefix, node in (*candidates, *self._short_wildcards):
            if _wildcard_ok(lower, prefix):
                found.extend(PhraseMatch(index, index, entry) for entry in node.ending)

    def _walk(
        self,
        node: _Node,
        lowers: Sequence[str],
        lemmas: Sequence[str],
        first: int,
        index: int,
        found: list[PhraseMatch],
    ) -> None:
        """``node`` matched token ``index``: record phrases ending here and follow the
        tokens after it down the trie (a loop; recursion only where a lemma branches off)."""
        count = len(lowers)
        while True:
            for entry in node.ending:
                found.append(PhraseMatch(first, index, entry))
            index += 1
            if index >= count:
                return
            children = node.children
            lower, lemma = lowers[index], lemmas[index]
            if node.wildcards:
                for prefix, wildcard_node in node.wildcards.items():
                    if _wildcard_ok(lower, prefix):
                        found.extend(PhraseMatch(first, index, e) for e in wildcard_node.ending)
            if node.slot_heads and (lower in node.slot_heads or lemma in node.slot_heads):
                self._walk_slots(node, lowers, lemmas, first, index, found)
            if not children:
                return
            if lemma != lower and lemma in children:
                self._walk(children[lemma], lowers, lemmas, first, index, found)
            next_node = children.get(lower)
            if next_node is None:
                return
            node = next_node

    def _walk_slots(
        self,
        node: _Node,
        lowers: Sequence[str],
        lemmas: Sequence[str],
        first: int,
        index: int,
        found: list[PhraseMatch],
    ) -> None:
        """Follow each template position at ``node`` that token ``index`` starts."""
        lower, lemma = lowers[index], lemmas[index]
        for alternatives, after in node.slots:
            rests = alternatives.get(lower) or (alternatives.get(lemma) if lemma != lower else None)
            for rest in rests or ():
                end = index + len(rest)
                if end < len(lowers) and all(
                    word in (lowers[at], lemmas[at]) for at, word in enumerate(rest, index + 1)
                ):
                    self._walk(after, lowers, lemmas, first, end, found)

    def _walk_exact(
        self, node: _Node, texts: Sequence[str], first: int, index: int, found: list[PhraseMatch]
    ) -> None:
        found.extend(PhraseMatch(first, index, entry) for entry in node.ending)
        if index + 1 < len(texts):
            child = node.children.get(texts[index + 1])
            if child is not None:
                self._walk_exact(child, texts, first, index + 1, found)


def _wildcard_ok(lower: str, prefix: str) -> bool:
    return lower.startswith(prefix) and (
        len(lower) == len(prefix) or lower[len(prefix) :].isalpha()
    )


def template_entry(
    positions: Sequence[Sequence[str]],
    category: Category | None,
    kind: EntryKind,
    tokenize: Callable[[str], WordTokens],
    source: str,
) -> PhraseEntry:
    """A template's positions as words, split like messages (``"next door's"`` is three)."""
    split = tuple(
        tuple(tuple(tokenize(option).lowers) for option in options) for options in positions
    )
    words = tuple(dict.fromkeys(word for options in split for option in options for word in option))
    return PhraseEntry(words, False, category, kind, source, positions=split)


def phrase_entry(
    phrase: str,
    category: Category | None,
    kind: EntryKind,
    tokenize: Callable[[str], WordTokens],
    cue: str | None = None,
) -> PhraseEntry | None:
    """Split ``phrase`` into words with the message tokenizer, so both sides split alike."""
    wildcard = phrase.rstrip().endswith("*")
    tokens = tokenize(phrase.strip().rstrip("*"))
    words = tuple(tokens.texts) if kind == "abbreviation" else tuple(tokens.lowers)
    if not words:
        return None
    return PhraseEntry(words, wildcard, category, kind, phrase.strip(), cue)
