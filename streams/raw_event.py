"""A consumed record as the handlers see it: where it came from, its key and raw value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RawEvent:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None

    @classmethod
    def of(cls, message: Any) -> RawEvent:
        """From a Faust ``Message`` or an aiokafka ``ConsumerRecord`` (same field names)."""
        return cls(message.topic, message.partition, message.offset, message.key, message.value)
