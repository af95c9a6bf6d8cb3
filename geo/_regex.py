"""Regex building shared by the text stages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


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


def top_level_alternatives(pattern: str) -> list[str]:
    """``a|b(?:c|d)`` -> ["a", "b(?:c|d)"]: the alternatives outside any group."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return [p for p in parts if p]


def literal_prefix(word: str) -> str:
    """The plain letters a pattern starts with ("rall" of "rall(?:y|ies)")."""
    out = []
    for i, c in enumerate(word):
        if c in "\\.^$*+?{}[]()|" or (i + 1 < len(word) and word[i + 1] in "?*{"):
            break
        out.append(c)
    return "".join(out)


class WordFinder(Generic[T]):
    """Finds words and phrases, given as small regexes, at word starts in lower-case text,
    in two steps: one trie regex finds the literal start of any of them (the engine reads each
    character once), then the few that start so are tried there, the longest match winning.
    One alternation of every pattern with a word boundary in front cost several times more:
    the engine then tries every branch at every position."""

    def __init__(self, patterns: Iterable[tuple[str, T]]) -> None:
        grouped: dict[str, list[tuple[re.Pattern[str], list[T]]]] = {}
        seen: dict[str, list[T]] = {}
        for pattern, payload in patterns:
            prefix = literal_prefix(pattern)
            if len(prefix) < 2:
                msg = f"{pattern!r} must start with two plain letters"
                raise ValueError(msg)
            if pattern not in seen:
                seen[pattern] = []
                grouped.setdefault(prefix, []).append(
                    (re.compile(f"(?:{pattern})(?!\\w)"), seen[pattern])
                )
            if payload not in seen[pattern]:
                seen[pattern].append(payload)
        # "\b" in front: measured faster than checking the word start of every hit in Python
        self.prefilter = re.compile(
            r"\b(?:" + trie([re.escape(c) for c in p] for p in grouped) + ")"
        )
        self.by_prefix = {p: tuple((rx, tuple(v)) for rx, v in alts) for p, alts in grouped.items()}
        # matched literal start -> the patterns to try there (the heads repeat across texts)
        self._alternatives: dict[str, tuple[tuple[re.Pattern[str], tuple[T, ...]], ...]] = {}

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> list[tuple[int, int, tuple[T, ...]]]:
        """(start, end, payloads) of each pattern found, the longest at each start."""
        out = []
        end_at = len(text) if endpos is None else endpos
        alternatives = self._alternatives
        for m in self.prefilter.finditer(text, pos, end_at):
            start = m.start()
            head = m.group()
            end, found = -1, []
            tries = alternatives.get(head)
            if tries is None:  # every pattern whose literal start is a prefix of this head
                tries = alternatives[head] = tuple(
                    alt for k in range(len(head), 1, -1) for alt in self.by_prefix.get(head[:k], ())
                )
            for alt, payloads in tries:
                hit = alt.match(text, start, end_at)
                if hit is None or hit.end() < end:
                    continue
                if hit.end() > end:
                    end, found = hit.end(), []
                found += [p for p in payloads if p not in found]
            if found:
                out.append((start, end, tuple(found)))
        return out
