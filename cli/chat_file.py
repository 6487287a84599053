"""Reading the chat JSON Lines file of ``ringfence redact-chat``.

Every problem is reported as one line naming the file and line number. Messages never
quote the input: a malformed line may hold card data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ringfence.errors import InvalidInputError


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    seq: int
    sender: str
    text: str
    sent_at: datetime | None = None


class ChatIn(BaseModel):
    """One input line. Unknown extra fields are ignored (forward compatibility)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    chat_id: str = Field(min_length=1)
    team: str
    messages: list[ChatMessageIn]

    def started_at(self) -> datetime | None:
        """When the chat started: ``sent_at`` of its first message by ``seq``."""
        ordered = sorted(self.messages, key=lambda message: message.seq)
        return ordered[0].sent_at if ordered else None


def read_chats(data: bytes, name: str) -> Iterator[tuple[int, ChatIn]]:
    """Parse every non-blank line of ``data``; (line number, chat) pairs in file order."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.strip():
            yield number, parse_line(raw, f"{name} line {number}")


def parse_line(raw: bytes, where: str) -> ChatIn:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            f"{where}: not valid UTF-8 (bad byte at column {error.start + 1})"
        ) from None
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidInputError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(value, dict):
        raise InvalidInputError(f"{where}: expected a JSON object, got {type(value).__name__}")
    try:
        return ChatIn.model_validate(value)
    except ValidationError as error:
        raise InvalidInputError(f"{where}: {_first_problem(error)}") from None


def _first_problem(error: ValidationError) -> str:
    """The first validation problem, by field path, without echoing the input value."""
    problem = error.errors(include_input=False, include_url=False)[0]
    path = ".".join(str(part) for part in problem["loc"]) or "line"
    return f"{path}: {problem['msg']}"
