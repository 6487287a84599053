"""META.json of a call (contracts.md section 1): events and an optional timed transcript."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ringfence.errors import InvalidInputError
from ringfence.redaction.call.transcript import Word


class CallEvent(BaseModel):
    """``payment_start``, ``payment_end`` or ``transfer`` (other kinds are carried, not used)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    at: float = Field(ge=0, allow_inf_nan=False)
    kind: str
    to_team: str | None = None


class TranscriptWord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    word: str
    start: float = Field(ge=0, allow_inf_nan=False)
    end: float = Field(ge=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _ends_after_start(self) -> TranscriptWord:
        if self.end < self.start:
            raise ValueError("word ends before it starts")
        return self


class Transcript(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    words: list[TranscriptWord] = Field(default_factory=list)

    def timed_words(self) -> list[Word]:
        """The words in time order, as the redaction code handles them."""
        ordered = sorted(self.words, key=lambda item: (item.start, item.end))
        return [Word(item.word, item.start, item.end) for item in ordered]


class CallMeta(BaseModel):
    """One call's metadata; unknown extra fields are ignored (forward compatibility)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    call_id: str = Field(min_length=1)
    team: str
    direction: str | None = None
    caller_number: str | None = None
    started_at: datetime | None = None
    events: list[CallEvent] = Field(default_factory=list)
    transcript: Transcript | None = None


def parse_call_meta(raw: str | bytes) -> CallMeta:
    """``CallMeta`` from JSON; one-line ``InvalidInputError`` that never echoes the content."""
    try:
        return CallMeta.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        raise InvalidInputError(f"invalid call metadata at {where}: {first['msg']}") from None
