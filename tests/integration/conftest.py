"""Fixtures for integration tests against the real Kafka and MinIO started by `make test`.

The services are never mocked: if they are not reachable the tests fail with a message
saying how to start them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from minio import Minio

from ringfence.storage.client import make_client
from ringfence.storage.settings import StorageSettings
from ringfence.streams.settings import StreamSettings
from tests.integration.kafka_helpers import wait_for_audit
from tests.integration.producing import chat_events, send_events

ROOT = Path(__file__).resolve().parents[2]
RINGFENCE = Path(sys.executable).parent / "ringfence"
WORKER_WEB_PORT = int(os.environ.get("RINGFENCE_TEST_WEB_PORT", "16066"))
IDLE_CLOSE_S = 15.0


def _reachable(host_port: str) -> bool:
    host, _, port = host_port.partition(",")[0].rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def stream_settings() -> StreamSettings:
    settings = StreamSettings()
    storage = StorageSettings()
    for name, address in (("Kafka", settings.kafka_bootstrap_servers), ("MinIO", storage.endpoint)):
        if not _reachable(address):
            pytest.fail(
                f"{name} is not reachable at {address}: run `make test` "
                "(it starts its own Kafka and MinIO) or deploy/local/start.sh"
            )
    return settings


@pytest.fixture(scope="session")
def s3(stream_settings: StreamSettings) -> Minio:
    return make_client(StorageSettings())


@pytest.fixture(scope="session")
def bootstrapped(stream_settings: StreamSettings) -> str:
    """Runs the real `ringfence bootstrap` command once; returns its output."""
    result = subprocess.run(
        [str(RINGFENCE), "bootstrap"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="session")
async def producer(stream_settings: StreamSettings) -> AsyncIterator[AIOKafkaProducer]:
    producer = AIOKafkaProducer(
        bootstrap_servers=stream_settings.kafka_bootstrap_servers, acks="all"
    )
    await producer.start()
    yield producer
    await producer.stop()


@pytest.fixture(scope="session")
def worker_process(bootstrapped: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A real `ringfence worker` subprocess; yields its log file."""
    workdir = tmp_path_factory.mktemp("worker")
    log_path = workdir / "worker.log"
    env = {
        **os.environ,
        "RINGFENCE_WEB_PORT": str(WORKER_WEB_PORT),
        "RINGFENCE_DATA_DIR": str(workdir / "data"),
        # Short timers so the idle-close sweep and lag measurement happen within a test.
        "RINGFENCE_CHAT_IDLE_CLOSE_HOURS": str(IDLE_CLOSE_S / 3600),
        "RINGFENCE_SWEEP_INTERVAL_S": "2",
        "RINGFENCE_LAG_INTERVAL_S": "2",
    }
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [str(RINGFENCE), "worker", "-l", "info"],
            cwd=workdir,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        yield log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
async def worker(
    worker_process: Path, producer: AIOKafkaProducer, stream_settings: StreamSettings
) -> Path:
    """Waits until the worker consumes: a probe chat from an unrecorded team gets audited."""
    probe_id = f"probe-{time.time_ns()}"
    await send_events(producer, chat_events(probe_id, "careline_services", ["probe"]))
    try:
        await wait_for_audit(stream_settings, probe_id, timeout_s=120)
    except TimeoutError:
        tail = worker_process.read_text(errors="replace")[-4000:]
        pytest.fail(f"worker did not start consuming within 120 s; log tail:\n{tail}")
    return worker_process
