"""Chat events in, flags, audit events and stored transcripts out. Kafka-free.

Per chat: the first event decides whether the policy records the chat at all; each message
is redacted as it arrives and its flags are published at once; on close the redacted
transcript is stored (deterministic key, so a replay overwrites) and the session becomes a
tombstone so a replayed close does not store an empty transcript over it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from redaction.policy import Policy
from redaction.text_engine import TextEngine
from storage.layout import chat_transcript_key
from storage.retention import RetentionMetadata
from streams import metrics
from streams.chat_sessions import ChatSession, add_message, transcript_document
from streams.ids import stable_id
from streams.models import AuditEvent, ChatEvent
from streams.publishing import Publisher

log = logging.getLogger("ringfence.chat")


class JsonStore(Protocol):
    def put_json(self, key: str, document: dict[str, Any], retention: RetentionMetadata) -> None: ...


@dataclass
class ChatHandler:
    sessions: MutableMapping[str, Any]
    publisher: Publisher
    store: JsonStore
    engine: TextEngine
    policy: Policy
    clock: Callable[[], datetime]

    async def handle(self, chat_id: str, event: ChatEvent) -> None:
        raw = self.sessions.get(chat_id)
        session = ChatSession.from_json(raw) if raw else await self._open(chat_id, event)
        if session.closed:
            metrics.CHAT_EVENTS.labels(outcome="after_close").inc()
            return
        if session.dropped_reason is not None:
            if event.kind == "closed":
                del self.sessions[chat_id]
            metrics.CHAT_EVENTS.labels(outcome="dropped").inc()
            return
        if event.kind == "message":
            await self._message(chat_id, session, event)
        else:
            await self._close(chat_id, session, event)

    async def _open(self, chat_id: str, event: ChatEvent) -> ChatSession:
        session = ChatSession(team=event.team, captured_at=event.sent_at)
        decision = self.policy.decide("chat", event.team, event.sent_at)
        if not decision.recorded:
            session.dropped_reason = decision.reason
            self.sessions[chat_id] = session.to_json()
            await self.publisher.audit(self._audit(chat_id, session, "dropped", decision.reason))
            log.info("chat dropped by policy", extra={"chat_id": chat_id, "reason": decision.reason})
        return session

    async def _message(self, chat_id: str, session: ChatSession, event: ChatEvent) -> None:
        assert event.seq is not None
        if session.has_seq(event.seq):
            metrics.CHAT_EVENTS.labels(outcome="duplicate").inc()
            return
        flags = add_message(session, chat_id, event, self.engine, self.clock())
        self.sessions[chat_id] = session.to_json()
        for flag in flags:
            await self.publisher.flag(flag)
            metrics.FLAGS.labels(category=flag.category, source="chat").inc()
        metrics.CHAT_EVENTS.labels(outcome="message").inc()

    async def _close(self, chat_id: str, session: ChatSession, event: ChatEvent) -> None:
        retain_until = self.policy.retain_until(session.captured_at)
        key = chat_transcript_key(session.team, chat_id, session.captured_at)
        document = transcript_document(session, chat_id, event.sent_at, retain_until)
        retention = RetentionMetadata(
            source_id=chat_id, channel="chat", team=session.team,
            captured_at=session.captured_at, retain_until=retain_until,
            categories=tuple(session.categories()),
        )
        await asyncio.to_thread(self.store.put_json, key, document, retention)
        await self.publisher.audit(self._audit(chat_id, session, "stored", "closed", [key]))
        self.sessions[chat_id] = ChatSession(
            team=session.team, captured_at=session.captured_at, closed=True
        ).to_json()
        for item in session.redactions:
            metrics.REDACTIONS.labels(kind=item["kind"], source="chat").inc()
        metrics.CHAT_EVENTS.labels(outcome="stored").inc()
        log.info(
            "chat stored",
            extra={"chat_id": chat_id, "team": session.team, "messages": len(session.messages),
                   "redactions": len(session.redactions), "flags": len(session.flags),
                   "object_key": key},
        )

    def _audit(
        self, chat_id: str, session: ChatSession, action: str, reason: str | None,
        keys: list[str] | None = None,
    ) -> AuditEvent:
        return AuditEvent.model_validate({
            "audit_id": stable_id("chat", chat_id, action), "source": "chat",
            "source_id": chat_id, "team": session.team, "action": action,
            "reason": reason or "", "object_keys": keys or [], "at": self.clock(),
        })
