"""Guard against offsets the stream skips or repeats.

faust-streaming 0.15 resumes fetching before it seeks to the committed offsets after a
rebalance with table recovery; we have seen it re-deliver a run of records and silently
skip one (its gap logic then marks the skipped offset as done). Our input topics have
contiguous offsets, so a jump within one partition means records were skipped: the guard
reads them straight from Kafka so they are processed, in order, before the current one.
Records at or below the last offset processed are repeats and are not processed again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from ringfence.streams.ops import metrics
from ringfence.streams.raw_event import RawEvent

log = logging.getLogger("ringfence.gaps")
ReadRange = Callable[[str, int, int, int], Awaitable[list[RawEvent]]]


class GapGuard:
    def __init__(self, read_range: ReadRange) -> None:
        self._read_range = read_range
        self._last: dict[tuple[str, int], int] = {}

    def is_repeat(self, event: RawEvent) -> bool:
        last = self._last.get((event.topic, event.partition))
        return last is not None and event.offset <= last

    async def skipped_before(self, event: RawEvent) -> list[RawEvent]:
        """Records between the last processed offset and ``event`` that never arrived."""
        last = self._last.get((event.topic, event.partition))
        if last is None or event.offset <= last + 1:
            return []
        missing = await self._read_range(event.topic, event.partition, last + 1, event.offset)
        log.warning(
            "stream skipped records; read them directly",
            extra={
                "topic": event.topic,
                "partition": event.partition,
                "from_offset": last + 1,
                "to_offset": event.offset - 1,
                "recovered": len(missing),
            },
        )
        metrics.GAPS_REPAIRED.labels(topic=event.topic).inc(len(missing))
        return missing

    def processed(self, event: RawEvent) -> None:
        key = (event.topic, event.partition)
        self._last[key] = max(event.offset, self._last.get(key, -1))

    def forget(self, topic: str, partition: int) -> None:
        """After a partition is revoked another worker may move it on: start afresh."""
        self._last.pop((topic, partition), None)
