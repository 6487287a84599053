"""CPU-heavy call redaction in a process pool, so the event loop keeps heartbeating.

Only plain data crosses the process boundary: the encoded audio, the metadata as JSON and
the recorded teams in; the ``CallRedaction`` (WAV bytes, manifest dict, verdict) out.

A pool process can die (killed, out of memory, a decoder crash) or hang. A hung call is
killed with its process when its time budget runs out; a dead process breaks the whole
``ProcessPoolExecutor``, so the pool is rebuilt and the call tried once more. A call that
breaks a fresh pool too is bad input (quarantined, raw audio kept); several calls in a row
breaking it means the deployment is broken, and the worker stops.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ringfence.errors import ConfigurationError, InvalidInputError
from ringfence.redaction.call.metadata import parse_call_meta
from ringfence.redaction.call.redact import CallRedaction, default_text_engine, redact_call

log = logging.getLogger("ringfence.call_pool")

# How long to wait for a killed process to be reaped; SIGKILL takes milliseconds.
_REAP_TIMEOUT_S = 5.0

Job = Callable[[bytes, str, frozenset[str]], CallRedaction]


class CallPoolBrokenError(ConfigurationError):
    """Pool processes keep dying whatever the call: the deployment needs fixing."""

    reason = "call_pool_broken"


class CallCrashedError(InvalidInputError):
    """This call killed its redaction process twice, on two fresh pools."""

    reason = "call_crashed_redaction"


def _warm_up() -> None:
    # Load the text engine once per process, not on the first call it redacts.
    default_text_engine()


def redact_call_job(audio: bytes, meta_json: str, recorded_teams: frozenset[str]) -> CallRedaction:
    """Top-level (picklable) entry point run inside a pool process."""
    return redact_call(audio, parse_call_meta(meta_json), recorded_teams)


class CallRedactionPool:
    """A lazily started process pool; ``spawn`` so children don't inherit the event loop."""

    def __init__(
        self,
        workers: int,
        *,
        job: Job = redact_call_job,
        initializer: Callable[[], None] | None = _warm_up,
        broken_calls_before_stop: int = 3,
    ) -> None:
        self._workers = workers
        self._job = job
        self._initializer = initializer
        self._broken_calls_before_stop = broken_calls_before_stop
        self._broken_in_a_row = 0
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # One BLAS thread per pool process: the pool is the parallelism, and numpy's own
            # threads only compete with it (measured: nearly half the CPU per call).
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
            self._pool = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=self._initializer,
            )
        return self._pool

    async def redact(
        self, audio: bytes, meta_json: str, recorded_teams: frozenset[str], timeout_s: float
    ) -> CallRedaction:
        for attempt in (1, 2):
            try:
                result = await self._run(audio, meta_json, recorded_teams, timeout_s)
            except BrokenProcessPool:
                self._discard()
                log.warning("call redaction process died; pool rebuilt", extra={"attempt": attempt})
                continue
            self._broken_in_a_row = 0
            return result
        self._broken_in_a_row += 1
        if self._broken_in_a_row >= self._broken_calls_before_stop:
            raise CallPoolBrokenError(
                f"{self._broken_in_a_row} calls in a row killed their redaction process"
            )
        raise CallCrashedError("the call killed its redaction process on two fresh pools")

    async def _run(
        self, audio: bytes, meta_json: str, recorded_teams: frozenset[str], timeout_s: float
    ) -> CallRedaction:
        loop = asyncio.get_running_loop()
        job = loop.run_in_executor(self._executor(), self._job, audio, meta_json, recorded_teams)
        try:
            return await asyncio.wait_for(job, timeout=timeout_s)
        except TimeoutError:
            # The future can't be cancelled once running: kill the process doing it, or it
            # would burn a core (and hold the raw audio) for as long as it likes.
            self._discard()
            raise

    def _discard(self) -> None:
        """Kill every process of the current pool; the next call starts a new one."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to kill a busy child; _processes is where
        # it keeps them (stable since Python 3.2).
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        for process in processes:
            # SIGKILL is delivered asynchronously: reap the child, so it is gone (not a
            # zombie still holding memory) by the time the next call starts.
            process.join(timeout=_REAP_TIMEOUT_S)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
