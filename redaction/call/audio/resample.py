"""Sample-rate conversion for analysis copies (DTMF, pauses, speech-to-text).

Analysis only: the stored recording keeps its own rate. Downsampling works block by block in
the frequency domain: each block (with margins either side, discarded afterwards) is transformed,
everything above the new Nyquist frequency is removed with a raised-cosine edge, and the inverse
transform is taken at the new length. Speech above 4 kHz therefore cannot fold into the DTMF
band, and the cost is one FFT per input sample block. Upsampling (8 kHz telephone audio to the
16 kHz speech-to-text model) interpolates linearly: there is nothing above 4 kHz to invent.
"""

from __future__ import annotations

from math import gcd

import numpy as np
from numpy.typing import NDArray

ANALYSIS_RATE = 8000
_TRANSITION_HZ = 400.0
_BLOCK_S = 0.5
_MARGIN_S = 0.05


def resample(signal: NDArray[np.float32], from_rate: int, to_rate: int) -> NDArray[np.float32]:
    """``signal`` (1-D) converted from ``from_rate`` to ``to_rate`` samples per second."""
    if from_rate == to_rate or signal.size == 0:
        return signal.astype(np.float32, copy=False)
    if to_rate > from_rate:
        count = int(signal.size * to_rate // from_rate)
        positions = np.arange(count, dtype=np.float64) * (from_rate / to_rate)
        return _linear_interpolation(signal, positions)
    return _downsample(signal.astype(np.float32, copy=False), from_rate, to_rate)


def _downsample(signal: NDArray[np.float32], from_rate: int, to_rate: int) -> NDArray[np.float32]:
    step = gcd(from_rate, to_rate)
    unit_in, unit_out = from_rate // step, to_rate // step
    blocks = max(1, round(_BLOCK_S * from_rate / unit_in))
    margins = max(1, round(_MARGIN_S * from_rate / unit_in))
    block_in, block_out = unit_in * blocks, unit_out * blocks
    margin_in, margin_out = unit_in * margins, unit_out * margins
    size_in, size_out = block_in + 2 * margin_in, block_out + 2 * margin_out
    response = _low_pass_response(size_out // 2 + 1, from_rate / size_in, to_rate)
    count = -(-signal.size // block_in)
    padded = np.zeros(count * block_in + 2 * margin_in, dtype=np.float32)
    padded[margin_in : margin_in + signal.size] = signal
    out = np.empty(count * block_out, dtype=np.float32)
    for index in range(count):
        piece = padded[index * block_in : index * block_in + size_in]
        spectrum = np.fft.rfft(piece)[: response.size] * response
        shorter = np.fft.irfft(spectrum, size_out) * (size_out / size_in)
        out[index * block_out : (index + 1) * block_out] = shorter[margin_out:-margin_out]
    return out[: signal.size * to_rate // from_rate]


def _low_pass_response(bins: int, bin_hz: float, to_rate: int) -> NDArray[np.float32]:
    """1 up to the transition band below the new Nyquist frequency, a cosine down to 0 there."""
    frequency = np.arange(bins) * bin_hz
    edge = to_rate / 2 - _TRANSITION_HZ
    position = np.clip((frequency - edge) / _TRANSITION_HZ, 0.0, 1.0)
    response: NDArray[np.float32] = (0.5 + 0.5 * np.cos(np.pi * position)).astype(np.float32)
    return response


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
