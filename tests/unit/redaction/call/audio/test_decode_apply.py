"""Decoding any format ffmpeg reads, resampling, applying silence and the transfer cut."""

from __future__ import annotations

import numpy as np
import pytest

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.audio.apply import cut_at, silence_spans
from ringfence.redaction.call.audio.decode import decode_audio, encode_wav, to_int16
from ringfence.redaction.call.audio.resample import resample
from ringfence.redaction.call.timeline import Span
from tests.unit.redaction.call.audio.synth import RATE, ffmpeg_encode, read_wav, speech, wav_bytes


def _tone(seconds: float, rate: int, frequency: float = 1000.0) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def test_pcm_wav_round_trips_exactly() -> None:
    """16-bit input, 16-bit output: samples that are not redacted are bit-identical."""
    samples = speech("hello there")[:, None]
    original = wav_bytes(samples, RATE)
    decoded = decode_audio(original)
    assert decoded.sample_rate == RATE and decoded.channels == 1
    assert encode_wav(to_int16(decoded.samples), RATE) == original


@pytest.mark.parametrize(
    ("args", "rate", "channels"),
    [
        # Formats a phone platform may deliver (contracts.md: any format ffmpeg reads).
        (("-f", "mp3"), RATE, 1),
        (("-c:a", "libopus", "-f", "ogg"), 48000, 1),
        (("-c:a", "pcm_mulaw", "-f", "wav"), RATE, 1),
        (("-ac", "2", "-f", "flac"), RATE, 2),
        (("-ar", "44100", "-c:a", "pcm_s24le", "-f", "wav"), 44100, 1),
        (("-c:a", "pcm_f32le", "-f", "wav"), RATE, 1),
    ],
)
def test_formats_decode_with_rate_and_channels(
    args: tuple[str, ...], rate: int, channels: int
) -> None:
    encoded = ffmpeg_encode(wav_bytes(_tone(1.0, RATE)[:, None], RATE), *args)
    decoded = decode_audio(encoded)
    assert (decoded.sample_rate, decoded.channels) == (rate, channels)
    assert decoded.duration_s == pytest.approx(1.0, abs=0.03)
    assert 0.3 < float(np.max(np.abs(decoded.samples))) <= 1.0


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not audio at all",
        b"RIFF\x00\x00\x00\x00WAVEfmt broken header",
        b"\xff\xfb\x90\x00" * 8,  # an MP3 frame header with no frames behind it
    ],
)
def test_undecodable_bytes_are_invalid_input(data: bytes) -> None:
    with pytest.raises(InvalidInputError, match="audio could not be decoded"):
        decode_audio(data)


def test_silence_spans_zeroes_every_channel_and_nothing_else() -> None:
    stereo = to_int16(np.stack([_tone(1.0, RATE), _tone(1.0, RATE, 700)], axis=1))
    redacted = silence_spans(stereo, RATE, [Span(0.25, 0.5)])
    assert not redacted[2000:4000].any()
    assert np.array_equal(redacted[:2000], stereo[:2000])
    assert np.array_equal(redacted[4000:], stereo[4000:])


def test_span_edges_round_outwards() -> None:
    """A span ending between two samples silences the sample it touches (fail closed)."""
    samples = to_int16(_tone(1.0, RATE)[:, None])
    redacted = silence_spans(samples, RATE, [Span(0.10001, 0.20001)])
    assert not redacted[800:1601].any()


def test_cut_keeps_only_audio_before_the_transfer() -> None:
    samples = to_int16(_tone(2.0, RATE)[:, None])
    assert cut_at(samples, RATE, 1.5).shape == (12000, 1)
    assert cut_at(samples, RATE, None).shape == samples.shape


def test_encoded_wav_is_16_bit_at_the_input_rate() -> None:
    samples = to_int16(np.stack([_tone(0.5, 22050)] * 2, axis=1))
    decoded, rate = read_wav(encode_wav(samples, 22050))
    assert rate == 22050 and decoded.shape == samples.shape


@pytest.mark.parametrize(
    ("frequency", "kept"),
    [
        # In the 8 kHz analysis band: kept. Above its Nyquist: filtered, not folded back.
        (1000.0, True),
        (3400.0, True),
        (5000.0, False),
        (9000.0, False),
    ],
)
def test_resampling_to_8_khz_filters_before_decimating(frequency: float, kept: bool) -> None:
    converted = resample(_tone(1.0, 44100, frequency), 44100, RATE)
    level = float(np.sqrt(np.mean(converted[800:-800] ** 2)) * np.sqrt(2))
    assert converted.size == RATE
    assert (level > 0.4) if kept else (level < 0.01)
