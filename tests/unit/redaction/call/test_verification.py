"""Verification catches what a faulty redaction would leak, and says so without digits."""

from __future__ import annotations

import numpy as np
import pytest

import ringfence.redaction.call.signals
from ringfence.redaction.call.audio.decode import to_int16
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.metadata import CallMeta
from ringfence.redaction.call.redact import default_text_engine, redact_call
from ringfence.redaction.call.timeline import Span
from ringfence.redaction.call.transcript import Word
from ringfence.redaction.call.verification import verify_redaction
from ringfence.redaction.policy import load_policy
from tests.unit.redaction.call.audio.synth import CallBuilder

SETTINGS = AudioSettings()
CARD_WORDS = "four one one one one one one one one one one one one one one one".split()


def _keyed_call() -> CallBuilder:
    call = CallBuilder()
    call.pause(0.5)
    call.say("please key in your card number")
    call.pause(0.5)
    call.key_presses("4111111111111111")
    call.pause(1.0)
    return call


def _words(texts: list[str]) -> list[Word]:
    return [Word(text, index * 0.5, index * 0.5 + 0.4) for index, text in enumerate(texts)]


def test_clean_output_passes() -> None:
    call = CallBuilder()
    call.say("hello there how can I help")
    audio = to_int16(call.samples()[:, None])
    verdict = verify_redaction(audio, 8000, [], _words(["hello", "there"]), SETTINGS)
    assert verdict.passed
    assert [check.name for check in verdict.checks] == [
        "removed_spans_silent",
        "no_dtmf",
        "no_card_length_digit_runs",
    ]


@pytest.mark.parametrize(
    ("leak", "failing"),
    [
        ("dtmf", "no_dtmf"),
        ("words", "no_card_length_digit_runs"),
        ("sound", "removed_spans_silent"),
    ],
)
def test_leaks_fail_verification(leak: str, failing: str) -> None:
    audio = to_int16(_keyed_call().samples()[:, None])
    if leak != "dtmf":
        audio[10000:] = 0  # the key presses were silenced...
    removed = [Span(0.0, 0.5)] if leak == "sound" else []
    words = _words(["it", "is", *CARD_WORDS]) if leak == "words" else _words(["hello"])
    verdict = verify_redaction(audio, 8000, removed, words, SETTINGS)
    assert not verdict.passed
    assert [check.name for check in verdict.checks if not check.passed] == [failing]


def test_text_engine_recheck_finds_card_numbers() -> None:
    words = _words(["my", "card", "is", "4111", "1111", "1111", "1111"])
    verdict = verify_redaction(
        np.zeros((8000, 1), np.int16), 8000, [], words, SETTINGS, default_text_engine()
    )
    assert {check.name for check in verdict.checks if not check.passed} == {
        "no_card_length_digit_runs",
        "no_card_numbers",
    }


def test_a_redaction_bug_is_caught_end_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the windows came out empty, verification refuses the result (fail closed)."""
    monkeypatch.setattr(ringfence.redaction.call.signals, "payment_windows", lambda *a, **k: [])
    call = _keyed_call()
    meta = CallMeta.model_validate(
        {"call_id": "k-1", "team": "customer_services", "transcript": {"words": call.words}}
    )
    result = redact_call(call.wav(), meta, load_policy().recorded_teams("call"))
    assert not result.passed
    assert result.manifest["verification"]["passed"] is False
    assert any(failure.startswith("no_dtmf") for failure in result.verification.failures())
    assert "4111" not in " ".join(result.verification.failures())


def test_numbers_either_side_of_a_removal_are_not_joined() -> None:
    """A phone number before a payment window and a reference after it: not a card number."""
    phone = "oh one six three six six five oh oh oh oh".split()
    reference = "one two three four".split()
    words = _words([*phone, "payment", *reference])
    payment = words[len(phone)]
    kept = [word for word in words if word is not payment]
    removed = [Span(payment.start - 0.05, payment.end + 0.05)]
    verdict = verify_redaction(np.zeros((8000, 1), np.int16), 8000, removed, kept, SETTINGS)
    assert verdict.passed, verdict.failures()
    joined = verify_redaction(np.zeros((8000, 1), np.int16), 8000, [], kept, SETTINGS)
    assert not joined.passed
