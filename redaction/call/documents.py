"""The call's documents that leave the process: the manifest (``ringfence.call.manifest.v1``,
contracts.md section 1, stored and written by ``redact-call``) and the stored transcript
(``ringfence.call.transcript.v1``). Times are seconds from the start of the redacted audio.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from ringfence.documents import Document, DocumentPart, IsoDatetime
from ringfence.redaction.call.timeline import RemovalReason
from ringfence.redaction.findings import Category

# Only the stored manifest has these (the worker knows them, ``redact-call`` does not): left
# out of the document rather than written as null, so the offline manifest is as it was.
_STORED_ONLY = ("team", "caller_number", "captured_at", "retain_until")
_STORED = "Only in the stored manifest (never null there)."


class RemovedSpan(DocumentPart):
    """Audio silenced (or cut, for a transfer): ``reason`` first, every signal in ``reasons``."""

    start: float
    end: float
    reason: RemovalReason
    reasons: list[RemovalReason]


class TranscriptWord(DocumentPart):
    word: str
    start: float
    end: float


class ManifestTranscript(DocumentPart):
    """The words left after redaction; ``source``: ``meta``, ``asr:<engine>`` or ``none``."""

    source: str
    words: list[TranscriptWord]


class CallFlag(DocumentPart):
    start: float
    end: float
    category: Category
    confidence: float
    detector: str


class VerificationCheck(DocumentPart):
    name: str
    passed: bool
    detail: str


class VerificationReport(DocumentPart):
    passed: bool
    checks: list[VerificationCheck]


class CallManifest(Document):
    """`ringfence.call.manifest.v1`: what was removed from a call, and the verification verdict.

    Also what is left of the transcript and what was flagged in it."""

    schema_id: Literal["ringfence.call.manifest.v1"] = Field(
        default="ringfence.call.manifest.v1", alias="schema"
    )
    call_id: str = Field(min_length=1)
    duration_s: float = Field(ge=0)
    removed: list[RemovedSpan]
    transcript: ManifestTranscript
    flags: list[CallFlag]
    verification: VerificationReport
    team: str | None = Field(default=None, description=_STORED)
    caller_number: str | None = Field(default=None, description=_STORED)
    captured_at: IsoDatetime | None = Field(default=None, description=_STORED)
    retain_until: IsoDatetime | None = Field(default=None, description=_STORED)

    @model_serializer(mode="wrap")
    def _leave_out_unstored(self, serialize: SerializerFunctionWrapHandler) -> dict[str, Any]:
        document: dict[str, Any] = serialize(self)
        for name in _STORED_ONLY:
            if document.get(name) is None:
                document.pop(name, None)
        return document


class CallTranscript(Document):
    """`ringfence.call.transcript.v1`: the redacted words of a stored call."""

    schema_id: Literal["ringfence.call.transcript.v1"] = Field(
        default="ringfence.call.transcript.v1", alias="schema"
    )
    call_id: str = Field(min_length=1)
    team: str = Field(min_length=1)
    caller_number: str
    source: str
    words: list[TranscriptWord]
