"""Decoding raw topic bytes: models accept the contract payloads and errors never echo content."""

from __future__ import annotations

import json

import pytest

from ringfence.errors import InvalidInputError
from ringfence.streams.decoding import decode_event
from ringfence.streams.models import CallRecorded, ChatEvent

CARD = "4111111111111111"


def _chat(**overrides: object) -> bytes:
    payload = {
        "chat_id": "c-1",
        "team": "housing_services",
        "kind": "message",
        "seq": 1,
        "sender": "customer",
        "text": f"card {CARD}",
        "sent_at": "2026-01-05T10:00:00Z",
    }
    payload.update(overrides)
    return json.dumps(payload).encode()


def test_contract_chat_message_parses() -> None:
    event = decode_event(ChatEvent, _chat())
    assert (event.chat_id, event.seq, event.sender) == ("c-1", 1, "customer")


def test_unknown_fields_are_ignored_for_forward_compatibility() -> None:
    event = decode_event(ChatEvent, _chat(channel_version="9", extra={"a": 1}))
    assert event.kind == "message"


def test_close_event_needs_no_message_fields() -> None:
    raw = json.dumps(
        {
            "chat_id": "c-1",
            "team": "housing_services",
            "kind": "closed",
            "sent_at": "2026-01-05T10:05:00Z",
        }
    ).encode()
    assert decode_event(ChatEvent, raw).kind == "closed"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xff\xfe{", "not valid UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (None, "empty event"),
        (_chat(seq=None), "needs seq, sender and text"),
        (_chat(sent_at="2026-01-05T10:00:00"), "sent_at"),  # naive time: ambiguous
        (_chat(sender="robot"), "sender"),
    ],
)
def test_bad_events_raise_invalid_input(raw: bytes | None, expected: str) -> None:
    with pytest.raises(InvalidInputError, match=expected):
        decode_event(ChatEvent, raw)


def test_validation_error_detail_never_contains_the_input() -> None:
    raw = _chat(kind="paid", text=f"my card is {CARD}")
    with pytest.raises(InvalidInputError) as caught:
        decode_event(ChatEvent, raw)
    assert CARD not in str(caught.value)
    assert "kind" in str(caught.value)


def test_call_recorded_contract_payload_parses() -> None:
    raw = json.dumps(
        {
            "call_id": "k-1",
            "team": "customer_services",
            "direction": "inbound",
            "caller_number": "+441636650000",
            "started_at": "2026-01-05T10:00:00Z",
            "ended_at": "2026-01-05T10:02:00Z",
            "audio": {"bucket": "ringfence-landing", "key": "k-1.wav"},
            "events": [{"at": 31.2, "kind": "payment_start"}],
        }
    ).encode()
    call = decode_event(CallRecorded, raw)
    assert call.audio.key == "k-1.wav" and call.transcript is None


@pytest.mark.parametrize("key", ["k-2.wav", "incoming/../k-1.wav", "other/k-10.wav"])
def test_call_naming_audio_that_is_not_its_own_is_invalid(key: str) -> None:
    raw = json.dumps(
        {
            "call_id": "k-1",
            "team": "customer_services",
            "direction": "inbound",
            "caller_number": "+441636650000",
            "started_at": "2026-01-05T10:00:00Z",
            "audio": {"bucket": "ringfence-landing", "key": key},
        }
    ).encode()
    with pytest.raises(InvalidInputError) as caught:
        decode_event(CallRecorded, raw)
    assert "landing object of this call_id" in str(caught.value) and key not in str(caught.value)
