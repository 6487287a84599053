"""Payment windows: every payment signal of a call merged into one timeline of removals.

Signals are the platform's ``payment_start``/``payment_end`` events, DTMF key presses and card
or bank data spoken in the transcript. Findings close together in a call that is taking a
payment become one window (a card read in chunks, with chatter between, is one window), and
each window is widened out to the surrounding pauses plus a safety margin.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ringfence.redaction.call.audio.dtmf import DtmfTone
from ringfence.redaction.call.audio.settings import AudioSettings
from ringfence.redaction.call.metadata import CallEvent
from ringfence.redaction.call.spoken_digits import digit_runs
from ringfence.redaction.call.timeline import (
    RemovalReason,
    Span,
    clip_spans,
    merge_spans,
    widen_to_pauses,
)
from ringfence.redaction.call.transcript import JoinedTranscript, Word
from ringfence.redaction.findings import Redaction

_BANK_KINDS = frozenset({"bank_account", "sort_code", "iban"})
_SPOKEN_CARD: frozenset[RemovalReason] = frozenset({"spoken_card_data"})


def marker_spans(events: Iterable[CallEvent], duration_s: float) -> list[Span]:
    """Spans between ``payment_start`` and ``payment_end`` events.

    Fail closed: a start with no end runs to the end of the call, an end with no start runs
    from the beginning of the call.
    """
    spans, opened = [], None
    for event in sorted(events, key=lambda item: item.at):
        if event.kind == "payment_start" and opened is None:
            opened = event.at
        elif event.kind == "payment_end":
            spans.append(_marker(0.0 if opened is None else opened, event.at))
            opened = None
    if opened is not None:
        spans.append(_marker(opened, duration_s))
    return spans


def _marker(start: float, end: float) -> Span:
    return Span(start, end, frozenset({"payment_marker"}))


def transfer_cut(events: Iterable[CallEvent], recorded_teams: frozenset[str]) -> float | None:
    """When the call first goes to a team that is not recorded (None: it never does).

    A transfer that does not say where it goes counts as leaving the recorded teams.
    """
    leaving = [
        event.at
        for event in events
        if event.kind == "transfer" and event.to_team not in recorded_teams
    ]
    return min(leaving, default=None)


def dtmf_spans(tones: Iterable[DtmfTone]) -> list[Span]:
    return [Span(tone.start, tone.end, frozenset({"dtmf"})) for tone in tones]


def spoken_spans(joined: JoinedTranscript, redactions: Iterable[Redaction]) -> list[Span]:
    """Where the text engine's payment findings were spoken."""
    spans = []
    for item in redactions:
        seconds = joined.seconds(item.start, item.end)
        if seconds is not None:
            reason: RemovalReason = (
                "spoken_bank_details" if item.kind in _BANK_KINDS else "spoken_card_data"
            )
            spans.append(Span(*seconds, frozenset({reason})))
    return spans


def digit_run_spans(
    words: Sequence[Word], settings: AudioSettings, *, payment_context: bool
) -> list[Span]:
    """Spoken numbers of card length, whole or read in chunks.

    A run of ``card_min_digits`` digits always counts. In a call taking a payment, shorter runs
    close together (within ``merge_gap_s``) that add up to card length count too.
    """
    minimum = 2 if payment_context else settings.card_min_digits
    counted = [
        (Span(words[run.first].start, words[run.last].end, _SPOKEN_CARD), run.digits)
        for run in digit_runs([word.word for word in words])
        if run.digits >= minimum
    ]
    gap = settings.merge_gap_s if payment_context else 0.0
    clusters = merge_spans((span for span, _ in counted), gap)
    return [
        cluster
        for cluster in clusters
        if sum(digits for span, digits in counted if _inside(span, cluster))
        >= settings.card_min_digits
    ]


def _inside(span: Span, container: Span) -> bool:
    return container.start <= span.start and span.end <= container.end


def payment_windows(
    signals: Iterable[Span],
    pauses: Sequence[tuple[float, float]],
    duration_s: float,
    settings: AudioSettings,
    *,
    payment_context: bool,
) -> list[Span]:
    """Signals merged into windows, widened to pauses plus margin, inside the call."""
    gap = settings.merge_gap_s if payment_context else settings.merge_gap_without_context_s
    windows = [
        widen_to_pauses(span, pauses, settings.max_widen_s, settings.safety_margin_s)
        for span in merge_spans(signals, gap)
    ]
    return clip_spans(merge_spans(windows), 0.0, duration_s)
