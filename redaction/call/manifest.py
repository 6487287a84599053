"""The manifest stored next to a redacted call (contracts.md section 1), built as its model."""

from __future__ import annotations

from collections.abc import Sequence

from ringfence.redaction.call.documents import (
    CallFlag,
    CallManifest,
    ManifestTranscript,
    RemovedSpan,
    TranscriptWord,
    VerificationCheck,
    VerificationReport,
)
from ringfence.redaction.call.timeline import REASON_ORDER, Span
from ringfence.redaction.call.transcript import TimedFlag, Word
from ringfence.redaction.call.verification import Verification


def _seconds(value: float) -> float:
    return round(value, 3)


def build_manifest(
    call_id: str,
    duration_s: float,
    removed: Sequence[Span],
    kept_words: Sequence[Word],
    transcript_source: str,
    flags: Sequence[TimedFlag],
    verification: Verification,
) -> CallManifest:
    """``removed`` spans say why (``reason``, and every signal behind it in ``reasons``)."""
    return CallManifest(
        call_id=call_id,
        duration_s=_seconds(duration_s),
        removed=[_removed(span) for span in removed],
        transcript=ManifestTranscript(
            source=transcript_source,
            words=[
                TranscriptWord(word=word.word, start=_seconds(word.start), end=_seconds(word.end))
                for word in kept_words
            ],
        ),
        flags=[_flag(flag) for flag in flags],
        verification=_report(verification),
    )


def _removed(span: Span) -> RemovedSpan:
    return RemovedSpan(
        start=_seconds(span.start),
        end=_seconds(span.end),
        reason=span.reason,
        reasons=[reason for reason in REASON_ORDER if reason in span.reasons],
    )


def _flag(flag: TimedFlag) -> CallFlag:
    return CallFlag(
        start=_seconds(flag.start),
        end=_seconds(flag.end),
        category=flag.category,
        confidence=round(flag.confidence, 3),
        detector=flag.detector,
    )


def _report(verification: Verification) -> VerificationReport:
    return VerificationReport(
        passed=verification.passed,
        checks=[
            VerificationCheck(name=check.name, passed=check.passed, detail=check.detail)
            for check in verification.checks
        ],
    )
