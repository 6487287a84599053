"""Input that cannot be trusted is refused; markers and transfers fail closed."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pytest

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.metadata import CallMeta, parse_call_meta
from ringfence.redaction.call.redact import redact_call
from ringfence.redaction.policy import load_policy
from tests.unit.redaction.call.audio.synth import CallBuilder, read_wav, wav_bytes

RECORDED = load_policy().recorded_teams("call")
CARD = "4111111111111111"


@functools.cache
def short_call() -> CallBuilder:
    call = CallBuilder()
    call.pause(0.5)
    call.say("hello there")
    call.pause(1.0)
    call.say("thank you goodbye")
    call.pause(0.5)
    return call


def _meta(**fields: Any) -> CallMeta:
    # An empty transcript, so these tests do not wait for speech-to-text.
    base = {"call_id": "k-1", "team": "customer_services", "transcript": {"words": []}}
    return CallMeta.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        # An event after the end of the recording: the timeline does not match the audio.
        ({"events": [{"at": 60.0, "kind": "payment_start"}]}, "past the end of the audio"),
        ({"events": [{"at": 60.0, "kind": "transfer", "to_team": "x"}]}, "past the end"),
        # A transcript longer than the audio.
        (
            {"transcript": {"words": [{"word": "four", "start": 59.0, "end": 59.5}]}},
            "transcript runs to 59.50s",
        ),
    ],
)
def test_spans_outside_the_audio_are_refused(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        redact_call(short_call().wav(), _meta(**fields), RECORDED)


def test_undecodable_audio_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="could not be decoded"):
        redact_call(b"this is not audio", _meta(), RECORDED)


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ('{"call_id": "k-1", "team": "t", "events": [{"at": -1, "kind": "x"}]}', "events.0.at"),
        (
            '{"call_id": "k-1", "team": "t", "transcript": {"words": '
            f'[{{"word": "{CARD}", "start": 2, "end": 1}}]}}}}',
            "transcript.words.0",
        ),
        ('{"team": "t"}', "call_id"),
        (f"{CARD} not json", "document"),
    ],
)
def test_invalid_metadata_is_one_line_without_content(raw: str, where: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_call_meta(raw)
    message = str(caught.value)
    assert where in message and "\n" not in message and CARD not in message


def test_unknown_fields_are_ignored() -> None:
    meta = parse_call_meta(
        '{"call_id": "k-1", "team": "t", "platform": "x", '
        '"events": [{"at": 1, "kind": "hold", "extra": 1}]}'
    )
    assert meta.events[0].kind == "hold"


@pytest.mark.parametrize(
    ("events", "silent"),
    [
        # A start with no end: everything from the start on is a payment.
        ([{"at": 2.0, "kind": "payment_start"}], (2.0, None)),
        # An end with no start: everything up to the end is.
        ([{"at": 2.0, "kind": "payment_end"}], (0.0, 2.0)),
    ],
)
def test_unpaired_markers_fail_closed(
    events: list[dict[str, Any]], silent: tuple[float, float | None]
) -> None:
    result = redact_call(short_call().wav(), _meta(events=events), RECORDED)
    output, rate = read_wav(result.audio_wav)
    start, end = silent
    assert not output[int(start * rate) : None if end is None else int(end * rate)].any()
    assert result.manifest["removed"][0]["reason"] == "payment_marker"


def test_transfer_to_an_unknown_team_is_cut() -> None:
    """A transfer that does not say where it goes is treated as leaving the recorded teams."""
    result = redact_call(
        short_call().wav(), _meta(events=[{"at": 1.0, "kind": "transfer"}]), RECORDED
    )
    assert result.manifest["duration_s"] == 1.0


@pytest.mark.parametrize("rate", [8000, 11025, 44100])
def test_a_window_to_the_end_silences_the_last_sample(rate: int) -> None:
    """Windows are clipped to the recording's own length, not the 8 kHz analysis copy's."""
    tone = 0.5 * np.sin(np.arange(rate + 7) * 0.3).astype(np.float32)
    events = [{"at": 0.5, "kind": "payment_start"}]
    result = redact_call(wav_bytes(tone[:, None], rate), _meta(events=events), RECORDED)
    output, _ = read_wav(result.audio_wav)
    assert output.shape[0] == rate + 7 and not output[rate // 2 :].any()
