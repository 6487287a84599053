"""Builds the text engine's parts from settings: spaCy pipeline, lexicon, recognizers
(those ``data/recognizers.yaml`` enables, with its reaches).

Everything here runs once per process and reads only packaged (or configured) files; nothing
is downloaded. A spaCy package named in the settings must already be installed.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerRegistry

from ringfence.errors import ConfigurationError
from ringfence.redaction.findings import Category
from ringfence.redaction.text.lexicon.agent_statements import AgentStatements
from ringfence.redaction.text.lexicon.context_words import ContextWords
from ringfence.redaction.text.lexicon.model import Lexicon, load_lexicon
from ringfence.redaction.text.lexicon.person_frames import PersonFrames
from ringfence.redaction.text.lexicon.phrase_matcher import (
    PhraseEntry,
    PhraseIndex,
    phrase_entry,
    template_entry,
)
from ringfence.redaction.text.lexicon.special_category_recognizer import SpecialCategoryRecognizer
from ringfence.redaction.text.lexicon.spelling_corrector import load_never_correct, suffix_word
from ringfence.redaction.text.lexicon.templates import is_template, parse
from ringfence.redaction.text.payment.card_details_recognizer import CardDetailsRecognizer
from ringfence.redaction.text.payment.iban_recognizer import IbanRecognizer
from ringfence.redaction.text.payment.payment_card_recognizer import PaymentCardRecognizer
from ringfence.redaction.text.payment.payment_language import PaymentLanguage, load_payment_language
from ringfence.redaction.text.payment.payment_scan import PaymentScanner
from ringfence.redaction.text.payment.uk_bank_details_recognizer import UkBankDetailsRecognizer
from ringfence.redaction.text.recognizer_config import RecognizerConfig, load_recognizer_config
from ringfence.redaction.text.settings import TextSettings
from ringfence.redaction.text.tokenizers import FastWordTokenizer, SpacyWordTokenizer, Tokenizer
from ringfence.redaction.text.tokens import LemmaTable


class SpacyModelError(ConfigurationError):
    """The configured spaCy model is not installed (it is never downloaded)."""

    reason = "spacy_model_missing"


@dataclass(frozen=True, slots=True)
class Pipeline:
    tokenize: Tokenizer
    scanner: PaymentScanner
    lexicon_index: PhraseIndex
    registry: RecognizerRegistry
    window: int
    payment_context_turns: int
    agent_statements: AgentStatements


def load_spacy(name: str) -> Any:
    """A blank pipeline for a language code ("en"), else an installed package by name."""
    if name.startswith("blank:"):
        name = name.removeprefix("blank:")
    if len(name) <= 3 and name.isalpha():
        return spacy.blank(name)
    if importlib.util.find_spec(name) is None:
        raise SpacyModelError(
            f"spaCy model {name!r} is not installed; set "
            "RINGFENCE_TEXT_SPACY_MODEL=en for the blank pipeline"
        )
    return spacy.load(name, exclude=["ner", "parser"])


def build_pipeline(settings: TextSettings) -> Pipeline:
    tokenize = make_tokenizer(settings)
    lexicon = load_lexicon(settings.lexicon_path)
    language = load_payment_language(settings.payment_language_path)
    config = load_recognizer_config(settings.recognizers_path)
    recognizers = payment_recognizers(config)
    frames = PersonFrames.load(settings.person_frames_path)
    for category, entry in lexicon.categories.items():
        special = config.special_category(category)
        if special.enabled:
            recognizers.append(
                SpecialCategoryRecognizer(
                    category,
                    entry,
                    ContextWords.build(entry.context, tokenize),
                    frames,
                    settings.context_window,
                    special.mention_gap,
                )
            )
    return Pipeline(
        tokenize=tokenize,
        scanner=PaymentScanner(language),
        lexicon_index=PhraseIndex(
            lexicon_entries(lexicon, tokenize) + cue_entries(language, tokenize),
            load_never_correct(settings.spelling_path) | suffix_exceptions(lexicon),
            {
                ending: suffix_word(category)
                for category, entry in lexicon.categories.items()
                for ending in entry.suffixes
            },
        ),
        registry=RecognizerRegistry(recognizers=recognizers, supported_languages=["en"]),
        window=settings.context_window,
        payment_context_turns=settings.payment_context_turns,
        agent_statements=AgentStatements.load(settings.agent_statements_path),
    )


def payment_recognizers(config: RecognizerConfig) -> list[EntityRecognizer]:
    """The payment recognizers the file enables, in a fixed order whatever its order."""
    recognizers: list[EntityRecognizer] = []
    if config.payment_card().enabled:
        recognizers.append(PaymentCardRecognizer(config.payment_card()))
    if config.card_details().enabled:
        recognizers.append(CardDetailsRecognizer(config.card_details()))
    if config.uk_bank_details().enabled:
        recognizers.append(UkBankDetailsRecognizer(config.uk_bank_details()))
    if config.enabled("iban"):
        recognizers.append(IbanRecognizer())
    return recognizers


def make_tokenizer(settings: TextSettings) -> Tokenizer:
    """The blank pipeline's tokenizing is done by the rule tokenizer unless asked otherwise."""
    table = LemmaTable.load(settings.lemma_table_path)
    nlp = load_spacy(settings.spacy_model)
    if settings.tokenizer == "fast" and not nlp.pipe_names:
        return FastWordTokenizer(table)
    return SpacyWordTokenizer(nlp, table)


def cue_entries(language: PaymentLanguage, tokenize: Tokenizer) -> list[PhraseEntry]:
    """Payment cue phrases, matched in the same pass as the lexicon."""
    entries = (
        phrase_entry(phrase, None, "cue", tokenize, cue=kind)
        for kind, phrases in language.cues.items()
        for phrase in phrases
    )
    return [entry for entry in entries if entry is not None]


def lexicon_entries(lexicon: Lexicon, tokenize: Tokenizer) -> list[PhraseEntry]:
    """Every phrase of the lexicon as a tokenized entry (false friends included)."""
    raw: list[tuple[str, Category | None, str]] = []
    for category, entry in lexicon.categories.items():
        raw += [(term, category, "term") for term in entry.terms]
        raw += [(term, category, "abbreviation") for term in entry.abbreviations]
        raw += [(term, category, "ambiguous") for term in entry.ambiguous]
        raw += [(term, category, "predicate") for term in entry.predicates]
        raw += [(term, category, "act") for term in entry.acts]
    raw += [(friend.phrase, friend.category, "false_friend") for friend in lexicon.false_friends]
    entries = [
        template_entry(parse(phrase, lexicon.slots), category, kind, tokenize, phrase)  # type: ignore[arg-type]
        if is_template(phrase)
        else phrase_entry(phrase, category, kind, tokenize)  # type: ignore[arg-type]
        for phrase, category, kind in raw
    ]
    suffixed = [
        PhraseEntry((suffix_word(category),), False, category, "term", "suffix")
        for category, entry in lexicon.categories.items()
        if entry.suffixes
    ]
    return [entry for entry in entries if entry is not None] + suffixed


def suffix_exceptions(lexicon: Lexicon) -> frozenset[str]:
    """Ordinary words with a category's medical-looking ending ("sympathy", "diploma")."""
    return frozenset(
        word.lower() for entry in lexicon.categories.values() for word in entry.suffix_exceptions
    )
