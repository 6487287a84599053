"""Pause detection: where nobody speaks, so window boundaries can sit there instead of mid-word.

Levels are relative to the call itself: a frame is quiet when it is close to the call's noise
floor and well below its loud speech, so line noise and recording gain do not matter.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.audio.settings import AudioSettings

_FRAME_S = 0.02
_HOP_S = 0.01
_FLOOR_DBFS = -90.0


def find_pauses(
    channels: NDArray[np.float32], sample_rate: int, settings: AudioSettings
) -> list[tuple[float, float]]:
    """Sorted ``(start, end)`` seconds of pauses in ``channels`` shaped ``(channels, n)``."""
    levels = _frame_levels_db(channels, sample_rate)
    if levels.size == 0:
        return []
    floor, loud = np.percentile(levels, 10), np.percentile(levels, 95)
    threshold = min(floor + settings.pause_above_floor_db, loud - settings.pause_below_speech_db)
    quiet = levels <= max(threshold, floor)
    min_frames = max(1, round(settings.pause_min_s / _HOP_S))
    return [
        (first * _HOP_S, last * _HOP_S + _FRAME_S)
        for first, last in _true_runs(quiet)
        if last - first + 1 >= min_frames
    ]


def _frame_levels_db(channels: NDArray[np.float32], sample_rate: int) -> NDArray[np.float64]:
    """Level of each 20 ms frame (10 ms hop), the loudest channel counting."""
    frame, hop = round(_FRAME_S * sample_rate), round(_HOP_S * sample_rate)
    squares = np.max(channels.astype(np.float64) ** 2, axis=0)
    if squares.size < frame:
        return np.empty(0)
    cumulative = np.concatenate([[0.0], np.cumsum(squares)])
    starts = np.arange(0, squares.size - frame + 1, hop)
    power = (cumulative[starts + frame] - cumulative[starts]) / frame
    levels: NDArray[np.float64] = np.maximum(10 * np.log10(np.maximum(power, 1e-12)), _FLOOR_DBFS)
    return levels


def _true_runs(flags: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(first, last) index of each run of True values."""
    padded = np.concatenate([[False], flags, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(begin), int(end) - 1) for begin, end in zip(edges[::2], edges[1::2], strict=True)]
