"""Commands that need Kafka or the object store fail with one clear line when they're down."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

RINGFENCE = Path(sys.executable).parent / "ringfence"
NOWHERE = "127.0.0.1:1"  # nothing listens on port 1


@pytest.mark.parametrize(
    ("args", "variable", "names"),
    [
        (["demo"], "RINGFENCE_KAFKA_BOOTSTRAP_SERVERS", "Kafka at 127.0.0.1:1"),
        (["bootstrap"], "RINGFENCE_KAFKA_BOOTSTRAP_SERVERS", "Kafka at 127.0.0.1:1"),
        (["objects"], "RINGFENCE_S3_ENDPOINT", "object store at 127.0.0.1:1"),
    ],
)
def test_unreachable_service_is_one_line(args: list[str], variable: str, names: str) -> None:
    result = subprocess.run(
        [str(RINGFENCE), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, variable: NOWHERE},
        check=False,
    )
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert names in result.stderr and "Traceback" not in result.stderr
