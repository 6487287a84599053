"""Verification of a redacted call before anything is stored: fail closed.

The redacted audio is scanned again for DTMF and for any sound left in the removed spans, and
the redacted transcript for card-length digit runs (with an independent number reader) and for
card numbers (with the text engine). Details carry counts and times, never digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from redaction.audio.apply import sample_range
from redaction.audio.dtmf import detect_dtmf
from redaction.audio.resample import ANALYSIS_RATE, analysis_channels
from redaction.audio.settings import AudioSettings
from redaction.spoken_digits import digit_runs
from redaction.timeline import Span
from redaction.transcript import TextAnalyser, Word


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "checks": [
                {"name": check.name, "passed": check.passed, "detail": check.detail}
                for check in self.checks
            ],
        }


def verify_redaction(
    redacted: NDArray[np.int16],
    sample_rate: int,
    removed: Sequence[Span],
    kept_words: Sequence[Word],
    settings: AudioSettings,
    text_engine: TextAnalyser | None = None,
) -> Verification:
    """Every check on the output exactly as it would be stored."""
    checks = [
        removed_spans_silent(redacted, sample_rate, removed),
        no_dtmf(redacted, sample_rate, settings),
        no_card_length_digit_runs(kept_words, settings.card_min_digits),
    ]
    if text_engine is not None:
        checks.append(no_card_numbers(kept_words, text_engine))
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


def no_card_length_digit_runs(kept_words: Sequence[Word], min_digits: int) -> Check:
    runs = digit_runs([word.word for word in kept_words])
    runs = [run for run in runs if run.digits >= min_digits]
    where = ", ".join(f"{kept_words[run.first].start:.2f}s" for run in runs[:5])
    detail = f"{len(runs)} runs of {min_digits}+ digits" + (f" at {where}" if runs else "")
    return Check("no_card_length_digit_runs", not runs, detail)


def no_card_numbers(kept_words: Sequence[Word], text_engine: TextAnalyser) -> Check:
    text = " ".join(word.word for word in kept_words)
    cards = [item for item in text_engine.analyse(text).redactions if item.kind == "payment_card"]
    return Check("no_card_numbers", not cards, f"{len(cards)} card numbers in the transcript")
