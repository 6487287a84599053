"""No recording can take a worker's memory or time: size, length (header or decoded) and
ffmpeg's time are limited, and going over names the limit (real ffmpeg, no mock)."""

from __future__ import annotations

import io
import stat
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from pydub import AudioSegment

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.audio.decode import _ffmpeg_to_wav, decode_audio, encode_wav
from ringfence.redaction.call.audio.limits import AudioLimitError, AudioLimits, wav_duration_s

RATE = 8000


def _wav(seconds: float) -> bytes:
    return encode_wav(np.zeros((int(seconds * RATE), 1), dtype=np.int16), RATE)


def _silence(seconds: int, codec: str, fmt: str) -> bytes:
    """A compressed recording of silence: a few kilobytes that decode to ``seconds``."""
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=mono",
         "-t", str(seconds), "-c:a", codec, "-f", fmt, "pipe:1"],
        capture_output=True, check=True, timeout=120,
    ).stdout  # fmt: skip


def test_too_many_bytes_are_refused_before_decoding() -> None:
    with pytest.raises(AudioLimitError, match="RINGFENCE_AUDIO_LIMIT_MAX_BYTES"):
        decode_audio(_wav(2.0), AudioLimits(max_bytes=1000))


def test_a_long_wav_is_refused_from_its_header() -> None:
    with pytest.raises(AudioLimitError, match="RINGFENCE_AUDIO_LIMIT_MAX_DURATION_S"):
        decode_audio(_wav(3.0), AudioLimits(max_duration_s=2.0))


def test_a_header_that_claims_more_than_it_holds_is_measured_by_its_bytes() -> None:
    data = bytearray(_wav(1.0))
    data[40:44] = (2**31).to_bytes(4, "little")  # the data chunk claims ~37 hours
    assert wav_duration_s(bytes(data)) == pytest.approx(1.0)
    assert decode_audio(bytes(data), AudioLimits(max_duration_s=2.0)).duration_s <= 1.01


def test_a_decompression_bomb_stops_at_the_limit() -> None:
    """Three hours of FLAC silence is a few hundred kilobytes; decoding stops just past the
    limit and the call is refused, never held in memory whole."""
    bomb = _silence(3 * 3600, "flac", "flac")
    assert len(bomb) < 2 * 2**20
    decoded_wav = _ffmpeg_to_wav(bomb, AudioLimits(max_duration_s=60))
    assert wav_duration_s(decoded_wav) == pytest.approx(61, abs=0.1)
    with pytest.raises(AudioLimitError, match="RINGFENCE_AUDIO_LIMIT_MAX_DURATION_S"):
        decode_audio(bomb, AudioLimits(max_duration_s=60))


def test_compressed_audio_within_limits_decodes() -> None:
    decoded = decode_audio(_silence(5, "libmp3lame", "mp3"), AudioLimits(max_duration_s=60))
    assert 4.9 < decoded.duration_s < 5.2


def test_the_input_protocols_are_pipe_only(tmp_path: Path) -> None:
    """A playlist naming a local file is not followed: ffmpeg reads the pipe, nothing else
    (its own defaults refuse this too; the whitelist keeps it so whatever the build)."""
    secret = tmp_path / "secret.wav"
    secret.write_bytes(_wav(1.0))
    playlist = f"#EXTM3U\n#EXTINF:1,\nfile://{secret}\n".encode()
    with pytest.raises(InvalidInputError):
        decode_audio(playlist)


def _fake_ffmpeg(tmp_path: Path, body: str) -> str:
    script = tmp_path / "ffmpeg"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.fixture
def converter(tmp_path: Path) -> object:
    original = AudioSegment.converter
    yield lambda body: setattr(AudioSegment, "converter", _fake_ffmpeg(tmp_path, body))
    AudioSegment.converter = original


def test_an_ffmpeg_that_hangs_is_killed_at_its_timeout(converter: object) -> None:
    converter("exec sleep 30")  # type: ignore[operator]
    with pytest.raises(AudioLimitError, match="RINGFENCE_AUDIO_LIMIT_FFMPEG_TIMEOUT_S"):
        decode_audio(b"\xff\xfb\x90\x00" * 64, AudioLimits(ffmpeg_timeout_s=0.5))


def test_an_ffmpeg_that_crashes_is_bad_input(converter: object) -> None:
    converter("kill -SEGV $$")  # type: ignore[operator]
    with pytest.raises(InvalidInputError, match="ffmpeg exit -11"):
        decode_audio(b"\xff\xfb\x90\x00" * 64)


def test_wav_duration_reads_the_header() -> None:
    with wave.open(buffer := io.BytesIO(), "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(b"\x00" * 16000 * 4 * 2)
    assert wav_duration_s(buffer.getvalue()) == pytest.approx(2.0)
    assert wav_duration_s(b"RIFF\x00\x00\x00\x00WAVE") is None
