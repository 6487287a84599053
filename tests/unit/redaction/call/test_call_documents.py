"""The call manifest: the same model offline (``redact-call``) and stored (with more fields)."""

from __future__ import annotations

from datetime import UTC, datetime

from ringfence.redaction.call.documents import CallManifest

OFFLINE = {
    "call_id": "k-1",
    "duration_s": 1.0,
    "removed": [],
    "transcript": {"source": "none", "words": []},
    "flags": [],
    "verification": {"passed": True, "checks": []},
}


def test_the_offline_manifest_has_no_stored_only_fields() -> None:
    """``team`` and the rest are left out, not written as null: the contract shape plus
    ``schema``."""
    document = CallManifest.from_document(OFFLINE).to_document()
    assert document == {"schema": "ringfence.call.manifest.v1", **OFFLINE}
    assert list(document) == ["schema", *OFFLINE]


def test_the_stored_manifest_writes_what_the_worker_adds() -> None:
    captured = datetime(2026, 1, 5, 10, tzinfo=UTC)
    stored = CallManifest.from_document(OFFLINE).model_copy(
        update={"team": "customer_services", "caller_number": "", "captured_at": captured}
    )
    document = stored.to_document()
    assert document["captured_at"] == "2026-01-05T10:00:00+00:00"
    assert document["caller_number"] == "" and "retain_until" not in document
    assert CallManifest.from_document(document) == stored
