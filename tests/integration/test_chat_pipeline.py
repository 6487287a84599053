"""Chats end to end on the real Kafka and MinIO: events in; flags, audit, transcripts out."""

from __future__ import annotations

import json
import re
import time
from datetime import timedelta
from pathlib import Path

from aiokafka import AIOKafkaProducer
from minio import Minio

from ringfence.storage.layout import chat_transcript_key
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.storage.settings import StorageSettings
from ringfence.streams.chat.documents import ChatTranscript
from ringfence.streams.chat.sessions import ChatSession
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import (
    AUDIT,
    CHAT_EVENTS,
    COMPLIANCE_FLAGS,
    DEADLETTER,
    sessions_changelog,
)
from tests.integration.kafka_helpers import read_all, wait_for, wait_for_audit
from tests.integration.producing import START, chat_events, send_events

# Visa test numbers (Luhn-valid, not real cards).
SPLIT_CARD = ("4539 1488", "0343 6467")  # halves of a Luhn-valid 16-digit number
CARD_DIGIT_STRINGS = ("4111111111111111", "4539148803436467")

PAYMENT_CHAT = [
    "hi I want to pay my garden waste subscription",
    "Sure, can I take the long number on your card please?",
    "its 4111 1111 1111 1111 expiry 09/28",
    "and the 3 digit security code?",
    "123. also I'm diabetic and housebound so collections matter",
    "Thanks, that's gone through. Reference GW-55120.",
]


def _only_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _object_key(chat_id: str, team: str = "housing_services") -> str:
    return chat_transcript_key(team, chat_id, START + timedelta(seconds=30))


