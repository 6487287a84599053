"""Sample-rate conversion for analysis copies (DTMF, pauses, speech-to-text).

Analysis only: the stored recording keeps its own rate. Downsampling is libsoxr's (python-soxr):
its linear-phase low-pass removes everything above the new Nyquist frequency, so speech above
4 kHz cannot fold into the DTMF band, and its delay is compensated, so times in the copy are
times in the recording. It replaced a hand-written FFT block resampler 4 times slower.

Upsampling (8 kHz telephone audio to the 16 kHz speech-to-text model) interpolates linearly:
there is nothing above 4 kHz to invent, and pocketsphinx decodes the result faster than soxr's
(docs/call-redaction.md has the numbers for both choices).
"""

from __future__ import annotations

import numpy as np
import soxr
from numpy.typing import NDArray

ANALYSIS_RATE = 8000
# soxr's default: a 20-bit stop band, so nothing above 4 kHz leaks into the DTMF band ("MQ"
# and "LQ" save under 15 %; "QQ" is cubic interpolation, no real low-pass).
_QUALITY = "HQ"


def resample(signal: NDArray[np.float32], from_rate: int, to_rate: int) -> NDArray[np.float32]:
    """``signal`` (1-D) converted from ``from_rate`` to ``to_rate`` samples per second."""
    signal = signal.astype(np.float32, copy=False)
    if to_rate > from_rate and signal.size:
        count = int(signal.size * to_rate // from_rate)
        positions = np.arange(count, dtype=np.float64) * (from_rate / to_rate)
        return _linear_interpolation(signal, positions)
    return _downsample(signal, from_rate, to_rate)


def _downsample(signal: NDArray[np.float32], from_rate: int, to_rate: int) -> NDArray[np.float32]:
    if from_rate == to_rate or signal.size == 0:
        return signal
    converted: NDArray[np.float32] = soxr.resample(signal, from_rate, to_rate, quality=_QUALITY)
    return converted


def _linear_interpolation(
    signal: NDArray[np.float32], positions: NDArray[np.float64]
) -> NDArray[np.float32]:
    """``signal`` read at fractional sample ``positions`` (np.interp searches; this indexes)."""
    below = np.minimum(positions.astype(np.int64), signal.size - 1)
    above = np.minimum(below + 1, signal.size - 1)
    weight = (positions - below).astype(np.float32)
    values: NDArray[np.float32] = signal[below] * (1 - weight) + signal[above] * weight
    return values


def analysis_channels(samples: NDArray[np.float32], sample_rate: int) -> NDArray[np.float32]:
    """Each channel of ``samples`` ``(frames, channels)`` at 8 kHz, shape ``(channels, n)``."""
    channels = range(samples.shape[1])
    return np.stack([resample(samples[:, index], sample_rate, ANALYSIS_RATE) for index in channels])
