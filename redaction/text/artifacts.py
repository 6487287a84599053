"""Presidio NLP artifacts extended with what Ringfence's recognizers share per message.

Built once per message by the engine, before any recognizer runs, and read-only from then
on: every recognizer is a pure function of it, so recognizers can run in any order (or
alone) with the same results. None re-scans text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import ClassVar

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
    """Tokens and lemmas (presidio's fields) plus the payment scan of the message.

    Read-only: a changed view (the payment scan in a payment context) is a new object from
    :meth:`with_payment`, never an update that a recognizer running later would see.
    """

    words: WordTokens
    payment: PaymentScan
    lexicon_matches: tuple[PhraseMatch, ...]
    # Presidio's NER fields, empty for every message (no NER, no NLP engine object).
    entities: ClassVar[tuple[()]] = ()  # type: ignore[assignment, misc]
    scores: ClassVar[tuple[()]] = ()  # type: ignore[assignment, misc]
    nlp_engine: ClassVar[None] = None  # type: ignore[misc]

    def __init__(
        self, words: WordTokens, payment: PaymentScan, lexicon_matches: tuple[PhraseMatch, ...]
    ) -> None:
        # NlpArtifacts.__init__ would recompute keywords through an NLP engine; we already
        # have lemmas. One dict update sets the fields past the read-only __setattr__.
        # Presidio's token fields are plain attributes too (read often; a property costs).
        self.__dict__.update(
            words=words,
            payment=payment,
            lexicon_matches=lexicon_matches,
            tokens=words.texts,
            tokens_indices=words.starts,
            lemmas=words.lemmas,
            keywords=words.lemmas,
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"TextArtifacts is read-only (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"TextArtifacts is read-only (tried to delete {name!r})")

    def with_payment(self, payment: PaymentScan) -> TextArtifacts:
        """The same artifacts with another payment scan (this object is left as it was)."""
        return TextArtifacts(self.words, payment, self.lexicon_matches)

    def to_json(self) -> str:
        """Presidio's debugging view: the tokens and lemmas."""
        return json.dumps({"tokens": list(self.tokens), "lemmas": list(self.lemmas)})


class ArtifactRecognizer(EntityRecognizer):
    """A presidio recognizer whose detection is a pure function of :class:`TextArtifacts`."""

    name: str
    # Whether ``find`` reads the scan's digit runs; the engine finds them (once) only
    # when a recognizer about to run needs them: most messages never do.
    reads_digit_runs: ClassVar[bool] = True

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
        """Cheap check whether ``find`` could return anything (the engine skips it if not).
        Must not read the digit runs: they may not have been found yet."""
        return True

    def find(self, artifacts: TextArtifacts) -> Iterable[Hit]:
        """Yield hits; subclasses implement the detection."""
        raise NotImplementedError
