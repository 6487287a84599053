"""Synthetic calls with known sensitive intervals, for the end-to-end call redaction tests.

Every call starts and ends with ordinary conversation; ``sensitive`` lists the intervals that
must come out as digital silence, ``kept_speech`` the speech that must survive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from tests.unit.redaction.call.audio.synth import CallBuilder, wav_bytes


@dataclass(frozen=True)
class SyntheticCall:
    name: str
    wav: bytes
    meta: dict[str, Any]
    sensitive: list[tuple[float, float]]
    kept_speech: list[tuple[float, float]]
    cut_at: float | None = None
    stereo: bool = False


def _meta(call_id: str, builder: CallBuilder, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "call_id": call_id,
        "team": "customer_services",
        "direction": "inbound",
        "caller_number": "+441636650000",
        "started_at": "2026-01-05T10:00:00Z",
        "events": events,
        "transcript": {"words": builder.words},
    }


def _kept(builder: CallBuilder, sensitive: list[tuple[float, float]], end: float) -> list:
    return [
        (start, stop)
        for start, stop in builder.speech_spans
        if stop <= end and not any(start < s_end and s_start < stop for s_start, s_end in sensitive)
    ]


def _opening(call: CallBuilder) -> None:
    call.pause(0.5)
    call.say("hello you are through to the council how can I help")
    call.pause(0.6)
    call.say("I would like to pay my council tax please")
    call.pause(0.6)


def _closing(call: CallBuilder) -> None:
    call.pause(0.8)
    call.say("is there anything else I can help with today")
    call.pause(0.6)
    call.say("no that is everything thank you goodbye")
    call.pause(0.5)


def marker_call() -> SyntheticCall:
    """The agent presses pause-and-resume: the platform sends payment_start/payment_end."""
    call = CallBuilder()
    _opening(call)
    start = call.now
    call.say("the amount due is one hundred and forty pounds")
    call.pause(0.5)
    call.key_presses("4111111111111111", tone_s=0.08, gap_s=0.08)
    end = call.now
    call.pause(25.0)  # hold: nothing said for a while, so the windows stay apart
    _closing(call)
    events = [{"at": start, "kind": "payment_start"}, {"at": end, "kind": "payment_end"}]
    sensitive = [(start, end)]
    return SyntheticCall(
        "markers",
        call.wav(),
        _meta("k-markers", call, events),
        sensitive,
        _kept(call, sensitive, call.now),
    )


def dtmf_call() -> SyntheticCall:
    """Card number, expiry and security code keyed in at 40 ms per tone, in noise."""
    call = CallBuilder()
    _opening(call)
    call.say("please key in the long number on your card")
    call.pause(0.6)
    keys = [call.key_presses("4111111111111111")]
    call.pause(0.7)
    call.say("and the expiry date")
    call.pause(0.5)
    keys.append(call.key_presses("0527", tone_s=0.1, gap_s=0.1))
    call.pause(0.7)
    call.say("and the three digits on the back")
    call.pause(0.5)
    keys.append(call.key_presses("123"))
    call.pause(25.0)
    _closing(call)
    # One payment: the prompts between the three entries are inside the window too.
    sensitive = [(keys[0][0], keys[-1][1])]
    return SyntheticCall(
        "dtmf", call.wav(), _meta("k-dtmf", call, []), sensitive, _kept(call, sensitive, call.now)
    )


def spoken_card_call() -> SyntheticCall:
    """A card read in chunks across several turns, with chatter between, then expiry and CVV."""
    call = CallBuilder()
    _opening(call)
    call.say("can I take the long number on the card please")
    call.pause(0.7)
    first = call.say("four one one one")
    call.pause(0.6)
    call.say("yes")
    call.pause(0.6)
    call.say("one one one one")
    call.pause(0.8)
    call.say("okay go on")
    call.pause(0.6)
    call.say("one one one one one one one one")
    call.pause(0.7)
    call.say("and the expiry date")
    call.pause(0.5)
    call.say("oh five two seven")
    call.pause(0.6)
    call.say("and the three digits on the back")
    call.pause(0.5)
    last = call.say("one two three")
    call.pause(25.0)
    call.say("my mother has been in hospital with dementia")
    _closing(call)
    sensitive = [(first[0], last[1])]
    return SyntheticCall(
        "spoken_card",
        call.wav(),
        _meta("k-spoken", call, []),
        sensitive,
        _kept(call, sensitive, call.now),
    )


def transfer_call(to_team: str) -> SyntheticCall:
    """Transferred part-way; what follows a transfer away from the recorded teams is cut."""
    call = CallBuilder()
    _opening(call)
    call.say("I will put you through to the right team now")
    call.pause(0.5)
    at = call.now
    call.pause(0.5)
    call.say("hello planning here what is the application number")
    call.pause(0.5)
    call.say("it is two four six eight")
    call.pause(0.5)
    events = [{"at": at, "kind": "transfer", "to_team": to_team}]
    leaves = to_team == "planning"
    end = at if leaves else call.now
    return SyntheticCall(
        f"transfer_{to_team}",
        call.wav(),
        _meta("k-transfer", call, events),
        [],
        _kept(call, [], end),
        cut_at=at if leaves else None,
    )


def stereo_dtmf_call() -> SyntheticCall:
    """Agent on the left, caller on the right: the caller keys in while the agent waits."""
    agent, caller = CallBuilder(), CallBuilder()
    agent.pause(0.5)
    agent.say("please key in your card number now")
    caller.pause(agent.now + 0.6)
    keys = caller.key_presses("4111111111111111")
    caller.pause(25.0)
    caller.say("all done thank you")
    agent.pause(caller.now - agent.now)
    left, right = agent.samples(seed=1), caller.samples(seed=2)
    wav = wav_bytes(np.stack([left, right], axis=1), agent.rate)
    words = sorted(agent.words + caller.words, key=lambda word: float(word["start"]))
    merged = CallBuilder(words=words, speech_spans=agent.speech_spans + caller.speech_spans)
    return SyntheticCall(
        "stereo",
        wav,
        _meta("k-stereo", merged, []),
        [keys],
        _kept(merged, [keys], caller.now),
        stereo=True,
    )
