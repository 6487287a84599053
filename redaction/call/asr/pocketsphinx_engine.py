"""The built-in offline engine: pocketsphinx with the US English model it ships.

The model is wideband, so audio is converted to 16 kHz. Long calls are decoded in pieces cut
in the middle of pauses, which keeps the search small and the timestamps local.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from pocketsphinx import Decoder

from ringfence.redaction.call.audio.resample import resample
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.audio.silence import find_pauses
from ringfence.redaction.call.transcript import Word

MODEL_RATE = 16000
_FRAMES_PER_SECOND = 100
_MAX_PIECE_S = 30.0


class PocketsphinxEngine:
    """``SpeechToText`` on pocketsphinx; one decoder per instance (not thread-safe)."""

    name = "pocketsphinx"

    def __init__(self) -> None:
        # The default configuration loads the bundled model from pocketsphinx.get_model_path().
        self._decoder = Decoder(samprate=MODEL_RATE, loglevel="FATAL")

    def transcribe(self, samples: NDArray[np.float32], sample_rate: int) -> list[Word]:
        audio = resample(samples, sample_rate, MODEL_RATE)
        words: list[Word] = []
        for first, last in _pieces(audio):
            words.extend(self._decode(audio[first:last], offset_s=first / MODEL_RATE))
        return words

    def _decode(self, piece: NDArray[np.float32], offset_s: float) -> list[Word]:
        pcm = np.clip(np.rint(piece * 32767), -32768, 32767).astype("<i2").tobytes()
        self._decoder.start_utt()
        self._decoder.process_raw(pcm, full_utt=True)
        self._decoder.end_utt()
        return [
            Word(
                _spelling(segment.word),
                offset_s + segment.start_frame / _FRAMES_PER_SECOND,
                offset_s + (segment.end_frame + 1) / _FRAMES_PER_SECOND,
            )
            for segment in self._decoder.seg()
            if _is_word(segment.word)
        ]


def _pieces(audio: NDArray[np.float32]) -> list[tuple[int, int]]:
    """Sample ranges of at most ~30 s, split in the middle of the longest pauses."""
    pauses = find_pauses(audio[None, :], MODEL_RATE, AudioSettings())
    cuts = [round((start + end) / 2 * MODEL_RATE) for start, end in pauses]
    limit = round(_MAX_PIECE_S * MODEL_RATE)
    bounds, first = [], 0
    while audio.size - first > limit:
        inside = [cut for cut in cuts if first < cut <= first + limit]
        last = inside[-1] if inside else first + limit
        bounds.append((first, last))
        first = last
    bounds.append((first, audio.size))
    return bounds


def _is_word(token: str) -> bool:
    # Fillers such as <s>, </s>, <sil>, [NOISE] and ++GARBAGE++ are not words.
    return not (token.startswith(("<", "[", "+")))


def _spelling(token: str) -> str:
    """The word without its alternative-pronunciation mark: "four(2)" -> "four"."""
    return token.split("(", 1)[0]
