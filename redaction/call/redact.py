"""Redact one call: the pure, picklable entry point the stream worker and the CLI both run.

``redact_call`` takes the encoded audio and the call's metadata and returns the redacted WAV,
the manifest and the verification verdict. It raises ``InvalidInputError`` for input that cannot
be trusted (undecodable audio, events or words outside the audio). A result that fails
verification must not be stored: the caller quarantines it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.asr import AsrSettings, speech_to_text
from ringfence.redaction.call.audio.apply import cut_at, silence_spans
from ringfence.redaction.call.audio.decode import DecodedAudio, decode_audio, encode_wav, to_int16
from ringfence.redaction.call.audio.resample import analysis_channels
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.manifest import build_manifest
from ringfence.redaction.call.metadata import CallMeta
from ringfence.redaction.call.signals import (
    check_consistent,
    gather_signals,
    kept_flags,
    kept_word_indices,
    removed_spans,
)
from ringfence.redaction.call.timeline import Span
from ringfence.redaction.call.transcript import TextAnalyser, Word
from ringfence.redaction.call.verification import Verification, verify_redaction


@dataclass(frozen=True)
class CallRedaction:
    """The redacted recording (16-bit WAV), its manifest and whether it passed verification.

    ``manifest`` is the ``CallManifest`` document as JSON data: what the caller stores or
    writes, and plain data for the process pool to send back."""

    audio_wav: bytes
    manifest: dict[str, Any]
    verification: Verification

    @property
    def passed(self) -> bool:
        return self.verification.passed


@lru_cache(maxsize=1)
def default_text_engine() -> TextAnalyser:
    """The text engine, built once per (worker) process."""
    from ringfence.redaction.text.engine import default_engine

    return default_engine()


def redact_call(
    audio: bytes,
    meta: CallMeta,
    recorded_teams: frozenset[str],
    settings: AudioSettings | None = None,
    text_engine: TextAnalyser | None = None,
) -> CallRedaction:
    """Remove payments, and everything after a transfer away from ``recorded_teams``."""
    settings = settings or AudioSettings()
    engine = text_engine or default_text_engine()
    decoded = decode_audio(audio)
    check_consistent(meta, decoded.duration_s, settings.span_tolerance_s)
    words, source = transcript_words(meta, decoded)
    analysis = analysis_channels(decoded.samples, decoded.sample_rate)
    signals = gather_signals(meta, words, analysis, decoded.duration_s, settings, engine)
    removed, cut = removed_spans(signals, meta, recorded_teams, decoded.duration_s)
    redacted = _redacted_samples(decoded, removed, cut)
    kept = kept_word_indices(signals, removed, cut)
    kept_words = [signals.joined.words[index] for index in kept]
    verification = verify_redaction(
        redacted, decoded.sample_rate, removed, kept_words, settings, engine
    )
    manifest = build_manifest(
        meta.call_id,
        redacted.shape[0] / decoded.sample_rate,
        removed,
        kept_words,
        source,
        kept_flags(signals, kept),
        verification,
    )
    return CallRedaction(
        encode_wav(redacted, decoded.sample_rate), manifest.to_document(), verification
    )


def transcript_words(meta: CallMeta, decoded: DecodedAudio) -> tuple[list[Word], str]:
    """The transcript from the metadata, or from speech-to-text when there is none."""
    if meta.transcript is not None:
        return meta.transcript.timed_words(), "meta"
    engine = speech_to_text(AsrSettings().engine)
    if engine is None:
        return [], "none"
    mono = decoded.samples.mean(axis=1, dtype=np.float32)
    return engine.transcribe(mono, decoded.sample_rate), f"asr:{engine.name}"


def _redacted_samples(
    decoded: DecodedAudio, removed: list[Span], cut: float | None
) -> NDArray[np.int16]:
    windows = [span for span in removed if "transfer" not in span.reasons]
    silenced = silence_spans(to_int16(decoded.samples), decoded.sample_rate, windows)
    return cut_at(silenced, decoded.sample_rate, cut)
