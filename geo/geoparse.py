"""Geoparsing: find place names in a text and resolve each to a gazetteer entry, with evidence.

How it works (about ten thousand 1.2 KB articles a second in one warm process, see bench/):

1. One compiled regex splits the text into candidate runs: capitalised words (with hyphens and
   apostrophes, "Alma-Ata", "Ural'sk", "CHPP-2"), a few lower-case facility nouns ("airport",
   "city hall", "akimat", "power plant", "region"), joined by spaces, "of (the)" or a
   possessive "'s".
2. Inside a run the longest sub-span whose normalised form is in the gazetteer wins ("Almaty
   International Airport" before "Almaty"; "Nursultan Nazarbayev" is on the not-a-place list, so
   the person blocks the city alias "Nursultan"). What a run yields before context depends on
   the run alone, so it is memoised per run (and what a name means before context, per name);
   nothing is memoised per text.
3. Each distinct name gets one sense per text. Candidates are scored by population, the area of
   interest, whether the name is the place's own or an alias, and context from the other names in
   the text (the same admin-1 unit, distance to unambiguous places): an article about Zhanaozen
   and Mangystau reads "Aktau" as the Caspian city, not the village in Karaganda Region.
4. Generic facility nouns without a city ("the airport", "the akimat", "the power plant") take the
   facility of the nearest preceding city in the text that has one, else of the city mentioned most.

Rules that keep non-places out (documented in data/README.md):

- data/not_places.csv lists persons, parties and organisations ("Nur Otan", "Tokayev", "Mir").
- A name directly followed by a capitalised surname ("... Zhirinovsky", "-ov", "-eva", "-uly")
  is a person's first name, and one followed by "Avenue", "Street", ... is a street: neither is
  a place mention.
- Common English words never name small foreign places (the gazetteer drops those senses), and a
  capitalised word at the start of a sentence is dropped when its only senses are small places
  (population < 100,000) outside the area of interest.
- Bare 3-letter IATA codes match only in upper case ("ALA", never "Ala") and only for airports of
  the area of interest.

Demonyms ("Russian troops") are resolved: status "resolved", the place is the "demonym" entry
whose point is the country's representative point (its capital).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from itertools import accumulate, compress
from typing import NamedTuple

from geo.config import Settings
from geo.gazetteer import Gazetteer, normalize
from geo.schema import Mention, Place

_ID, _NAME, _KIND, _LAT, _LON, _CC, _ADMIN1, _POP = range(8)

# Lower-case words that may be part of a facility or region name ("Almaty city hall").
_LOWER_WORDS = (
    "airport", "airports", "airfield", "airbase", "air", "base", "international", "terminal",
    "city", "hall", "akimat", "akimats", "regional", "region", "oblast", "province",
    "administration", "mayor['’]s", "mayoralty", "prosecutor['’]s", "office", "offices",
    "building", "headquarters", "department", "power", "plant", "station", "thermal", "central",
    "main", "square", "town", "presidential", "residence", "president['’]s", "palace", "party",
    "ruling", "military", "institute", "tv", "television", "channel", "studios", "studio",
    "district", "water", "pumping",
)  # fmt: skip
_CAP = r"[A-ZÀ-ÖØ-Þ]\w*(?:['’\-](?!s\b)\w+)*"
_NUMBER = r"No\.[ ]?\d+"
_LOWER = r"(?:" + "|".join(_LOWER_WORDS) + r")\b"
_JOIN = r"(?:['’]s)?(?:[ \t]+of(?:[ \t]+the)?)?[ \t]+"
# A run starts with a capital (the leading character class keeps the C scan fast); lower-case
# facility words only continue a run. Lower-case generic phrases are found by _generic_spans.
_RUN_RE = re.compile(rf"{_CAP}(?:{_JOIN}(?:{_NUMBER}|{_CAP}|{_LOWER}))*")
_TOKEN_RE = re.compile(rf"{_NUMBER}|{_CAP}|{_LOWER}")
# The same runs as one split: [gap, run, gap, run, ..., gap] (offsets by summing lengths).
_RUN_SPLIT = re.compile(f"({_RUN_RE.pattern})").split
# After a name: a surname ("Vladimir Zhirinovsky": a person) or a street word ("Abay Avenue").
_NOT_PLACE_NEXT = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+(?:ov|ev|yev|ova|eva|yeva|uly|kyzy|enko|sky|skiy|skaya|ovich|evich|ovna)"
    r"|Avenue|Street|Prospekt|Prospect|Boulevard|Road|Highway|Lane|Str|St|Ave)\b"
)
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
_SENTENCE_END = frozenset('.!?\n"“”:;')
_BLANK = frozenset(" \t")
_BLANK_OR_O = frozenset(" \to")
_MAX_TOKENS = 8

# Scoring weights (log10 population is the base of a candidate's score).
_AOI_BONUS = 1.5
_OWN_NAME_BONUS = 0.3
_SAME_ADMIN1_BONUS = 1.5
_NEAR_BONUS = 1.0  # times exp(-distance / _NEAR_KM) to the nearest unambiguous place
_NEAR_KM = 100.0
_ANCHOR_MARGIN = 2.0  # a name whose best sense leads by this much is context for the others
_RESOLVED_AT = 0.5  # below this confidence a mention is "ambiguous" (best guess kept)
_SMALL_POP = 100_000

_ASCII_TABLE = {
    code: (None if chr(code) in "'`" else " ")
    for code in range(128)
    if not chr(code).isalnum() and not chr(code).isspace()
}


_MEMO_MAX = 500_000  # bound of each per-name and per-run memo

# Flags of a hit template (see Geoparser._run_hits); 0 is the common case: a name to report.
_WEAK = 1  # dropped when it starts a sentence (every sense a small place outside the AOI)
_NEEDS_CONTEXT = 2  # no clear winner: other names in the text may change its sense
_GENERIC = 4  # a generic facility noun ("Airport" at a sentence start): resolved by city
_NOT_A_MENTION = 8  # a first name or a street name ("Vladimir Zhirinovsky", "Abay Avenue")

_CONFIDENCE_OF = {"same sentence": 0.85, "nearest preceding city": 0.75}
_ONLY_OWN = ("only candidate", "own name")
_ONLY_ALIAS = ("only candidate", "alias")

_new_object = object.__new__
_set_attribute = object.__setattr__


class _Sense(NamedTuple):
    """What a name is resolved to: its row, the Mention fields that follow, its city row."""

    row: int
    confidence: float
    evidence: tuple[str, ...]
    candidates: tuple[Place, ...]
    place: Place
    status: str
    city: int  # the row of the city it is in (itself for a city), or -1


class _Name:
    """Per-name facts independent of the text (memoised per name): priors, clear winner,
    context-free sense, and which generic facility words its senses' cities have."""

    __slots__ = ("key", "value", "priors", "anchor", "weak", "site", "mask", "sense")

    def __init__(
        self,
        key: str,
        value: tuple[int, ...],
        priors: list[tuple[float, int, bool]],
        anchor: int,
        weak: bool,
        site: bool,
        mask: int,
        sense: _Sense,
    ) -> None:
        self.key = key
        self.value = value  # candidate codes (row, or ~row for an alias)
        self.priors = priors  # (score, row, own name), best first
        self.anchor = anchor  # row of the clear winner, or -1
        self.weak = weak  # every sense is a small place outside the area of interest
        self.site = site  # the first candidate is a facility or an airport
        self.mask = mask  # bit set of the generic last words of its senses' cities
        self.sense = sense


