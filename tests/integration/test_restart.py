"""A worker restarted with a backlog loses no chat message (the privacy notice's recordings
must be complete, and Faust's recovery has raced with its fetcher here before)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from aiokafka import AIOKafkaProducer
from minio import Minio

from ringfence.storage.settings import StorageSettings
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import AUDIT
from tests.integration.kafka_helpers import wait_for
from tests.integration.producing import chat_events, send_events
from tests.integration.workers import start_worker

CHATS = 6
MESSAGES = 5


def _start_worker(workdir: Path, app_id: str, port: int) -> subprocess.Popen[bytes]:
    log_path = workdir / f"worker-{time.time_ns()}.log"
    return start_worker(workdir, app_id, port, log_path, {"RINGFENCE_LOG_FORMAT": "text"})


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=60)


async def test_restart_with_backlog_keeps_every_message(
    bootstrapped: str,
    producer: AIOKafkaProducer,
    stream_settings: StreamSettings,
    s3: Minio,
    tmp_path: Path,
) -> None:
    app_id = f"ringfence-restart-{time.time_ns()}"
    prefix = f"it-restart-{time.time_ns()}"
    first = _start_worker(tmp_path, app_id, 16067)
    try:
        # Half the chats while the worker runs, so its table changelog has state to recover.
        early = [f"{prefix}-{n}" for n in range(CHATS // 2)]
        for chat_id in early:
            await send_events(
                producer,
                chat_events(chat_id, "housing_services", [f"msg {i}" for i in range(MESSAGES)]),
            )
        await wait_for(
            stream_settings,
            AUDIT,
            lambda p: p["source_id"] in early,
            count=len(early),
            timeout_s=120,
        )
    finally:
        _stop(first)
    late = [f"{prefix}-{n}" for n in range(CHATS // 2, CHATS)]
    for chat_id in late:  # a backlog the restarted worker meets at start-up
        await send_events(
            producer,
            chat_events(chat_id, "housing_services", [f"msg {i}" for i in range(MESSAGES)]),
        )
    second = _start_worker(tmp_path, app_id, 16068)
    try:
        stored = await wait_for(
            stream_settings,
            AUDIT,
            lambda p: p["source_id"] in late and p["action"] == "stored",
            count=len(late),
            timeout_s=120,
        )
    finally:
        _stop(second)
    bucket = StorageSettings().recordings_bucket
    for audit in stored:
        document = json.loads(s3.get_object(bucket, audit["object_keys"][0]).read())
        assert [m["seq"] for m in document["messages"]] == list(range(1, MESSAGES + 1))
