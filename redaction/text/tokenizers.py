"""Tokenizers producing :class:`WordTokens`: a fast rule tokenizer and spaCy's.

The default pipeline is blank English, whose only component is a tokenizer. Ringfence's
rule tokenizer does that job in a single regex pass: words and numbers are tokens, English
clitics split off as spaCy does ("I'm" -> "I", "'m"; "don't" -> "do", "n't"), and
punctuation always separates tokens, so "exp:03/27" or "card#4111" still yield the words
"exp" and "card" (spaCy's tokenizer keeps such strings whole). With a real spaCy model
configured, tokens and lemmas come from the model instead.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from ringfence.redaction.text.tokens import LemmaTable, WordTokens

# Words and numbers. With an apostrophe in the text, English clitics become tokens of their
# own ("do" "n't", "I" "'m", "Crohn" "'s"); other inner apostrophes stay ("o'clock").
_PLAIN_WORD = re.compile(r"[^\W_]+")
_WORD = re.compile(
    r"(?i)[^\W_]+?(?=n['’]t\b)|n['’]t\b|['’](?:s|m|d|re|ve|ll)\b"
    r"|[^\W_]+(?:['’](?!(?:s|m|d|re|ve|ll)\b)[^\W_]+)*"
)

_Form = tuple[str, str, str, str]  # text, lower, lemma, stem
_NO_WORDS = WordTokens((), (), (), (), (), ())


class Tokenizer(Protocol):
    def __call__(self, text: str) -> WordTokens: ...


class _Forms:
    """What is derived from a token's text, computed once per distinct form.

    Word forms repeat endlessly in chats; the cache is bounded and simply cleared when full.
    """

    _LIMIT = 200_000

    def __init__(self, table: LemmaTable) -> None:
        self._table = table
        self.known: dict[str, _Form] = {}

    def get(self, raw: str) -> _Form:
        form = self.known.get(raw)
        return form if form is not None else self.add(raw)

    def add(self, raw: str) -> _Form:
        """Derive and remember the form of a token text not seen before."""
        if len(self.known) >= self._LIMIT:
            self.known.clear()
        text = raw.replace("’", "'")
        lower = text.lower()
        form = (text, lower, self._table.lemma(lower), self._table.stem(lower))
        self.known[raw] = form
        return form


class FastWordTokenizer:
    """Rule tokenizer for the blank English pipeline (see module docstring)."""

    def __init__(self, table: LemmaTable) -> None:
        self._forms = _Forms(table)

    def __call__(self, text: str) -> WordTokens:
        pattern = _WORD if "'" in text or "’" in text else _PLAIN_WORD
        matches = list(pattern.finditer(text))
        if not matches:
            return _NO_WORDS
        # The hot path: one dictionary hit per token, tuples straight from zip.
        known, add = self._forms.known, self._forms.add
        forms = [known.get(match.group()) or add(match.group()) for match in matches]
        texts, lowers, lemmas, stems = zip(*forms, strict=False)  # all 4-tuples
        starts, ends = zip(*[match.span() for match in matches], strict=False)
        return WordTokens(texts, starts, ends, lowers, lemmas, stems)


class SpacyWordTokenizer:
    """Word tokens from a spaCy pipeline; lemmas from its lemmatizer when it has one."""

    def __init__(self, nlp: Any, table: LemmaTable) -> None:
        self._forms = _Forms(table)
        pipe_names: list[str] = list(getattr(nlp, "pipe_names", []))
        self._has_lemmas = "lemmatizer" in pipe_names
        self._run = nlp if pipe_names else nlp.tokenizer

    def __call__(self, text: str) -> WordTokens:
        texts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        lowers: list[str] = []
        lemmas: list[str] = []
        stems: list[str] = []
        for token in self._run(text):
            raw = token.text
            if not any(char.isalnum() for char in raw):
                continue
            form = self._forms.get(raw)
            texts.append(form[0])
            starts.append(token.idx)
            ends.append(token.idx + len(raw))
            lowers.append(form[1])
            lemmas.append(token.lemma_.lower() if self._has_lemmas else form[2])
            stems.append(form[3])
        return WordTokens(
            tuple(texts), tuple(starts), tuple(ends), tuple(lowers), tuple(lemmas), tuple(stems)
        )
