"""Presidio recognizer for one special category, reading shared lexicon matches."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ringfence.redaction.findings import Category
from ringfence.redaction.text.artifacts import ArtifactRecognizer, Hit, TextArtifacts
from ringfence.redaction.text.lexicon.context_words import ContextWords
from ringfence.redaction.text.lexicon.model import CategoryLexicon
from ringfence.redaction.text.lexicon.person_frames import PersonFrames
from ringfence.redaction.text.lexicon.phrase_matcher import PhraseMatch


def entity_of(category: Category) -> str:
    """Presidio entity type of a special category ("health" -> "SPECIAL_HEALTH")."""
    return "SPECIAL_" + category.upper()


class SpecialCategoryRecognizer(ArtifactRecognizer):
    """Flags mentions of one UK GDPR Art. 9 / Art. 10 category.

    Plain terms and abbreviations count on their own. Ambiguous terms count with a context
    word of the category within ``window`` tokens, or when said of a person ("hes Polish");
    predicate terms only when said of a person; acts only when done by an identifiable
    person ("he smashed my window", not "my window was smashed"). Any hit sharing a word
    with a false friend phrase of the category ("sick of", "Church Lane") is dropped, and
    hits at most ``mention_gap`` words apart in one sentence ("fasting for Ramadan") are
    one mention, so one flag. Context boosting of the confidence is left to the engine's
    context enhancer, as in presidio.
    """

    def __init__(
        self,
        category: Category,
        lexicon: CategoryLexicon,
        context: ContextWords,
        frames: PersonFrames,
        window: int,
        mention_gap: int = 3,
    ) -> None:
        super().__init__(
            supported_entities=[entity_of(category)],
            name=f"lexicon.{category}",
            context=list(lexicon.context),
        )
        self.category = category
        self.context_words = context
        self._frames = frames
        self._window = window
        self._mention_gap = mention_gap
        self._confidence = lexicon.confidence
        self._ambiguous_confidence = lexicon.ambiguous_confidence
        self._frames_allowed = lexicon.frames

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
        # Token positions of unconditional hits: they are context for ambiguous ones too.
        anchors = [m.first for m in own if m.entry.kind in ("term", "abbreviation")]
        # Gate every match first, then keep the longest that passed: a longer ambiguous
        # phrase that fails ("she's expecting" with no context) must not hide a shorter one
        # that passes ("expecting", said of her).
        hits = _longest_hits([hit for m in own if (hit := self._hit(m, artifacts, anchors))])
        entity = entity_of(self.category)
        words = artifacts.words
        for first, last, score, how in _merge_nearby(hits, artifacts, self._mention_gap):
            yield entity, words.starts[first], words.ends[last], score, how

    def _hit(
        self, match: PhraseMatch, artifacts: TextArtifacts, anchors: list[int]
    ) -> _TokenHit | None:
        kind = match.entry.kind
        words, text = artifacts.words, artifacts.payment.text
        if self._frames.names_a_place(words, match.last):
            return None
        if kind == "act":
            if self._frames.done_by_person(words, match.first, match.last, text):
                return match.first, match.last, self._confidence, "act.by_person"
            return None
        if kind not in ("ambiguous", "predicate"):
            return match.first, match.last, self._confidence, kind
        predicate = kind == "predicate"
        allowed = _PREDICATE_FRAMES if predicate else self._frames_allowed
        if allowed and self._frames.said_of_person(words, match.first, match.last, text, allowed):
            return match.first, match.last, self._confidence, f"{kind}.said_of_person"
        if predicate:
            return None
        if any(abs(anchor - match.first) <= self._window for anchor in anchors):
            return match.first, match.last, self._ambiguous_confidence, f"{kind}.with_term"
        if self.context_words.near(words, match.first, match.last, self._window):
            return match.first, match.last, self._ambiguous_confidence, kind
        return None


# Nationalities and the like are predicated ("we're Indian"), never possessed ("my English").
_PREDICATE_FRAMES = frozenset({"copula"})
# (first token, last token, score, how) of one hit.
_TokenHit = tuple[int, int, float, str]


def _merge_nearby(hits: list[_TokenHit], artifacts: TextArtifacts, gap: int) -> list[_TokenHit]:
    """Join hits at most ``gap`` words apart with no sentence end between them: one mention
    ("fasting for Ramadan", "ex was arrested for")."""
    merged: list[_TokenHit] = []
    text, words = artifacts.payment.text, artifacts.words
    for hit in hits:
        if merged:
            first, last, score, how = merged[-1]
            between = text[words.ends[last] : words.starts[hit[0]]]
            if hit[0] - last - 1 <= gap and not _SENTENCE_END.search(between):
                merged[-1] = (first, max(last, hit[1]), max(score, hit[2]), how)
                continue
        merged.append(hit)
    return merged


_SENTENCE_END = re.compile(r"[.!?;\n]")


def _inside_any(match: PhraseMatch, blockers: list[PhraseMatch]) -> bool:
    """The hit shares a word with a false friend: "sick" in "sick of", but also "went to
    church" running into "Church Lane". A longer phrase holding the whole false friend is
    more specific and stands ("serving a sentence" holds "a sentence")."""
    return any(
        b.first <= match.last
        and match.first <= b.last
        and not (match.first <= b.first and b.last <= match.last and match.last > match.first)
        for b in blockers
    )


def _longest_hits(hits: list[_TokenHit]) -> list[_TokenHit]:
    """Drop hits covered by a longer one ("mental health" wins over "mental")."""
    kept: list[_TokenHit] = []
    for hit in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if kept and hit[1] <= kept[-1][1]:
            continue
        kept.append(hit)
    return kept
