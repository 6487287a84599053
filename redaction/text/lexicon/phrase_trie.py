"""The word trie the phrase matcher walks, with templates held as chains of positions.

A plain phrase is a path of words from the root. A template ("(broke|hurt) @owner
@body_part") is not multiplied out: its first position is ordinary trie paths (shared with
plain phrases, so a token still costs one lookup), and each later position is one *slot
edge* to a node of the template's own: a dictionary of the position's alternatives. So
"@owner @body_part (is|are) (swollen|bleeding|...)" costs four nodes, not 40,000 leaves,
and matches exactly its combinations (the template's nodes are shared with nothing else).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

Entry = TypeVar("Entry")
Words = tuple[str, ...]
# Alternatives of one template position by first word: "kicked in" -> {"kicked": (("in",),)}.
Alternatives = dict[str, tuple[Words, ...]]


class Node(Generic[Entry]):
    """One word position: children by word, wildcard prefixes, template slot edges."""

    __slots__ = ("children", "ending", "nexts", "slot_heads", "slots", "wildcards")

    def __init__(self) -> None:
        self.children: dict[str, Node[Entry]] = {}
        self.wildcards: dict[str, Node[Entry]] = {}  # prefix -> node, for a trailing "word*"
        self.slots: list[tuple[Alternatives, Node[Entry]]] = []
        self.slot_heads: set[str] = set()  # first words of all slot alternatives: one check
        self.nexts: set[str] = set()  # every word that can follow: children and slot heads
        self.ending: list[Entry] = []

    def child(self, word: str) -> Node[Entry]:
        """The child for ``word``, created if missing."""
        node = self.children.get(word)
        if node is None:
            node = self.children[word] = Node()
            self.nexts.add(word)
        return node

    def add_slot(self, alternatives: Alternatives, after: Node[Entry]) -> None:
        self.slots.append((alternatives, after))
        self.slot_heads.update(alternatives)
        self.nexts.update(alternatives)


def add_phrase(root: Node[Entry], words: Words, wildcard: bool, entry: Entry) -> None:
    node = root
    last = len(words) - 1
    for position, word in enumerate(words):
        if wildcard and position == last:
            node = node.wildcards.setdefault(word, Node())
        else:
            node = node.child(word)
    node.ending.append(entry)


def add_template(root: Node[Entry], positions: Sequence[Sequence[Words]], entry: Entry) -> None:
    """Add a template: ``positions`` are its alternatives per position (``()`` = none)."""
    if not positions:
        return
    after: Node[Entry] = Node()
    after.ending.append(entry)
    for alternatives in reversed(positions[1:]):  # the template's own chain, built backwards
        node: Node[Entry] = Node()
        _link(node, alternatives, after)
        after = node
    for words in positions[0]:
        if not words:  # an optional first position: the template without it
            add_template(root, positions[1:], entry)
            continue
        node = root
        for word in words:
            node = node.child(word)
        _continue_as(node, after)


def _link(node: Node[Entry], alternatives: Sequence[Words], after: Node[Entry]) -> None:
    by_first: dict[str, list[Words]] = {}
    for words in alternatives:
        if words:
            by_first.setdefault(words[0], []).append(words[1:])
    node.add_slot({first: tuple(rests) for first, rests in by_first.items()}, after)
    if any(not words for words in alternatives):  # optional: the next position may follow
        _continue_as(node, after)


def _continue_as(node: Node[Entry], after: Node[Entry]) -> None:
    """``node`` goes on as ``after`` does (its slot edges and the entries ending there)."""
    for alternatives, following in after.slots:
        node.add_slot(alternatives, following)
    node.ending.extend(after.ending)
