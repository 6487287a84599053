"""Calls end to end on the real Kafka and MinIO: raw audio in the landing bucket, a
call-recorded event, redacted audio + manifest + transcript stored, raw audio deleted."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import numpy as np
from aiokafka import AIOKafkaProducer
from minio import Minio

from ringfence.redaction.call.documents import CallManifest, CallTranscript
from ringfence.storage.layout import call_object_key
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.storage.settings import StorageSettings
from ringfence.streams.models import CallRecorded
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import CALL_RECORDED, DEADLETTER
from tests.integration.kafka_helpers import wait_for, wait_for_audit
from tests.integration.producing import send_events
from tests.unit.redaction.call.audio.synth import read_wav
from tests.unit.redaction.call.calls import SyntheticCall, dtmf_call, transfer_call

STORAGE = StorageSettings()


def _upload_and_event(
    s3: Minio, call: SyntheticCall, call_id: str, team: str, audio: bytes | None = None
) -> dict[str, Any]:
    key = f"incoming/{call_id}.wav"
    data = call.wav if audio is None else audio
    s3.put_object(STORAGE.landing_bucket, key, io.BytesIO(data), len(data))
    return {
        **call.meta,
        "call_id": call_id,
        "team": team,
        "ended_at": "2026-01-05T10:10:00Z",
        "audio": {"bucket": STORAGE.landing_bucket, "key": key},
    }


def _landing_has(s3: Minio, call_id: str) -> bool:
    names = [o.object_name for o in s3.list_objects(STORAGE.landing_bucket, prefix="incoming/")]
    return f"incoming/{call_id}.wav" in names


async def test_dtmf_call_is_silenced_stored_and_raw_deleted(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    call = dtmf_call()
    call_id = f"it-call-{time.time_ns()}"
    event = _upload_and_event(s3, call, call_id, "customer_services")
    await send_events(producer, [(call_id, event)], topic=CALL_RECORDED)
    audit = await wait_for_audit(stream_settings, call_id, action="stored", timeout_s=180)

    started = CallRecorded.model_validate(event).started_at
    audio_key = call_object_key("customer_services", call_id, started, "audio.wav")
    manifest_key = call_object_key("customer_services", call_id, started, "manifest.json")
    assert set(audit["object_keys"]) >= {audio_key, manifest_key}
    samples, rate = read_wav(s3.get_object(STORAGE.recordings_bucket, audio_key).read())
    for start, end in call.sensitive:
        assert not np.any(samples[int(start * rate) : int(end * rate)]), "payment audio kept"
    manifest = CallManifest.from_json(s3.get_object(STORAGE.recordings_bucket, manifest_key).read())
    assert manifest.verification.passed is True and manifest.team == "customer_services"
    assert any(item.reason == "dtmf" for item in manifest.removed)
    transcript_key = call_object_key("customer_services", call_id, started, "transcript.json")
    transcript = CallTranscript.from_json(
        s3.get_object(STORAGE.recordings_bucket, transcript_key).read()
    )
    assert transcript.words == manifest.transcript.words
    meta = RetentionMetadata.from_headers(
        dict(s3.stat_object(STORAGE.recordings_bucket, audio_key).metadata or {})
    )
    assert meta.caller_number == "+441636650000" and meta.channel == "call"
    assert not _landing_has(s3, call_id), "raw audio must be deleted once stored"


async def test_transfer_away_is_cut(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    call = transfer_call("planning")
    call_id = f"it-transfer-{time.time_ns()}"
    event = _upload_and_event(s3, call, call_id, "housing_services")
    await send_events(producer, [(call_id, event)], topic=CALL_RECORDED)
    await wait_for_audit(stream_settings, call_id, action="stored", timeout_s=180)
    started = CallRecorded.model_validate(event).started_at
    key = call_object_key("housing_services", call_id, started, "audio.wav")
    samples, rate = read_wav(s3.get_object(STORAGE.recordings_bucket, key).read())
    assert call.cut_at is not None
    assert len(samples) / rate <= call.cut_at + 0.05


async def test_call_from_unrecorded_team_is_dropped_and_raw_deleted(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    call = dtmf_call()
    call_id = f"it-planning-{time.time_ns()}"
    event = _upload_and_event(s3, call, call_id, "planning")
    await send_events(producer, [(call_id, event)], topic=CALL_RECORDED)
    audit = await wait_for_audit(stream_settings, call_id, timeout_s=60)
    assert audit["action"] == "dropped" and "team_not_recorded" in audit["reason"]
    assert not _landing_has(s3, call_id)


async def test_undecodable_audio_is_quarantined_and_raw_kept(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    call = dtmf_call()
    call_id = f"it-garbage-{time.time_ns()}"
    event = _upload_and_event(s3, call, call_id, "customer_services", audio=b"not audio" * 100)
    await send_events(producer, [(call_id, event)], topic=CALL_RECORDED)
    audit = await wait_for_audit(stream_settings, call_id, action="quarantined", timeout_s=120)
    assert audit["object_keys"] == []
    letters = await wait_for(stream_settings, DEADLETTER, lambda p: p["key"] == call_id)
    assert letters[0]["source_topic"] == CALL_RECORDED
    assert _landing_has(s3, call_id), "raw audio stays for a person to deal with"


async def test_event_naming_another_calls_audio_is_dead_lettered_and_touches_nothing(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings, s3: Minio
) -> None:
    """A call event can make the worker read, store or delete only its own raw audio."""
    call = dtmf_call()
    victim_id = f"it-victim-{time.time_ns()}"
    victim = _upload_and_event(s3, call, victim_id, "customer_services")
    intruder_id = f"it-intruder-{time.time_ns()}"
    intruder = {**victim, "call_id": intruder_id}  # same audio key, another call's id
    await send_events(producer, [(intruder_id, intruder)], topic=CALL_RECORDED)
    letters = await wait_for(stream_settings, DEADLETTER, lambda p: p["key"] == intruder_id)
    assert letters[0]["reason"] == "invalid_input"
    assert "landing object of this call_id" in letters[0]["detail"]
    assert victim_id not in letters[0]["detail"], "a dead letter never quotes the event"
    assert _landing_has(s3, victim_id), "the other call's raw audio is untouched"
    s3.remove_object(STORAGE.landing_bucket, victim["audio"]["key"])
