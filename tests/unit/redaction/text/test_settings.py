"""Configuration, and building the engine fully offline."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from ringfence.errors import RingfenceError
from ringfence.redaction.text.components import SpacyModelError
from ringfence.redaction.text.engine import TextEngine, apply_redactions
from ringfence.redaction.text.lexicon.model import LexiconError
from ringfence.redaction.text.settings import TextSettings


class NoNetwork(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NoNetwork(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_defaults_are_a_blank_english_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no environment the engine uses the blank "en" pipeline and packaged data."""
    for name in ("SPACY_MODEL", "TOKENIZER", "LEXICON_PATH"):
        monkeypatch.delenv(f"RINGFENCE_TEXT_{name}", raising=False)
    settings = TextSettings()
    assert (settings.spacy_model, settings.tokenizer, settings.lexicon_path) == ("en", "fast", None)


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every setting can be changed through RINGFENCE_TEXT_* variables."""
    monkeypatch.setenv("RINGFENCE_TEXT_SPACY_MODEL", "en_core_web_sm")
    monkeypatch.setenv("RINGFENCE_TEXT_LEXICON_PATH", str(tmp_path / "lexicon.yaml"))
    monkeypatch.setenv("RINGFENCE_TEXT_PAYMENT_CONTEXT_TURNS", "3")
    settings = TextSettings()
    assert settings.spacy_model == "en_core_web_sm"
    assert settings.lexicon_path == tmp_path / "lexicon.yaml"
    assert settings.payment_context_turns == 3


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tokenizer", ["fast", "spacy"])
def test_engine_builds_and_runs_offline(tokenizer: str) -> None:
    """Both tokenizers of the blank pipeline build and analyse with the network refused."""
    engine = TextEngine.from_settings(TextSettings(tokenizer=tokenizer))  # type: ignore[arg-type]
    text = "card 4111 1111 1111 1111, email me at a@example.com, I have diabetes"
    findings = engine.analyse(text)
    assert apply_redactions(text, findings.redactions).startswith("card [REDACTED],")
    assert [text[f.start : f.end] for f in findings.flags] == ["diabetes"]


@pytest.mark.usefixtures("no_network")
def test_missing_spacy_model_is_a_clear_error_not_a_download() -> None:
    """Naming a spaCy package that is not installed fails at once, and says how to fix it."""
    with pytest.raises(SpacyModelError, match=r"not installed.*RINGFENCE_TEXT_SPACY_MODEL=en"):
        TextEngine.from_settings(TextSettings(spacy_model="en_core_web_nonexistent"))


def test_bad_lexicon_file_is_one_clear_error(tmp_path: Path) -> None:
    """A broken lexicon override names the file and the problem."""
    broken = tmp_path / "lexicon.yaml"
    broken.write_text("categories: {health: {confidence: 7}}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lexicon\.yaml") as raised:
        TextEngine.from_settings(TextSettings(lexicon_path=broken))
    assert isinstance(raised.value, RingfenceError) and not raised.value.retriable
