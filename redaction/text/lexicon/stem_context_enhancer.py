"""Presidio context enhancer comparing stems, so context works without a lemmatizer.

Presidio's own ``LemmaContextAwareEnhancer`` compares context words with spaCy lemmas; a
blank pipeline has none, so boosting would silently never happen. This enhancer asks each
special-category recognizer for its context words (stemmed once at load) and looks for
them on both sides of the hit.
"""

from __future__ import annotations

import bisect

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from ringfence.redaction.text.artifacts import TextArtifacts
from ringfence.redaction.text.lexicon.special_category_recognizer import SpecialCategoryRecognizer

SUPPORTIVE_WORD_KEY = "ringfence_context_word"


class StemContextEnhancer(ContextAwareEnhancer):
    def __init__(self, boost: float = 0.1, window: int = 8) -> None:
        super().__init__(
            context_similarity_factor=boost,
            min_score_with_context_similarity=0.0,
            context_prefix_count=window,
            context_suffix_count=window,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Raise the score of hits with a context word nearby (results are updated in place)."""
        if not isinstance(nlp_artifacts, TextArtifacts):
            return raw_results
        by_id = {recognizer.id: recognizer for recognizer in recognizers}
        words = nlp_artifacts.words
        for result in raw_results:
            metadata = result.recognition_metadata or {}
            recognizer = by_id.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            if not isinstance(recognizer, SpecialCategoryRecognizer) or not words.texts:
                continue
            first = max(0, bisect.bisect_right(words.starts, result.start) - 1)
            last = max(first, bisect.bisect_left(words.starts, result.end) - 1)
            word = recognizer.context_words.near(words, first, last, self.context_prefix_count)
            if word is not None:
                result.score = min(self.MAX_SCORE, result.score + self.context_similarity_factor)
                metadata[SUPPORTIVE_WORD_KEY] = word
        return raw_results
