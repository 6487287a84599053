"""Phrase templates: one lexicon line for a family of phrases.

People describe the same thing with many small variations ("broke my hip", "hurt her
wrist", "fractured his ankle"); listing every combination by hand misses most of them.
A template names the variable parts once:

- ``(a|b|c)`` one of the alternatives (an empty one makes the group optional: ``(a|)``);
- ``@name`` one of the words of the named slot (``slots:`` in the lexicon file).

``"(broke|hurt) @possessive @body_part"`` stands for every verb x possessive x body part.
Templates are not multiplied out: the phrase trie holds each as a chain of positions
(``trie.py``), so a template of 40,000 combinations costs a few nodes, and matching cost
does not change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

_PART = re.compile(r"\(([^()]*)\)|@([a-z_]+)|([^\s()@]+)")


class TemplateError(ValueError):
    """A template names an unknown slot or has unbalanced parentheses."""


def is_template(phrase: str) -> bool:
    return any(char in phrase for char in "()@")


def parse(template: str, slots: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The positions of ``template``, each a list of alternatives ("" for none)."""
    choices: list[list[str]] = []
    position = 0
    for match in _PART.finditer(template):
        if template[position : match.start()].strip():
            raise TemplateError(f"cannot read template {template!r}")
        group, slot, word = match.groups()
        if group is not None:
            choices.append([option.strip() for option in group.split("|")])
        elif slot is not None:
            if slot not in slots:
                raise TemplateError(f"template {template!r} names unknown slot @{slot}")
            choices.append(list(slots[slot]))
        else:
            choices.append([word])
        position = match.end()
    if template[position:].strip() or "*" in template:
        raise TemplateError(f"cannot read template {template!r} (no * in templates)")
    return choices


def expand(template: str, slots: Mapping[str, Sequence[str]]) -> list[str]:
    """Every phrase ``template`` stands for (the template itself if it has no variables)."""
    if not is_template(template):
        return [template]
    combinations = itertools.product(*parse(template, slots))
    return [" ".join(part for part in parts if part) for parts in combinations]
