"""Builds the worker: shared clients and publisher, then each agent's wiring."""

from __future__ import annotations

import faust

from ringfence.redaction.policy import load_policy
from ringfence.storage.client import make_client
from ringfence.storage.landing import LandingStore
from ringfence.storage.recordings import RecordingStore
from ringfence.storage.settings import StorageSettings
from ringfence.streams import topics
from ringfence.streams.agent_loop import FailureHandling, new_gap_guard
from ringfence.streams.call.agent import wire_calls
from ringfence.streams.chat.agent import wire_chats
from ringfence.streams.kafka.kafka_publisher import KafkaPublisher
from ringfence.streams.ops.web import wire_web
from ringfence.streams.settings import StreamSettings


def wire(app: faust.App, settings: StreamSettings) -> None:
    storage = StorageSettings()
    client = make_client(storage)
    store = RecordingStore(client, storage.recordings_bucket)
    policy = load_policy(settings.policy_file)
    publisher = KafkaPublisher(
        app.topic(topics.COMPLIANCE_FLAGS, internal=False),
        app.topic(topics.AUDIT, internal=False),
        app.topic(topics.DEADLETTER, internal=False),
    )
    guard = new_gap_guard(app, settings.kafka_bootstrap_servers)
    failures = FailureHandling(stop=app.crash, max_delay_s=settings.retry_max_delay_s)
    landing = LandingStore(client, storage.landing_bucket)
    wire_chats(app, settings, publisher, store, policy, guard, failures)
    wire_calls(app, settings, publisher, landing, store, policy, guard, failures)
    wire_web(app, settings)
