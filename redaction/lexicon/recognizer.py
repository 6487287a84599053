"""Presidio recognizer for one special category, reading shared lexicon matches."""

from __future__ import annotations

from collections.abc import Iterable

from redaction.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from redaction.findings import Category
from redaction.lexicon.context import ContextWords
from redaction.lexicon.matcher import PhraseMatch
from redaction.lexicon.model import CategoryLexicon


def entity_of(category: Category) -> str:
    """Presidio entity type of a special category ("health" -> "SPECIAL_HEALTH")."""
    return "SPECIAL_" + category.upper()


class SpecialCategoryRecognizer(ArtifactRecognizer):
    """Flags mentions of one UK GDPR Art. 9 / Art. 10 category.

    Plain terms and abbreviations count on their own; ambiguous terms only with a context
    word of the category within ``window`` tokens; any hit inside a false friend phrase of
    the category ("sick of", "Church Lane") is dropped. Context boosting of plain hits is
    left to the engine's context enhancer, as in presidio.
    """

    def __init__(
        self, category: Category, lexicon: CategoryLexicon, context: ContextWords, window: int
    ) -> None:
        super().__init__(
            supported_entities=[entity_of(category)],
            name=f"lexicon.{category}",
            context=list(lexicon.context),
        )
        self.category = category
        self.context_words = context
        self._window = window
        self._confidence = lexicon.confidence
        self._ambiguous_confidence = lexicon.ambiguous_confidence

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        matches = artifacts.lexicon_matches
        blocked = [
            m
            for m in matches
            if m.entry.kind == "false_friend" and m.entry.category in (None, self.category)
        ]
        own = [
            m
            for m in matches
            if m.entry.category == self.category
            and m.entry.kind != "false_friend"
            and not _inside_any(m, blocked)
        ]
        words = artifacts.words
        entity = entity_of(self.category)
        for match in _longest_only(own):
            kind = match.entry.kind
            score = self._confidence
            if kind == "ambiguous":
                if self.context_words.near(words, match.first, match.last, self._window) is None:
                    continue
                score = self._ambiguous_confidence
            yield entity, words.starts[match.first], words.ends[match.last], score, kind


def _inside_any(match: PhraseMatch, blockers: list[PhraseMatch]) -> bool:
    return any(b.first <= match.first and match.last <= b.last for b in blockers)


def _longest_only(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Drop matches covered by a longer one ("mental health" wins over "mental")."""
    ordered = sorted(matches, key=lambda m: (m.first, -(m.last - m.first)))
    kept: list[PhraseMatch] = []
    for match in ordered:
        if kept and match.last <= kept[-1].last:
            continue
        kept.append(match)
    return kept
