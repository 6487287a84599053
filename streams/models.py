"""Pydantic models of every topic payload: the source of truth for docs/schemas/*.json.

Input models ignore unknown fields (forward compatibility with the platforms that produce
them); output models forbid them so a typo can't leak an unintended field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from ringfence.redaction.findings import Category
from ringfence.storage.layout import landing_key_belongs


class _Input(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Output(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChatEvent(_Input):
    """`ringfence.chat.events.v1`: one message of a web chat, or its close."""

    chat_id: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=100)
    kind: Literal["message", "closed"]
    seq: int | None = Field(default=None, ge=0)
    sender: Literal["customer", "agent"] | None = None
    text: str | None = None
    sent_at: AwareDatetime
    # Set on closes Ringfence's idle sweep sends (not by the chat platform).
    reason: Literal["idle_timeout", "tombstone_expired"] | None = None

    @model_validator(mode="after")
    def _message_has_content(self) -> ChatEvent:
        if self.kind == "message" and (
            self.seq is None or self.sender is None or self.text is None
        ):
            raise ValueError("a message event needs seq, sender and text")
        return self


class AudioRef(_Input):
    bucket: str = Field(min_length=3)
    key: str = Field(min_length=1)


class CallRecorded(_Input):
    """`ringfence.call.recorded.v1`: a finished call whose raw audio waits in the landing bucket."""

    call_id: str = Field(min_length=1, max_length=200)
    team: str = Field(min_length=1, max_length=100)
    direction: Literal["inbound", "outbound"]
    caller_number: str = Field(max_length=40)
    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    audio: AudioRef
    events: list[dict[str, Any]] = Field(default_factory=list)
    transcript: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _audio_is_this_calls(self) -> CallRecorded:
        # The message never quotes the key: dead letters carry reasons, not content.
        if not landing_key_belongs(self.audio.key, self.call_id):
            raise ValueError("audio.key is not a landing object of this call_id")
        return self


class TextLocation(_Output):
    seq: int
    start: int
    end: int


class AudioLocation(_Output):
    start_s: float
    end_s: float


class ComplianceFlag(_Output):
    """`ringfence.compliance.flags.v1`: a special-category mention for compliance officers."""

    flag_id: str
    source: Literal["call", "chat"]
    source_id: str
    team: str
    category: Category
    confidence: float = Field(ge=0, le=1)
    detector: str
    location: TextLocation | AudioLocation
    excerpt: str
    detected_at: datetime


class DeadLetter(_Output):
    """`ringfence.deadletter.v1`: a reference to a raw event that could not be processed.

    Never a copy of the event's content: the raw event may hold card data.
    """

    source_topic: str
    partition: int
    offset: int
    key: str | None
    reason: str
    detail: str
    failed_at: datetime


class AuditEvent(_Output):
    """`ringfence.audit.v1`: what happened to a recording (stored, dropped by policy...)."""

    audit_id: str
    source: Literal["call", "chat"]
    source_id: str
    team: str
    action: Literal["stored", "dropped", "quarantined"]
    reason: str
    object_keys: list[str] = Field(default_factory=list)
    at: datetime
