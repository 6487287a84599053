"""Agent sentences that are nobody's data: yes/no questions and statements of the rules.

The labelling rules Ringfence is measured against say an agent's generic statements
("Someone on remand can usually get housing benefit") and questions ("Have you had any
falls?") are not special-category data, while an agent referring to a person's data
("your son's asthma", "sorry to hear about your stroke") is, even in a question or next
to a rule ("Is your son's asthma any better?"). The words are data
(``data/agent_statements.yaml``).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ringfence.redaction.data_files import read_data_text
from ringfence.redaction.text.tokens import WordTokens

_SENTENCE_END = re.compile(r"[.!?\n]+")


class AgentStatements(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    version: int = 1
    question_openers: frozenset[str]
    generic_markers: tuple[str, ...]
    owners: frozenset[str] = frozenset()
    hypothetical_markers: tuple[str, ...] = ()
    anonymous_people: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | None = None) -> AgentStatements:
        return cls.model_validate(yaml.safe_load(read_data_text("agent_statements.yaml", path)))

    def nobodys_data(self, text: str, tokens: WordTokens, start: int) -> bool:
        """The sentence holding offset ``start`` is a yes/no question or a generic rule,
        and the hit there is not someone's own ("your stroke", "your son's asthma")."""
        first, last = _sentence_tokens(text, tokens, start)
        hit = bisect.bisect_left(tokens.starts, start)
        if first > last or self._owned(tokens, hit):
            return False
        words = " " + " ".join(tokens.lowers[first : last + 1]) + " "
        if any(f" {marker} " in words for marker in self.hypothetical_markers):
            return True  # "If someone goes to prison ...", "if you feel in danger ..."
        closing = _SENTENCE_END.match(text, tokens.ends[last])
        if closing and "?" in closing.group() and tokens.lowers[first] in self.question_openers:
            return True
        if any(f" {marker} " in words for marker in self.generic_markers):
            # A rule applied to someone named before the hit is their data ("As your
            # partner is in prison he is disregarded").
            return self.owners.isdisjoint(tokens.lowers[first:hit])
        return False

    def hypothetical_about_nobody(self, text: str, tokens: WordTokens, start: int) -> bool:
        """Anyone's sentence supposing about an unnamed person ("If someone in the house
        gets sent to prison ..."), naming no one with a possessive before the hit."""
        first, last = _sentence_tokens(text, tokens, start)
        hit = bisect.bisect_left(tokens.starts, start)
        if first > last or not self.owners.isdisjoint(tokens.lowers[first : hit + 1]):
            return False
        words = " " + " ".join(tokens.lowers[first : last + 1]) + " "
        return any(f" {marker} " in words for marker in self.hypothetical_markers) and any(
            f" {person} " in words for person in self.anonymous_people
        )

    def _owned(self, tokens: WordTokens, index: int) -> bool:
        """The word at ``index`` belongs to someone: "your stroke", "Mrs Khan's asthma"."""
        lowers = tokens.lowers
        before = lowers[index - 1] if index > 0 else ""
        if before in self.owners:
            return True
        return before == "'s" and index > 1 and lowers[index - 2] not in _NOT_OWNERS


# "it's", "that's", "he's": a verb, not a possessive.
_NOT_OWNERS = frozenset({"it", "that", "there", "what", "he", "she", "who", "this", "here", "let"})


def _sentence_tokens(text: str, tokens: WordTokens, start: int) -> tuple[int, int]:
    """First and last token index of the sentence around offset ``start``."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    following = _SENTENCE_END.search(text, start)
    sentence_end = following.start() if following else len(text)
    first = bisect.bisect_left(tokens.starts, sentence_start)
    last = bisect.bisect_left(tokens.starts, sentence_end) - 1
    return first, last
