"""Publisher that writes JSON payloads to the output topics, keyed as the contracts say."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ringfence.streams.models import AuditEvent, ComplianceFlag, DeadLetter
from ringfence.streams.ops import metrics


def encode(model: BaseModel) -> bytes:
    return model.model_dump_json().encode("utf-8")


class KafkaPublisher:
    """Every method returns once the broker has acked the record (acks=all): callers go on
    to delete raw input and ack their event only after their results are durable, so a
    crash in between loses nothing (the event is redelivered and its results recreated)."""

    def __init__(self, flags_topic: Any, audit_topic: Any, deadletter_topic: Any) -> None:
        self._flags = flags_topic
        self._audit = audit_topic
        self._deadletter = deadletter_topic

    async def flag(self, flag: ComplianceFlag) -> None:
        await _delivered(self._flags, flag.source_id.encode("utf-8"), encode(flag))

    async def audit(self, event: AuditEvent) -> None:
        await _delivered(self._audit, event.source_id.encode("utf-8"), encode(event))

    async def dead_letter(self, letter: DeadLetter) -> None:
        key = letter.key.encode("utf-8") if letter.key is not None else None
        await _delivered(self._deadletter, key, encode(letter))
        metrics.DEAD_LETTERS.labels(topic=letter.source_topic, reason=letter.reason).inc()


async def _delivered(topic: Any, key: bytes | None, value: bytes) -> None:
    # Faust's send returns once the record is buffered; the future it returns resolves when
    # the broker acks it (or raises if it cannot be delivered).
    pending = await topic.send(key=key, value=value)
    await pending
