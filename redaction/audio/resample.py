"""Sample-rate conversion for analysis copies (DTMF, pauses, speech-to-text).

Analysis only: the stored recording keeps its own rate. Downsampling low-passes first (a
windowed-sinc FIR applied by FFT overlap-add) so speech above the new Nyquist frequency does not
fold into the DTMF band; the new samples are then read off by linear interpolation.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

ANALYSIS_RATE = 8000
_TRANSITION_HZ = 400.0
_BLOCK = 1 << 15


def resample(signal: NDArray[np.float32], from_rate: int, to_rate: int) -> NDArray[np.float32]:
    """``signal`` (1-D) converted from ``from_rate`` to ``to_rate`` samples per second."""
    if from_rate == to_rate or signal.size == 0:
        return signal.astype(np.float32, copy=False)
    if to_rate < from_rate:
        signal = low_pass(signal, from_rate, cutoff_hz=0.5 * to_rate - _TRANSITION_HZ / 2)
    count = int(signal.size * to_rate // from_rate)
    positions = np.arange(count, dtype=np.float64) * (from_rate / to_rate)
    return np.interp(positions, np.arange(signal.size), signal).astype(np.float32)


def low_pass(signal: NDArray[np.float32], rate: int, cutoff_hz: float) -> NDArray[np.float32]:
    """``signal`` with content above ``cutoff_hz`` removed (zero-phase, same length)."""
    taps = _sinc_taps(rate, cutoff_hz)
    filtered = _overlap_add(signal.astype(np.float32, copy=False), taps)
    delay = (taps.size - 1) // 2
    return filtered[delay : delay + signal.size]


def _sinc_taps(rate: int, cutoff_hz: float) -> NDArray[np.float32]:
    # Blackman-windowed sinc: about 5.5 / (transition / rate) taps for ~70 dB stopband.
    count = int(5.5 * rate / _TRANSITION_HZ) | 1
    n = np.arange(count) - (count - 1) / 2
    taps = np.sinc(2 * cutoff_hz / rate * n) * np.blackman(count)
    normalised: NDArray[np.float32] = (taps / taps.sum()).astype(np.float32)
    return normalised


def _overlap_add(signal: NDArray[np.float32], taps: NDArray[np.float32]) -> NDArray[np.float32]:
    size = 1 << int(np.ceil(np.log2(_BLOCK + taps.size - 1)))
    taps_spectrum = np.fft.rfft(taps, size)
    out = np.zeros(signal.size + taps.size - 1, dtype=np.float32)
    for start in range(0, signal.size, _BLOCK):
        block = signal[start : start + _BLOCK]
        piece = np.fft.irfft(np.fft.rfft(block, size) * taps_spectrum, size)
        length = block.size + taps.size - 1
        out[start : start + length] += piece[:length].astype(np.float32)
    return out


def analysis_channels(samples: NDArray[np.float32], sample_rate: int) -> NDArray[np.float32]:
    """Each channel of ``samples`` ``(frames, channels)`` at 8 kHz, shape ``(channels, n)``."""
    channels = range(samples.shape[1])
    return np.stack([resample(samples[:, index], sample_rate, ANALYSIS_RATE) for index in channels])
