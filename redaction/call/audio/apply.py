"""Apply removals to the samples: digital silence of the same length, and the transfer cut."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.timeline import Span


def sample_range(span: Span, sample_rate: int, frames: int) -> tuple[int, int]:
    """First and one-past-last sample index of ``span``, rounded outwards (fail closed)."""
    first = max(0, int(np.floor(span.start * sample_rate)))
    last = min(frames, int(np.ceil(span.end * sample_rate)))
    return first, max(first, last)


def silence_spans(
    samples: NDArray[np.int16], sample_rate: int, spans: Iterable[Span]
) -> NDArray[np.int16]:
    """A copy of ``samples`` ``(frames, channels)`` with every channel zeroed inside ``spans``."""
    redacted = samples.copy()
    for span in spans:
        first, last = sample_range(span, sample_rate, samples.shape[0])
        redacted[first:last] = 0
    return redacted


def cut_at(samples: NDArray[np.int16], sample_rate: int, at_s: float | None) -> NDArray[np.int16]:
    """``samples`` up to ``at_s`` seconds (rounded down); everything when ``at_s`` is None."""
    if at_s is None:
        return samples
    return samples[: max(0, int(np.floor(at_s * sample_rate)))]
