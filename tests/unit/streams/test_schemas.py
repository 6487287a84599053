"""The published JSON Schemas in docs/schemas match the pydantic models."""

from __future__ import annotations

from pathlib import Path

from ringfence.streams.schemas import schema_documents

DOCS = Path(__file__).resolve().parents[3] / "docs" / "schemas"


def test_published_schemas_are_up_to_date() -> None:
    for name, text in schema_documents().items():
        published = (DOCS / name).read_text(encoding="utf-8")
        assert published == text, f"{name} is stale: run `ringfence schemas`"


def test_every_document_has_a_schema_beside_the_topics() -> None:
    documents = ("chat.session", "chat.transcript", "call.manifest", "call.transcript")
    assert {f"ringfence.{name}.v1.schema.json" for name in documents} <= set(schema_documents())


def test_flag_schema_lists_the_contract_fields() -> None:
    import json

    schema = json.loads(schema_documents()["ringfence.compliance.flags.v1.schema.json"])
    assert set(schema["required"]) >= {
        "flag_id",
        "source",
        "source_id",
        "team",
        "category",
        "confidence",
        "detector",
        "location",
        "excerpt",
        "detected_at",
    }
