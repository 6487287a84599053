"""Is a word said of a person? "we're Indian", "my brother is Lithuanian", "I'm from Eritrea".

Nationalities, party names and the like are disclosures only when predicated of someone
("hes Polish") and not as modifiers ("Polish shop", "labour costs"). The frame words are
data (``data/person_frames.yaml``); this module only walks the tokens before a hit.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ringfence.redaction.data_files import read_data_text
from ringfence.redaction.text.tokens import WordTokens

_DEFAULT_FRAMES = frozenset({"possessive", "copula"})


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
    possession_verbs: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    causatives: frozenset[str] = frozenset()
    not_agents: frozenset[str] = frozenset()
    non_human_actors: frozenset[str] = frozenset()
    passive_markers: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    agent_reach: int = 5
    address_subjects: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> PersonFrames:
        return cls.model_validate(yaml.safe_load(read_data_text("person_frames.yaml", path)))

    def said_of_person(
        self,
        tokens: WordTokens,
        first: int,
        last: int,
        text: str,
        frames: Collection[str] = _DEFAULT_FRAMES,
    ) -> bool:
        """Tokens ``first..last`` are said of a person, in one of ``frames``: "possessive"
        ("his trial"), "copula" ("we're Indian", "Polish lodger", "I came from Eritrea"),
        "possession" ("I've got anxiety", "making me ill")."""
        lowers = tokens.lowers
        if "possessive" in frames and first > 0 and lowers[first - 1] in self.possessives:
            return True
        if "copula" in frames or "possession" in frames:
            return self._predicated(tokens, first, last, text, "possession" in frames)
        return False

    def _predicated(
        self, tokens: WordTokens, first: int, last: int, text: str, possession: bool
    ) -> bool:
        lowers = tokens.lowers
        if last + 1 < len(lowers) and lowers[last + 1] in self.people:
            return True
        index = first - 1
        while index >= 0 and (lowers[index] in self.modifiers or _conjoined(tokens, index)):
            index -= 1
        if index < 0:
            return False
        word = lowers[index]
        if word in self.origin_markers:
            low = max(-1, index - 1 - self.origin_reach)
            return any(self._subject(tokens, at) for at in range(index - 1, low, -1))
        if word in self.fused or (word in self.copulas and self._subject_before(tokens, index)):
            if word == "'s" and _is_name(tokens.texts[index - 1]):
                return False  # "St Leonard's Court": a possessive, not "Leonard is"
            return self._ends_phrase(tokens, last, text)
        if not possession:
            return False
        if word in self.possession_verbs and self._subject_before(tokens, index):
            return self._ends_phrase(tokens, last, text)
        return self._caused(lowers, index)

    def _caused(self, lowers: Sequence[str], index: int) -> bool:
        """ "making me ill", "left my little girl poorly": a causative verb, then who it
        affects (a pronoun, or a few words ending in a noun for people)."""
        if lowers[index] in self.objects:
            return index > 0 and lowers[index - 1] in self.causatives
        if lowers[index] not in self.people:
            return False
        low = max(-1, index - 4)
        return any(lowers[at] in self.causatives for at in range(index - 1, low, -1))

    def _subject_before(self, tokens: WordTokens, index: int) -> bool:
        """A subject before token ``index``, over auxiliaries ("she's been", "I've got")."""
        index -= 1
        while index >= 0 and tokens.lowers[index] in self.auxiliaries:
            index -= 1
        return index >= 0 and self._subject(tokens, index)

    def done_by_person(self, tokens: WordTokens, first: int, last: int, text: str) -> bool:
        """The act at ``first..last`` is done by someone identifiable: "he smashed my
        window", "the lad upstairs keyed our cars", "I was punched by my neighbour";
        not "my window was smashed" or "someone smashed my window"."""
        lowers = tokens.lowers
        passive = not lowers[first].endswith("ing")  # "has been nicking" is no passive
        if passive and first > 0 and lowers[first - 1] in self.passive_markers:
            return self._by_person(tokens, last, text)
        for index in range(first - 1, max(-1, first - 1 - self.agent_reach), -1):
            word = lowers[index]
            if word in self.not_agents or word in self.clause_breaks:
                break
            if word in self.non_human_actors:
                break
            if _SENTENCE_BREAK.search(text, tokens.ends[index], tokens.starts[index + 1]):
                break
            if word not in self.objects and self._subject(tokens, index):
                # "the dog next door bit my daughter": the person only says whose dog
                return self.non_human_actors.isdisjoint(lowers[max(0, index - 3) : first])
        return self._by_person(tokens, last, text)

    def _by_person(self, tokens: WordTokens, last: int, text: str) -> bool:
        """ "... by my neighbour", "... by him", "... by Mr Kowalski"."""
        lowers = tokens.lowers
        if last + 2 >= len(lowers) or lowers[last + 1] != "by":
            return False
        index = last + 2
        while index + 1 < len(lowers) and lowers[index] in _DETERMINERS:
            index += 1
        word = lowers[index]
        if word in self.not_agents:  # "by them", "by someone": nobody identifiable
            return False
        return word in self.objects or word in self.people or _is_name(tokens.texts[index])

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
        if lower in self.address_subjects:  # "next door are Roma", "upstairs are dealing"
            return lower != "door" or (index > 0 and tokens.lowers[index - 1] == "next")
        return index > 0 and _is_name(tokens.texts[index])


def _conjoined(tokens: WordTokens, index: int) -> bool:
    """A capitalised word joined by "and"/"or" to the next: "we're Muslim and Asian"."""
    following = tokens.lowers[index + 1] if index + 1 < len(tokens.lowers) else ""
    return following in ("and", "or") and tokens.texts[index].istitle()


def _is_name(text: str) -> bool:
    return text[:1].isupper() and text[1:].islower() and text.lower() not in _NOT_NAMES


_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_DETERMINERS = frozenset({"my", "our", "his", "her", "their", "the", "a", "an", "this", "that"})
# Capitalised words that are not people ("It is Polish" at a sentence start).
_NOT_NAMES = frozenset(
    {"it", "this", "that", "there", "here", "what", "which", "the", "someone", "somebody"}
    | {"yesterday", "today", "tonight", "then", "also", "and", "but", "so", "last", "now"}
    | {"apparently", "honestly", "please", "hi", "hello", "thanks", "ok", "okay", "yes"}
    | {"no", "well", "sorry", "if", "when", "after", "before", "because", "again", "just"}
)
