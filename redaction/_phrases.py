"""Compile phrase lists (data) into one case-insensitive regex each."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters or digits: a phrase must not start or end inside a word.
_WORD_EDGE_BEFORE = r"(?<![^\W_])"
_WORD_EDGE_AFTER = r"(?![^\W_])"


def phrase_pattern(phrase: str) -> str:
    """Regex source for one phrase: any whitespace/hyphen between words, ``*`` = more letters."""
    text = phrase.strip().lower()
    wildcard = text.endswith("*")
    words = text.rstrip("*").split()
    body = r"[\s\-]+".join(re.escape(word) for word in words)
    return body + (r"[^\W\d_]*" if wildcard else "")


def compile_phrases(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One alternation of all phrases, longest first, anchored at word edges.

    An empty list compiles to a pattern that never matches.
    """
    unique = sorted({phrase.strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not unique:
        return re.compile(r"(?!)")
    sources = [phrase_pattern(phrase) if ignore_case else re.escape(phrase) for phrase in unique]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(_WORD_EDGE_BEFORE + "(?:" + "|".join(sources) + ")" + _WORD_EDGE_AFTER, flags)
