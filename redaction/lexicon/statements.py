"""Agent sentences that are nobody's data: yes/no questions and statements of the rules.

The labelling rules Ringfence is measured against say an agent's generic statements
("Someone on remand can usually get housing benefit") and questions ("Have you had any
falls?") are not special-category data, while an agent referring to a person's data
("your son's asthma") is. The words are data (``data/agent_statements.yaml``).
"""

from __future__ import annotations

import bisect
import re
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from redaction.lexicon.tokens import WordTokens

_SENTENCE_END = re.compile(r"[.!?\n]+")


class AgentStatements(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    version: int = 1
    question_openers: frozenset[str]
    generic_markers: tuple[str, ...]

    @classmethod
    def load(cls, path: Path | None = None) -> AgentStatements:
        if path is None:
            source = resources.files("redaction").joinpath("data/agent_statements.yaml")
            return cls.model_validate(yaml.safe_load(source.read_text("utf-8")))
        return cls.model_validate(yaml.safe_load(Path(path).read_text("utf-8")))

    def nobodys_data(self, text: str, tokens: WordTokens, start: int) -> bool:
        """The sentence holding offset ``start`` is a yes/no question or a generic rule."""
        first, last = _sentence_tokens(text, tokens, start)
        if first > last:
            return False
        end = tokens.ends[last]
        closing = _SENTENCE_END.match(text, end)
        if closing and "?" in closing.group() and tokens.lowers[first] in self.question_openers:
            return True
        words = " " + " ".join(tokens.lowers[first : last + 1]) + " "
        return any(f" {marker} " in words for marker in self.generic_markers)


def _sentence_tokens(text: str, tokens: WordTokens, start: int) -> tuple[int, int]:
    """First and last token index of the sentence around offset ``start``."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    following = _SENTENCE_END.search(text, start)
    sentence_end = following.start() if following else len(text)
    first = bisect.bisect_left(tokens.starts, sentence_start)
    last = bisect.bisect_left(tokens.starts, sentence_end) - 1
    return first, last