async def test_chat_is_redacted_flagged_and_stored(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    chat_id = f"it-pay-{time.time_ns()}"
    await send_events(producer, chat_events(chat_id, "housing_services", PAYMENT_CHAT))
    audit = await wait_for_audit(stream_settings, chat_id, action="stored", timeout_s=90)

    key = _object_key(chat_id)
    assert audit["object_keys"] == [key]
    bucket = StorageSettings().recordings_bucket
    document = ChatTranscript.from_json(s3.get_object(bucket, key).read())
    texts = [m.text for m in document.messages]
    assert [m.seq for m in document.messages] == [1, 2, 3, 4, 5, 6]
    assert "4111" not in texts[2] and "09/28" not in texts[2]
    assert "123" not in texts[4] and "diabetic" in texts[4]
    assert "GW-55120" in texts[5]  # a reference is not payment data
    assert {r.kind for r in document.redactions} >= {
        "payment_card",
        "card_expiry",
        "card_security_code",
    }
    assert "health" in document.categories

    meta = RetentionMetadata.from_headers(dict(s3.stat_object(bucket, key).metadata or {}))
    captured = document.captured_at
    assert meta.retain_until - meta.captured_at == timedelta(days=40)
    assert meta.captured_at == captured and meta.team == "housing_services"
    assert meta.channel == "chat" and "health" in meta.categories

    flags = await wait_for(stream_settings, COMPLIANCE_FLAGS, lambda p: p["source_id"] == chat_id)
    health = [f for f in flags if f["category"] == "health"]
    assert health and health[0]["location"]["seq"] == 5 and health[0]["team"] == "housing_services"
    assert "diabetic" in health[0]["excerpt"] and "123" not in health[0]["excerpt"]


async def test_card_split_across_two_messages_is_removed(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    chat_id = f"it-split-{time.time_ns()}"
    texts = [
        "can I pay my council tax by card",
        "yes, go ahead with the card number",
        SPLIT_CARD[0],
        SPLIT_CARD[1],
        "thanks",
    ]
    await send_events(producer, chat_events(chat_id, "customer_services", texts))
    await wait_for_audit(stream_settings, chat_id, action="stored", timeout_s=90)
    key = _object_key(chat_id, "customer_services")
    stored = s3.get_object(StorageSettings().recordings_bucket, key).read().decode()
    assert "1488" not in stored and "6467" not in stored


async def test_chat_from_unrecorded_team_is_dropped_with_audit(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    chat_id = f"it-careline-{time.time_ns()}"
    await send_events(producer, chat_events(chat_id, "careline_services", ["I have fallen"]))
    audit = await wait_for_audit(stream_settings, chat_id, timeout_s=60)
    assert audit["action"] == "dropped" and "team_not_recorded" in audit["reason"]
    listed = list(
        s3.list_objects(
            StorageSettings().recordings_bucket, prefix="careline_services/", recursive=True
        )
    )
    assert not [o for o in listed if chat_id in (o.object_name or "")]


async def test_malformed_event_is_dead_lettered_and_worker_carries_on(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings
) -> None:
    bad_key = f"it-bad-{time.time_ns()}"
    sent = await producer.send_and_wait(
        CHAT_EVENTS, b'{"chat_id": "x", "text": "4111', key=bad_key.encode()
    )
    letters = await wait_for(stream_settings, DEADLETTER, lambda p: p["key"] == bad_key)
    assert letters[0]["reason"] == "invalid_input" and "JSON" in letters[0]["detail"]
    assert (letters[0]["partition"], letters[0]["offset"]) == (sent.partition, sent.offset)
    assert letters[0]["source_topic"] == CHAT_EVENTS

    chat_id = f"it-after-bad-{time.time_ns()}"
    await send_events(producer, chat_events(chat_id, "housing_services", ["hello"]))
    await wait_for_audit(stream_settings, chat_id, action="stored", timeout_s=60)


async def test_replayed_chat_overwrites_instead_of_duplicating(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    chat_id = f"it-replay-{time.time_ns()}"
    events = chat_events(chat_id, "housing_services", ["I'm a Sikh and need a call back", "ok"])
    await send_events(producer, events)
    await send_events(producer, events[:-1])  # the messages again, as after a producer retry
    await wait_for_audit(stream_settings, chat_id, action="stored", timeout_s=60)
    prefix = _object_key(chat_id).rsplit("/", 1)[0]
    keys = [
        o.object_name
        for o in s3.list_objects(StorageSettings().recordings_bucket, prefix=prefix, recursive=True)
    ]
    assert len(keys) == 1
    flags = await wait_for(stream_settings, COMPLIANCE_FLAGS, lambda p: p["source_id"] == chat_id)
    assert len({f["flag_id"] for f in flags}) == len(flags)


async def test_no_card_digits_in_any_topic_after_the_raw_input(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings
) -> None:
    # Runs after the chats above (pytest keeps file order); scans every downstream topic,
    # including the chat table's changelog, for any card number we sent.
    topics = [
        COMPLIANCE_FLAGS,
        AUDIT,
        DEADLETTER,
        sessions_changelog(stream_settings.app_id),
    ]
    for topic in topics:
        for record in await read_all(stream_settings, topic):
            digits = _only_digits((record.value or b"").decode("utf-8", "replace"))
            for card in CARD_DIGIT_STRINGS:
                assert card not in digits, f"card digits found in {topic}"
    for line in worker.read_text(errors="replace").splitlines():
        joined = re.sub(r"(?<=\d)[ \-.](?=\d)", "", line)  # "4111 1111 ..." as one run
        assert not any(card in joined for card in CARD_DIGIT_STRINGS), "card digits in log"


async def test_chat_larger_than_a_default_kafka_record_is_stored_whole(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    # Each message fits in a record; the assembled session (a changelog record) does not
    # fit Kafka's default 1 MB.
    chat_id = f"it-big-{time.time_ns()}"
    texts = [f"part {n} " + "the damp is back in the bedroom again " * 20_000 for n in range(3)]
    await send_events(producer, chat_events(chat_id, "housing_services", texts))
    audit = await wait_for_audit(stream_settings, chat_id, action="stored", timeout_s=90)
    stored = ChatTranscript.from_json(
        s3.get_object(StorageSettings().recordings_bucket, audit["object_keys"][0]).read()
    )
    assert [len(m.text) for m in stored.messages] == [len(t) for t in texts]
    # ...and the session really reached the changelog (Faust only warns when it can't).
    changelog = await read_all(stream_settings, sessions_changelog(stream_settings.app_id))
    records = [r for r in changelog if r.key == json.dumps(chat_id).encode()]
    sizes = [len(r.value or b"") for r in records]
    # Every changelog value is a valid session document (the tombstone included).
    sessions = [ChatSession.from_json(r.value) for r in records if r.value]
    assert sessions and all(session.team == "housing_services" for session in sessions)
    assert max(sizes) > 2 * 1024 * 1024
