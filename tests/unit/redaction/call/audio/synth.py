"""Synthetic calls with known sensitive intervals: espeak-ng speech, numpy DTMF, sox, ffmpeg.

Independent of the code under test: speech is rendered by espeak-ng and resampled by sox,
tones are plain sines, encodings come from the ffmpeg command line.
"""

from __future__ import annotations

import functools
import io
import subprocess
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

RATE = 8000
ROWS = (697.0, 770.0, 852.0, 941.0)
COLUMNS = (1209.0, 1336.0, 1477.0, 1633.0)
KEYPAD = ("123A", "456B", "789C", "*0#D")
NOISE_LEVEL = 0.002  # about -54 dBFS of line noise, so the input never holds digital silence


@functools.lru_cache(maxsize=512)
def _speech_cached(text: str, voice: str, rate: int) -> bytes:
    spoken = subprocess.run(
        ["espeak-ng", "--stdout", "-v", voice, "-s", "150", text], check=True, capture_output=True
    ).stdout
    return subprocess.run(
        ["sox", "-t", "wav", "-", "-r", str(rate), "-c", "1", "-b", "16", "-t", "raw", "-"],
        input=spoken,
        check=True,
        capture_output=True,
    ).stdout


def speech(text: str, voice: str = "en-gb", rate: int = RATE) -> NDArray[np.float32]:
    """``text`` spoken by espeak-ng, trimmed of its leading and trailing silence."""
    pcm = np.frombuffer(_speech_cached(text, voice, rate), dtype="<i2").astype(np.float32) / 32768
    loud = np.flatnonzero(np.abs(pcm) > 0.01)
    return pcm[loud[0] : loud[-1] + 1] if loud.size else pcm


def dtmf_tone(
    key: str, seconds: float, rate: int = RATE, level: float = 0.25
) -> NDArray[np.float32]:
    row = next(index for index, keys in enumerate(KEYPAD) if key in keys)
    column = KEYPAD[row].index(key)
    t = np.arange(round(seconds * rate)) / rate
    tone = np.sin(2 * np.pi * ROWS[row] * t) + np.sin(2 * np.pi * COLUMNS[column] * t)
    return (level / 2 * tone).astype(np.float32)


@dataclass
class CallBuilder:
    """Appends pieces of a call and remembers where each one lies (seconds)."""

    rate: int = RATE
    pieces: list[NDArray[np.float32]] = field(default_factory=list)
    frames: int = 0
    words: list[dict[str, object]] = field(default_factory=list)
    speech_spans: list[tuple[float, float]] = field(default_factory=list)

    @property
    def now(self) -> float:
        return self.frames / self.rate

    def add(self, samples: NDArray[np.float32]) -> tuple[float, float]:
        start = self.now
        self.pieces.append(samples.astype(np.float32))
        self.frames += samples.size
        return start, self.now

    def pause(self, seconds: float) -> tuple[float, float]:
        return self.add(np.zeros(round(seconds * self.rate), dtype=np.float32))

    def say(self, text: str, *, gap_s: float = 0.12, voice: str = "en-gb") -> tuple[float, float]:
        """Speak ``text`` word by word, so every word's time is known exactly."""
        start = self.now
        for index, word in enumerate(text.split()):
            if index:
                self.pause(gap_s)
            first, last = self.add(speech(word, voice, self.rate))
            self.words.append({"word": word, "start": round(first, 3), "end": round(last, 3)})
        self.speech_spans.append((start, self.now))
        return start, self.now

    def key_presses(
        self,
        keys: str,
        tone_s: float = 0.04,
        gap_s: float = 0.06,
        level: float = 0.25,
        snr_db: float = 15.0,
    ) -> tuple[float, float]:
        """DTMF ``keys``, each tone with white noise ``snr_db`` below it (a noisy handset)."""
        start = self.now
        rng = np.random.default_rng(len(self.pieces))
        noise_level = np.sqrt(level**2 / 4 / 10 ** (snr_db / 10))
        for key in keys:
            press = np.concatenate(
                [dtmf_tone(key, tone_s, self.rate, level), np.zeros(round(gap_s * self.rate))]
            )
            self.add((press + rng.standard_normal(press.size) * noise_level).astype(np.float32))
        return start, self.now

    def samples(self, noise_level: float = NOISE_LEVEL, seed: int = 7) -> NDArray[np.float32]:
        audio = np.concatenate(self.pieces) if self.pieces else np.zeros(0, np.float32)
        noise = np.random.default_rng(seed).standard_normal(audio.size) * noise_level
        return (audio + noise).astype(np.float32)

    def wav(self, noise_level: float = NOISE_LEVEL) -> bytes:
        return wav_bytes(self.samples(noise_level)[:, None], self.rate)


def wav_bytes(samples: NDArray[np.float32], rate: int) -> bytes:
    """16-bit WAV of ``samples`` shaped ``(frames, channels)``."""
    pcm = np.clip(np.rint(samples * 32767), -32768, 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(pcm.shape[1])
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(pcm.tobytes())
    return buffer.getvalue()


def read_wav(data: bytes) -> tuple[NDArray[np.int16], int]:
    """Samples ``(frames, channels)`` and rate of a 16-bit WAV."""
    with wave.open(io.BytesIO(data), "rb") as reader:
        assert reader.getsampwidth() == 2
        frames = np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2")
        return frames.reshape(-1, reader.getnchannels()), reader.getframerate()


def ffmpeg_encode(wav: bytes, *args: str, suffix: str = ".bin") -> bytes:
    """``wav`` re-encoded by the ffmpeg command line with output options ``args``.

    Written to a real file, not a pipe: MP3 needs a seekable output for the header that tells
    decoders how much encoder delay to trim, as a phone platform's files have.
    """
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.wav", Path(folder) / f"out{suffix}"
        source.write_bytes(wav)
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-i", str(source), *args, str(target)],
            check=True,
            capture_output=True,
        )
        return target.read_bytes()
