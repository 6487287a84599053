"""Turn raw topic bytes into models, with error messages that never echo the content.

The raw event may hold card data, and error details travel to the dead-letter topic and
to logs, so they name the problem and the field, never the value.
"""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ringfence.errors import InvalidInputError

ModelT = TypeVar("ModelT", bound=BaseModel)


def describe_validation_error(error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_input=False, include_url=False, include_context=False):
        where = ".".join(str(part) for part in item["loc"]) or "event"
        problems.append(f"{where}: {item['msg']}")
    return "; ".join(problems)


def decode_event(model: type[ModelT], raw: bytes | None) -> ModelT:
    """Parse ``raw`` JSON into ``model`` or raise ``InvalidInputError`` with a safe detail."""
    if raw is None:
        raise InvalidInputError("empty event (no value)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInputError(f"not valid UTF-8 at byte {error.start}") from None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInputError(f"not valid JSON: {error.msg} at char {error.pos}") from None
    if not isinstance(payload, dict):
        raise InvalidInputError("event is not a JSON object")
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        raise InvalidInputError(describe_validation_error(error)) from None
