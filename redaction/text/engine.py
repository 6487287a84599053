"""The text engine: payment data to redact and special-category mentions to flag.

Built on presidio-analyzer: every detector is a presidio ``EntityRecognizer`` held in a
``RecognizerRegistry``, and context boosting is a presidio ``ContextAwareEnhancer``. What
stock presidio does per message with spaCy (tokenize, lemmatize, run every recognizer's
regexes) is replaced by one shared pass that builds :class:`TextArtifacts` (tokens and
lemmas, digit runs, cue positions, lexicon matches) which every recognizer reads.
Pure: no I/O after construction, nothing fetched from the network.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from ringfence.redaction.findings import CATEGORIES, Category, Flag, Redaction, RedactionKind
from ringfence.redaction.text.artifacts import DETECTOR_KEY, ArtifactRecognizer, TextArtifacts
from ringfence.redaction.text.components import Pipeline, build_pipeline
from ringfence.redaction.text.lexicon.phrase_matcher import PhraseMatch
from ringfence.redaction.text.lexicon.special_category_recognizer import (
    SpecialCategoryRecognizer,
    entity_of,
)
from ringfence.redaction.text.lexicon.stem_context_enhancer import StemContextEnhancer
from ringfence.redaction.text.masking import (
    apply_redactions,
    resolve_overlaps,
    trailing_card_digits,
)
from ringfence.redaction.text.payment.open_questions import open_question
from ringfence.redaction.text.payment.payment_card_recognizer import PaymentCardRecognizer
from ringfence.redaction.text.payment.payment_scan import (
    AskedFor,
    Carried,
    CueKind,
    PaymentScan,
    cue_spans,
)
from ringfence.redaction.text.settings import TextSettings
from ringfence.redaction.text.tokens import WordTokens

_NOTHING_CARRIED = Carried()
_IN_PAYMENT_CONTEXT = Carried(payment_context=True)
KIND_OF_ENTITY: dict[str, RedactionKind] = {
    "PAYMENT_CARD": "payment_card",
    "CARD_SECURITY_CODE": "card_security_code",
    "CARD_EXPIRY": "card_expiry",
    "UK_SORT_CODE": "sort_code",
    "UK_BANK_ACCOUNT": "bank_account",
    "IBAN_CODE": "iban",
}
__all__ = ["TextEngine", "TextFindings", "apply_redactions", "default_engine"]
CATEGORY_OF_ENTITY: dict[str, Category] = {entity_of(category): category for category in CATEGORIES}


@dataclass(frozen=True, slots=True)
class TextFindings:
    """What one text holds. The last three fields let a conversation carry state forward
    (see ``ringfence.redaction.text.conversation``); none of them holds text or digits."""

    redactions: tuple[Redaction, ...]
    flags: tuple[Flag, ...]
    payment_context: bool
    bank_context: bool = False
    trailing_card_digits: int = 0
    asked_for: AskedFor | None = None


_NO_FINDINGS = TextFindings(redactions=(), flags=(), payment_context=False)


class TextEngine:
    """Detects payment data and special-category mentions in one text at a time."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._recognizers = pipeline.registry.get_recognizers(language="en", all_fields=True)
        self._category_recognizers = {
            r.category: r for r in self._recognizers if isinstance(r, SpecialCategoryRecognizer)
        }
        self._payment_recognizers = [
            r
            for r in self._recognizers
            if isinstance(r, ArtifactRecognizer) and not isinstance(r, SpecialCategoryRecognizer)
        ]
        self._card = next(
            (r for r in self._payment_recognizers if isinstance(r, PaymentCardRecognizer)), None
        )
        self._other_payment_recognizers = [
            r for r in self._payment_recognizers if r is not self._card
        ]
        self._enhancer = StemContextEnhancer(window=pipeline.window)
        self._scanner = pipeline.scanner

    @property
    def payment_context_turns(self) -> int:
        """How many messages a payment cue keeps a conversation in payment context."""
        return self._pipeline.payment_context_turns

    def payment_redactions(self, text: str) -> tuple[Redaction, ...]:
        """Payment data in ``text`` read as if inside a payment exchange (when in doubt,
        remove): for excerpts and other short pieces cut from a conversation."""
        return self.analyse(text, payment_context=True).redactions

    @classmethod
    def from_settings(cls, settings: TextSettings | None = None) -> TextEngine:
        return cls(build_pipeline(settings or TextSettings()))

    def analyse(
        self,
        text: str,
        *,
        payment_context: bool = False,
        carried: Carried | None = None,
        speaker: str | None = None,
    ) -> TextFindings:
        """Find payment data and special-category mentions in ``text``.

        ``payment_context=True`` means the surrounding conversation is already in a payment
        context; ``carried`` is richer conversation state from
        ``ringfence.redaction.text.conversation``;
        ``speaker="agent"`` drops special-category hits in the agent's yes/no questions and
        statements of the rules (see ``ringfence.redaction.text.lexicon.agent_statements``).
        """
        if carried is None:
            carried = _IN_PAYMENT_CONTEXT if payment_context else _NOTHING_CARRIED
        elif payment_context and not carried.payment_context:
            carried = dataclasses.replace(carried, payment_context=True)
        artifacts, results = self._results(text, self._artifacts(text, carried))
        if results:
            statements = self._pipeline.agent_statements
            # Agents' generic rules are nobody's data; anyone's hypotheticals neither
            # ("if someone gets sent to prison does the bill change?").
            about_nobody = (
                statements.nobodys_data
                if speaker == "agent"
                else statements.hypothetical_about_nobody
            )
            results = _without_nobodys_data(text, artifacts, results, about_nobody)
        redactions = (
            resolve_overlaps(
                text,
                [
                    (Redaction(r.start, r.end, KIND_OF_ENTITY[r.entity_type]), r.score)
                    for r in results
                    if r.entity_type in KIND_OF_ENTITY
                ],
            )
            if results
            else ()
        )
        scan = artifacts.payment
        asked_for = open_question(scan, redactions)
        if not results and not scan.cues and asked_for is None:
            return _NO_FINDINGS  # most messages: nothing found, nothing to carry
        return TextFindings(
            redactions=redactions,
            flags=_flags(results) if results else (),
            payment_context=scan.has_payment_cue,
            bank_context="bank" in scan.cues or any(r.kind == "sort_code" for r in redactions),
            trailing_card_digits=trailing_card_digits(scan, redactions),
            asked_for=asked_for,
        )

    def _artifacts(self, text: str, carried: Carried) -> TextArtifacts:
        """One pass builds what every recognizer reads: tokens, phrase matches, cues."""
        pipeline = self._pipeline
        words = pipeline.tokenize(text)
        lexicon_matches: list[PhraseMatch] = []
        cues: dict[CueKind, list[tuple[int, int]]] = {}
        for match in pipeline.lexicon_index.matches(words):
            if match.entry.cue is None:
                lexicon_matches.append(match)
            else:
                span = (words.starts[match.first], words.ends[match.last])
                cues.setdefault(match.entry.cue, []).append(span)  # type: ignore[arg-type]
        scan = pipeline.scanner.scan(text, words, cue_spans(cues), carried)
        return TextArtifacts(words, scan, tuple(lexicon_matches))

    def _results(
        self, text: str, artifacts: TextArtifacts
    ) -> tuple[TextArtifacts, list[RecognizerResult]]:
        """Run the recognizers that can find something here (presidio's analyze contract);
        also returns the artifacts they ran on (digit runs found, maybe in payment context)."""
        results: list[RecognizerResult] = []
        if artifacts.payment.digit_count > 1:
            artifacts, results = self._payment_results(text, artifacts)
        categories = {match.entry.category for match in artifacts.lexicon_matches}
        fired: list[EntityRecognizer] = []
        for category in categories:
            special = self._category_recognizers.get(category)  # type: ignore[arg-type]
            if special is not None:
                flags = special.analyze(text, [], artifacts)
                if flags:
                    results.extend(flags)
                    fired.append(special)
        if not fired:
            return artifacts, results
        return artifacts, self._enhancer.enhance_using_context(text, results, artifacts, fired)

    def _payment_results(
        self, text: str, artifacts: TextArtifacts
    ) -> tuple[TextArtifacts, list[RecognizerResult]]:
        """Payment data. A card number found outside a payment context puts the text in one
        (it is the strongest payment cue), so the expiry and code read out after it go too:
        the card recognizer runs first, and if it finds a card every payment recognizer gets
        a new scan in payment context (nothing is changed under a recognizer's feet)."""
        scan, card = artifacts.payment, self._card
        if card is not None and not scan.payment_context and card.can_find(artifacts):
            artifacts = artifacts.with_payment(self._scanner.with_runs(scan))
            cards = card.analyze(text, [], artifacts)
            if cards:
                artifacts = artifacts.with_payment(artifacts.payment.in_payment_context())
                if not _all_digits_within(artifacts.payment, cards):
                    return artifacts, self._run(self._payment_recognizers, text, artifacts)
            # Nothing else to find in context ("4929 1234 5678 9012" alone).
            return artifacts, cards + self._run(self._other_payment_recognizers, text, artifacts)
        able = [r for r in self._payment_recognizers if r.can_find(artifacts)]
        if not able:
            return artifacts, []
        if any(r.reads_digit_runs for r in able):
            artifacts = artifacts.with_payment(self._scanner.with_runs(scan))
        return artifacts, self._analyze(able, text, artifacts)

    def _run(
        self, recognizers: list[ArtifactRecognizer], text: str, artifacts: TextArtifacts
    ) -> list[RecognizerResult]:
        """Each recognizer that can find something, on the same (read-only) artifacts."""
        return self._analyze([r for r in recognizers if r.can_find(artifacts)], text, artifacts)

    @staticmethod
    def _analyze(
        recognizers: list[ArtifactRecognizer], text: str, artifacts: TextArtifacts
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            results.extend(recognizer.analyze(text, [], artifacts))
        return results


def _all_digits_within(scan: PaymentScan, cards: list[RecognizerResult]) -> bool:
    """Every digit run of the text lies inside one of ``cards``."""
    return all(any(c.start <= run.start and run.end <= c.end for c in cards) for run in scan.runs)


def _flags(results: list[RecognizerResult]) -> tuple[Flag, ...]:
    """One flag per category and span; of overlapping same-category hits the best wins."""
    flags = sorted(
        (
            Flag(
                r.start,
                r.end,
                CATEGORY_OF_ENTITY[r.entity_type],
                round(r.score, 3),
                str((r.recognition_metadata or {}).get(DETECTOR_KEY, "")),
            )
            for r in results
            if r.entity_type in CATEGORY_OF_ENTITY
        ),
        key=lambda flag: (flag.category, flag.start, -flag.confidence),
    )
    kept: list[Flag] = []
    for flag in flags:
        previous = kept[-1] if kept else None
        if previous and previous.category == flag.category and flag.start < previous.end:
            continue
        kept.append(flag)
    return tuple(sorted(kept, key=lambda flag: (flag.start, flag.category)))


@functools.cache
def default_engine() -> TextEngine:
    """The process-wide engine, built once from packaged data and ``RINGFENCE_TEXT_*``."""
    return TextEngine.from_settings(TextSettings())


def _without_nobodys_data(
    text: str,
    artifacts: TextArtifacts,
    results: list[RecognizerResult],
    about_nobody: Callable[[str, WordTokens, int], bool],
) -> list[RecognizerResult]:
    """Drop special-category results that ``about_nobody`` says concern no person."""
    return [
        r
        for r in results
        if r.entity_type not in CATEGORY_OF_ENTITY
        or not about_nobody(text, artifacts.words, r.start)
    ]
