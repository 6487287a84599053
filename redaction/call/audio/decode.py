"""Decode any audio ffmpeg reads into a float32 numpy array, and encode the result as WAV."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from pydub import AudioSegment
from pydub.audio_segment import fix_wav_headers
from pydub.exceptions import CouldntDecodeError

from ringfence.errors import ConfigurationError, InvalidInputError
from ringfence.redaction.call.audio.limits import (
    AudioLimitError,
    AudioLimits,
    check_duration,
    check_size,
    ffmpeg_rlimits,
    wav_duration_s,
)


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


def decode_audio(data: bytes, limits: AudioLimits | None = None) -> DecodedAudio:
    """Decode ``data`` (WAV, MP3, OGG/Opus... anything ffmpeg reads) within ``limits``.

    Raises ``InvalidInputError`` when the bytes are not audio or hold no samples, and its
    ``AudioLimitError`` when they are over a limit.
    """
    limits = limits or AudioLimits()
    check_size(data, limits)
    segment = _segment_from_bytes(data, limits)
    width = segment.sample_width
    if width not in _INT_TYPES or segment.frame_count() < 1:
        raise InvalidInputError("audio could not be decoded: no usable samples")
    integers = np.frombuffer(segment.raw_data, dtype=_INT_TYPES[width])
    scale = np.float32(2 ** (8 * width - 1))
    samples = (integers.astype(np.float32) / scale).reshape(-1, segment.channels)
    decoded = DecodedAudio(samples=samples, sample_rate=int(segment.frame_rate))
    # ffmpeg stopped a little past the limit: longer than it means over it.
    check_duration(decoded.duration_s, limits)
    return decoded


def _segment_from_bytes(data: bytes, limits: AudioLimits) -> AudioSegment:
    # Plain PCM WAV is read directly (no ffmpeg process); anything else goes through ffmpeg.
    is_wav = data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    if is_wav:
        duration = wav_duration_s(data)
        if duration is not None:
            check_duration(duration, limits)  # before a sample is read
        return _segment(lambda: AudioSegment.from_file(io.BytesIO(data), format="wav"))
    if shutil.which(AudioSegment.converter) is None:
        # Without this check a missing ffmpeg reads as undecodable input, and every call
        # would be dead-lettered instead of the worker stopping to be fixed.
        raise AudioToolMissingError(f"{AudioSegment.converter} is not installed or not on PATH")
    wav = _ffmpeg_to_wav(data, limits)
    return _segment(lambda: AudioSegment(data=wav))


def _ffmpeg_to_wav(data: bytes, limits: AudioLimits) -> bytes:
    """ffmpeg run by us rather than by pydub, for what pydub can't give it: input from the
    pipe only (no file, network or concat protocol a crafted file could name), output cut a
    second past the length limit (a tiny file that decodes to hours stops there), a
    timeout, and CPU and memory ceilings."""
    command = [
        AudioSegment.converter,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-protocol_whitelist",
        "pipe",
        "-i",
        "pipe:0",
        "-vn",
        "-t",
        str(limits.max_duration_s + 1),
        "-acodec",
        "pcm_s16le",
        "-f",
        "wav",
        "pipe:1",
    ]
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments; the data goes in on stdin
            command,
            input=data,
            capture_output=True,
            timeout=limits.ffmpeg_timeout_s,
            preexec_fn=ffmpeg_rlimits(limits),
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise AudioLimitError(
            f"ffmpeg took over {limits.ffmpeg_timeout_s:.0f} s to decode the audio "
            "(RINGFENCE_AUDIO_LIMIT_FFMPEG_TIMEOUT_S)"
        ) from error
    if done.returncode != 0:
        # Not ffmpeg's message: it can quote the file's own tags.
        raise InvalidInputError(f"audio could not be decoded (ffmpeg exit {done.returncode})")
    wav = bytearray(done.stdout)
    fix_wav_headers(wav)  # a piped WAV's header has no sizes
    return bytes(wav)


def _segment(read: Callable[[], AudioSegment]) -> AudioSegment:
    try:
        return read()
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
