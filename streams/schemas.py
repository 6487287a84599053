"""JSON Schemas generated from the pydantic models (docs/schemas/): one per topic payload, and
one per document that leaves the process otherwise (the chat table's state, stored objects)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ringfence.documents import Document
from ringfence.redaction.call.documents import CallManifest, CallTranscript
from ringfence.streams import topics
from ringfence.streams.chat.documents import ChatTranscript
from ringfence.streams.chat.sessions import ChatSession
from ringfence.streams.models import AuditEvent, CallRecorded, ChatEvent, ComplianceFlag, DeadLetter

TOPIC_MODELS: dict[str, type[BaseModel]] = {
    topics.CHAT_EVENTS: ChatEvent,
    topics.CALL_RECORDED: CallRecorded,
    topics.COMPLIANCE_FLAGS: ComplianceFlag,
    topics.DEADLETTER: DeadLetter,
    topics.AUDIT: AuditEvent,
}

# Named by the ``schema`` field each document carries.
DOCUMENT_MODELS: tuple[type[Document], ...] = (
    ChatSession,
    ChatTranscript,
    CallManifest,
    CallTranscript,
)


def schema_documents() -> dict[str, str]:
    """File name -> JSON Schema text, one per topic and one per document."""
    named: dict[str, type[BaseModel]] = {
        **TOPIC_MODELS,
        **{model.schema_name(): model for model in DOCUMENT_MODELS},
    }
    return {f"{name}.schema.json": _schema_text(name, model) for name, model in named.items()}


def _schema_text(name: str, model: type[BaseModel]) -> str:
    # What a reader accepts: a document's ``schema`` field is optional (old ones lack it).
    schema = model.model_json_schema(mode="validation")
    schema["$id"] = f"{name}.schema.json"
    schema["description"] = (model.__doc__ or "").strip().splitlines()[0]
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
