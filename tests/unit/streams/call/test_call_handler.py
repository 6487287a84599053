"""CallHandler: fail closed. A call that fails verification is never stored and its raw
audio stays; a stored call deletes its raw audio; a replay after clean-up is harmless."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from ringfence.redaction.call.documents import CallManifest, CallTranscript
from ringfence.redaction.call.redact import CallRedaction
from ringfence.redaction.call.verification import Check, Verification
from ringfence.redaction.policy import load_policy
from ringfence.redaction.text.engine import default_engine
from ringfence.storage.errors import ObjectMissingError
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.streams.call.handler import CallHandler, QuarantinedError
from ringfence.streams.models import CallRecorded
from tests.unit.streams.fakes import ListPublisher

NOW = datetime(2026, 1, 5, 12, tzinfo=UTC)


@dataclass
class Landing:
    objects: dict[str, bytes] = field(default_factory=lambda: {"k-1.wav": b"RIFF"})

    def get_bytes(self, bucket: str, key: str, max_bytes: int | None = None) -> bytes:
        if key not in self.objects:
            raise ObjectMissingError(key)
        return self.objects[key]

    def delete(self, bucket: str, key: str) -> None:
        self.objects.pop(key, None)


@dataclass
class Recordings:
    objects: dict[str, Any] = field(default_factory=dict)

    def put_bytes(
        self, key: str, data: bytes, content_type: str, retention: RetentionMetadata
    ) -> None:
        self.objects[key] = (data, retention)

    def put_json(self, key: str, document: dict[str, Any], retention: RetentionMetadata) -> None:
        self.objects[key] = (document, retention)

    def exists(self, key: str) -> bool:
        return key in self.objects


def _call(team: str = "customer_services") -> CallRecorded:
    return CallRecorded.model_validate(
        {
            "call_id": "k-1",
            "team": team,
            "direction": "inbound",
            "caller_number": "+441636650000",
            "started_at": "2026-01-05T10:00:00Z",
            "ended_at": "2026-01-05T10:10:00Z",
            "audio": {"bucket": "landing", "key": "k-1.wav"},
        }
    )


def _result(passed: bool) -> CallRedaction:
    manifest = {
        "call_id": "k-1",
        "duration_s": 1.0,
        "removed": [],
        "transcript": {"source": "meta", "words": [{"word": "asthma", "start": 0.2, "end": 0.5}]},
        "flags": [
            {
                "start": 0.2,
                "end": 0.5,
                "category": "health",
                "confidence": 0.9,
                "detector": "lexicon",
            }
        ],
        "verification": {"passed": passed, "checks": []},
    }
    return CallRedaction(b"RIFFwav", manifest, Verification((Check("dtmf_free", passed, "test"),)))


budgets: list[float] = []


def _handler(result: CallRedaction) -> tuple[CallHandler, Landing, Recordings, ListPublisher]:
    landing, recordings, publisher = Landing(), Recordings(), ListPublisher()

    async def redact(
        audio: bytes, meta_json: str, teams: frozenset[str], budget: float
    ) -> CallRedaction:
        budgets.append(budget)
        return result

    handler = CallHandler(
        landing=landing,
        recordings=recordings,
        publisher=publisher,
        policy=load_policy(),
        redact=redact,
        clock=lambda: NOW,
    )
    return handler, landing, recordings, publisher


async def test_failed_verification_stores_nothing_and_keeps_raw_audio() -> None:
    handler, landing, recordings, publisher = _handler(_result(passed=False))
    with pytest.raises(QuarantinedError):
        await handler.handle(_call())
    assert not recordings.objects and "k-1.wav" in landing.objects
    assert [a.action for a in publisher.audits] == ["quarantined"] and not publisher.flags


async def test_stored_call_deletes_raw_audio_and_publishes_flags() -> None:
    handler, landing, recordings, publisher = _handler(_result(passed=True))
    await handler.handle(_call())
    assert not landing.objects
    assert {k.rsplit("/", 1)[1] for k in recordings.objects} == {
        "audio.wav",
        "manifest.json",
        "transcript.json",
    }
    [flag] = publisher.flags
    assert flag.location.model_dump() == {"start_s": 0.2, "end_s": 0.5} and flag.excerpt == "asthma"
    _, retention = next(iter(recordings.objects.values()))
    assert retention.caller_number == "+441636650000"
    stored = {key.rsplit("/", 1)[1]: document for key, (document, _) in recordings.objects.items()}
    assert CallTranscript.from_document(stored["transcript.json"]).team == "customer_services"
    assert CallManifest.from_document(stored["manifest.json"]).captured_at == _call().started_at


async def test_replay_after_clean_up_is_a_no_op() -> None:
    handler, _, _, publisher = _handler(_result(passed=True))
    await handler.handle(_call())
    await handler.handle(_call())  # raw audio gone, manifest present
    assert len(publisher.audits) == 1


async def test_unrecorded_team_deletes_raw_audio_without_redacting() -> None:
    handler, landing, recordings, publisher = _handler(_result(passed=True))
    await handler.handle(_call(team="planning"))
    assert not landing.objects and not recordings.objects
    assert [a.action for a in publisher.audits] == ["dropped"]


async def test_time_budget_grows_with_the_call_length() -> None:
    handler, _, _, _ = _handler(_result(passed=True))
    budgets.clear()
    await handler.handle(_call())  # a ten-minute call
    assert budgets == [handler.timeout_s + handler.timeout_per_audio_second * 600]


async def test_flag_excerpt_gets_the_payment_pass() -> None:
    """Words the audio pass kept but the payment detector calls card data stay out."""
    result = _result(passed=True)
    spoken = "my security code is seven three one I have asthma".split()
    words = [{"word": w, "start": 0.1 * i, "end": 0.1 * i + 0.05} for i, w in enumerate(spoken)]
    result.manifest["transcript"]["words"] = words
    result.manifest["flags"][0] |= {"start": words[-1]["start"], "end": words[-1]["end"]}
    handler, _, _, publisher = _handler(result)
    handler.find_payment = default_engine().payment_redactions
    await handler.handle(_call())
    [flag] = publisher.flags
    assert "asthma" in flag.excerpt and "[REDACTED]" in flag.excerpt
    assert "seven three one" not in flag.excerpt


@pytest.mark.parametrize("team", ["planning", "customer_services"])
async def test_raw_audio_stays_until_the_results_are_acked(team: str) -> None:
    """The broker refuses the audit record (the worker would crash here): the raw audio must
    still be in landing, so the redelivered event can recreate every result and receipt."""
    handler, landing, _, publisher = _handler(_result(passed=True))

    async def refused(event: Any) -> None:
        raise ConnectionError("broker gone")

    publisher.audit = refused  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        await handler.handle(_call(team=team))
    assert "k-1.wav" in landing.objects
