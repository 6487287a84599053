"""Chat events in, flags, audit events and stored transcripts out. Kafka-free.

Per chat: the first event decides whether the policy records the chat at all; each message
is redacted as it arrives and its flags are published at once; on close the redacted
transcript is stored (deterministic key, so a replay overwrites) and the session becomes a
tombstone so a replayed close does not store an empty transcript over it. The tombstone
outlives the raw topic's retention (no replay can be older), then a sweep removes it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from ringfence.redaction.policy import Policy
from ringfence.redaction.text.engine import TextEngine
from ringfence.storage.errors import ObjectMissingError
from ringfence.storage.layout import chat_transcript_key
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.streams.chat.documents import ChatTranscript
from ringfence.streams.chat.sessions import ChatSession, add_message, transcript_document
from ringfence.streams.ids import stable_id
from ringfence.streams.models import AuditEvent, ChatEvent
from ringfence.streams.ops import metrics
from ringfence.streams.publisher import Publisher

log = logging.getLogger("ringfence.chat")


class JsonStore(Protocol):
    def put_json(
        self, key: str, document: dict[str, Any], retention: RetentionMetadata
    ) -> None: ...
    def get_json(self, key: str) -> dict[str, Any]: ...


@dataclass
class ChatHandler:
    sessions: MutableMapping[str, Any]
    publisher: Publisher
    store: JsonStore
    engine: TextEngine
    policy: Policy
    clock: Callable[[], datetime]

    tombstone_ttl: timedelta = timedelta(hours=7)
    idle_close: timedelta = timedelta(hours=2)

    async def handle(self, chat_id: str, event: ChatEvent, partition: int = 0) -> None:
        raw = self.sessions.get(chat_id)
        if raw is None and event.kind == "closed":
            # Nothing was assembled: never store an empty transcript (it could overwrite one).
            metrics.CHAT_EVENTS.labels(outcome="close_without_session").inc()
            return
        session = (
            ChatSession.from_document(raw) if raw else await self._open(chat_id, event, partition)
        )
        if session.closed and session.dropped_reason is None and event.kind == "message":
            await self._reopen(chat_id, session, event)
        elif session.closed or session.dropped_reason is not None:
            self._after_end(chat_id, session, event)
        elif event.kind == "message":
            await self._message(chat_id, session, event)
        elif event.reason == "idle_timeout" and session.is_active_within(
            self.clock(), self.idle_close
        ):
            metrics.CHAT_EVENTS.labels(outcome="stale_idle_close").inc()
        else:
            await self._close(chat_id, session, event)

    async def _reopen(self, chat_id: str, tombstone: ChatSession, event: ChatEvent) -> None:
        """A message after the chat was stored is never dropped: unless the stored transcript
        already has it (a replay), the chat reopens with the stored messages."""
        key = chat_transcript_key(tombstone.team, chat_id, tombstone.captured_at)
        try:
            stored = ChatTranscript.from_document(await asyncio.to_thread(self.store.get_json, key))
        except ObjectMissingError:
            stored = None
        if stored is not None and any(message.seq == event.seq for message in stored.messages):
            metrics.CHAT_EVENTS.labels(outcome="duplicate").inc()
            return
        session = ChatSession(
            team=tombstone.team,
            captured_at=tombstone.captured_at,
            partition=tombstone.partition,
            version=tombstone.version + 1,
            messages=stored.messages if stored else [],
            redactions=stored.redactions if stored else [],
            flags=stored.flags if stored else [],
            updated_at=self.clock(),
        )
        log.info("chat reopened by a message after its close", extra={"chat_id": chat_id})
        metrics.CHAT_EVENTS.labels(outcome="reopened").inc()
        await self._message(chat_id, session, event)

    def _after_end(self, chat_id: str, session: ChatSession, event: ChatEvent) -> None:
        """Events of a dropped or already stored chat: only a close can end its entry."""
        expired = session.closed and session.is_due_for_sweep(
            self.clock(), self.tombstone_ttl, self.tombstone_ttl
        )
        if event.kind == "closed" and (session.dropped_reason is not None or expired):
            del self.sessions[chat_id]
        outcome = "dropped" if session.dropped_reason is not None else "after_close"
        metrics.CHAT_EVENTS.labels(outcome=outcome).inc()

    async def _open(self, chat_id: str, event: ChatEvent, partition: int) -> ChatSession:
        session = ChatSession(
            team=event.team, captured_at=event.sent_at, partition=partition, updated_at=self.clock()
        )
        decision = self.policy.decide("chat", event.team, event.sent_at)
        if not decision.recorded:
            session.dropped_reason = decision.reason
            await self.publisher.audit(self._audit(chat_id, session, "dropped", decision.reason))
            self.sessions[chat_id] = session.to_document()
            log.info(
                "chat dropped by policy", extra={"chat_id": chat_id, "reason": decision.reason}
            )
        return session

    async def _message(self, chat_id: str, session: ChatSession, event: ChatEvent) -> None:
        assert event.seq is not None
        if session.has_seq(event.seq):
            metrics.CHAT_EVENTS.labels(outcome="duplicate").inc()
            return
        flags = add_message(session, chat_id, event, self.engine, self.clock())
        # Flags acked before the table records the seq: after a crash in between, the
        # replayed message is not a "duplicate" whose flags were never published.
        for flag in flags:
            await self.publisher.flag(flag)
            metrics.FLAGS.labels(category=flag.category, source="chat").inc()
        session.updated_at = self.clock()
        self.sessions[chat_id] = session.to_document()
        metrics.CHAT_EVENTS.labels(outcome="message").inc()

    async def _close(self, chat_id: str, session: ChatSession, event: ChatEvent) -> None:
        retain_until = self.policy.retain_until(session.captured_at)
        key = chat_transcript_key(session.team, chat_id, session.captured_at)
        document = transcript_document(session, chat_id, event.sent_at, retain_until)
        retention = RetentionMetadata(
            source_id=chat_id,
            channel="chat",
            team=session.team,
            captured_at=session.captured_at,
            retain_until=retain_until,
            categories=tuple(session.categories()),
        )
        await asyncio.to_thread(self.store.put_json, key, document.to_document(), retention)
        await self.publisher.audit(
            self._audit(chat_id, session, "stored", "closed", [key], session.version)
        )
        self.sessions[chat_id] = ChatSession(
            team=session.team,
            captured_at=session.captured_at,
            closed=True,
            partition=session.partition,
            updated_at=self.clock(),
            version=session.version,
        ).to_document()
        for item in session.redactions:
            metrics.REDACTIONS.labels(kind=item.kind, source="chat").inc()
        metrics.CHAT_EVENTS.labels(outcome="stored").inc()
        log.info(
            "chat stored",
            extra={
                "chat_id": chat_id,
                "team": session.team,
                "messages": len(session.messages),
                "redactions": len(session.redactions),
                "flags": len(session.flags),
                "object_key": key,
            },
        )

    def _audit(
        self,
        chat_id: str,
        session: ChatSession,
        action: str,
        reason: str | None,
        keys: list[str] | None = None,
        version: int = 1,
    ) -> AuditEvent:
        # A reopened chat's second store is a receipt of its own, not a duplicate of the first.
        audit_id = (
            stable_id("chat", chat_id, action)
            if version == 1
            else stable_id("chat", chat_id, action, version)
        )
        return AuditEvent.model_validate(
            {
                "audit_id": audit_id,
                "source": "chat",
                "source_id": chat_id,
                "team": session.team,
                "action": action,
                "reason": reason or "",
                "object_keys": keys or [],
                "at": self.clock(),
            }
        )
