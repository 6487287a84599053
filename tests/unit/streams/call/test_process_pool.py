"""The call pool kills a hung call's process, rebuilds itself after a crash, and tells a call
that crashes it apart from a deployment where every call does (real spawned processes)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from ringfence.errors import InvalidInputError
from ringfence.streams.call.process_pool import (
    CallCrashedError,
    CallPoolBrokenError,
    CallRedactionPool,
)
from ringfence.streams.error_policy import Decision, default_error_policy
from tests.unit.streams.call.pool_jobs import behave

TEAMS = frozenset({"customer_services"})


@pytest.fixture
def pool() -> Any:
    pool = CallRedactionPool(1, job=behave, initializer=None)  # type: ignore[arg-type]
    yield pool
    pool.shutdown()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child not yet reaped is a zombie: dead for our purposes.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


async def test_timeout_kills_the_process_and_the_pool_works_after(pool: Any) -> None:
    first_pid = int(await pool.redact(b"pid", "", TEAMS, timeout_s=30))
    with pytest.raises(TimeoutError):
        await pool.redact(b"hang", "", TEAMS, timeout_s=0.5)
    assert not _alive(first_pid), "the hung call's process must be killed"
    assert await pool.redact(b"ok", "", TEAMS, timeout_s=30) == "done"


async def test_a_crash_rebuilds_the_pool_and_retries_the_call(pool: Any, tmp_path: Path) -> None:
    marker = tmp_path / "crashed-once"
    assert await pool.redact(b"crash-once", str(marker), TEAMS, timeout_s=30) == "done"
    assert marker.exists()


async def test_a_call_that_always_crashes_is_bad_input_and_the_pool_recovers(pool: Any) -> None:
    with pytest.raises(CallCrashedError) as caught:
        await pool.redact(b"crash", "", TEAMS, timeout_s=30)
    assert isinstance(caught.value, InvalidInputError)
    assert default_error_policy(caught.value) is Decision.DEAD_LETTER
    assert await pool.redact(b"ok", "", TEAMS, timeout_s=30) == "done"


async def test_calls_crashing_in_a_row_stop_the_worker() -> None:
    pool = CallRedactionPool(1, job=behave, initializer=None, broken_calls_before_stop=2)  # type: ignore[arg-type]
    try:
        with pytest.raises(CallCrashedError):
            await pool.redact(b"crash", "", TEAMS, timeout_s=30)
        with pytest.raises(CallPoolBrokenError) as caught:
            await pool.redact(b"crash", "", TEAMS, timeout_s=30)
        assert default_error_policy(caught.value) is Decision.STOP
    finally:
        pool.shutdown()
