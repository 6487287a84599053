"""ChatHandler behaviour per chat: policy drops, redaction, replays, tombstones, sweeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ringfence.redaction.policy import load_policy
from ringfence.redaction.text.engine import default_engine
from ringfence.streams.chat.handler import ChatHandler
from ringfence.streams.chat.idle_sweep import SweepClose, due_closes, run_sweep
from ringfence.streams.chat.sessions import ChatSession
from ringfence.streams.models import ChatEvent
from tests.unit.streams.fakes import DictStore, ListPublisher

SENT = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _message(chat_id: str, seq: int, text: str, team: str = "housing_services") -> ChatEvent:
    return ChatEvent(
        chat_id=chat_id,
        team=team,
        kind="message",
        seq=seq,
        sender="customer",
        text=text,
        sent_at=SENT + timedelta(seconds=seq),
    )


def _close(chat_id: str, team: str = "housing_services") -> ChatEvent:
    return ChatEvent(chat_id=chat_id, team=team, kind="closed", sent_at=SENT + timedelta(hours=1))


@pytest.fixture
def parts() -> tuple[ChatHandler, dict[str, Any], ListPublisher, DictStore, Clock]:
    sessions: dict[str, Any] = {}
    publisher, store, clock = ListPublisher(), DictStore(), Clock()
    handler = ChatHandler(
        sessions=sessions,
        publisher=publisher,
        store=store,
        engine=default_engine(),
        policy=load_policy(),
        clock=clock,
        tombstone_ttl=timedelta(hours=7),
    )
    return handler, sessions, publisher, store, clock


async def test_message_then_close_stores_redacted_transcript(parts: Any) -> None:
    handler, sessions, publisher, store, _ = parts
    await handler.handle("c-1", _message("c-1", 1, "card 4111 1111 1111 1111 and I have asthma"))
    assert "4111" not in str(sessions["c-1"])  # the table (changelog) never holds card data
    await handler.handle("c-1", _close("c-1"))
    [(document, retention)] = store.objects.values()
    assert "4111" not in str(document) and "asthma" in document["messages"][0]["text"]
    assert retention.retain_until - retention.captured_at == timedelta(days=40)
    assert [a.action for a in publisher.audits] == ["stored"]
    assert any(f.category == "health" for f in publisher.flags)


async def test_duplicate_seq_is_ignored(parts: Any) -> None:
    handler, sessions, publisher, _, _ = parts
    for _ in range(2):
        await handler.handle("c-2", _message("c-2", 1, "I'm Catholic"))
    assert len(sessions["c-2"]["messages"]) == 1 and len(publisher.flags) == 1


async def test_unrecorded_team_is_audited_once_and_never_stored(parts: Any) -> None:
    handler, sessions, publisher, store, _ = parts
    await handler.handle("c-3", _message("c-3", 1, "hello", team="careline_services"))
    await handler.handle("c-3", _message("c-3", 2, "I have epilepsy", team="careline_services"))
    assert [a.action for a in publisher.audits] == ["dropped"] and not publisher.flags
    await handler.handle("c-3", _close("c-3", team="careline_services"))
    assert "c-3" not in sessions and not store.objects


async def test_replayed_close_does_not_store_again(parts: Any) -> None:
    handler, sessions, _, store, _ = parts
    await handler.handle("c-4", _message("c-4", 1, "hello"))
    await handler.handle("c-4", _close("c-4"))
    await handler.handle("c-4", _close("c-4"))
    assert store.writes == 1 and sessions["c-4"]["closed"] is True


async def test_close_without_any_message_stores_nothing(parts: Any) -> None:
    handler, sessions, publisher, store, _ = parts
    await handler.handle("c-5", _close("c-5"))
    assert not store.objects and not sessions and not publisher.audits


async def test_tombstone_is_removed_by_a_close_after_its_ttl(parts: Any) -> None:
    handler, sessions, _, _, clock = parts
    await handler.handle("c-6", _message("c-6", 1, "hello"))
    await handler.handle("c-6", _close("c-6"))
    clock.now += timedelta(hours=6)
    await handler.handle("c-6", _close("c-6"))
    assert "c-6" in sessions  # still inside the replay window
    clock.now += timedelta(hours=2)
    await handler.handle("c-6", _close("c-6"))
    assert "c-6" not in sessions


async def test_sweep_closes_idle_chats_and_expired_tombstones_only(parts: Any) -> None:
    handler, sessions, _, _, clock = parts
    await handler.handle("idle", _message("idle", 1, "hello"))
    await handler.handle("done", _message("done", 1, "hello"))
    await handler.handle("done", _close("done"))
    clock.now += timedelta(hours=1)
    await handler.handle("busy", _message("busy", 1, "hello"))
    due = due_closes(
        sessions.items(), clock.now + timedelta(minutes=61), timedelta(hours=2), timedelta(hours=7)
    )
    assert [(c.chat_id, c.payload["reason"]) for c in due] == [("idle", "idle_timeout")]
    later = due_closes(
        sessions.items(), clock.now + timedelta(hours=8), timedelta(hours=2), timedelta(hours=7)
    )
    assert {c.chat_id: c.payload["reason"] for c in later}["done"] == "tombstone_expired"
    assert all(ChatEvent.model_validate(c.payload).kind == "closed" for c in later)


async def test_flag_excerpt_gets_the_payment_pass(parts: Any) -> None:
    """The excerpt is scanned in payment context: a code the message's pass kept stays out."""
    handler, _, publisher, _, _ = parts
    text = "the code on the back is seven three one and my son has autism"
    await handler.handle("c-x", _message("c-x", 1, text))
    [flag] = [f for f in publisher.flags if "autism" in f.excerpt]
    assert "seven three one" not in flag.excerpt and "[REDACTED]" in flag.excerpt


