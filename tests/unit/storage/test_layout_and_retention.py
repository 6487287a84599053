"""Object keys are deterministic and team-first; retention metadata survives S3 headers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ringfence.storage.layout import call_object_key, chat_transcript_key
from ringfence.storage.retention.metadata import RetentionMetadata

CAPTURED = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)


def test_chat_key_is_deterministic_and_starts_with_team() -> None:
    key = chat_transcript_key("housing_services", "c-1", CAPTURED)
    assert key == "housing_services/chat/2026/01/05/c-1/transcript.json"
    assert key == chat_transcript_key("housing_services", "c-1", CAPTURED)


def test_ids_cannot_add_path_segments() -> None:
    key = call_object_key("customer_services", "../../etc/k 1", CAPTURED, "audio.wav")
    assert key.count("/") == 6 and ".." in key and "/../" not in key


def test_day_is_taken_in_utc() -> None:
    bst = datetime(2026, 6, 1, 0, 30, tzinfo=UTC) + timedelta(hours=0)
    assert "/2026/06/01/" in chat_transcript_key("t", "c", bst.astimezone())


def test_retention_metadata_round_trips_through_headers() -> None:
    meta = RetentionMetadata(
        source_id="c-1",
        channel="chat",
        team="housing_services",
        captured_at=CAPTURED,
        retain_until=CAPTURED + timedelta(days=40),
        categories=("health", "religion"),
    )
    headers = {f"X-Amz-Meta-{k.title()}": v for k, v in meta.to_metadata().items()}
    assert RetentionMetadata.from_headers(headers) == meta


def test_call_metadata_carries_the_caller_number() -> None:
    meta = RetentionMetadata(
        source_id="k-1",
        channel="call",
        team="careline_services",
        captured_at=CAPTURED,
        retain_until=CAPTURED + timedelta(days=40),
        caller_number="+441636650000",
    )
    headers = {f"x-amz-meta-{k}": v for k, v in meta.to_metadata().items()}
    assert headers["x-amz-meta-caller-number"] == "+441636650000"
    assert RetentionMetadata.from_headers(headers) == meta
