"""Engines for text tests: the packaged one, and one built on a small fixture lexicon."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ringfence.redaction.text.conversation import redact_chat
from ringfence.redaction.text.engine import TextEngine, apply_redactions, default_engine
from ringfence.redaction.text.settings import TextSettings

FIXTURE_LEXICON = Path(__file__).parent / "fixtures" / "lexicon.yaml"


@pytest.fixture(scope="session")
def engine() -> TextEngine:
    """The production engine (packaged data, default settings)."""
    return default_engine()


@pytest.fixture(scope="session")
def fixture_engine() -> TextEngine:
    """An engine on the fixture lexicon: detector behaviour independent of the data file."""
    return TextEngine.from_settings(TextSettings(lexicon_path=FIXTURE_LEXICON))


@pytest.fixture(scope="session")
def redact(engine: TextEngine) -> Callable[..., str]:
    """Factory: redacted text of one message (optionally already in a payment context)."""

    def redact_text(text: str, *, payment_context: bool = False) -> str:
        findings = engine.analyse(text, payment_context=payment_context)
        return apply_redactions(text, findings.redactions)

    return redact_text


@pytest.fixture(scope="session")
def redact_conversation(engine: TextEngine) -> Callable[[list[tuple[str, str]]], list[str]]:
    """Factory: redacted texts of a chat given as (sender, text) pairs."""

    def run(messages: list[tuple[str, str]]) -> list[str]:
        numbered = [(seq, sender, text) for seq, (sender, text) in enumerate(messages, 1)]
        return [result.text for result in redact_chat(numbered, engine)]

    return run
