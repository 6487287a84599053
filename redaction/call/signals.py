"""Everything a call says about where its payments are, and what is left after removal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.audio.dtmf import detect_dtmf
from ringfence.redaction.call.audio.resample import ANALYSIS_RATE
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.audio.silence import find_pauses
from ringfence.redaction.call.metadata import CallMeta
from ringfence.redaction.call.payment_windows import (
    digit_run_spans,
    dtmf_spans,
    marker_spans,
    payment_windows,
    spoken_spans,
    transfer_cut,
)
from ringfence.redaction.call.timeline import Span, clip_spans
from ringfence.redaction.call.transcript import (
    JoinedTranscript,
    TextAnalyser,
    TimedFlag,
    Word,
    join_words,
    redacted_word_indices,
    timed_flags,
)
from ringfence.redaction.findings import Flag


@dataclass(frozen=True)
class CallSignals:
    """Payment windows of a call, and what the text engine found in its transcript."""

    windows: list[Span]
    joined: JoinedTranscript
    redacted_words: frozenset[int]
    flags: tuple[Flag, ...]


def check_consistent(meta: CallMeta, duration_s: float, tolerance_s: float) -> None:
    """Refuse metadata that does not fit the audio: it cannot be trusted to locate payments."""
    limit = duration_s + tolerance_s
    for event in meta.events:
        if event.at > limit:
            raise InvalidInputError(
                f"event {event.kind!r} at {event.at:.2f}s is past the end of the audio "
                f"({duration_s:.2f}s)"
            )
    words = meta.transcript.words if meta.transcript else []
    last_end = max((word.end for word in words), default=0.0)
    if last_end > limit:
        raise InvalidInputError(
            f"transcript runs to {last_end:.2f}s, past the end of the audio ({duration_s:.2f}s)"
        )


def gather_signals(
    meta: CallMeta,
    words: Sequence[Word],
    analysis: NDArray[np.float32],
    duration_s: float,
    settings: AudioSettings,
    text_engine: TextAnalyser,
) -> CallSignals:
    """Markers, DTMF and spoken payment data of one call, merged into payment windows.

    ``analysis`` is the 8 kHz copy; ``duration_s`` is the recording's own (exact) length.
    """
    tones = [tone for channel in analysis for tone in detect_dtmf(channel, ANALYSIS_RATE, settings)]
    markers = marker_spans(meta.events, duration_s)
    audio_context = bool(markers) or len(tones) >= settings.dtmf_context_presses
    joined = join_words(words)
    findings = text_engine.analyse(joined.text, payment_context=audio_context) if words else None
    context = audio_context or (findings is not None and findings.payment_context)
    redactions = findings.redactions if findings else ()
    signals = [
        *markers,
        *dtmf_spans(tones),
        *spoken_spans(joined, redactions),
        *digit_run_spans(words, settings, payment_context=context),
    ]
    pauses = find_pauses(analysis, ANALYSIS_RATE, settings)
    windows = payment_windows(signals, pauses, duration_s, settings, payment_context=context)
    redacted = frozenset(redacted_word_indices(joined, redactions))
    return CallSignals(windows, joined, redacted, tuple(findings.flags if findings else ()))


def removed_spans(
    signals: CallSignals, meta: CallMeta, recorded_teams: frozenset[str], duration_s: float
) -> tuple[list[Span], float | None]:
    """Payment windows up to the transfer cut, then the cut itself; and when the cut is."""
    cut = transfer_cut(meta.events, recorded_teams)
    if cut is None or cut >= duration_s:
        return clip_spans(signals.windows, 0.0, duration_s), None
    windows = clip_spans(signals.windows, 0.0, cut)
    return [*windows, Span(cut, duration_s, frozenset({"transfer"}))], cut


def kept_word_indices(
    signals: CallSignals, removed: Sequence[Span], cut: float | None
) -> list[int]:
    """Words that stay: not redacted, touching no removed span, ending before the cut."""
    return [
        index
        for index, word in enumerate(signals.joined.words)
        if index not in signals.redacted_words
        and not any(span.overlaps(word.start, word.end) for span in removed)
        and (cut is None or word.end <= cut)
    ]


def kept_flags(signals: CallSignals, kept: Sequence[int]) -> list[TimedFlag]:
    return timed_flags(signals.joined, signals.flags, frozenset(kept))
