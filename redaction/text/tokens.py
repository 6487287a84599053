"""Word tokens with offsets, lemmas and stems: the NLP artifacts of a message.

A blank spaCy pipeline tokenizes but has no lemmatizer, and presidio matches context words
on lemmas, so with a blank pipeline context would silently do nothing. Lemmas therefore come
from the spaCy model when it has a lemmatizer, else from a small table of irregular forms
plus plural rules. Context matching compares *stems* (lemma minus -ing/-ed/-e), computed by
the same function for the text and for the context words, so both sides always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ringfence.redaction.data_files import read_data_text


# Plain slots dataclass, never changed once built (shared by every recognizer; tests hold
# it as built). Not frozen: frozen or named-tuple records cost the engine 5% (measured).
@dataclass(slots=True)
class WordTokens:
    """Tokens that contain a letter or digit, in text order (punctuation dropped)."""

    texts: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lowers: tuple[str, ...]
    lemmas: tuple[str, ...]
    stems: tuple[str, ...]


class LemmaTable:
    """Irregular forms from data plus plural and verb-ending rules."""

    def __init__(self, irregular: dict[str, str]) -> None:
        self._irregular = irregular

    @classmethod
    def load(cls, path: Path | None = None) -> LemmaTable:
        text = read_data_text("lemmas.txt", path)
        pairs = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
        return cls({pair[0].lower(): pair[1].lower() for pair in pairs if len(pair) == 2})

    def lemma(self, lower: str) -> str:
        """Base form of a lower-case word: table first, then plural rules."""
        irregular = self._irregular.get(lower)
        if irregular is not None:
            return irregular
        word = lower[:-2] if len(lower) > 2 and lower.endswith(("'s", "’s")) else lower
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
            return word[:-2]
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    def stem(self, lower: str) -> str:
        """Lemma with verb endings and a final -e removed ("diagnosed" ~ "diagnose")."""
        word = self.lemma(lower)
        for suffix in ("ing", "ed"):
            if len(word) > len(suffix) + 2 and word.endswith(suffix):
                word = word[: -len(suffix)]
                if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                    word = word[:-1]
                break
        return word[:-1] if len(word) > 3 and word.endswith("e") else word
