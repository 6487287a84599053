"""Failure policy: retriable errors retried, others surface; dead letters carry no content."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ringfence.errors import InvalidInputError
from ringfence.storage.errors import StorageUnavailableError
from ringfence.streams.error_policy import dead_letter, is_retriable, with_retries

NOW = datetime(2026, 1, 5, tzinfo=UTC)


async def _no_sleep(_: float) -> None:
    return None


async def test_retriable_error_is_retried_until_success() -> None:
    attempts: list[int] = []

    async def flaky() -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise StorageUnavailableError("store down")
        return "stored"

    assert await with_retries(flaky, max_delay_s=1, sleep=_no_sleep) == "stored"
    assert len(attempts) == 3


async def test_non_retriable_error_is_raised_at_once() -> None:
    attempts: list[int] = []

    async def bad() -> None:
        attempts.append(1)
        raise InvalidInputError("bad event")

    with pytest.raises(InvalidInputError):
        await with_retries(bad, max_delay_s=1, sleep=_no_sleep)
    assert len(attempts) == 1


async def test_backoff_delays_grow_and_are_capped() -> None:
    delays: list[float] = []
    attempts: list[int] = []

    async def record(delay: float) -> None:
        delays.append(delay)

    async def flaky() -> None:
        attempts.append(1)
        if len(attempts) < 6:
            raise StorageUnavailableError("store down")

    await with_retries(flaky, max_delay_s=3, first_delay_s=0.5, sleep=record)
    assert delays == [0.5, 1.0, 2.0, 3, 3]


def test_only_ringfence_errors_flagged_retriable_are_retriable() -> None:
    assert is_retriable(StorageUnavailableError("x"))
    assert not is_retriable(InvalidInputError("x")) and not is_retriable(ValueError("x"))


def test_dead_letter_of_unexpected_error_names_only_its_type() -> None:
    error = ValueError("card 4111111111111111 broke the parser")
    letter = dead_letter(error, topic="t", partition=2, offset=41, key=b"c-1", failed_at=NOW)
    assert letter.reason == "unexpected_error"
    assert letter.detail == "ValueError"
    assert (letter.partition, letter.offset, letter.key) == (2, 41, "c-1")


def test_dead_letter_of_ringfence_error_keeps_reason_and_detail() -> None:
    letter = dead_letter(
        InvalidInputError("not valid JSON at char 1"),
        topic="t",
        partition=0,
        offset=0,
        key=None,
        failed_at=NOW,
    )
    assert (letter.reason, letter.detail, letter.key) == (
        "invalid_input",
        "not valid JSON at char 1",
        None,
    )
