"""Builds the worker: shared clients and publisher, then each agent's wiring."""

from __future__ import annotations

import faust

from redaction.policy import load_policy
from storage.client import make_client
from storage.landing import LandingStore
from storage.recordings import RecordingStore
from storage.settings import StorageSettings
from streams import topics
from streams.agent_support import new_gap_guard
from streams.call_agent import wire_calls
from streams.chat_agent import wire_chats
from streams.kafka_publisher import KafkaPublisher
from streams.settings import StreamSettings
from streams.web import wire_web


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
    wire_chats(app, settings, publisher, store, policy, guard)
    wire_calls(
        app, settings, publisher, LandingStore(client, storage.landing_bucket), store, policy, guard
    )
    wire_web(app, settings)
