"""DTMF detection on 8 kHz telephone audio: every key at 40 ms in noise, no talk-off."""

from __future__ import annotations

import numpy as np
import pytest

from ringfence.redaction.call.audio.dtmf import detect_dtmf
from ringfence.redaction.call.audio.resample import ANALYSIS_RATE, resample
from ringfence.redaction.call.audio.settings import AudioSettings
from tests.unit.redaction.call.audio.synth import RATE, dtmf_tone, speech

ALL_KEYS = "123A456B789C*0#D"
SETTINGS = AudioSettings()


def _keys_in_noise(
    keys: str, tone_s: float, gap_s: float, snr_db: float, seed: int, rate: int = RATE
) -> np.ndarray:
    """``keys`` pressed in white noise ``snr_db`` below the tones' power."""
    rng = np.random.default_rng(seed)
    parts = [np.zeros(int(rng.integers(0, rate // 20)), np.float32)]
    for key in keys:
        parts += [dtmf_tone(key, tone_s, rate), np.zeros(round(gap_s * rate), np.float32)]
    signal = np.concatenate(parts)
    tone_power = 2 * (0.25 / 2) ** 2 / 2  # two sines of amplitude 0.125
    noise = rng.standard_normal(signal.size) * np.sqrt(tone_power / 10 ** (snr_db / 10))
    return (signal + noise).astype(np.float32)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(
    ("tone_s", "gap_s", "snr_db"),
    [
        # ITU-T Q.24: tones of 40 ms with 40 ms pauses must be detected.
        (0.04, 0.04, 15.0),
        (0.04, 0.04, 10.0),
        # Typical keypad presses from a mobile: ~100 ms on, 100 ms off.
        (0.1, 0.1, 15.0),
    ],
)
def test_every_key_is_detected_at_40_ms_in_noise(
    tone_s: float, gap_s: float, snr_db: float, seed: int
) -> None:
    """All 16 keys, in order, once each: no key missed, merged or invented."""
    signal = _keys_in_noise(ALL_KEYS, tone_s, gap_s, snr_db, seed)
    tones = detect_dtmf(signal, RATE, SETTINGS)
    assert "".join(tone.key for tone in tones) == ALL_KEYS


def test_repeated_key_gives_one_press_per_tone() -> None:
    """A card number is full of repeats ("1111"): each press is its own tone."""
    tones = detect_dtmf(_keys_in_noise("1111", 0.04, 0.04, 15.0, seed=3), RATE, SETTINGS)
    assert len(tones) == 4


def test_tone_times_cover_the_press() -> None:
    """A reported press covers the samples where the tone sounds."""
    signal = np.concatenate(
        [np.zeros(4000, np.float32), dtmf_tone("5", 0.05), np.zeros(4000, np.float32)]
    )
    (tone,) = detect_dtmf(signal, RATE, SETTINGS)
    assert tone.start <= 0.5 and tone.end >= 0.55


@pytest.mark.parametrize("rate", [16000, 44100, 48000])
def test_keys_are_found_after_resampling_other_rates(rate: int) -> None:
    """Wideband and studio rates go through the 8 kHz analysis copy."""
    signal = _keys_in_noise(ALL_KEYS, 0.04, 0.04, 15.0, seed=1, rate=rate)
    tones = detect_dtmf(resample(signal, rate, ANALYSIS_RATE), ANALYSIS_RATE, SETTINGS)
    assert "".join(tone.key for tone in tones) == ALL_KEYS


@pytest.mark.parametrize(
    ("offset", "detected"),
    [
        # Q.24: frequency deviation within 1.5 % must be accepted, beyond 3.5 % rejected.
        (0.015, True),
        (-0.015, True),
        (0.035, False),
        (-0.035, False),
    ],
)
def test_frequency_tolerance(offset: float, detected: bool) -> None:
    t = np.arange(round(0.08 * RATE)) / RATE
    pair = 0.1 * (np.sin(2 * np.pi * 852 * (1 + offset) * t) + np.sin(2 * np.pi * 1477 * t))
    signal = np.concatenate([np.zeros(800), pair, np.zeros(800)]).astype(np.float32)
    assert bool(detect_dtmf(signal, RATE, SETTINGS)) is detected


@pytest.mark.parametrize(
    ("voice", "text"),
    [
        # Call-centre phrases in several espeak-ng voices (male, female, accents, pitch).
        ("en-gb", "Hello, you are through to the council, how can I help you today?"),
        ("en-us", "My daughter has been unwell and the bins were not collected on Tuesday."),
        ("en+f3", "Could you confirm the first line of your address and your postcode please?"),
        ("en+f4", "I would like to pay my council tax, it was about four hundred pounds."),
        ("en-gb-scotland", "Nine seven eight, double three, oh five, thank you very much."),
        ("en-us+m3", "Lovely, that is all done for you, have a good afternoon. Goodbye."),
    ],
)
def test_no_key_presses_in_speech(voice: str, text: str) -> None:
    """Talk-off: voiced speech has harmonics near DTMF pairs, but not a clean pure pair."""
    assert detect_dtmf(speech(text, voice), RATE, SETTINGS) == []


def _note(frequency: float, seconds: float, harmonics: tuple[float, ...]) -> np.ndarray:
    t = np.arange(round(seconds * RATE)) / RATE
    tone = sum(
        amplitude * np.sin(2 * np.pi * frequency * (index + 1) * t)
        for index, amplitude in enumerate(harmonics)
        if frequency * (index + 1) < RATE / 2
    )
    envelope = np.minimum(1.0, np.minimum(t / 0.01, (seconds - t) / 0.05))
    return np.asarray(0.1 * tone * envelope)


def _midi(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


@pytest.mark.parametrize(
    "harmonics",
    [
        # Hold music: bright (sawtooth-like), soft (flute-like) and pure sine timbres.
        (1.0, 0.5, 0.33, 0.25, 0.2),
        (1.0, 0.25, 0.1),
        (1.0,),
    ],
)
def test_no_key_presses_in_music(harmonics: tuple[float, ...]) -> None:
    """A chromatic scale, then triads, octaves and fourths over two octaves of roots."""
    notes = [_note(_midi(note), 0.25, harmonics) for note in range(48, 96)]
    for root in range(60, 84):
        for interval in ((4, 7), (12,), (5,)):
            chord = _note(_midi(root), 0.5, harmonics)
            for step in interval:
                chord = chord + _note(_midi(root + step), 0.5, harmonics)
            notes.append(chord)
    assert detect_dtmf(np.concatenate(notes).astype(np.float32), RATE, SETTINGS) == []


def test_silence_and_short_input_hold_no_keys() -> None:
    assert detect_dtmf(np.zeros(RATE, np.float32), RATE, SETTINGS) == []
    assert detect_dtmf(np.zeros(10, np.float32), RATE, SETTINGS) == []
