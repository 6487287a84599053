"""`ringfence bootstrap` against the real services: topics with retention, locked bucket."""

from __future__ import annotations

import subprocess

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from minio import Minio

from ringfence.storage.settings import StorageSettings
from ringfence.streams.settings import StreamSettings
from ringfence.streams.topics import CHAT_EVENTS, COMPLIANCE_FLAGS
from tests.integration.conftest import RINGFENCE


async def _retention_ms(settings: StreamSettings, topic: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        [response] = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic, configs={"retention.ms": None})]
        )
    finally:
        await admin.close()
    resources = response.to_object()["resources"]
    entries = resources[0]["config_entries"]
    return int(next(e["config_value"] for e in entries if e["config_names"] == "retention.ms"))


async def test_raw_topic_retention_is_hours(
    bootstrapped: str, stream_settings: StreamSettings
) -> None:
    assert CHAT_EVENTS in bootstrapped
    raw = await _retention_ms(stream_settings, CHAT_EVENTS)
    assert raw == int(stream_settings.raw_retention_hours * 3_600_000)
    assert await _retention_ms(stream_settings, COMPLIANCE_FLAGS) > raw


def test_bootstrap_is_idempotent(bootstrapped: str) -> None:
    again = subprocess.run(
        [str(RINGFENCE), "bootstrap"], capture_output=True, text=True, timeout=120, check=False
    )
    assert again.returncode == 0, again.stderr
    assert "created" not in again.stdout


def test_recordings_bucket_has_object_lock(bootstrapped: str, s3: Minio) -> None:
    config = s3.get_object_lock_config(StorageSettings().recordings_bucket)
    assert config is not None
