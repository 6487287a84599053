"""Prometheus metrics, in base units with ``_total`` counters (served at /metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

CHAT_EVENTS = Counter(
    "ringfence_chat_events_total", "Chat events processed, by outcome", ["outcome"]
)
CALLS = Counter("ringfence_calls_total", "Call recordings processed, by outcome", ["outcome"])
REDACTIONS = Counter("ringfence_redactions_total", "Payment-data items removed", ["kind", "source"])
FLAGS = Counter("ringfence_flags_total", "Special-category flags published", ["category", "source"])
DEAD_LETTERS = Counter(
    "ringfence_dead_letters_total", "Events sent to the dead-letter topic", ["topic", "reason"]
)
PROCESSING_SECONDS = Histogram(
    "ringfence_processing_duration_seconds", "Time to process one event", ["topic"]
)
CONSUMER_LAG = Gauge(
    "ringfence_consumer_lag_messages", "Messages not yet processed", ["topic", "partition"]
)
GAPS_REPAIRED = Counter(
    "ringfence_stream_gaps_repaired_total",
    "Records the stream skipped that were read directly from Kafka",
    ["topic"],
)
REPEATS_SKIPPED = Counter(
    "ringfence_stream_repeats_skipped_total",
    "Records delivered again after being processed, not processed twice",
    ["topic"],
)
SWEEP_FAILURES = Counter(
    "ringfence_sweep_failures_total",
    "Idle-chat sweep problems (an unreadable session, a close that could not be sent)",
    ["stage"],
)
