"""JSON Schemas of the topic payloads, generated from the pydantic models (docs/schemas/)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ringfence.streams import topics
from ringfence.streams.models import AuditEvent, CallRecorded, ChatEvent, ComplianceFlag, DeadLetter

TOPIC_MODELS: dict[str, type[BaseModel]] = {
    topics.CHAT_EVENTS: ChatEvent,
    topics.CALL_RECORDED: CallRecorded,
    topics.COMPLIANCE_FLAGS: ComplianceFlag,
    topics.DEADLETTER: DeadLetter,
    topics.AUDIT: AuditEvent,
}


def schema_documents() -> dict[str, str]:
    """File name -> JSON Schema text, one per topic."""
    documents = {}
    for topic, model in TOPIC_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$id"] = f"{topic}.schema.json"
        schema["description"] = (model.__doc__ or "").strip().splitlines()[0]
        documents[f"{topic}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return documents


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
