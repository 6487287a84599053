"""Presidio NLP artifacts extended with what Ringfence's recognizers share per message.

Built once per message by the engine; every recognizer reads from it, none re-scans text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ringfence.redaction.text.lexicon.phrase_matcher import PhraseMatch
from ringfence.redaction.text.payment.payment_scan import PaymentScan
from ringfence.redaction.text.tokens import WordTokens

# (entity type, start, end, score, how) as found by a recognizer, before wrapping for
# presidio; "how" names the rule that fired ("luhn", "term", "ambiguous"...).
Hit = tuple[str, int, int, float, str]
DETECTOR_KEY = "ringfence_detector"


class TextArtifacts(NlpArtifacts):
    """Tokens and lemmas (presidio's fields) plus the payment scan of the message."""

    def __init__(
        self, words: WordTokens, payment: PaymentScan, lexicon_matches: list[PhraseMatch]
    ) -> None:
        # NlpArtifacts.__init__ would recompute keywords through an NLP engine; we already
        # have lemmas, so set presidio's fields directly.
        self.entities: list[Any] = []
        self.tokens = words.texts  # type: ignore[assignment]
        self.tokens_indices = words.starts  # type: ignore[assignment]
        self.lemmas = words.lemmas  # type: ignore[assignment]
        self.keywords = self.lemmas
        self.nlp_engine = None
        self.scores: list[float] = []
        self.words = words
        self.payment = payment
        self.lexicon_matches = lexicon_matches


class ArtifactRecognizer(EntityRecognizer):
    """A presidio recognizer whose detection is a pure function of :class:`TextArtifacts`."""

    name: str

    def load(self) -> None:
        """Nothing to load: data arrives compiled through the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not isinstance(nlp_artifacts, TextArtifacts):
            raise TypeError(f"{self.name} needs TextArtifacts built by the TextEngine")
        wanted = set(entities) if entities else self.supported_entities
        return [
            RecognizerResult(
                entity,
                start,
                end,
                score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    DETECTOR_KEY: f"{self.name}.{how}",
                },
            )
            for entity, start, end, score, how in self.find(nlp_artifacts)
            if entity in wanted
        ]

    def can_find(self, artifacts: TextArtifacts) -> bool:
        """Cheap check whether ``find`` could return anything (the engine skips it if not)."""
        return True

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        """Yield hits; subclasses implement the detection."""
        raise NotImplementedError
