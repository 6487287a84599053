"""DTMF key-press detection: Goertzel-equivalent tone powers per frame, ITU-T Q.24 style checks.

The eight DTMF frequencies are measured on short Hann-windowed frames (a matrix product against
cosine/sine rows, which is what a bank of Goertzel filters computes). A frame holds a key when one
row tone and one column tone carry most of the frame's power, each clearly beats the rest of its
group, and their levels are within the allowed twist. A key press is a run of such frames.

The detected key is digit data: it is returned for tests and must never be logged or stored.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.audio.settings import AudioSettings

ROW_HZ = (697.0, 770.0, 852.0, 941.0)
COLUMN_HZ = (1209.0, 1336.0, 1477.0, 1633.0)
KEYS = ("123A", "456B", "789C", "*0#D")
_CHUNK_FRAMES = 8192
# Powers are also measured this far off each nominal frequency: a real DTMF tone (within
# +-1.5 % per Q.24) is loudest at the nominal frequency, a musical note 3 % away is not.
_OFF_TUNE = 0.035


@dataclass(frozen=True, slots=True)
class DtmfTone:
    """One key press from ``start`` to ``end`` seconds. ``key`` is card data: never persist it."""

    start: float
    end: float
    key: str


def detect_dtmf(
    signal: NDArray[np.float32], sample_rate: int, settings: AudioSettings
) -> list[DtmfTone]:
    """Key presses in the mono ``signal`` (best at 8 kHz; works at any rate)."""
    window = max(16, round(settings.dtmf_window_s * sample_rate))
    hop = max(1, round(settings.dtmf_hop_s * sample_rate))
    if signal.size < window:
        return []
    frame_keys = _frame_keys(signal, sample_rate, window, hop, settings)
    runs = _key_runs(frame_keys, settings.dtmf_min_frames)
    return [
        DtmfTone(start=first * hop / sample_rate, end=(last * hop + window) / sample_rate, key=key)
        for first, last, key in runs
    ]


def _frame_keys(
    signal: NDArray[np.float32], sample_rate: int, window: int, hop: int, settings: AudioSettings
) -> NDArray[np.int8]:
    """Per frame, the key index 0..15, or -1 when the frame holds no valid DTMF pair."""
    basis = _tone_basis(sample_rate, window)
    taper = np.hanning(window).astype(np.float32)
    frame_count = 1 + (signal.size - window) // hop
    starts = np.arange(frame_count) * hop
    keys = np.empty(frame_count, dtype=np.int8)
    for first in range(0, frame_count, _CHUNK_FRAMES):
        chunk_starts = starts[first : first + _CHUNK_FRAMES]
        frames = signal[chunk_starts[:, None] + np.arange(window)] * taper
        keys[first : first + chunk_starts.size] = _classify(frames, basis, taper, settings)
    return keys


def _tone_basis(sample_rate: int, window: int) -> NDArray[np.float32]:
    # Columns: cos then sin of the 8 nominal frequencies, then 8 below and 8 above them.
    nominal = np.array(ROW_HZ + COLUMN_HZ)
    freqs = np.concatenate([nominal, nominal * (1 - _OFF_TUNE), nominal * (1 + _OFF_TUNE)])
    phase = 2 * np.pi * np.outer(np.arange(window), freqs) / sample_rate
    return np.hstack([np.cos(phase), np.sin(phase)]).astype(np.float32)


def _classify(
    frames: NDArray[np.float32],
    basis: NDArray[np.float32],
    taper: NDArray[np.float32],
    settings: AudioSettings,
) -> NDArray[np.int8]:
    tone_power, on_tune, frame_power = _tone_powers(frames, basis, taper)
    row, column = tone_power[:, :4], tone_power[:, 4:]
    best_row, best_column = row.argmax(axis=1), column.argmax(axis=1)
    index = np.arange(frames.shape[0])
    row_power, column_power = row[index, best_row], column[index, best_column]
    valid = (
        on_tune[index, best_row]
        & on_tune[index, best_column + 4]
        & _dominates(row, row_power, settings.dtmf_group_dominance_db)
        & _dominates(column, column_power, settings.dtmf_group_dominance_db)
        & (np.abs(_db(column_power) - _db(row_power)) <= settings.dtmf_max_twist_db)
        & (np.minimum(row_power, column_power) >= 10 ** (settings.dtmf_min_level_dbfs / 10) / 2)
        & (row_power + column_power >= settings.dtmf_min_tone_ratio * frame_power)
    )
    return np.where(valid, best_row * 4 + best_column, -1).astype(np.int8)


def _tone_powers(
    frames: NDArray[np.float32], basis: NDArray[np.float32], taper: NDArray[np.float32]
) -> tuple[NDArray[np.float32], NDArray[np.bool_], NDArray[np.float32]]:
    """Power of each DTMF tone, whether it is on tune, and the frame's total power."""
    projections = frames @ basis
    # A sine of power p (amplitude sqrt(2p)) gives |X|^2 = p/2 * sum(taper)^2.
    squares = projections[:, :24] ** 2 + projections[:, 24:] ** 2
    powers = (2 * squares / float(taper.sum()) ** 2).astype(np.float32, copy=False)
    tone_power = powers[:, :8]
    on_tune = tone_power >= np.maximum(powers[:, 8:16], powers[:, 16:])
    frame_power = np.einsum("ij,ij->i", frames, frames) / float(np.dot(taper, taper))
    return tone_power, on_tune, frame_power.astype(np.float32, copy=False)


def _dominates(
    group: NDArray[np.float32], best: NDArray[np.float32], margin_db: float
) -> NDArray[np.bool_]:
    """The winning tone beats every other tone of its group by ``margin_db``."""
    runner_up = np.sort(group, axis=1)[:, -2]
    return best >= runner_up * 10 ** (margin_db / 10)


def _db(power: NDArray[np.float32]) -> NDArray[np.float32]:
    return (10 * np.log10(np.maximum(power, 1e-20))).astype(np.float32)


def _key_runs(frame_keys: NDArray[np.int8], min_frames: int) -> list[tuple[int, int, str]]:
    """(first frame, last frame, key) of each run of at least ``min_frames`` equal keys."""
    change = np.flatnonzero(np.diff(frame_keys)) + 1
    bounds = np.concatenate([[0], change, [frame_keys.size]])
    runs = []
    for begin, end in itertools.pairwise(bounds):
        key = int(frame_keys[begin])
        if key >= 0 and end - begin >= min_frames:
            runs.append((int(begin), int(end - 1), KEYS[key // 4][key % 4]))
    return runs
