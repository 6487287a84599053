"""Is a word said of a person? "we're Indian", "my brother is Lithuanian", "I'm from Eritrea".

Nationalities, party names and the like are disclosures only when predicated of someone
("hes Polish") and not as modifiers ("Polish shop", "labour costs"). The frame words are
data (``data/person_frames.yaml``); this module only walks the tokens before a hit.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from redaction.lexicon.tokens import WordTokens


class PersonFrames(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    version: int = 1
    pronouns: frozenset[str]
    people: frozenset[str]
    fused: frozenset[str]
    possessives: frozenset[str]
    copulas: frozenset[str]
    modifiers: frozenset[str]
    followers: frozenset[str]
    origin_markers: frozenset[str]
    origin_reach: int = 3
    places: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> PersonFrames:
        if path is None:
            source = resources.files("redaction").joinpath("data/person_frames.yaml")
            return cls.model_validate(yaml.safe_load(source.read_text("utf-8")))
        return cls.model_validate(yaml.safe_load(Path(path).read_text("utf-8")))

    def said_of_person(self, tokens: WordTokens, first: int, last: int, text: str) -> bool:
        """Tokens ``first..last`` are said of a person: "we're Indian", "his trial",
        "Polish lodger", "I came from Eritrea"."""
        lowers = tokens.lowers
        if first > 0 and lowers[first - 1] in self.possessives:
            return True
        if last + 1 < len(lowers) and lowers[last + 1] in self.people:
            return True
        index = first - 1
        while index >= 0 and lowers[index] in self.modifiers:
            index -= 1
        if index < 0:
            return False
        word = lowers[index]
        if word in self.origin_markers:
            low = max(-1, index - 1 - self.origin_reach)
            return any(self._subject(tokens, at) for at in range(index - 1, low, -1))
        if word in self.fused or (
            word in self.copulas and index > 0 and self._subject(tokens, index - 1)
        ):
            if word == "'s" and _is_name(tokens.texts[index - 1]):
                return False  # "St Leonard's Court": a possessive, not "Leonard is"
            return self._ends_phrase(tokens, last, text)
        return False

    def _ends_phrase(self, tokens: WordTokens, last: int, text: str) -> bool:
        """Nothing the word could be modifying comes after it, unless it is a person
        ("I'm Muslim and ...", "I'm a Black gay man"; not "I'm the parish administrator")."""
        lowers = tokens.lowers
        following = last + 1
        if following >= len(lowers) or text[tokens.ends[last] : tokens.starts[following]].strip():
            return True
        if lowers[following] in self.followers:
            return True
        return any(word in self.people for word in lowers[following : following + 2])

    def names_a_place(self, tokens: WordTokens, last: int) -> bool:
        """The word after the hit makes it a place or institution ("Mosque Lane")."""
        following = last + 1
        return following < len(tokens.lowers) and tokens.lowers[following] in self.places

    def _subject(self, tokens: WordTokens, index: int) -> bool:
        """A pronoun, a noun for people ("my carer"), or a name ("Mr Kowalski")."""
        lower = tokens.lowers[index]
        if lower in self.pronouns or lower in self.people or lower in self.fused:
            return True
        return index > 0 and _is_name(tokens.texts[index])


def _is_name(text: str) -> bool:
    return text[:1].isupper() and text[1:].islower() and text.lower() not in _NOT_NAMES


# Capitalised words that are not people ("It is Polish" at a sentence start).
_NOT_NAMES = frozenset({"it", "this", "that", "there", "here", "what", "which", "the"})