# A hit inside a run, relative to the run: (start, end, flags, Mention fields, _Name or
# (key, {city row: facility row}) for a generic noun).
_Template = tuple[int, int, int, "dict[str, object] | None", object]
# What a run yields: its templates, the generic words of the cities they may name (a bit set),
# and (start, end, is a site) per template, for the lower-case generic phrases.
_RunHits = tuple[tuple[_Template, ...], int, tuple[tuple[int, int, bool], ...]]
_NO_HITS: tuple[()] = ()


def _mention(
    text: str,
    start: int,
    end: int,
    status: str,
    place: Place,
    confidence: float,
    evidence: tuple[str, ...],
    candidates: tuple[Place, ...] = (),
) -> Mention:
    """A Mention built without the frozen dataclass's eight __setattr__ calls (parse does the
    same inline from a per-name field dict); equal to Mention(...) with the same fields (tested)."""
    mention = _new_object(Mention)
    _set_attribute(
        mention,
        "__dict__",
        {
            "text": text,
            "start": start,
            "end": end,
            "status": status,
            "place": place,
            "confidence": confidence,
            "evidence": evidence,
            "candidates": candidates,
        },
    )
    return mention


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _key(text: str) -> str:
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).lower().split())
    return normalize(text)


def _start_of(mention: Mention) -> int:
    return mention.start


