"""Root of Ringfence's exceptions: one error model for the workers and the command line.

Every error carries its handling policy as data, and code asks the error instead of matching
class names:

- ``retriable``: trying the same input again may succeed (a broker or store hiccup), so the
  worker retries with backoff and nothing is lost.
- ``fatal``: no input can succeed until an operator fixes the deployment (a bad policy or
  lexicon file, a missing spaCy model or ffmpeg, an unloadable speech-to-text engine, a
  broken process pool). The worker stops with one clear log line instead of dead-lettering
  every event that follows.
- neither: this input can never be processed as given; it goes to the dead-letter topic with
  ``reason`` and the worker carries on.

At the command line a Ringfence error is one line on stderr and exit 2 (bad input or
configuration); ``ringfence.cli.service_errors`` covers unreachable services (exit 3).
"""

from __future__ import annotations


class RingfenceError(Exception):
    """Base class for every error Ringfence raises on purpose."""

    retriable: bool = False
    fatal: bool = False
    reason: str = "error"


class InvalidInputError(RingfenceError):
    """The input can never be processed as given (malformed JSON, inconsistent spans...)."""

    reason = "invalid_input"


class ConfigurationError(RingfenceError):
    """The deployment is wrong: every event would fail the same way until it is fixed."""

    fatal = True
    reason = "configuration_error"


class PolicyError(ConfigurationError):
    """The policy file is missing or invalid."""

    reason = "invalid_policy"


def is_retriable(error: BaseException) -> bool:
    """Ringfence's flag, or a third-party error's own ``retriable`` (aiokafka sets one)."""
    return getattr(error, "retriable", False) is True


def is_fatal(error: BaseException) -> bool:
    return isinstance(error, RingfenceError) and error.fatal
