"""Limits on a recording, checked before and while it is decoded, so that no input can make
a worker run out of memory or time: its size, its length (from the WAV header before any
sample is read, or by cutting ffmpeg's output), and ffmpeg's own time, CPU and memory.
"""

from __future__ import annotations

import resource
from collections.abc import Callable

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ringfence.errors import InvalidInputError


class AudioLimits(BaseSettings):
    """``RINGFENCE_AUDIO_LIMIT_*``. Going over one dead-letters the call, naming the limit."""

    model_config = SettingsConfigDict(env_prefix="RINGFENCE_AUDIO_LIMIT_", frozen=True)

    max_bytes: int = Field(default=256 * 2**20, gt=0, description="encoded recording size")
    max_duration_s: float = Field(default=2 * 3600, gt=0, description="length of a call")
    ffmpeg_timeout_s: float = Field(default=300, gt=0, description="wall time of one decode")
    ffmpeg_cpu_s: int = Field(default=300, gt=0, description="CPU seconds of one decode")
    ffmpeg_memory_mb: int = Field(default=2048, gt=0, description="ffmpeg's address space")


class AudioLimitError(InvalidInputError):
    """The recording is over a configured limit: never decoded (or decoded no further)."""

    reason = "audio_over_limit"


def check_size(data: bytes, limits: AudioLimits) -> None:
    if len(data) > limits.max_bytes:
        raise AudioLimitError(
            f"audio is {len(data)} bytes, over the limit of {limits.max_bytes} "
            "(RINGFENCE_AUDIO_LIMIT_MAX_BYTES)"
        )


def check_duration(duration_s: float, limits: AudioLimits) -> None:
    if duration_s > limits.max_duration_s:
        raise AudioLimitError(
            f"audio is {duration_s:.0f} s long, over the limit of {limits.max_duration_s:.0f} s "
            "(RINGFENCE_AUDIO_LIMIT_MAX_DURATION_S)"
        )


def wav_duration_s(data: bytes) -> float | None:
    """A PCM WAV's length from its header, bounded by the bytes really there (a header may
    claim more than it holds, or less); None if the chunks can't be read."""
    position, rate, block = 12, 0, 0
    while position + 8 <= len(data):
        chunk = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        body = position + 8
        if chunk == b"fmt " and size >= 16 and body + 16 <= len(data):
            rate = int.from_bytes(data[body + 4 : body + 8], "little")
            block = int.from_bytes(data[body + 12 : body + 14], "little")
        elif chunk == b"data":
            if not rate or not block:
                return None
            held = min(size, len(data) - body)
            return held / block / rate
        position = body + size + (size & 1)
    return None


def ffmpeg_rlimits(limits: AudioLimits) -> Callable[[], None]:
    """Runs in the ffmpeg child before it starts: a CPU and an address-space ceiling."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limits.ffmpeg_cpu_s, limits.ffmpeg_cpu_s))
        memory = limits.ffmpeg_memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply
