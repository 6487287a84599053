"""A call event can only name its own raw audio, and ids never make key segments of their own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ringfence.storage.layout import call_object_key, chat_transcript_key, landing_key_belongs

CAPTURED = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    "key",
    ["k-1.wav", "incoming/k-1.wav", "incoming/k-1.mp3", "incoming/k-1/audio.wav", "2026/k-1.ogg"],
)
def test_keys_named_after_the_call_belong_to_it(key: str) -> None:
    assert landing_key_belongs(key, "k-1")


@pytest.mark.parametrize(
    "key",
    [
        "incoming/k-2.wav",  # another call's audio
        "incoming/k-10.wav",  # a prefix of the id is not the id
        "incoming/xk-1.wav",
        "incoming/../k-1.wav",  # traversal
        "incoming/./k-1.wav",
        "incoming//k-1.wav",
        "/k-1.wav",
        "incoming\\k-1.wav",
        "incoming/k-1\n.wav",
        "",
        "incoming/",
    ],
)
def test_other_keys_do_not(key: str) -> None:
    assert not landing_key_belongs(key, "k-1")


@pytest.mark.parametrize("unsafe", ["..", ".", "...", "a/../b", "x\x00y"])
def test_ids_never_become_dot_or_extra_segments(unsafe: str) -> None:
    for key in (
        chat_transcript_key("t", unsafe, CAPTURED),
        call_object_key("t", unsafe, CAPTURED, "audio.wav"),
    ):
        segments = key.split("/")
        assert len(segments) == 7
        assert not {".", ".."} & set(segments)
