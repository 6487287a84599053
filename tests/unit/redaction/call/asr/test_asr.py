"""Speech-to-text: the built-in offline pocketsphinx engine and engines added by configuration."""

from __future__ import annotations

import numpy as np
import pytest

from ringfence.redaction.call.asr import speech_to_text
from ringfence.redaction.call.asr.registry import AsrConfigurationError
from ringfence.redaction.call.metadata import CallMeta
from ringfence.redaction.call.redact import redact_call
from ringfence.redaction.call.transcript import Word
from ringfence.redaction.policy import load_policy
from tests.unit.redaction.call.audio.synth import RATE, CallBuilder, read_wav, speech

RECORDED = load_policy().recorded_teams("call")
CARD_WORDS = "four one one one one one one one one one one one one one one one".split()


class FixedWords:
    """A stand-in engine, configured as
    ``tests.unit.redaction.call.asr.test_asr:FixedWords``: it "hears" a card number read at
    1.0 s - 2.65 s, whatever the audio, and "thanks" at 6.5 s."""

    name = "fixed"

    def transcribe(self, samples: np.ndarray, sample_rate: int) -> list[Word]:
        assert samples.ndim == 1 and sample_rate > 0
        words = [Word("it's", 0.6, 0.9)]
        words += [Word(word, 1.0 + 0.1 * i, 1.15 + 0.1 * i) for i, word in enumerate(CARD_WORDS)]
        return [*words, Word("thanks", 6.5, 6.8)]


def test_pocketsphinx_gives_timed_words_on_a_short_clip() -> None:
    """US English model bundled with the package, offline; espeak speech at 8 kHz."""
    clip = speech("hello, my account number is one two three four five", voice="en-us")
    words = speech_to_text("pocketsphinx").transcribe(clip, RATE)
    assert words, "the engine heard nothing"
    duration = clip.size / RATE
    assert all(0 <= word.start < word.end <= duration + 0.01 for word in words)
    assert [word.start for word in words] == sorted(word.start for word in words)
    assert all(word.word.isalpha() or "'" in word.word for word in words)


def test_registry_names() -> None:
    assert speech_to_text("none") is None
    assert speech_to_text("tests.unit.redaction.call.asr.test_asr:FixedWords").name == "fixed"
    with pytest.raises(AsrConfigurationError, match="cannot be loaded"):
        speech_to_text("no.such.module:Engine")


def _call_without_transcript() -> tuple[bytes, CallMeta]:
    call = CallBuilder()
    call.pause(0.5)
    call.say("it is")
    call.pause(0.4)
    call.say(" ".join(CARD_WORDS[:8]), gap_s=0.05)
    call.pause(0.8)
    call.say("thanks goodbye")
    call.pause(0.5)
    return call.wav(), CallMeta.model_validate({"call_id": "k-asr", "team": "customer_services"})


def test_configured_engine_transcribes_calls_without_transcript(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RINGFENCE_ASR_ENGINE", "tests.unit.redaction.call.asr.test_asr:FixedWords")
    audio, meta = _call_without_transcript()
    result = redact_call(audio, meta, RECORDED)
    assert result.manifest["transcript"]["source"] == "asr:fixed"
    assert [w["word"] for w in result.manifest["transcript"]["words"]] == ["thanks"]
    output, rate = read_wav(result.audio_wav)
    assert not output[int(1.0 * rate) : int(2.65 * rate)].any()


def test_pocketsphinx_runs_in_redact_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGFENCE_ASR_ENGINE", "pocketsphinx")
    audio, meta = _call_without_transcript()
    result = redact_call(audio, meta, RECORDED)
    assert result.manifest["transcript"]["source"] == "asr:pocketsphinx"
    assert result.passed


def test_engine_none_leaves_an_empty_transcript(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RINGFENCE_ASR_ENGINE", "none")
    audio, meta = _call_without_transcript()
    result = redact_call(audio, meta, RECORDED)
    assert result.manifest["transcript"] == {"source": "none", "words": []}
