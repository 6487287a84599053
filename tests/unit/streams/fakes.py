"""Small real in-memory stand-ins for the publisher and the object store (not mocks): the
integration tests run the same handlers against Kafka and MinIO."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ringfence.storage.errors import ObjectMissingError
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.streams.models import AuditEvent, ComplianceFlag, DeadLetter


@dataclass
class ListPublisher:
    flags: list[ComplianceFlag] = field(default_factory=list)
    audits: list[AuditEvent] = field(default_factory=list)
    letters: list[DeadLetter] = field(default_factory=list)

    async def flag(self, flag: ComplianceFlag) -> None:
        self.flags.append(flag)

    async def audit(self, event: AuditEvent) -> None:
        self.audits.append(event)

    async def dead_letter(self, letter: DeadLetter) -> None:
        self.letters.append(letter)


@dataclass
class DictStore:
    objects: dict[str, tuple[dict[str, Any], RetentionMetadata]] = field(default_factory=dict)
    writes: int = 0

    def put_json(self, key: str, document: dict[str, Any], retention: RetentionMetadata) -> None:
        self.objects[key] = (document, retention)
        self.writes += 1

    def get_json(self, key: str) -> dict[str, Any]:
        if key not in self.objects:
            raise ObjectMissingError(f"get {key}: NoSuchKey")
        return self.objects[key][0]
