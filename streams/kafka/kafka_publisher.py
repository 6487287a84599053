"""Publisher that writes JSON payloads to the output topics, keyed as the contracts say."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ringfence.streams.models import AuditEvent, ComplianceFlag, DeadLetter
from ringfence.streams.ops import metrics


def encode(model: BaseModel) -> bytes:
    return model.model_dump_json().encode("utf-8")


class KafkaPublisher:
    def __init__(self, flags_topic: Any, audit_topic: Any, deadletter_topic: Any) -> None:
        self._flags = flags_topic
        self._audit = audit_topic
        self._deadletter = deadletter_topic

    async def flag(self, flag: ComplianceFlag) -> None:
        await self._flags.send(key=flag.source_id.encode("utf-8"), value=encode(flag))

    async def audit(self, event: AuditEvent) -> None:
        await self._audit.send(key=event.source_id.encode("utf-8"), value=encode(event))

    async def dead_letter(self, letter: DeadLetter) -> None:
        key = letter.key.encode("utf-8") if letter.key is not None else None
        await self._deadletter.send(key=key, value=encode(letter))
        metrics.DEAD_LETTERS.labels(topic=letter.source_topic, reason=letter.reason).inc()
