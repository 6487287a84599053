"""A chat being assembled, as stored in the ``chat-sessions`` table.

The table's changelog is a Kafka topic, so a session holds only *redacted* text and the
redaction state (which carries no text or digits): card data never reaches it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import ConfigDict, Field

from ringfence.documents import Document, IsoDatetime
from ringfence.redaction.excerpt import excerpt
from ringfence.redaction.findings import Category
from ringfence.redaction.text.conversation import ChatState, redact_message
from ringfence.redaction.text.engine import TextEngine
from ringfence.streams.chat.documents import ChatFlag, ChatMessage, ChatRedaction, ChatTranscript
from ringfence.streams.ids import stable_id
from ringfence.streams.models import ChatEvent, ComplianceFlag, TextLocation


class ChatSession(Document):
    """`ringfence.chat.session.v1`: a chat being assembled, the value of its table entry."""

    # Changed in place as messages arrive; assignments are still checked.
    model_config = ConfigDict(frozen=False, validate_assignment=True)

    schema_id: Literal["ringfence.chat.session.v1"] = Field(
        default="ringfence.chat.session.v1", alias="schema"
    )
    team: str = Field(min_length=1)
    captured_at: IsoDatetime
    # State written before the first message is ``{}``: every field has its default.
    state: ChatState = Field(default_factory=ChatState)
    messages: list[ChatMessage] = Field(default_factory=list)
    redactions: list[ChatRedaction] = Field(default_factory=list)
    flags: list[ChatFlag] = Field(default_factory=list)
    dropped_reason: str | None = None
    closed: bool = False
    # Where the chat's events arrive and when it last changed: the sweeper closes idle chats
    # and purges old tombstones by sending a close event to that partition.
    partition: int = Field(default=0, ge=0)
    updated_at: IsoDatetime | None = None
    # 2, 3...: the chat was stored, then a message came after its close (it is reopened with
    # the stored messages and stored again, with its own receipt).
    version: int = Field(default=1, ge=1)

    def is_due_for_sweep(
        self, now: datetime, idle_close: timedelta, tombstone_ttl: timedelta
    ) -> bool:
        """An open chat idle too long, or a tombstone older than any replay can be."""
        if self.updated_at is None:
            return False
        return now - self.updated_at >= (tombstone_ttl if self.closed else idle_close)

    def is_active_within(self, now: datetime, idle_close: timedelta) -> bool:
        """Changed less than ``idle_close`` ago: an idle close decided earlier is stale
        (its messages were still queued behind a backlog when the sweep looked)."""
        return self.updated_at is not None and now - self.updated_at < idle_close

    def has_seq(self, seq: int) -> bool:
        return any(message.seq == seq for message in self.messages)

    def categories(self) -> list[Category]:
        return sorted({flag.category for flag in self.flags})


def add_message(
    session: ChatSession, chat_id: str, event: ChatEvent, engine: TextEngine, now: datetime
) -> list[ComplianceFlag]:
    """Redact one message into ``session``; return the flags to publish for it."""
    assert event.seq is not None and event.sender is not None and event.text is not None
    result, session.state = redact_message(
        event.seq, event.sender, event.text, session.state, engine
    )
    session.messages.append(
        ChatMessage(seq=event.seq, sender=event.sender, text=result.text, sent_at=event.sent_at)
    )
    session.redactions.extend(
        ChatRedaction(seq=event.seq, start=r.start, end=r.end, kind=r.kind)
        for r in result.redactions
    )
    flags = []
    # The whole message in payment context too: a card datum the message's own (chat
    # context) pass kept must not reach an excerpt, whose window may cut off its cue.
    guard = [*result.redactions, *engine.payment_redactions(event.text)] if result.flags else []
    for found in result.flags:
        session.flags.append(
            ChatFlag(
                seq=event.seq,
                start=found.start,
                end=found.end,
                category=found.category,
                confidence=found.confidence,
                detector=found.detector,
            )
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
) -> ChatTranscript:
    """The stored document of a closed chat: redacted messages, what was removed, what was
    flagged."""
    return ChatTranscript(
        chat_id=chat_id,
        team=session.team,
        captured_at=session.captured_at,
        closed_at=closed_at,
        retain_until=retain_until,
        messages=sorted(session.messages, key=lambda message: message.seq),
        redactions=session.redactions,
        flags=session.flags,
        categories=session.categories(),
    )
