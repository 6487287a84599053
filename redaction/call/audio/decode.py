"""Decode any audio ffmpeg reads into a float32 numpy array, and encode the result as WAV."""

from __future__ import annotations

import io
import shutil
import wave
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ringfence.errors import ConfigurationError, InvalidInputError


class AudioToolMissingError(ConfigurationError):
    """ffmpeg is not installed: no compressed recording can be decoded until it is."""

    reason = "ffmpeg_missing"


# pydub hands back signed integers of these widths (it widens 24-bit to 32-bit).
_INT_TYPES = {1: np.int8, 2: np.int16, 4: np.int32}


@dataclass(frozen=True)
class DecodedAudio:
    """Samples of shape ``(frames, channels)`` scaled to [-1, 1), at ``sample_rate``."""

    samples: NDArray[np.float32]
    sample_rate: int

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


def decode_audio(data: bytes) -> DecodedAudio:
    """Decode ``data`` (WAV, MP3, OGG/Opus... anything ffmpeg reads).

    Raises ``InvalidInputError`` when the bytes are not audio or hold no samples.
    """
    segment = _segment_from_bytes(data)
    width = segment.sample_width
    if width not in _INT_TYPES or segment.frame_count() < 1:
        raise InvalidInputError("audio could not be decoded: no usable samples")
    integers = np.frombuffer(segment.raw_data, dtype=_INT_TYPES[width])
    scale = np.float32(2 ** (8 * width - 1))
    samples = (integers.astype(np.float32) / scale).reshape(-1, segment.channels)
    return DecodedAudio(samples=samples, sample_rate=int(segment.frame_rate))


def _segment_from_bytes(data: bytes) -> AudioSegment:
    # Plain PCM WAV is read directly (no ffmpeg process); anything else goes through ffmpeg.
    is_wav = data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    if not is_wav and shutil.which(AudioSegment.converter) is None:
        # Without this check pydub's FileNotFoundError reads as undecodable input, and every
        # call would be dead-lettered instead of the worker stopping to be fixed.
        raise AudioToolMissingError(f"{AudioSegment.converter} is not installed or not on PATH")
    try:
        return AudioSegment.from_file(io.BytesIO(data), format="wav" if is_wav else None)
    except (CouldntDecodeError, IndexError, KeyError, ValueError, OSError) as error:
        raise InvalidInputError(f"audio could not be decoded ({type(error).__name__})") from error


def to_int16(samples: NDArray[np.float32]) -> NDArray[np.int16]:
    """Scale [-1, 1) floats to 16-bit PCM; zeros stay exact zeros (digital silence)."""
    scaled = np.clip(np.rint(samples * np.float32(32768.0)), -32768, 32767)
    integers: NDArray[np.int16] = scaled.astype(np.int16)
    return integers


def encode_wav(samples: NDArray[np.int16], sample_rate: int) -> bytes:
    """16-bit PCM WAV bytes of ``samples`` shaped ``(frames, channels)``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(int(samples.shape[1]))
        writer.setsampwidth(2)
        writer.setframerate(sample_rate)
        writer.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())
    return buffer.getvalue()
