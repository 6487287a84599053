"""Root of Ringfence's exceptions.

Every error carries its handling policy as data: ``retriable`` says whether trying the same
input again may succeed (a broker or store hiccup) or never will (bad input). Stream code
asks the error, it never matches class names: retriable errors are retried, the rest go to
the dead-letter topic with ``reason``.
"""

from __future__ import annotations


class RingfenceError(Exception):
    """Base class for every error Ringfence raises on purpose."""

    retriable: bool = False
    reason: str = "error"


class InvalidInputError(RingfenceError):
    """The input can never be processed as given (malformed JSON, inconsistent spans...)."""

    reason = "invalid_input"


class PolicyError(RingfenceError):
    """The policy file is missing or invalid."""

    reason = "invalid_policy"
