"""Which recognizers the text engine runs, and how far each looks (``data/recognizers.yaml``).

Presidio's recognizer-registry file in spirit: one entry per recognizer, by the name its
detections carry (``payment_card``, ``lexicon.health``), with ``enabled`` and its tunables.
Every recognizer must be listed, so nothing is turned off by leaving it out or misspelling
it; the order of the entries does not matter (recognizers are pure, see ``artifacts.py``).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    NonNegativeInt,
    Tag,
    ValidationError,
    model_validator,
)

from ringfence.errors import ConfigurationError
from ringfence.redaction.data_files import first_line, read_data_text
from ringfence.redaction.findings import CATEGORIES, Category

LEXICON_PREFIX = "lexicon."


class RecognizerConfigError(ConfigurationError):
    """The recognizers file is missing or invalid."""

    reason = "invalid_recognizers"


class _Recognizer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    enabled: bool = True


# Reaches are in characters of the message: how far from a number a cue may end (before)
# or start (after) and still speak for it.
class PaymentCardConfig(_Recognizer):
    name: Literal["payment_card"] = "payment_card"
    # A reference cue ("ref", "council tax", "account") this close before a number makes
    # it a reference, unless a card cue is nearer.
    reference_cue_before: NonNegativeInt = 40
    # A spoken 6+ digit fragment mid-sentence is card digits only after a card cue.
    card_cue_before: NonNegativeInt = 60
    # A typed 6+ digit fragment is card digits only after a card-number cue.
    card_number_cue_before: NonNegativeInt = 30


class CardDetailsConfig(_Recognizer):
    name: Literal["card_details"] = "card_details"
    # Security-code, expiry and reference cues ending this close before a number.
    cue_before: NonNegativeInt = 40
    security_code_cue_after: NonNegativeInt = 25
    expiry_cue_after: NonNegativeInt = 20
    # "MM.YY" is an expiry only after an expiry cue this close ("the 10.40 by card" is not).
    dotted_expiry_cue_before: NonNegativeInt = 20
    # An answer to an open question ("and the expiry?") starts this close to the start.
    answer_reach: NonNegativeInt = 40
    # Details read out with no cue follow the card number this closely.
    after_card_reach: NonNegativeInt = 100


class UkBankDetailsConfig(_Recognizer):
    name: Literal["uk_bank_details"] = "uk_bank_details"
    # Sort-code, account, bank and reference cues ending this close before a number.
    cue_before: NonNegativeInt = 40
    cue_after: NonNegativeInt = 20
    # An account number this close after a sort code needs no cue of its own.
    after_sort_code_reach: NonNegativeInt = 20


class IbanConfig(_Recognizer):
    name: Literal["iban"] = "iban"


class SpecialCategoryConfig(_Recognizer):
    """One special category's lexicon recognizer, ``lexicon.<category>``."""

    name: str
    # Hits at most this many words apart in one sentence are one mention, so one flag.
    mention_gap: NonNegativeInt = 3


def _kind(entry: Any) -> str | None:
    """Which model an entry is, by its name (special categories share one model)."""
    name = entry.get("name") if isinstance(entry, dict) else getattr(entry, "name", None)
    if isinstance(name, str) and name.startswith(LEXICON_PREFIX):
        return "lexicon"
    return name if isinstance(name, str) else None


_Entry = TypeVar("_Entry", bound=_Recognizer)
RecognizerEntry = Annotated[
    Annotated[PaymentCardConfig, Tag("payment_card")]
    | Annotated[CardDetailsConfig, Tag("card_details")]
    | Annotated[UkBankDetailsConfig, Tag("uk_bank_details")]
    | Annotated[IbanConfig, Tag("iban")]
    | Annotated[SpecialCategoryConfig, Tag("lexicon")],
    Discriminator(_kind),
]
PAYMENT_NAMES = ("payment_card", "card_details", "uk_bank_details", "iban")
KNOWN_NAMES = (*PAYMENT_NAMES, *(LEXICON_PREFIX + category for category in CATEGORIES))


class RecognizerConfig(BaseModel):
    """The whole file: every known recognizer exactly once."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Literal[1]
    recognizers: tuple[RecognizerEntry, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _known_names(cls, data: Any) -> Any:
        entries = data.get("recognizers") if isinstance(data, dict) else None
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            name = entry.get("name") if isinstance(entry, dict) else None
            if name not in KNOWN_NAMES:
                raise ValueError(
                    f"recognizers.{index}: unknown recognizer {name!r}"
                    f" (known: {', '.join(KNOWN_NAMES)})"
                )
        return data

    @model_validator(mode="after")
    def _each_recognizer_once(self) -> RecognizerConfig:
        counts = Counter(entry.name for entry in self.recognizers)
        if repeated := sorted(name for name, count in counts.items() if count > 1):
            raise ValueError(f"recognizers listed twice: {', '.join(repeated)}")
        if missing := [name for name in KNOWN_NAMES if name not in counts]:
            raise ValueError(
                f"recognizers missing: {', '.join(missing)} (turn one off with enabled: false)"
            )
        return self

    def enabled(self, name: str) -> bool:
        return self.entry(name).enabled

    def entry(self, name: str) -> RecognizerEntry:
        return next(entry for entry in self.recognizers if entry.name == name)

    def payment_card(self) -> PaymentCardConfig:
        return self._typed("payment_card", PaymentCardConfig)

    def card_details(self) -> CardDetailsConfig:
        return self._typed("card_details", CardDetailsConfig)

    def uk_bank_details(self) -> UkBankDetailsConfig:
        return self._typed("uk_bank_details", UkBankDetailsConfig)

    def special_category(self, category: Category) -> SpecialCategoryConfig:
        return self._typed(LEXICON_PREFIX + category, SpecialCategoryConfig)

    def _typed(self, name: str, model: type[_Entry]) -> _Entry:
        entry = self.entry(name)
        assert isinstance(entry, model)  # the discriminator chose the model by name
        return entry


def load_recognizer_config(path: Path | None = None) -> RecognizerConfig:
    """Load the packaged file, or ``path`` when given."""
    try:
        text = read_data_text("recognizers.yaml", path)
        return RecognizerConfig.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        where = path or "default"
        raise RecognizerConfigError(f"recognizers {where}: {_problem(error)}") from error


def _problem(error: Exception) -> str:
    """The first problem on one line: where in the file, and what."""
    if isinstance(error, ValidationError):
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        return f"not valid YAML ({error.problem} at line {error.problem_mark.line + 1})"
    return first_line(error)
