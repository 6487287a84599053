"""Builds the worker: shared clients and publisher, then each agent's wiring."""

from __future__ import annotations

import os
import signal
import warnings
from dataclasses import dataclass

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
    failures = FailureHandling(stop=fatal_stop(app), max_delay_s=settings.retry_max_delay_s)
    landing = LandingStore(client, storage.landing_bucket)
    wire_chats(app, settings, publisher, store, policy, guard, failures)
    wire_calls(app, settings, publisher, landing, store, policy, guard, failures)
    wire_web(app, settings)


@dataclass
class FatalStop:
    """Stops the worker on a fatal error the way Ctrl-C does, and remembers why.

    ``app.crash`` marks every Faust service crashed at once, the consumer's thread included,
    and the shutdown then hung committing through it (seen: "Consumer: Stopping..." for
    ever). A SIGTERM takes Faust's ordinary stop path instead; the CLI exits non-zero when
    ``error`` is set. In-flight events are not waited for: the one that stopped us is never
    acked, and unacked events are redelivered to the fixed worker.
    """

    app: faust.App
    error: BaseException | None = None

    async def __call__(self, error: BaseException) -> None:
        if self.error is not None:
            return
        self.error = error
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "configuration already used": read again at stop
            self.app.conf.stream_wait_empty = False
        os.kill(os.getpid(), signal.SIGTERM)


def fatal_stop(app: faust.App) -> FatalStop:
    """The app's one FatalStop (the agents' loop calls it, the CLI reads its error)."""
    existing = getattr(app, "_ringfence_fatal_stop", None)
    if isinstance(existing, FatalStop):
        return existing
    stop = FatalStop(app)
    app._ringfence_fatal_stop = stop  # type: ignore[attr-defined]
    return stop
