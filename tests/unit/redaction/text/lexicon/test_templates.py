"""Phrase templates in the lexicon: alternatives, optional words and named slots."""

from __future__ import annotations

import pytest

from ringfence.redaction.text.engine import TextEngine
from ringfence.redaction.text.lexicon.templates import TemplateError, expand

SLOTS = {"part": ["hip", "knee"], "owner": ["my", "his"]}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("broken hip", ["broken hip"]),  # no variables: itself
        (
            "(broke|hurt) @owner @part",
            [
                "broke my hip",
                "broke my knee",
                "broke his hip",
                "broke his knee",
                "hurt my hip",
                "hurt my knee",
                "hurt his hip",
                "hurt his knee",
            ],
        ),
        ("on (a|) tag", ["on a tag", "on tag"]),  # an empty alternative is optional
        ("(in bits|shot)", ["in bits", "shot"]),  # alternatives of several words
        ("diagnos*", ["diagnos*"]),  # wildcards pass through
    ],
)
def test_expand(template: str, expected: list[str]) -> None:
    """Every combination, in order, with optional words dropped cleanly."""
    assert expand(template, SLOTS) == expected


@pytest.mark.parametrize("template", ["@nowhere hip", "broken (hip", "broken hip)"])
def test_bad_templates_are_refused(template: str) -> None:
    """An unknown slot or unbalanced parentheses is an error, not a silent miss."""
    with pytest.raises(TemplateError):
        expand(template, SLOTS)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("she hurt her wrist", "hurt her wrist"),  # "@injury_verb @owner @body_part"
        ("my ankles are swollen", "ankles are swollen"),  # four positions, one chain
        ("my neighbour's son kicked our front door in", "kicked our front door in"),
        ("he hurt the wrist", None),  # not a combination the template allows
    ],
)
def test_templates_match_their_combinations_only(
    engine: TextEngine, text: str, found: str | None
) -> None:
    """A template matches each of its combinations (multi-word alternatives too) and
    nothing else, though it is never multiplied out."""
    spans = [text[flag.start : flag.end] for flag in engine.analyse(text).flags]
    assert (found in " ".join(spans)) if found else not spans
