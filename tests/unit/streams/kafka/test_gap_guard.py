"""The gap guard: repeated records are not processed twice, skipped ones are read back."""

from __future__ import annotations

from ringfence.streams.kafka.gap_guard import GapGuard
from ringfence.streams.raw_event import RawEvent


def _event(offset: int, partition: int = 0) -> RawEvent:
    return RawEvent("t", partition, offset, b"k", str(offset).encode())


class Log:
    """A partition's records, readable by offset range like Kafka."""

    def __init__(self) -> None:
        self.reads: list[tuple[int, int]] = []

    async def __call__(self, topic: str, partition: int, start: int, end: int) -> list[RawEvent]:
        self.reads.append((start, end))
        return [_event(offset, partition) for offset in range(start, end)]


async def test_skipped_offsets_are_read_back_in_order() -> None:
    log = Log()
    guard = GapGuard(log)
    for offset in (41, 42):
        guard.processed(_event(offset))
    missing = await guard.skipped_before(_event(45))
    assert [m.offset for m in missing] == [43, 44] and log.reads == [(43, 45)]


async def test_first_record_of_a_partition_has_nothing_to_recover() -> None:
    guard = GapGuard(Log())
    assert await guard.skipped_before(_event(100)) == []


def test_repeats_are_recognised_per_partition() -> None:
    guard = GapGuard(Log())
    guard.processed(_event(61))
    guard.processed(_event(62))
    assert guard.is_repeat(_event(61)) and guard.is_repeat(_event(62))
    assert not guard.is_repeat(_event(63)) and not guard.is_repeat(_event(61, partition=1))


async def test_forgetting_a_revoked_partition_starts_afresh() -> None:
    guard = GapGuard(Log())
    guard.processed(_event(10))
    guard.forget("t", 0)
    assert not guard.is_repeat(_event(5)) and await guard.skipped_before(_event(20)) == []
