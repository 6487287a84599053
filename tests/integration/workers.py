"""Start extra worker processes for tests that stop, kill or restart one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.integration.conftest import RINGFENCE


def start_worker(
    workdir: Path,
    app_id: str,
    port: int,
    log_path: Path,
    extra_env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """``ringfence worker`` in its own consumer group (``app_id``), data dir and web port,
    its output appended to ``log_path``."""
    env = {
        **os.environ,
        "RINGFENCE_APP_ID": app_id,
        "RINGFENCE_WEB_PORT": str(port),
        "RINGFENCE_DATA_DIR": str(workdir / "data"),
        **(extra_env or {}),
    }
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [str(RINGFENCE), "worker"], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
