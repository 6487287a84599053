"""The chat's documents that leave the process: the parts a session and its transcript share,
and the stored transcript (``ringfence.chat.transcript.v1``). The session itself is
``sessions.ChatSession``. Only redacted text ever reaches these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ringfence.documents import Document, DocumentPart, IsoDatetime
from ringfence.redaction.findings import Category, RedactionKind


class ChatMessage(DocumentPart):
    """One message, its text already redacted."""

    seq: int = Field(ge=0)
    sender: Literal["customer", "agent"]
    text: str
    sent_at: IsoDatetime


class ChatRedaction(DocumentPart):
    """What was removed: offsets into the original message text."""

    seq: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: RedactionKind


class ChatFlag(DocumentPart):
    """A special-category finding: offsets into the original message text."""

    seq: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    category: Category
    confidence: float
    detector: str


class ChatTranscript(Document):
    """`ringfence.chat.transcript.v1`: a closed chat as stored, redacted messages in seq order."""

    schema_id: Literal["ringfence.chat.transcript.v1"] = Field(
        default="ringfence.chat.transcript.v1", alias="schema"
    )
    chat_id: str = Field(min_length=1)
    team: str = Field(min_length=1)
    channel: Literal["chat"] = "chat"
    captured_at: IsoDatetime
    closed_at: IsoDatetime
    retain_until: IsoDatetime
    messages: list[ChatMessage]
    redactions: list[ChatRedaction]
    flags: list[ChatFlag]
    categories: list[Category]
