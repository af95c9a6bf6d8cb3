"""Regex building shared by the text stages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def trie(sequences: Iterable[Sequence[str]]) -> str:
    """A regex for any of the sequences of regex atoms, shaped as a trie: the engine reads
    each character once, and tries a longer sequence before its prefix."""
    trie: dict[str, dict] = {}
    for atoms in sequences:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a sequence ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
        return body + "?" if "" in node else body

    return emit(trie)
