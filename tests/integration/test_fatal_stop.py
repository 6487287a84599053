"""A broken deployment stops the worker with one clear line; it does not dead-letter the
events that arrive meanwhile (they are fine, and are processed once the worker is fixed)."""

from __future__ import annotations

import asyncio
import io
import json
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer
from minio import Minio

from ringfence.storage.settings import StorageSettings
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import CALL_RECORDED, DEADLETTER
from tests.integration.kafka_helpers import read_all
from tests.integration.producing import send_events
from tests.integration.workers import start_worker
from tests.unit.redaction.call.calls import dtmf_call

STORAGE = StorageSettings()


def _landed_call(s3: Minio, call_id: str) -> tuple[str, str, dict[str, Any]]:
    """A call whose audio is in the landing bucket and whose event has no transcript (so the
    worker must run its speech-to-text engine, which cannot load)."""
    key = f"incoming/{call_id}.wav"
    call = dtmf_call()
    s3.put_object(STORAGE.landing_bucket, key, io.BytesIO(call.wav), len(call.wav))
    event = {k: v for k, v in call.meta.items() if k != "transcript"}
    event |= {
        "call_id": call_id,
        "ended_at": "2026-01-05T10:10:00Z",
        "audio": {"bucket": STORAGE.landing_bucket, "key": key},
    }
    return call_id, key, event


async def test_unloadable_speech_to_text_stops_the_worker(
    bootstrapped: str,
    producer: AIOKafkaProducer,
    stream_settings: StreamSettings,
    s3: Minio,
    tmp_path: Path,
) -> None:
    # Several calls, so others are in flight when the first one stops the worker (in the
    # whole suite the topic also holds every earlier test's events): none may hold it up.
    calls = [_landed_call(s3, f"it-fatal-{time.time_ns()}-{n}") for n in range(4)]
    log_path = tmp_path / "worker.log"
    broken = {"RINGFENCE_ASR_ENGINE": "no_such_package.engine:build"}
    worker = start_worker(tmp_path, f"ringfence-fatal-{time.time_ns()}", 16068, log_path, broken)
    try:
        await send_events(producer, [(cid, event) for cid, _, event in calls], topic=CALL_RECORDED)
        code = await asyncio.to_thread(worker.wait, 120)
    finally:
        if worker.poll() is None:
            worker.kill()
    log_lines = log_path.read_text(errors="replace").splitlines()
    stopping = [json.loads(line) for line in log_lines if '"worker stopping' in line]
    assert code != 0, "the worker must exit non-zero so a supervisor sees the failure"
    assert stopping, "\n".join(log_lines[-30:])
    assert stopping[0]["reason"] == "asr_unavailable"
    assert "no_such_package.engine:build" in stopping[0]["msg"]
    letters = [json.loads(r.value) for r in await read_all(stream_settings, DEADLETTER)]
    ids = {cid for cid, _, _ in calls}
    assert not [letter for letter in letters if letter["key"] in ids]
    landing = [o.object_name for o in s3.list_objects(STORAGE.landing_bucket, prefix="incoming/")]
    assert all(k in landing for _, k, _ in calls), "the raw audio waits for the fixed worker"
