"""How people say and type payment data, loaded from ``data/payment_language.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ringfence.errors import ConfigurationError
from ringfence.redaction.data_files import first_line, read_data_text


class PaymentLanguageError(ConfigurationError):
    """The payment language file is missing or invalid."""

    reason = "invalid_payment_language"


class _Numbers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    digits: dict[str, str]
    weak_digits: dict[str, str]
    teens: dict[str, str]
    tens: dict[str, str]
    repeats: dict[str, int]
    fillers: list[str]


class _Cues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    payment: list[str]
    card_number: list[str]
    security_code: list[str]
    expiry: list[str]
    sort_code: list[str]
    account: list[str]
    bank: list[str]
    reference: list[str]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    numbers: _Numbers
    cues: _Cues


@dataclass(frozen=True, slots=True)
class PaymentLanguage:
    """Spoken number words, and the cue phrases of each kind."""

    numbers: _Numbers
    cues: dict[str, tuple[str, ...]]


def load_payment_language(path: Path | None = None) -> PaymentLanguage:
    """Load the packaged file, or ``path`` when given."""
    try:
        text = read_data_text("payment_language.yaml", path)
        parsed = _File.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise PaymentLanguageError(
            f"payment language {path or 'default'}: {first_line(error)}"
        ) from error
    cues = {kind: tuple(phrases) for kind, phrases in parsed.cues.model_dump().items()}
    return PaymentLanguage(numbers=parsed.numbers, cues=cues)
