"""CPU-heavy call redaction in a process pool, so the event loop keeps heartbeating.

Only plain data crosses the process boundary: the encoded audio, the metadata as JSON and
the recorded teams in; the ``CallRedaction`` (WAV bytes, manifest dict, verdict) out.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ringfence.errors import ConfigurationError
from ringfence.redaction.call.metadata import parse_call_meta
from ringfence.redaction.call.redact import CallRedaction, default_text_engine, redact_call


class CallPoolBrokenError(ConfigurationError):
    """A pool process died (killed, out of memory): the pool takes no more work."""

    reason = "call_pool_broken"


def _warm_up() -> None:
    # Load the text engine once per process, not on the first call it redacts.
    default_text_engine()


def redact_call_job(audio: bytes, meta_json: str, recorded_teams: frozenset[str]) -> CallRedaction:
    """Top-level (picklable) entry point run inside a pool process."""
    return redact_call(audio, parse_call_meta(meta_json), recorded_teams)


class CallRedactionPool:
    """A lazily started process pool; ``spawn`` so children don't inherit the event loop."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # One BLAS thread per pool process: the pool is the parallelism, and numpy's own
            # threads only compete with it (measured: nearly half the CPU per call).
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
            self._pool = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm_up,
            )
        return self._pool

    async def redact(
        self, audio: bytes, meta_json: str, recorded_teams: frozenset[str], timeout_s: float
    ) -> CallRedaction:
        loop = asyncio.get_running_loop()
        job = loop.run_in_executor(
            self._executor(), redact_call_job, audio, meta_json, recorded_teams
        )
        try:
            return await asyncio.wait_for(job, timeout=timeout_s)
        except BrokenProcessPool as error:
            raise CallPoolBrokenError("the call redaction process pool is broken") from error

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
