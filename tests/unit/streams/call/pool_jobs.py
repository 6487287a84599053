"""Jobs for the process-pool tests: top-level so a spawned process can unpickle them.

The audio bytes say what the job does; the meta is a path the job may use as a marker.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def behave(audio: bytes, meta_json: str, recorded_teams: frozenset[str]) -> str:
    if audio == b"hang":
        time.sleep(3600)
    if audio == b"crash":
        os._exit(1)
    if audio == b"crash-once":
        marker = Path(meta_json)
        if not marker.exists():
            marker.write_text("crashed")
            os._exit(1)
    if audio == b"pid":
        return str(os.getpid())
    return "done"
