"""The agent loop carries out the error policy: retry, dead-letter and carry on, or stop."""

from __future__ import annotations

import pytest
from aiokafka.errors import KafkaConnectionError, UnsupportedVersionError

from ringfence.errors import ConfigurationError, InvalidInputError, PolicyError
from ringfence.redaction.call.asr.registry import AsrConfigurationError
from ringfence.redaction.call.audio.decode import AudioToolMissingError
from ringfence.redaction.text.components import SpacyModelError
from ringfence.redaction.text.lexicon.model import LexiconError
from ringfence.redaction.text.payment.payment_language import PaymentLanguageError
from ringfence.storage.errors import StorageUnavailableError
from ringfence.streams.agent_loop import FailureHandling, WorkerStopped, run_guarded
from ringfence.streams.call.process_pool import CallPoolBrokenError
from ringfence.streams.error_policy import Decision, default_error_policy
from ringfence.streams.raw_event import RawEvent
from tests.unit.streams.fakes import ListPublisher

EVENT = RawEvent("ringfence.chat.events.v1", 1, 7, b"c-1", b"{}")


async def _no_sleep(_: float) -> None:
    return None


class Failing:
    """A processing step that raises the given errors in turn, then succeeds."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self, event: RawEvent) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


class Stops:
    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    async def __call__(self, error: BaseException) -> None:
        self.errors.append(error)


def handling(stop: Stops, **overrides: object) -> FailureHandling:
    return FailureHandling(stop=stop, sleep=_no_sleep, **overrides)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error",
    [
        PolicyError("policy file x: bad"),
        LexiconError("lexicon x: bad"),
        PaymentLanguageError("payment language x: bad"),
        SpacyModelError("spaCy model 'en_x' is not installed"),
        AsrConfigurationError("speech-to-text engine 'x' cannot be loaded"),
        AudioToolMissingError("ffmpeg is not installed"),
        CallPoolBrokenError("the call redaction process pool is broken"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_configuration_errors_stop_the_worker(error: ConfigurationError) -> None:
    """No later event can succeed on a broken deployment, so the default policy stops."""
    assert default_error_policy(error) is Decision.STOP


@pytest.mark.parametrize(
    ("error", "decision"),
    [
        (StorageUnavailableError("store down"), Decision.RETRY),
        (KafkaConnectionError(), Decision.RETRY),  # aiokafka's own retriable = True
        (UnsupportedVersionError(), Decision.DEAD_LETTER),  # aiokafka's retriable = False
        (InvalidInputError("bad event"), Decision.DEAD_LETTER),
        (ValueError("anything else"), Decision.DEAD_LETTER),
    ],
    ids=lambda value: type(value).__name__,
)
def test_default_policy_asks_the_error(error: BaseException, decision: Decision) -> None:
    """Ringfence's flags and a third-party error's own ``retriable`` decide, not its class."""
    assert default_error_policy(error) is decision


async def test_retriable_failure_is_retried_and_not_dead_lettered() -> None:
    publisher, stop = ListPublisher(), Stops()
    process = Failing(StorageUnavailableError("down"), StorageUnavailableError("down"))
    await run_guarded(EVENT, publisher, process, handling(stop))
    assert process.calls == 3
    assert publisher.letters == [] and stop.errors == []


async def test_bad_input_is_dead_lettered_once_and_the_loop_carries_on() -> None:
    publisher, stop = ListPublisher(), Stops()
    process = Failing(InvalidInputError("not valid JSON"))
    await run_guarded(EVENT, publisher, process, handling(stop))
    assert process.calls == 1
    assert [(letter.reason, letter.offset) for letter in publisher.letters] == [
        ("invalid_input", 7)
    ]
    assert stop.errors == []


async def test_fatal_error_stops_without_dead_letter() -> None:
    """The event is not dead-lettered (it is fine) and the loop raises, so it is not acked."""
    publisher, stop = ListPublisher(), Stops()
    error = SpacyModelError("spaCy model 'en_x' is not installed")
    with pytest.raises(WorkerStopped):
        await run_guarded(EVENT, publisher, Failing(error), handling(stop))
    assert stop.errors == [error]
    assert publisher.letters == []


async def test_injected_policy_is_obeyed() -> None:
    """A deployment may choose its own policy, e.g. stop on anything unexpected."""

    def strict(error: BaseException) -> Decision:
        return Decision.DEAD_LETTER if isinstance(error, InvalidInputError) else Decision.STOP

    publisher, stop = ListPublisher(), Stops()
    with pytest.raises(WorkerStopped):
        await run_guarded(EVENT, publisher, Failing(KeyError("x")), handling(stop, policy=strict))
    assert len(stop.errors) == 1 and publisher.letters == []


async def test_fatal_stop_logs_one_clear_line(caplog: pytest.LogCaptureFixture) -> None:
    publisher, stop = ListPublisher(), Stops()
    with pytest.raises(WorkerStopped):
        await run_guarded(
            EVENT,
            publisher,
            Failing(AudioToolMissingError("ffmpeg is not installed")),
            handling(stop),
        )
    critical = [record for record in caplog.records if record.levelname == "CRITICAL"]
    assert [record.getMessage() for record in critical] == [
        "worker stopping: ffmpeg is not installed"
    ]
