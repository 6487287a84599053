"""The base of every JSON document Ringfence writes outside a topic: stored objects and the
chat table's state (its changelog is a topic too).

Each document names its shape in a ``schema`` field, ``ringfence.<channel>.<document>.v<N>``
like the topic names. Additive changes (a new optional field) keep the version; anything else
is a new version, and readers keep accepting the versions they know. A document written before
the field existed is version 1: the field defaults to it, so old state still reads.

Validation errors name the field and the problem, never the value: these documents hold
redacted text, and the habit is what keeps card data out of logs and dead letters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, PlainSerializer, ValidationError

from ringfence.errors import InvalidInputError

# Written as ``datetime.isoformat()`` ("+00:00"), as the documents always were; pydantic's own
# JSON form would turn UTC into "Z" and change every stored timestamp's text.
IsoDatetime = Annotated[
    AwareDatetime, PlainSerializer(datetime.isoformat, return_type=str, when_used="json")
]


class DocumentPart(BaseModel):
    """A nested object of a document: exactly these fields, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Document(DocumentPart):
    """A whole document. Subclasses declare ``schema_id`` as a Literal with that value as its
    default and the alias ``schema`` (the name itself would shadow a BaseModel attribute)."""

    @classmethod
    def schema_name(cls) -> str:
        field = cls.model_fields.get("schema_id")
        return str(field.default) if field is not None else cls.__name__

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> Self:
        """Validate a parsed document; ``InvalidInputError`` (one line, no content) if bad."""
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise InvalidInputError(describe_invalid(cls.schema_name(), error)) from None

    @classmethod
    def from_json(cls, raw: str | bytes) -> Self:
        """Parse and validate JSON text; errors as in ``from_document``."""
        try:
            return cls.model_validate_json(raw)
        except ValidationError as error:
            raise InvalidInputError(describe_invalid(cls.schema_name(), error)) from None

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data, ``schema`` included, ready for ``json.dumps``."""
        return self.model_dump(mode="json", by_alias=True)


def describe_invalid(what: str, error: ValidationError) -> str:
    """``invalid <what> at <field>: <problem>``, for the first problem only."""
    problems = error.errors(include_input=False, include_url=False, include_context=False)
    first = problems[0]
    where = ".".join(_safe_part(part) for part in first["loc"]) or "document"
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    message = " ".join(str(first["msg"]).split())  # one line, whatever the validator said
    return f"invalid {what} at {where}: {message}{more}"


def _safe_part(part: str | int) -> str:
    # A location may be an unknown key taken from the document itself: no digits from it.
    return str(part) if isinstance(part, int) else re.sub(r"\d", "#", part)