async def test_a_flag_not_acked_leaves_the_message_unrecorded(parts: Any) -> None:
    """The broker refuses the flag (the worker crashes here): the table must not hold the
    seq yet, or the redelivered message would be skipped as a duplicate and its flag lost."""
    handler, sessions, publisher, _, _ = parts
    delivered = publisher.flag

    async def refused(flag: Any) -> None:
        raise ConnectionError("broker gone")

    handler.publisher.flag = refused
    with pytest.raises(ConnectionError):
        await handler.handle("c-ack", _message("c-ack", 1, "I'm Catholic"))
    entry = sessions.get("c-ack")
    assert entry is None or not ChatSession.from_document(entry).has_seq(1)
    handler.publisher.flag = delivered
    await handler.handle("c-ack", _message("c-ack", 1, "I'm Catholic"))
    assert [f.category for f in publisher.flags] == ["religion"]


async def test_a_failing_sweep_is_logged_not_raised() -> None:
    """A Faust timer that raises stops the worker: the sweep reports and tries again later."""
    stale = {
        "c-old": ChatSession(
            team="housing_services", captured_at=SENT, partition=0, updated_at=SENT
        ).to_document(),
        "c-bad": {"not": "a session"},
    }
    sent: list[str] = []

    async def refused(close: SweepClose) -> None:
        raise ConnectionError("broker gone")

    async def delivered(close: SweepClose) -> None:
        sent.append(close.chat_id)

    now, day = SENT + timedelta(days=2), timedelta(days=1)
    assert await run_sweep(stale.items, now, day, day, refused) == 0
    assert await run_sweep(stale.items, now, day, day, delivered) == 1  # the bad one skipped
    assert sent == ["c-old"]


def _sweep_close(chat_id: str) -> ChatEvent:
    return ChatEvent(
        chat_id=chat_id,
        team="housing_services",
        kind="closed",
        sent_at=SENT + timedelta(hours=3),
        reason="idle_timeout",
    )


async def test_an_idle_close_decided_before_a_backlog_is_ignored(parts: Any) -> None:
    """The sweep looked while the chat's next messages were still queued: they arrive first,
    so its close is stale and the chat stays open."""
    handler, sessions, _, store, clock = parts
    await handler.handle("c-busy", _message("c-busy", 1, "hello"))
    clock.now += timedelta(hours=5)  # the worker was down; the sweep sees an idle chat
    await handler.handle("c-busy", _message("c-busy", 2, "still here"))  # the backlog
    await handler.handle("c-busy", _sweep_close("c-busy"))
    assert not store.objects and len(sessions["c-busy"]["messages"]) == 2
    clock.now += timedelta(hours=3)
    await handler.handle("c-busy", _sweep_close("c-busy"))  # really idle now
    [(document, _)] = store.objects.values()
    assert [m["seq"] for m in document["messages"]] == [1, 2]


async def test_a_message_after_the_close_reopens_the_chat(parts: Any) -> None:
    """Nothing arriving after a close is dropped: the chat is stored again with every
    message, under a receipt of its own; a replayed message does not reopen it."""
    handler, _, publisher, store, _ = parts
    await handler.handle("c-late", _message("c-late", 1, "my card is 4111 1111 1111 1111"))
    await handler.handle("c-late", _close("c-late"))
    await handler.handle("c-late", _message("c-late", 1, "my card is 4111 1111 1111 1111"))
    await handler.handle("c-late", _message("c-late", 2, "sorry, and I'm Catholic"))
    await handler.handle("c-late", _close("c-late"))
    [(document, _)] = store.objects.values()
    assert [m["seq"] for m in document["messages"]] == [1, 2]
    assert "4111" not in str(document)
    stored = [a for a in publisher.audits if a.action == "stored"]
    assert len(stored) == 2 and len({a.audit_id for a in stored}) == 2
    assert [f.category for f in publisher.flags] == ["religion"]
