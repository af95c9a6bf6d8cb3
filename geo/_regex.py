"""Regex building shared by the text stages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

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


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, tried only at ``starts`` (every position where
    it can match, in order): the leftmost match, then the next from its end."""
    resume = 0
    for start in starts:
        if start >= resume:
            m = pattern.match(text, start)
            if m is not None:
                resume = m.end()
                yield m


def labelled(
    alternatives: Sequence[tuple[str, str, str]],
) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex for labelled patterns, ``(label, "a|b", tail)`` each, and the label of each
    of its marker groups: ``labels[m.lastindex - 1]`` names what matched. Every top-level
    alternative ("a", "b") becomes a branch of its own that starts with its letters, so the
    engine skips a branch on its first character (and a whole position when none starts so)
    instead of entering a named group per label at every position; the order, and so what
    matches, is that of ``(?P<label>a|b)tail|...``."""
    branches, labels = [], []
    for label, pattern, tail in alternatives:
        for alt in top_level_alternatives(pattern):
            if re.compile(alt + tail).groups:
                msg = f"{alt!r}: use (?:...) groups inside a labelled pattern"
                raise ValueError(msg)
            branches.append(f"{alt}{tail}()")
            labels.append(label)
    return re.compile("|".join(branches)), tuple(labels)


def spaced_heads(first: str, nexts: Iterable[str]) -> set[str]:
    """Scanner heads for a word that spaces (``[ ]+``) separate from one of ``nexts``: the
    word, a space and each next word, and the word with two spaces (where more follow)."""
    return {f"{first} {word}" for word in nexts} | {f"{first}  "}


def phrase_heads(phrase: str) -> set[str]:
    """Scanner heads for a phrase whose spaces the pattern reads as ``[ ]+``."""
    first, *rest = phrase.split(" ")
    return spaced_heads(first, rest[:1]) if rest else {first}


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
        search = self.prefilter.search
        m = search(text, pos, end_at)
        while m is not None:
            hit = self.hit_at(text, m.start(), m.group(), end_at)
            if hit is not None:
                out.append(hit)
                m = search(text, m.end(), end_at)
            else:  # a longer phrase that failed hides no word start inside it: "вышли на
                m = search(text, m.start() + 1, end_at)  # митинги" still has "митинги"
        return out

    def hit_at(
        self, text: str, start: int, head: str, end_at: int
    ) -> tuple[int, int, tuple[T, ...]] | None:
        """The longest of the patterns that start with (a prefix of) ``head`` at ``start``."""
        tries = self._alternatives.get(head)
        if tries is None:  # every pattern whose literal start is a prefix of this head
            tries = self._alternatives[head] = tuple(
                alt for k in range(len(head), 1, -1) for alt in self.by_prefix.get(head[:k], ())
            )
        end, found = -1, []
        for alt, payloads in tries:
            hit = alt.match(text, start, end_at)
            if hit is None or hit.end() < end:
                continue
            if hit.end() > end:
                end, found = hit.end(), []
            found += [p for p in payloads if p not in found]
        return (start, end, tuple(found)) if found else None


class Scan(NamedTuple):
    """What one Scanner pass found: each finder's hits, and each gate's word starts."""

    hits: list[list[tuple[int, int, tuple[Any, ...]]]]
    starts: list[list[int]]


DIGIT = "\\d"  # a gate head that stands for any decimal digit


class Scanner:
    """One regex pass over lower-case text that serves several WordFinders and gates.

    A regex pass costs Python's engine a few hundred instructions at every position, whatever
    it looks for, so reading a text once for all of them is what makes them cheap. A finder's
    hits are exactly those of its own ``finditer``; a gate (a set of literal heads, ``DIGIT``
    for any digit) reports every word start where one of its heads begins: a superset of where
    the pattern it stands for can match, which the caller then tries there (``match`` at a
    start, never a search).
    """

    def __init__(
        self, finders: Sequence[WordFinder[Any]], gates: Sequence[Iterable[str]] = ()
    ) -> None:
        self.finders = tuple(finders)
        families = [frozenset(f.by_prefix) for f in self.finders]
        families += [frozenset(g) for g in gates]
        literal = set().union(*families) - {DIGIT}
        for head in literal:
            if not (head[:1].isalnum() or head[:1] == "_") or head[:1].isdecimal():
                msg = f"{head!r}: a head starts with a letter (DIGIT stands for digits)"
                raise ValueError(msg)
        atoms = [[re.escape(c) for c in head] for head in literal]
        if any(DIGIT in f for f in families):
            atoms.append([r"\d"])
        heads = trie(atoms)
        # The character before a word start, then the head in a lookahead: the engine skips
        # to each non-word character in C (a pattern that starts with a class of characters
        # is searched so), and a long head ("set on fire") hides no word start inside it.
        self.rx = re.compile(r"\W(?=(" + heads + "))")
        self.at_start = re.compile(heads)  # a head at the very start of the text
        self.families = families
        # matched head -> (family, that family's longest head among the head's prefixes)
        self._own: dict[str, tuple[tuple[int, str], ...]] = {}

    def _own_heads(self, head: str) -> tuple[tuple[int, str], ...]:
        out = []
        for i, family in enumerate(self.families):
            if head.isdecimal():
                if DIGIT in family:
                    out.append((i, head))
                continue
            own = next((head[:k] for k in range(len(head), 0, -1) if head[:k] in family), None)
            if own is not None:
                out.append((i, own))
        return tuple(out)

    def scan(self, text: str) -> Scan:
        """Every finder's hits and every gate's starts in ``text``, in text order."""
        n = len(self.finders)
        hits: list[list[tuple[int, int, tuple[Any, ...]]]] = [[] for _ in range(n)]
        starts: list[list[int]] = [[] for _ in range(len(self.families) - n)]
        ends = [0] * n  # where each finder's own pass would resume (after its head)
        own_heads = self._own
        end_at = len(text)
        first = self.at_start.match(text)
        found = self.rx.finditer(text)
        for m in (first, *found) if first else found:
            head = m.group(1) if m is not first else m.group()
            own = own_heads.get(head)
            if own is None:
                own = own_heads[head] = self._own_heads(head)
            start = m.start() + 1 if m is not first else 0
            for i, h in own:
                if i >= n:
                    starts[i - n].append(start)
                elif start >= ends[i]:
                    hit = self.finders[i].hit_at(text, start, h, end_at)
                    if hit is not None:  # (a head that failed hides no start: see finditer)
                        ends[i] = start + len(h)
                        hits[i].append(hit)
        return Scan(hits, starts)
