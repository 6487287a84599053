"""What ops rely on: /health with consumer lag, /metrics, idle chats closed by the sweep."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from aiokafka import AIOKafkaProducer

from ringfence.streams.settings import StreamSettings
from tests.integration.conftest import IDLE_CLOSE_S, RINGFENCE, WORKER_WEB_PORT
from tests.integration.kafka_helpers import wait_for_audit
from tests.integration.producing import chat_events, send_events


def _get(path: str) -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{WORKER_WEB_PORT}{path}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


async def test_health_reports_lag_per_input_partition(worker: Path) -> None:
    report: dict[str, object] = {}
    for _ in range(30):
        status, body = await asyncio.to_thread(_get, "/health")
        report = json.loads(body)
        if report["status"] != "unknown":
            break
        await asyncio.sleep(1)
    assert status == 200 and report["status"] in {"ok", "lagging"}
    topics = {p["topic"] for p in report["partitions"]}  # type: ignore[attr-defined]
    assert topics == {"ringfence.chat.events.v1", "ringfence.call.recorded.v1"}


async def test_metrics_are_exposed_in_prometheus_format(worker: Path) -> None:
    status, body = await asyncio.to_thread(_get, "/metrics")
    text = body.decode()
    assert status == 200
    assert "ringfence_chat_events_total" in text and "ringfence_consumer_lag_messages" in text


async def test_faust_pages_do_not_serve_the_chat_table(worker: Path) -> None:
    """The table's changelog holds redacted chats: the worker's port must not hand them out."""
    for path in ("/table/chat-sessions/", "/router/chat-sessions/", "/graph/", "/stats/"):
        try:
            status, _ = await asyncio.to_thread(_get, path)
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404, path


async def test_idle_chat_is_closed_and_stored_by_the_sweep(
    worker: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings
) -> None:
    chat_id = f"it-idle-{time.time_ns()}"
    await send_events(producer, chat_events(chat_id, "housing_services", ["hello?"], close=False))
    audit = await wait_for_audit(
        stream_settings, chat_id, action="stored", timeout_s=IDLE_CLOSE_S + 60
    )
    assert audit["object_keys"]


def test_lag_command_prints_every_input_partition(worker: Path) -> None:
    result = subprocess.run(
        [str(RINGFENCE), "lag", "--alert-at", "1000000"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ringfence.chat.events.v1[0]" in result.stdout
    assert "ringfence.call.recorded.v1[0]" in result.stdout
