"""A chat being assembled, as stored in the ``chat-sessions`` table.

The table's changelog is a Kafka topic, so a session holds only *redacted* text and the
redaction state (which carries no text or digits): card data never reaches it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ringfence.redaction.excerpt import excerpt
from ringfence.redaction.text.conversation import ChatState, redact_message
from ringfence.redaction.text.engine import TextEngine
from ringfence.streams.ids import stable_id
from ringfence.streams.models import ChatEvent, ComplianceFlag, TextLocation


@dataclass(slots=True)
class ChatSession:
    team: str
    captured_at: datetime
    state: dict[str, Any] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    redactions: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    dropped_reason: str | None = None
    closed: bool = False
    # Where the chat's events arrive and when it last changed: the sweeper closes idle chats
    # and purges old tombstones by sending a close event to that partition.
    partition: int = 0
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["captured_at"] = self.captured_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChatSession:
        updated = data.get("updated_at")
        return cls(
            **{
                **data,
                "captured_at": datetime.fromisoformat(data["captured_at"]),
                "updated_at": datetime.fromisoformat(updated) if updated else None,
            }
        )

    def is_due_for_sweep(
        self, now: datetime, idle_close: timedelta, tombstone_ttl: timedelta
    ) -> bool:
        """An open chat idle too long, or a tombstone older than any replay can be."""
        if self.updated_at is None:
            return False
        return now - self.updated_at >= (tombstone_ttl if self.closed else idle_close)

    def has_seq(self, seq: int) -> bool:
        return any(message["seq"] == seq for message in self.messages)

    def categories(self) -> list[str]:
        return sorted({flag["category"] for flag in self.flags})


def _chat_state(session: ChatSession) -> ChatState:
    return ChatState(**session.state) if session.state else ChatState()


def add_message(
    session: ChatSession, chat_id: str, event: ChatEvent, engine: TextEngine, now: datetime
) -> list[ComplianceFlag]:
    """Redact one message into ``session``; return the flags to publish for it."""
    assert event.seq is not None and event.sender is not None and event.text is not None
    result, state = redact_message(
        event.seq, event.sender, event.text, _chat_state(session), engine
    )
    session.state = dataclasses.asdict(state)
    session.messages.append(
        {
            "seq": event.seq,
            "sender": event.sender,
            "text": result.text,
            "sent_at": event.sent_at.isoformat(),
        }
    )
    session.redactions.extend(
        {"seq": event.seq, "start": r.start, "end": r.end, "kind": r.kind}
        for r in result.redactions
    )
    flags = []
    # The whole message in payment context too: a card datum the message's own (chat
    # context) pass kept must not reach an excerpt, whose window may cut off its cue.
    guard = [*result.redactions, *engine.payment_redactions(event.text)] if result.flags else []
    for found in result.flags:
        session.flags.append(
            {
                "seq": event.seq,
                "start": found.start,
                "end": found.end,
                "category": found.category,
                "confidence": found.confidence,
                "detector": found.detector,
            }
        )
        flags.append(
            ComplianceFlag(
                flag_id=stable_id(
                    "chat", chat_id, event.seq, found.start, found.end, found.category
                ),
                source="chat",
                source_id=chat_id,
                team=session.team,
                category=found.category,
                confidence=round(found.confidence, 3),
                detector=found.detector,
                location=TextLocation(seq=event.seq, start=found.start, end=found.end),
                excerpt=excerpt(
                    event.text,
                    guard,
                    found.start,
                    found.end,
                    find_payment=engine.payment_redactions,
                ),
                detected_at=now,
            )
        )
    return flags


def transcript_document(
    session: ChatSession, chat_id: str, closed_at: datetime, retain_until: datetime
) -> dict[str, Any]:
    """The stored JSON of a closed chat: redacted messages, what was removed, what was flagged."""
    return {
        "schema": "ringfence.chat.transcript.v1",
        "chat_id": chat_id,
        "team": session.team,
        "channel": "chat",
        "captured_at": session.captured_at.isoformat(),
        "closed_at": closed_at.isoformat(),
        "retain_until": retain_until.isoformat(),
        "messages": sorted(session.messages, key=lambda m: m["seq"]),
        "redactions": session.redactions,
        "flags": session.flags,
        "categories": session.categories(),
    }