class Geoparser:
    """Finds and resolves place mentions; build once per gazetteer and reuse (thread-safe)."""

    def __init__(
        self, gazetteer: Gazetteer, settings: Settings, *, run_cache_size: int = 200_000
    ) -> None:
        """run_cache_size bounds the memo of capitalised runs ("President Kassym-Jomart
        Tokayev" -> no place, "Almaty" -> its hit): what a run yields before context depends
        on the run alone. 0 disables it."""
        self.gazetteer = gazetteer
        self.settings = settings
        self._names = gazetteer.names
        self._generic = gazetteer.generic
        self._city_of = gazetteer.city_of
        self._prefixes = gazetteer.prefixes
        self._rows = gazetteer.rows
        self._aoi = settings.area_of_interest
        # last word of each lower-case generic phrase -> the most words such a phrase has, and
        # the words that may stand right before it ("city" for "city hall")
        self._generic_last: dict[str, int] = {}
        self._before_last: dict[str, set[str]] = {}
        words_of: dict[int, set[str]] = {}  # city row -> generic last words
        for phrase, by_city in self._generic.items():
            words = phrase.split()
            most = max(self._generic_last.get(words[-1], 0), len(words))
            self._generic_last[words[-1]] = most
            self._before_last.setdefault(words[-1], set()).update(words[-2:-1])
            for city in by_city:
                words_of.setdefault(city, set()).add(words[-1])
        # each last word is a bit; a set of them is an int, in the order they are searched
        self._word_bits = {word: 1 << i for i, word in enumerate(sorted(self._generic_last))}
        self._city_mask = {  # city row -> its generic last words as a bit set
            city: sum(self._word_bits[word] for word in words) for city, words in words_of.items()
        }
        self._aoi_iata = {
            code: i
            for code, i in gazetteer.iata.items()
            if gazetteer.row(i)[_CC] == settings.area_of_interest
        }
        # Memos keyed by one run, one name or one set of words (never by a text): a real
        # corpus repeats place names. Bounded; clear_memos() empties them (see bench/).
        self._runs: dict[str, _RunHits | tuple[()]] = {}
        self._run_cache_size = run_cache_size
        self._infos: dict[str, _Name] = {}
        self._words_of_mask: dict[int, tuple[str, ...]] = {}

    def clear_memos(self) -> None:
        """Forget every memoised run and name (results do not change, only the speed)."""
        self._runs.clear()
        self._infos.clear()
        self._words_of_mask.clear()

    # -- finding ---------------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """Spans that name gazetteer entries, before the per-text filters and resolution:
        (start, end, key, candidate codes or {city row: facility row} for a generic noun)."""
        hits: list[tuple[int, int, str, object]] = []
        sites: list[tuple[int, int, bool]] = []
        mask = 0
        for m in _RUN_RE.finditer(text):
            run_hits = self._run_hits(m.group())
            if not run_hits:
                continue
            base = m.start()
            templates, run_mask, spans = run_hits  # type: ignore[misc]
            mask |= run_mask
            for (start, end, flags, _, payload), (_, _, site) in zip(templates, spans, strict=True):
                if flags & _GENERIC:
                    key, value = payload
                else:
                    key, value = payload.key, payload.value
                hits.append((base + start, base + end, key, value))
                sites.append((base + start, base + end, site))
        if mask:
            extra, replaced = self._generic_spans(text, self._words(mask), sites)
            hits = [h for h in hits if not any(lo <= h[0] and h[1] <= hi for lo, hi in replaced)]
            hits += extra
        return hits

    def _run_hits(self, run: str) -> _RunHits | tuple[()]:
        """The hits of one capitalised run as templates relative to the run (see _RunHits).
        Depends on the run alone, so parse() memoises it."""
        if run.isalpha():  # one plain word: the common case, keep it cheap
            key = run.lower() if run.isascii() else normalize(run)
            value: object = self._names.get(key)
            found: tuple[tuple[int, int, str, object], ...] = ()
            if value is None:
                value = self._generic.get(key)
                if value is None and len(run) == 3 and run.isupper() and run in self._aoi_iata:
                    value = (self._aoi_iata[run],)
            if value:
                found = ((0, len(run), key, value),)
        else:
            found = self._find_in_run(run)
        if not found:
            return _NO_HITS
        templates: list[_Template] = []
        spans: list[tuple[int, int, bool]] = []
        mask = 0
        for start, end, key, value in found:
            if value.__class__ is not tuple:
                templates.append((start, end, _GENERIC, None, (key, value)))
                spans.append((start, end, False))
                continue
            name = self._infos.get(key)
            if name is None:
                name = self._name(key, value)  # type: ignore[arg-type]
            mask |= name.mask
            spans.append((start, end, name.site))
            # A capitalised word right after a name is in the same run: this is run-local.
            if (
                end < len(run) - 2
                and run[end + 1 : end + 2].isupper()
                and _NOT_PLACE_NEXT.match(run, end)
            ):
                templates.append((start, end, _NOT_A_MENTION, None, name))
                continue
            flags = _WEAK if name.weak and " " not in key else 0
            if name.anchor < 0:
                flags |= _NEEDS_CONTEXT
            sense = name.sense
            fields = {
                "text": run[start:end],
                "start": 0,
                "end": 0,
                "status": sense.status,
                "place": sense.place,
                "confidence": sense.confidence,
                "evidence": sense.evidence,
                "candidates": sense.candidates,
            }
            templates.append((start, end, flags, fields, name))
        return tuple(templates), mask, tuple(spans)

    def _find_in_run(self, run: str) -> tuple[tuple[int, int, str, object], ...]:
        """Longest names inside a multi-word (or punctuated) run, left to right; offsets are
        relative to the run."""
        hits: list[tuple[int, int, str, object]] = []
        names, generic, prefixes = self._names, self._generic, self._prefixes
        tokens = [t.span() for t in _TOKEN_RE.finditer(run)]
        keys = []
        for a, b in tokens:
            word = run[a:b]
            keys.append(word.lower() if word.isalpha() and word.isascii() else _key(word))
        n, i = len(tokens), 0
        while i < n:
            cur = keys[i]
            best, best_key, best_value = -1, "", None
            j = i
            while True:
                value = generic.get(cur)
                if value is None:
                    value = names.get(cur)
                if value is not None:
                    best, best_key, best_value = j, cur, value
                if j + 1 >= n or cur not in prefixes:
                    break
                gap = run[tokens[j][1] : tokens[j + 1][0]]
                if gap[:1] in "'’":  # possessive: "Almaty's airport" -> "almatys airport"
                    cur += "s"
                    gap = gap[2:]
                gap = gap.strip()
                cur = f"{cur} {gap} {keys[j + 1]}" if gap else f"{cur} {keys[j + 1]}"
                j += 1
            if best < 0:
                word = run[tokens[i][0] : tokens[i][1]]
                if len(word) == 3 and word.isupper() and word in self._aoi_iata:
                    best, best_key, best_value = i, keys[i], (self._aoi_iata[word],)
                elif "-" in word and word.partition("-")[2].islower():  # "Almaty-based"
                    head = word.partition("-")[0]
                    value = names.get(_key(head))
                    if value:
                        start = tokens[i][0]
                        hits.append((start, start + len(head), _key(head), value))
            if best >= 0:
                # an empty tuple marks a name that is not a place; a generic noun right after a
                # name is that name's head noun ("CHPP-1 power station"), not another facility
                follows_name = bool(hits) and hits[-1][1] == tokens[i - 1][1] if i else False
                if best_value and not (follows_name and best_value.__class__ is not tuple):
                    hits.append((tokens[i][0], tokens[best][1], best_key, best_value))
                i = best + 1
            else:
                i += 1
        return tuple(hits)

    def _words(self, mask: int) -> tuple[str, ...]:
        """The generic last words in a bit set, in alphabetical order (memoised per set)."""
        words = self._words_of_mask.get(mask)
        if words is None:
            words = tuple(w for w, bit in self._word_bits.items() if mask & bit)
            if len(self._words_of_mask) < _MEMO_MAX:
                self._words_of_mask[mask] = words
        return words

    def _generic_spans(
        self, text: str, lasts: tuple[str, ...], hits: list[tuple[int, int, bool]]
    ) -> tuple[list[tuple[int, int, str, object]], list[tuple[int, int]]]:
        """Lower-case generic facility phrases ("the city hall", "regional akimat") that no
        run hit covers, for the last words in lasts (those of the cities named in the text);
        hits are the runs' (start, end, is a site) in text order. Returns the new spans (a
        phrase with "of <Name>" that names a place is a name: "airport of Almaty") and the
        spans whose run hits such a name replaces."""
        found: list[tuple[int, int, str, object]] = []
        replaced: list[tuple[int, int]] = []
        generic, generic_last = self._generic, self._generic_last
        ends = [h[1] for h in hits]
        size = len(text)
        for last in lasts:
            p = text.find(last)
            while p >= 0:
                end = p + len(last)
                if (p and text[p - 1].isalnum()) or (end < size and text[end].isalnum()):
                    p = text.find(last, end)
                    continue
                # _OF_NAME needs blanks then "of": test the characters before the regex
                of_name = None
                if text[end : end + 1] in _BLANK and text[end + 1 : end + 2] in _BLANK_OR_O:
                    of_name = _OF_NAME.match(text, end)
                if of_name is not None:  # "airport of Almaty": a name, replaces "Almaty"
                    stop = of_name.end()
                    key = _key(text[p:stop])
                    named = self._names.get(key)
                    if named:
                        found.append((p, stop, key, named))
                        replaced.append((p, stop))
                        hits = [h for h in hits if not (p <= h[0] and h[1] <= stop)]
                        ends = [h[1] for h in hits]
                        p = text.find(last, stop)
                        continue
                # the first run hit that ends after p: does it overlap the noun itself?
                k = bisect_right(ends, p)
                if k < len(hits) and hits[k][0] < end:
                    p = text.find(last, end)
                    continue
                start, key = p, last
                longest = generic_last[last]
                if longest > 1 and text[p - 1 : p] == " ":
                    window = text[max(0, p - 40) : p]
                    before = window.split()
                    # only a word that some phrase has right before `last` can start one
                    prev = before[-1] if before else ""
                    if prev.isascii() and prev.isalpha():  # the common case: a plain word
                        prev = prev.lower()
                    elif prev.replace("'", "").replace("’", "").isalpha():
                        prev = _key(prev).rpartition(" ")[2]
                    else:
                        prev = ""  # punctuation: no phrase can span it
                    if prev in self._before_last[last]:
                        for n in range(min(longest - 1, len(before)), 0, -1):
                            phrase = " ".join(before[-n:])
                            if phrase.isascii() and phrase.replace(" ", "").isalpha():
                                cand = f"{phrase.lower()} {last}"  # what _key gives here
                            elif (
                                phrase.replace(" ", "").replace("'", "").replace("’", "").isalpha()
                            ):
                                cand = _key(f"{phrase} {last}")
                            else:
                                continue
                            if cand in generic:
                                start = p - (len(window) - window.rfind(before[-n]))
                                key = cand
                                break
                if key in generic:
                    # not when a run hit overlaps the phrase or is a site right before it
                    # ("CHPP-1 power station": the head noun of that name)
                    k = bisect_right(ends, start)
                    j = bisect_left(ends, start - 1)
                    if not (
                        (k < len(hits) and hits[k][0] < end)
                        or (j < len(hits) and ends[j] == start - 1 and hits[j][2])
                    ):
                        found.append((start, end, key, generic[key]))
                p = text.find(last, end)
        return found, replaced

    # -- resolving -------------------------------------------------------------------------

    def parse(self, text: str) -> list[Mention]:
        """Every place mention in text, in order, each resolved (or ambiguous) with evidence."""
        # One C-level pass: [gap, run, gap, run, ..., gap]; each run's hits come from the memo.
        parts = _RUN_SPLIT(text)
        runs = parts[1::2]
        memo = self._runs
        found = list(map(memo.get, runs))
        if None in found:
            fresh: dict[str, _RunHits | tuple[()]] = {}  # a run repeated in this text: once
            for k, hits in enumerate(found):
                if hits is None:
                    run = runs[k]
                    hits = fresh.get(run)
                    if hits is None:
                        hits = fresh[run] = self._run_hits(run)
                        if len(memo) < self._run_cache_size:
                            memo[run] = hits
                    found[k] = hits
        hit_runs = list(compress(range(len(found)), found))
        if not hit_runs:
            return []
        offsets = list(accumulate(map(len, parts)))  # run k starts at offsets[2 * k]

        mentions: list[Mention] = []
        names: list[_Name] = []
        generics: list[tuple[int, int, str, Mapping[int, int]]] = []
        mask = 0
        contextual = False
        new, set_attribute = _new_object, _set_attribute
        append, append_name = mentions.append, names.append
        for k in hit_runs:
            templates, run_mask, _ = found[k]  # type: ignore[misc]
            base = offsets[2 * k]
            mask |= run_mask
            for start, end, flags, fields, name in templates:
                if flags:
                    if flags & (_GENERIC | _NOT_A_MENTION):
                        if flags & _GENERIC:
                            generics.append((base + start, base + end, *name))
                        continue
                    if flags & _WEAK and _sentence_initial(text, base + start):
                        continue
                    if flags & _NEEDS_CONTEXT:
                        contextual = True
                d = fields.copy()
                d["start"] = base + start
                d["end"] = base + end
                mention = new(Mention)
                set_attribute(mention, "__dict__", d)
                append(mention)
                append_name(name)

        reorder = False
        if mask:
            hits = [
                (base + start, base + end, site)
                for k in hit_runs
                for base in (offsets[2 * k],)
                for start, end, site in found[k][2]  # type: ignore[index]
            ]
            extra, replaced = self._generic_spans(text, self._words(mask), hits)
            if replaced:
                reorder = True
                self._replace_spans(text, extra, replaced, mentions, names, generics)
                contextual = any(n.anchor < 0 for n in names)
            for hit in extra:
                if hit[3].__class__ is not tuple:
                    generics.append(hit)  # type: ignore[arg-type]
        senses: dict[str, _Sense] = {}
        if contextual:
            self._resolve_in_context(mentions, names, senses)
        if generics:
            cities = [
                (m.start, senses[n.key].city if n.key in senses else n.sense.city)
                for m, n in zip(mentions, names, strict=True)
            ]
            mentions += self._resolve_generics(text, generics, cities)
            reorder = True
        if reorder:
            mentions.sort(key=_start_of)
        return mentions

    def _replace_spans(
        self,
        text: str,
        extra: list[tuple[int, int, str, object]],
        replaced: list[tuple[int, int]],
        mentions: list[Mention],
        names: list[_Name],
        generics: list[tuple[int, int, str, Mapping[int, int]]],
    ) -> None:
        """Drop the run hits inside "<generic> of <Name>" spans and add those names."""

        def inside(start: int, end: int) -> bool:
            return any(lo <= start and end <= hi for lo, hi in replaced)

        kept = [(m, n) for m, n in zip(mentions, names, strict=True) if not inside(m.start, m.end)]
        mentions[:] = [m for m, _ in kept]
        names[:] = [n for _, n in kept]
        generics[:] = [g for g in generics if not inside(g[0], g[1])]
        for start, end, key, value in extra:
            if value.__class__ is not tuple:
                continue
            if (
                end < len(text) - 2
                and text[end + 1 : end + 2].isupper()
                and _NOT_PLACE_NEXT.match(text, end)
            ):
                continue
            name = self._infos.get(key) or self._name(key, value)  # type: ignore[arg-type]
            if name.weak and " " not in key and _sentence_initial(text, start):
                continue
            s = name.sense
            mentions.append(
                _mention(
                    text[start:end], start, end, s.status, s.place, s.confidence, s.evidence,
                    s.candidates,
                )
            )  # fmt: skip
            names.append(name)

    def _resolve_in_context(
        self, mentions: list[Mention], names: list[_Name], senses: dict[str, _Sense]
    ) -> None:
        """One sense per name per text: the names with a clear winner are context for the
        others (same admin-1 unit, distance). Rewrites those mentions and fills senses."""
        anchors: dict[str, int] = {}
        for name in names:
            if name.anchor >= 0 and name.key not in anchors:
                anchors[name.key] = name.anchor
        if not anchors:
            return
        rows = self._rows
        admin1s = {rows[r][_ADMIN1] for r in anchors.values()} - {""}
        points = [
            (rows[r][_LAT], rows[r][_LON], rows[r][_NAME])
            for r in anchors.values()
            if rows[r][_KIND] not in ("country", "demonym")
        ]
        for i, name in enumerate(names):
            if name.anchor >= 0:
                continue
            sense = senses.get(name.key)
            if sense is None:
                sense = senses[name.key] = self._sense(name.priors, (admin1s, points))
            m = mentions[i]
            mentions[i] = _mention(
                m.text, m.start, m.end, sense.status, sense.place, sense.confidence,
                sense.evidence, sense.candidates,
            )  # fmt: skip

    def _name(self, key: str, value: tuple[int, ...]) -> _Name:
        """Everything about a name that does not depend on the text (memoised per name)."""
        rows = self._rows
        priors = self._priors(value)
        anchor = -1
        if len(priors) == 1 or priors[0][0] - priors[1][0] >= _ANCHOR_MARGIN:
            anchor = priors[0][1]
        weak = True
        for _, i, _ in priors:
            row = rows[i]
            if row[_KIND] != "city" or row[_CC] == self._aoi or row[_POP] >= _SMALL_POP:
                weak = False
                break
        first = value[0] if value else 0
        site = bool(value) and rows[first if first >= 0 else ~first][_KIND] in (
            "facility",
            "airport",
        )
        mask = 0
        city_mask, city_of = self._city_mask, self._city_of
        for code in value:
            i = code if code >= 0 else ~code
            mask |= city_mask.get(i, 0) | city_mask.get(city_of.get(i, -1), 0)
        name = _Name(key, value, priors, anchor, weak, site, mask, self._sense(priors, None))
        if len(self._infos) < _MEMO_MAX:
            self._infos[key] = name
        return name

    def _priors(self, value: tuple[int, ...]) -> list[tuple[float, int, bool]]:
        """(score, row, own name) per candidate, best first."""
        rows = self._rows
        aoi = self._aoi
        out = []
        for code in value:
            i = code if code >= 0 else ~code
            row = rows[i]
            score = math.log10(row[_POP] + 10)
            if row[_CC] == aoi:
                score += _AOI_BONUS
            if code >= 0:
                score += _OWN_NAME_BONUS
            out.append((score, i, code >= 0))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def _sense(
        self,
        cands: list[tuple[float, int, bool]],
        context: tuple[set[str], list[tuple[float, float, str]]] | None,
    ) -> _Sense:
        """The sense of a name from its priors and, if given, the text's context: the admin-1
        codes and the points (lat, lon, name) of the names that are clear winners."""
        rows = self._rows
        if len(cands) == 1:
            _, i, own = cands[0]
            evidence: tuple[str, ...] = _ONLY_OWN if own else _ONLY_ALIAS
            if rows[i][_KIND] == "demonym":
                evidence += ("demonym: resolved to the country's point",)
            return self._make_sense(i, 0.95 if own else 0.85, evidence, ())
        rescored: list[tuple[float, int, bool, list[str]]] = []
        if context is None:
            rescored = [(score, i, own, []) for score, i, own in cands[:6]]
        else:
            admin1s, points = context
            radians, cos, hypot = math.radians, math.cos, math.hypot
            for score, i, own in cands[:6]:
                row = rows[i]
                notes: list[str] = []
                if row[_ADMIN1] and row[_ADMIN1] in admin1s:
                    score += _SAME_ADMIN1_BONUS
                    notes.append(f"same admin-1 as other places in the text ({row[_ADMIN1]})")
                if points:
                    lat, lon = row[_LAT], row[_LON]
                    # equirectangular km: plenty for ranking nearby candidates
                    d, near = min(
                        (
                            6371.0
                            * hypot(
                                radians(lo - lon) * cos(radians((lat + la) / 2)),
                                radians(la - lat),
                            ),
                            nm,
                        )
                        for la, lo, nm in points
                    )
                    bonus = _NEAR_BONUS * math.exp(-d / _NEAR_KM)
                    score += bonus
                    if bonus > 0.1:
                        notes.append(f"~{d:.0f} km from {near}, also mentioned")
                rescored.append((score, i, own, notes))
            rescored.sort(key=lambda t: (-t[0], t[1]))
        top = rescored[0][0]
        total = sum(math.exp(sc - top) for sc, _, _, _ in rescored)
        _, best, own, notes = rescored[0]
        row = rows[best]
        evidence = (
            f"{len(cands)} candidates",
            "own name" if own else "alias",
            *((f"area of interest {self._aoi}",) if row[_CC] == self._aoi else ()),
            *((f"population {row[_POP]:,}",) if row[_POP] else ()),
            *notes,
        )
        places = tuple(self.gazetteer.place(i) for _, i, _, _ in rescored[:5])
        return self._make_sense(best, 1.0 / total, evidence, places)

    def _make_sense(
        self, i: int, confidence: float, evidence: tuple[str, ...], candidates: tuple[Place, ...]
    ) -> _Sense:
        place = self.gazetteer.place(i)
        city = i if place.kind == "city" else self._city_of.get(i, -1)
        status = "resolved" if confidence >= _RESOLVED_AT else "ambiguous"
        return _Sense(i, confidence, evidence, candidates, place, status, city)

    def _resolve_generics(
        self,
        text: str,
        generics: list[tuple[int, int, str, Mapping[int, int]]],
        cities: list[tuple[int, int]],
    ) -> list[Mention]:
        """Facility nouns without a city ("the airport"): the city named in the same sentence
        (the nearest one before it, else the first one after it), else the nearest preceding
        city in the text, else the city mentioned most; each only if it has such a facility.
        Left out when no city in the text has one. cities: (start, city row or -1) per name."""
        ordered = sorted((start, city) for start, city in cities if city >= 0)
        counts: dict[int, int] = {}
        for _, city in ordered:
            counts[city] = counts.get(city, 0) + 1
        out = []
        for start, end, key, by_city in generics:
            chosen, how = -1, ""
            lo = hi = -1
            for pos, city in reversed(ordered):
                if pos < start and city in by_city:
                    lo, hi = _sentence_bounds(text, start)
                    chosen = city
                    how = "same sentence" if pos >= lo else "nearest preceding city"
                    break
            if how != "same sentence":
                if hi < 0:
                    lo, hi = _sentence_bounds(text, start)
                for pos, city in ordered:
                    if end <= pos < hi and city in by_city:
                        chosen, how = city, "same sentence"
                        break
            if chosen < 0:
                present = [(n, city) for city, n in counts.items() if city in by_city]
                if present:
                    chosen, how = max(present)[1], "city mentioned most"
            if chosen < 0:
                continue
            conf = _CONFIDENCE_OF.get(how, 0.6)
            evidence = (f"generic '{key}'", f"{how}: {self._rows[chosen][_NAME]}")
            place = self.gazetteer.place(by_city[chosen])
            out.append(_mention(text[start:end], start, end, "resolved", place, conf, evidence))
        return out


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around pos (split at ". ", "? " and newlines).

    Each search after the first only looks between pos and the nearest boundary found so far,
    so the cost is the sentence's length, not the text's."""
    lo = text.rfind(". ", 0, pos)
    k = text.rfind("\n", lo + 1, pos)
    if k > lo:
        lo = k
    k = text.rfind("? ", lo + 1, pos)
    if k > lo:
        lo = k
    hi = -1
    for boundary in (". ", "\n", "? "):
        # a boundary found so far at hi: only one starting before it can be nearer
        k = text.find(boundary, pos, len(text) if hi < 0 else hi + len(boundary) - 1)
        if k >= 0:
            hi = k
    return lo + 1, hi if hi >= 0 else len(text)
