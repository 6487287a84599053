"""The speech-to-text interface every engine implements."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from ringfence.redaction.call.transcript import Word


class SpeechToText(Protocol):
    """Turns mono audio into words with start and end times in seconds."""

    name: str

    def transcribe(self, samples: NDArray[np.float32], sample_rate: int) -> list[Word]:
        """Words spoken in ``samples`` (1-D, [-1, 1), any rate), in time order."""
        ...
