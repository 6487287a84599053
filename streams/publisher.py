"""Where agents send their results. A protocol, so the chat logic can be exercised in unit
tests with a small in-memory publisher while the worker uses Kafka topics."""

from __future__ import annotations

from typing import Protocol

from ringfence.streams.models import AuditEvent, ComplianceFlag, DeadLetter


class Publisher(Protocol):
    async def flag(self, flag: ComplianceFlag) -> None: ...
    async def audit(self, event: AuditEvent) -> None: ...
    async def dead_letter(self, letter: DeadLetter) -> None: ...
