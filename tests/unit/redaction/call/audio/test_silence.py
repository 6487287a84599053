"""Pause detection relative to the call's own noise floor and speech level."""

from __future__ import annotations

import numpy as np
import pytest

from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.audio.silence import find_pauses
from tests.unit.redaction.call.audio.synth import RATE, CallBuilder

SETTINGS = AudioSettings()


@pytest.mark.parametrize("noise_level", [0.0005, 0.002, 0.01])
def test_pauses_between_utterances_are_found_at_any_line_noise(noise_level: float) -> None:
    """Three 0.6 s gaps between espeak utterances, on quiet, typical and noisy lines."""
    call = CallBuilder()
    call.say("good morning")
    gaps = [call.pause(0.6)]
    call.say("how can I help")
    gaps.append(call.pause(0.6))
    call.say("thank you")
    gaps.append(call.pause(0.6))
    call.say("goodbye")
    pauses = find_pauses(call.samples(noise_level)[None, :], RATE, SETTINGS)
    for start, end in gaps:
        assert any(p_start <= start + 0.05 and p_end >= end - 0.05 for p_start, p_end in pauses)


def test_no_pause_inside_continuous_tone() -> None:
    t = np.arange(2 * RATE) / RATE
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    assert find_pauses(tone[None, :], RATE, SETTINGS) == []


def test_short_gaps_are_not_pauses() -> None:
    """A 50 ms gap between words is shorter than ``pause_min_s``."""
    call = CallBuilder()
    call.say("four one one one", gap_s=0.05)
    quiet_stretches = find_pauses(call.samples()[None, :], RATE, SETTINGS)
    assert all(end - start >= SETTINGS.pause_min_s for start, end in quiet_stretches)
    assert quiet_stretches == []


def test_loudest_channel_decides() -> None:
    """Stereo: a pause needs both sides quiet; speech on either channel is not a pause."""
    call = CallBuilder()
    call.pause(1.0)
    call.say("hello there")
    call.pause(1.0)
    speaking = call.samples()
    silent_side = np.random.default_rng(1).standard_normal(speaking.size).astype(np.float32)
    channels = np.stack([silent_side * 0.002, speaking])
    pauses = find_pauses(channels, RATE, SETTINGS)
    assert [round(start) for start, _ in pauses] == [0, round(call.speech_spans[0][1])]
