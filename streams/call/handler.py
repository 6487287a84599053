"""Call-recorded events in; redacted audio, transcript and manifest stored; flags out.

Fail closed: a call whose input is inconsistent or whose redaction fails verification is
never stored. It is quarantined (audit event, then dead letter with the reason) and its raw
audio stays in the landing bucket for a person to deal with. Only after the redacted copy
is stored is the raw audio deleted.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ringfence.errors import InvalidInputError, RingfenceError
from ringfence.redaction.call.documents import CallManifest, CallTranscript
from ringfence.redaction.call.redact import CallRedaction
from ringfence.redaction.excerpt import PaymentFinder, excerpt
from ringfence.redaction.findings import Redaction
from ringfence.redaction.policy import Policy
from ringfence.storage.errors import ObjectMissingError
from ringfence.storage.layout import call_object_key
from ringfence.storage.retention.metadata import RetentionMetadata
from ringfence.streams.ids import stable_id
from ringfence.streams.models import AudioLocation, AuditEvent, CallRecorded, ComplianceFlag
from ringfence.streams.ops import metrics
from ringfence.streams.publisher import Publisher

log = logging.getLogger("ringfence.call")
# (audio, metadata JSON, recorded teams, time budget in seconds) -> the redaction
Redactor = Callable[[bytes, str, frozenset[str], float], Awaitable[CallRedaction]]
_EXCERPT_CONTEXT_S = 5.0


class QuarantinedError(RingfenceError):
    """The call's redaction failed verification: it must not be stored."""

    reason = "verification_failed"


class Landing(Protocol):
    def get_bytes(self, bucket: str, key: str, max_bytes: int | None = None) -> bytes: ...
    def delete(self, bucket: str, key: str) -> None: ...


class Recordings(Protocol):
    def put_bytes(
        self, key: str, data: bytes, content_type: str, retention: RetentionMetadata
    ) -> None: ...
    def put_json(
        self, key: str, document: dict[str, Any], retention: RetentionMetadata
    ) -> None: ...
    def exists(self, key: str) -> bool: ...


