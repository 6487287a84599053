"""What detectors find. Offsets are character offsets into the ORIGINAL text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

RedactionKind = Literal[
    "payment_card",
    "card_security_code",
    "card_expiry",
    "bank_account",
    "sort_code",
    "iban",
]

Category = Literal[
    "health",
    "religion",
    "ethnicity",
    "criminal",
    "sexual_orientation",
    "political",
    "trade_union",
    "genetic",
    "biometric",
]

CATEGORIES: tuple[Category, ...] = get_args(Category)


@dataclass(frozen=True, slots=True)
class Redaction:
    """A span of payment data to remove: ``text[start:end]``."""

    start: int
    end: int
    kind: RedactionKind


@dataclass(frozen=True, slots=True)
class Flag:
    """A special-category mention for compliance officers to review."""

    start: int
    end: int
    category: Category
    confidence: float
    detector: str
