"""The deployment files agree with deploy/ringfence.env, the one place versions are pinned.

deploy/local/ (no Docker) and docker-compose.yml must run the same Kafka and MinIO on the
same ports with the same credentials; these tests read the files only, no services.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines, comments and blanks skipped, nothing expanded (as compose's env_file)."""
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key] = value
    return values


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    return read_env_file(ROOT / "deploy" / "ringfence.env")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def host_ports(service: dict[str, Any]) -> set[str]:
    """Host side of "127.0.0.1:HOST:CONTAINER" port mappings."""
    return {mapping.split(":")[-2] for mapping in service.get("ports", [])}


def test_env_file_is_plain_key_value(env: dict[str, str]) -> None:
    """Compose reads the file without expansion, so no value may rely on it."""
    for key, value in env.items():
        assert re.fullmatch(r"[A-Z_][A-Z0-9_]*", key), key
        assert "$" not in value and not value.startswith(("'", '"')), key


def test_kafka_image_and_maven_pom_pin_the_env_version(
    env: dict[str, str], compose: dict[str, Any]
) -> None:
    """The apache/kafka image tag and the pom default equal RINGFENCE_KAFKA_VERSION."""
    pom = ET.parse(ROOT / "deploy" / "kafka" / "pom.xml").getroot()
    pom_version = pom.findtext("m:properties/m:kafka.version", namespaces=POM_NS)
    assert pom_version == env["RINGFENCE_KAFKA_VERSION"]
    assert compose["services"]["kafka"]["image"] == f"apache/kafka:{env['RINGFENCE_KAFKA_VERSION']}"


def test_minio_dockerfile_builds_the_env_version(env: dict[str, str]) -> None:
    """deploy/minio/Dockerfile builds the same Go module version provision.sh installs."""
    dockerfile = (ROOT / "deploy" / "minio" / "Dockerfile").read_text()
    pinned = re.findall(r"^ARG MINIO_VERSION=(\S+)$", dockerfile, flags=re.MULTILINE)
    assert pinned == [env["RINGFENCE_MINIO_VERSION"]]
    assert "github.com/minio/minio@${MINIO_VERSION}" in dockerfile


# (service, env var naming the host port) — compose publishes the ports local scripts use.
PUBLISHED_PORTS = [
    ("kafka", "RINGFENCE_KAFKA_PORT"),
    ("minio", "RINGFENCE_MINIO_PORT"),
    ("minio", "RINGFENCE_MINIO_CONSOLE_PORT"),
]


@pytest.mark.parametrize(("service", "port_var"), PUBLISHED_PORTS)
def test_compose_publishes_the_env_ports(
    env: dict[str, str], compose: dict[str, Any], service: str, port_var: str
) -> None:
    assert env[port_var] in host_ports(compose["services"][service])


def test_kafka_listeners_use_the_env_ports(env: dict[str, str], compose: dict[str, Any]) -> None:
    """Broker and controller listen on the same ports inside compose as on the host."""
    kafka_env = compose["services"]["kafka"]["environment"]
    listeners = kafka_env["KAFKA_LISTENERS"]
    assert f"PLAINTEXT://:{env['RINGFENCE_KAFKA_PORT']}" in listeners
    assert f"CONTROLLER://:{env['RINGFENCE_KAFKA_CONTROLLER_PORT']}" in listeners
    assert kafka_env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"


def test_compose_broker_deletes_expired_segments_as_often_as_local(
    env: dict[str, str], compose: dict[str, Any]
) -> None:
    """Part of the raw-data deletion bound (docs/operations.md): the same in both stacks."""
    kafka_env = compose["services"]["kafka"]["environment"]
    interval = int(env["RINGFENCE_KAFKA_RETENTION_CHECK_INTERVAL_MS"])
    assert int(kafka_env["KAFKA_LOG_RETENTION_CHECK_INTERVAL_MS"]) == interval
    assert int(kafka_env["KAFKA_LOG_INITIAL_TASK_DELAY_MS"]) == interval
    assert (
        "log.retention.check.interval.ms=$RINGFENCE_KAFKA_RETENTION_CHECK_INTERVAL_MS"
        in (ROOT / "deploy" / "local" / "start.sh").read_text()
    )


def test_app_addresses_point_at_the_env_ports(env: dict[str, str]) -> None:
    """The client settings name the very ports the services are started on."""
    assert env["RINGFENCE_KAFKA_BOOTSTRAP_SERVERS"] == f"127.0.0.1:{env['RINGFENCE_KAFKA_PORT']}"
    assert env["RINGFENCE_S3_ENDPOINT"] == f"127.0.0.1:{env['RINGFENCE_MINIO_PORT']}"


def test_app_credentials_are_minio_root_credentials(env: dict[str, str]) -> None:
    assert env["RINGFENCE_S3_ACCESS_KEY"] == env["MINIO_ROOT_USER"]
    assert env["RINGFENCE_S3_SECRET_KEY"] == env["MINIO_ROOT_PASSWORD"]


@pytest.mark.parametrize("service", ["kafka", "minio", "bootstrap", "worker"])
def test_every_service_reads_the_shared_env_file(compose: dict[str, Any], service: str) -> None:
    assert compose["services"][service]["env_file"] == "deploy/ringfence.env"


@pytest.mark.parametrize("service", ["bootstrap", "worker"])
def test_app_services_reach_kafka_and_minio_by_service_name(
    compose: dict[str, Any], service: str
) -> None:
    """The overrides name a listener Kafka advertises and MinIO's in-network port."""
    overrides = compose["services"][service]["environment"]
    advertised = compose["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    assert f"://{overrides['RINGFENCE_KAFKA_BOOTSTRAP_SERVERS']}" in advertised
    assert overrides["RINGFENCE_S3_ENDPOINT"] == "minio:9000"
    assert compose["services"][service]["command"] == [service]


def test_app_image_installs_ffmpeg() -> None:
    """The worker decodes call audio with ffmpeg, so its image must carry it."""
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert re.search(r"apt-get install[^\n]*\bffmpeg\b", dockerfile)
