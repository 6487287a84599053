"""Phrase templates: one lexicon line for a family of phrases.

People describe the same thing with many small variations ("broke my hip", "hurt her
wrist", "fractured his ankle"); listing every combination by hand misses most of them.
A template names the variable parts once:

- ``(a|b|c)`` one of the alternatives (an empty one makes the group optional: ``(a|)``);
- ``@name`` one of the words of the named slot (``slots:`` in the lexicon file).

``"(broke|hurt) @possessive @body_part"`` expands to every verb x possessive x body part.
Expansion happens once, when the lexicon is loaded; matching cost does not change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

_PART = re.compile(r"\(([^()]*)\)|@([a-z_]+)|([^\s()@]+)")


class TemplateError(ValueError):
    """A template names an unknown slot or has unbalanced parentheses."""


def expand(template: str, slots: Mapping[str, Sequence[str]]) -> list[str]:
    """Every phrase ``template`` stands for (the template itself if it has no variables)."""
    if not any(char in template for char in "()@"):
        return [template]
    choices: list[Sequence[str]] = []
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
            choices.append(slots[slot])
        else:
            choices.append([word])
        position = match.end()
    if template[position:].strip():
        raise TemplateError(f"cannot read template {template!r}")
    return [" ".join(part for part in parts if part) for parts in itertools.product(*choices)]


def expand_all(templates: Sequence[str], slots: Mapping[str, Sequence[str]]) -> list[str]:
    """All phrases of all ``templates``, duplicates dropped, order kept."""
    phrases = (phrase for template in templates for phrase in expand(template, slots))
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))
