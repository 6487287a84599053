"""Configuration of the text engine (environment prefix ``RINGFENCE_TEXT_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class TextSettings(BaseSettings):
    """How the text engine is built.

    ``spacy_model`` is a language code ("en": a blank pipeline, nothing to download) or the
    name of an installed spaCy package ("en_core_web_sm"), whose lemmas are then used for
    context words. Nothing is ever downloaded: a missing package is a configuration error.
    """

    model_config = SettingsConfigDict(env_prefix="RINGFENCE_TEXT_", extra="ignore")

    spacy_model: str = "en"
    # "fast": Ringfence's rule tokenizer stands in for a blank pipeline's tokenizer (a
    # real model always tokenizes itself); "spacy": use spaCy's tokenizer even when blank.
    tokenizer: Literal["fast", "spacy"] = "fast"
    lexicon_path: Path | None = None
    payment_language_path: Path | None = None
    lemma_table_path: Path | None = None
    person_frames_path: Path | None = None
    agent_statements_path: Path | None = None
    spelling_path: Path | None = None
    # Which recognizers run, and their reaches (data/recognizers.yaml).
    recognizers_path: Path | None = None
    # Messages a payment cue keeps a chat "in payment context" for.
    payment_context_turns: int = 6
    # Words either side of a special-category hit searched for context words.
    context_window: int = 8