@dataclass
class CallHandler:
    landing: Landing
    recordings: Recordings
    publisher: Publisher
    policy: Policy
    redact: Redactor
    clock: Callable[[], datetime]
    # Budget per call: a base plus a multiple of its length (speech-to-text, when a call
    # comes without a transcript, runs at a few times real time on one core).
    timeout_s: float = 600.0
    timeout_per_audio_second: float = 2.0
    # Larger landing objects are refused unread (the pool checks the same limit again).
    max_audio_bytes: int | None = None
    # Run over each flag's excerpt: a spoken card number the audio pass missed stays out.
    find_payment: PaymentFinder | None = None

    async def handle(self, call: CallRecorded) -> None:
        decision = self.policy.decide("call", call.team, call.started_at)
        if not decision.recorded:
            # The receipt is acked before the deletion it records (a crash in between
            # replays the event: the same audit_id again, then the delete).
            await self._audit(call, "dropped", decision.reason or "")
            await asyncio.to_thread(self.landing.delete, call.audio.bucket, call.audio.key)
            metrics.CALLS.labels(outcome="dropped").inc()
            return
        manifest_key = self._key(call, "manifest.json")
        try:
            audio = await asyncio.to_thread(
                self.landing.get_bytes, call.audio.bucket, call.audio.key, self.max_audio_bytes
            )
        except ObjectMissingError:
            if await asyncio.to_thread(self.recordings.exists, manifest_key):
                return  # a replay of a call already stored and cleaned up
            raise
        result = await self._redact(call, audio)
        # Results durable first (objects stored, flags and audit acked by the broker), then
        # the raw audio goes, then the offset: a crash anywhere replays to the same results.
        keys = await self._store(call, result)
        await self._publish_flags(call, result.manifest)
        await self._audit(call, "stored", "redacted", keys)
        await asyncio.to_thread(self.landing.delete, call.audio.bucket, call.audio.key)
        metrics.CALLS.labels(outcome="stored").inc()
        for item in result.manifest["removed"]:
            metrics.REDACTIONS.labels(kind=item["reason"], source="call").inc()
        log.info(
            "call stored",
            extra={
                "call_id": call.call_id,
                "team": call.team,
                "removed": len(result.manifest["removed"]),
                "flags": len(result.manifest["flags"]),
            },
        )

    async def _redact(self, call: CallRecorded, audio: bytes) -> CallRedaction:
        teams = self.policy.recorded_teams("call")
        try:
            result = await self.redact(audio, _meta_json(call), teams, self._budget(call))
        except (InvalidInputError, TimeoutError) as error:
            await self._audit(call, "quarantined", getattr(error, "reason", "processing_timeout"))
            metrics.CALLS.labels(outcome="quarantined").inc()
            raise
        if not result.passed:
            await self._audit(call, "quarantined", QuarantinedError.reason)
            metrics.CALLS.labels(outcome="quarantined").inc()
            raise QuarantinedError("redacted call failed verification; raw audio kept in landing")
        return result

    async def _store(self, call: CallRecorded, result: CallRedaction) -> list[str]:
        categories = tuple(sorted({flag["category"] for flag in result.manifest["flags"]}))
        retention = RetentionMetadata(
            source_id=call.call_id,
            channel="call",
            team=call.team,
            captured_at=call.started_at,
            retain_until=self.policy.retain_until(call.started_at),
            categories=categories,
            caller_number=call.caller_number or None,
        )
        audio_key, manifest_key = self._key(call, "audio.wav"), self._key(call, "manifest.json")
        transcript_key = self._key(call, "transcript.json")
        transcript, manifest = _stored_documents(call, result.manifest, retention.retain_until)
        await asyncio.to_thread(
            self.recordings.put_bytes, audio_key, result.audio_wav, "audio/wav", retention
        )
        await asyncio.to_thread(
            self.recordings.put_json, transcript_key, transcript.to_document(), retention
        )
        # The manifest goes last: its presence means the whole call is stored.
        await asyncio.to_thread(
            self.recordings.put_json, manifest_key, manifest.to_document(), retention
        )
        return [audio_key, transcript_key, manifest_key]

    async def _publish_flags(self, call: CallRecorded, manifest: dict[str, Any]) -> None:
        words = manifest["transcript"]["words"]
        # Once per call, over the whole transcript: a cue minutes before a flag still counts.
        payment = self.find_payment(_joined(words)) if self.find_payment and words else []
        for found in manifest["flags"]:
            flag = ComplianceFlag(
                flag_id=stable_id(
                    "call", call.call_id, found["start"], found["end"], found["category"]
                ),
                source="call",
                source_id=call.call_id,
                team=call.team,
                category=found["category"],
                confidence=found["confidence"],
                detector=found.get("detector", "text_engine"),
                location=AudioLocation(start_s=found["start"], end_s=found["end"]),
                excerpt=_words_excerpt(
                    words, found["start"], found["end"], self.find_payment, payment
                ),
                detected_at=self.clock(),
            )
            await self.publisher.flag(flag)
            metrics.FLAGS.labels(category=flag.category, source="call").inc()

    async def _audit(
        self, call: CallRecorded, action: str, reason: str, keys: list[str] | None = None
    ) -> None:
        await self.publisher.audit(
            AuditEvent.model_validate(
                {
                    "audit_id": stable_id("call", call.call_id, action),
                    "source": "call",
                    "source_id": call.call_id,
                    "team": call.team,
                    "action": action,
                    "reason": reason,
                    "object_keys": keys or [],
                    "at": self.clock(),
                }
            )
        )

    def _budget(self, call: CallRecorded) -> float:
        length = (call.ended_at - call.started_at).total_seconds() if call.ended_at else 0.0
        return self.timeout_s + self.timeout_per_audio_second * max(length, 0.0)

    @staticmethod
    def _key(call: CallRecorded, name: str) -> str:
        return call_object_key(call.team, call.call_id, call.started_at, name)


def _stored_documents(
    call: CallRecorded, redacted: dict[str, Any], retain_until: datetime
) -> tuple[CallTranscript, CallManifest]:
    """The stored transcript, and the manifest with what only the worker knows."""
    manifest = CallManifest.from_document(redacted).model_copy(
        update={
            "team": call.team,
            "caller_number": call.caller_number,
            "captured_at": call.started_at,
            "retain_until": retain_until,
        }
    )
    transcript = CallTranscript(
        call_id=call.call_id,
        team=call.team,
        caller_number=call.caller_number,
        source=manifest.transcript.source,
        words=manifest.transcript.words,
    )
    return transcript, manifest


def _meta_json(call: CallRecorded) -> str:
    return json.dumps(
        {
            "call_id": call.call_id,
            "team": call.team,
            "direction": call.direction,
            "caller_number": call.caller_number,
            "started_at": call.started_at.isoformat(),
            "events": call.events,
            "transcript": call.transcript,
        }
    )


def _words_excerpt(
    words: list[dict[str, Any]],
    start_s: float,
    end_s: float,
    find_payment: PaymentFinder | None,
    found: Sequence[Redaction],
) -> str:
    """The (already redacted) words around a flag; payment data found in the whole
    transcript (``found``, offsets into the words joined by spaces) and in the excerpt
    itself masked, and long digit runs too."""
    nearby = [
        index
        for index, w in enumerate(words)
        if w["end"] >= start_s - _EXCERPT_CONTEXT_S and w["start"] <= end_s + _EXCERPT_CONTEXT_S
    ]
    if not nearby:
        return ""
    text = _joined(words)
    low = len(_joined(words[: nearby[0]])) + (1 if nearby[0] else 0)
    high = len(_joined(words[: nearby[-1] + 1]))
    return excerpt(text, found, low, high, width=0, find_payment=find_payment)


def _joined(words: list[dict[str, Any]]) -> str:
    return " ".join(w["word"] for w in words)
