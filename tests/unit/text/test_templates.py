"""Phrase templates in the lexicon: alternatives, optional words and named slots."""

from __future__ import annotations

import pytest

from redaction.lexicon.model import load_lexicon
from redaction.lexicon.templates import TemplateError, expand, expand_all

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


def test_expand_all_drops_duplicates() -> None:
    """Overlapping templates give each phrase once."""
    assert expand_all(["(my|his) hip", "my hip"], SLOTS) == ["my hip", "his hip"]


def test_packaged_lexicon_expands_with_terms_winning() -> None:
    """The packaged file expands; a phrase a template makes both a term and ambiguous is a
    term only (the unconditional reading wins)."""
    lexicon = load_lexicon()
    health = lexicon.categories["health"]
    assert "hurt her wrist" in health.terms  # from "@injury_verb @owner @body_part"
    assert "broken wrist" in health.terms and "broken wrist" not in health.ambiguous
    assert not any("@" in phrase or "(" in phrase for phrase in health.terms)
