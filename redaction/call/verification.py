"""Verification of a redacted call before anything is stored: fail closed.

The redacted audio is scanned again for DTMF and for any sound left in the removed spans, and
the redacted transcript for card-length digit runs (with an independent number reader) and for
card numbers (with the text engine). Details carry counts and times, never digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.audio.apply import sample_range
from ringfence.redaction.call.audio.dtmf import detect_dtmf
from ringfence.redaction.call.audio.resample import ANALYSIS_RATE, analysis_channels
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.spoken_digits import digit_runs
from ringfence.redaction.call.timeline import Span
from ringfence.redaction.call.transcript import TextAnalyser, Word


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class Verification:
    checks: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def failures(self) -> list[str]:
        return [f"{check.name}: {check.detail}" for check in self.checks if not check.passed]


def verify_redaction(
    redacted: NDArray[np.int16],
    sample_rate: int,
    removed: Sequence[Span],
    kept_words: Sequence[Word],
    settings: AudioSettings,
    text_engine: TextAnalyser | None = None,
) -> Verification:
    """Every check on the output exactly as it would be stored."""
    stretches = uninterrupted_stretches(kept_words, removed)
    checks = [
        removed_spans_silent(redacted, sample_rate, removed),
        no_dtmf(redacted, sample_rate, settings),
        no_card_length_digit_runs(stretches, settings.card_min_digits),
    ]
    if text_engine is not None:
        checks.append(no_card_numbers(stretches, text_engine))
    return Verification(tuple(checks))


def removed_spans_silent(
    redacted: NDArray[np.int16], sample_rate: int, removed: Sequence[Span]
) -> Check:
    loud = [
        span
        for span in removed
        if np.any(redacted[slice(*sample_range(span, sample_rate, redacted.shape[0]))])
    ]
    detail = f"{len(loud)} of {len(removed)} removed spans hold sound"
    return Check("removed_spans_silent", not loud, detail)


def no_dtmf(redacted: NDArray[np.int16], sample_rate: int, settings: AudioSettings) -> Check:
    samples = redacted.astype(np.float32) / np.float32(32768.0)
    tones = [
        tone
        for channel in analysis_channels(samples, sample_rate)
        for tone in detect_dtmf(channel, ANALYSIS_RATE, settings)
    ]
    where = ", ".join(f"{tone.start:.2f}s" for tone in tones[:5])
    detail = f"{len(tones)} key presses" + (f" at {where}" if tones else "")
    return Check("no_dtmf", not tones, detail)


def no_card_length_digit_runs(stretches: Sequence[Sequence[Word]], min_digits: int) -> Check:
    runs = [
        stretch[run.first].start
        for stretch in stretches
        for run in digit_runs([word.word for word in stretch])
        if run.digits >= min_digits
    ]
    where = ", ".join(f"{start:.2f}s" for start in runs[:5])
    detail = f"{len(runs)} runs of {min_digits}+ digits" + (f" at {where}" if runs else "")
    return Check("no_card_length_digit_runs", not runs, detail)


def no_card_numbers(stretches: Sequence[Sequence[Word]], text_engine: TextAnalyser) -> Check:
    cards = [
        item
        for stretch in stretches
        for item in text_engine.analyse(" ".join(word.word for word in stretch)).redactions
        if item.kind == "payment_card"
    ]
    return Check("no_card_numbers", not cards, f"{len(cards)} card numbers in the transcript")


def uninterrupted_stretches(words: Sequence[Word], removed: Sequence[Span]) -> list[list[Word]]:
    """``words`` split wherever a removed span lies between two of them.

    Words either side of a removal were never said one after the other, so a number must not
    be read across it (a phone number before a payment and a reference after it are not one).
    """
    stretches: list[list[Word]] = []
    for word in words:
        previous = stretches[-1][-1] if stretches else None
        if previous is None or any(
            previous.end <= span.start and span.end <= word.start for span in removed
        ):
            stretches.append([word])
        else:
            stretches[-1].append(word)
    return stretches
