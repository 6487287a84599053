"""The chat's documents: the ``chat-sessions`` table state and the stored transcript."""

from __future__ import annotations

from datetime import UTC, datetime

from ringfence.redaction.text.conversation import ChatState
from ringfence.streams.chat.sessions import ChatSession, transcript_document

# A tombstone as the changelog holds it from before sessions carried ``schema``.
OLD_TOMBSTONE = {
    "captured_at": "2026-01-05T10:00:01+00:00",
    "closed": True,
    "dropped_reason": None,
    "flags": [],
    "messages": [],
    "partition": 3,
    "redactions": [],
    "state": {},
    "team": "housing_services",
    "updated_at": "2026-01-05T12:00:00+00:00",
}


def test_an_old_session_with_empty_state_reads_as_a_fresh_conversation() -> None:
    session = ChatSession.from_document(OLD_TOMBSTONE)
    assert session.state == ChatState() and session.closed and session.partition == 3


def test_timestamps_are_written_as_isoformat_with_an_offset() -> None:
    """A ``Z`` read back is written ``+00:00``, as the session always wrote it."""
    session = ChatSession.from_document(OLD_TOMBSTONE | {"updated_at": "2026-01-05T12:00:00Z"})
    assert session.to_document()["updated_at"] == "2026-01-05T12:00:00+00:00"


def test_a_new_session_is_written_with_its_schema() -> None:
    session = ChatSession(team="housing_services", captured_at=datetime(2026, 1, 5, tzinfo=UTC))
    document = session.to_document()
    assert document["schema"] == "ringfence.chat.session.v1"
    assert ChatSession.from_document(document) == session


def test_the_transcript_is_built_from_the_session_in_seq_order() -> None:
    session = ChatSession.from_document(
        OLD_TOMBSTONE
        | {
            "closed": False,
            "messages": [
                {"seq": n, "sender": "agent", "text": "ok", "sent_at": "2026-01-05T10:00:01Z"}
                for n in (2, 1)
            ],
        }
    )
    closed = datetime(2026, 1, 5, 11, tzinfo=UTC)
    document = transcript_document(session, "c-1", closed, closed).to_document()
    assert document["schema"] == "ringfence.chat.transcript.v1"
    assert [message["seq"] for message in document["messages"]] == [1, 2]
    assert document["closed_at"] == "2026-01-05T11:00:00+00:00"
