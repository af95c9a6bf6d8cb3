"""Geoparsing: find place names in a text and resolve each to a gazetteer entry, with evidence.

How it works (fast enough for tens of thousands of short articles a second, see bench/):

1. One compiled regex finds candidate runs: capitalised words (with hyphens and apostrophes,
   "Alma-Ata", "Ural'sk", "CHPP-2"), a few lower-case facility nouns ("airport", "city hall",
   "akimat", "power plant", "region"), joined by spaces, "of (the)" or a possessive "'s".
2. Inside a run the longest sub-span whose normalised form is in the gazetteer wins ("Almaty
   International Airport" before "Almaty"; "Nursultan Nazarbayev" is on the not-a-place list, so
   the person blocks the city alias "Nursultan").
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
from collections.abc import Mapping
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
)  # fmt: skip
_CAP = r"[A-ZÀ-ÖØ-Þ]\w*(?:['’\-](?!s\b)\w+)*"
_NUMBER = r"No\.[ ]?\d+"
_LOWER = r"(?:" + "|".join(_LOWER_WORDS) + r")\b"
_JOIN = r"(?:['’]s)?(?:[ \t]+of(?:[ \t]+the)?)?[ \t]+"
# A run starts with a capital (the leading character class keeps the C scan fast); lower-case
# facility words only continue a run. Lower-case generic phrases are found by _generic_spans.
_RUN_RE = re.compile(rf"{_CAP}(?:{_JOIN}(?:{_NUMBER}|{_CAP}|{_LOWER}))*")
_TOKEN_RE = re.compile(rf"{_NUMBER}|{_CAP}|{_LOWER}")
# After a name: a surname ("Vladimir Zhirinovsky": a person) or a street word ("Abay Avenue").
_NOT_PLACE_NEXT = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+(?:ov|ev|yev|ova|eva|yeva|uly|kyzy|enko|sky|skiy|skaya|ovich|evich|ovna)"
    r"|Avenue|Street|Prospekt|Prospect|Boulevard|Road|Highway|Lane|Str|St|Ave)\b"
)
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
_SENTENCE_END = frozenset('.!?\n"“”:;')
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


_INFO_CACHE_MAX = 500_000


class _KeyInfo(NamedTuple):
    """Per-name facts, independent of the text: priors, clear winner, context-free sense."""

    priors: list[tuple[float, int, bool]]
    anchor: int  # row of the clear winner, or -1
    sense: tuple[int, float, tuple[str, ...], tuple[Place, ...]]
    weak: bool  # every sense is a small place outside the area of interest


_new_object = object.__new__


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
    """A Mention built without the frozen dataclass's eight __setattr__ calls (hot path);
    equal to Mention(...) with the same fields (tested)."""
    mention = _new_object(Mention)
    mention.__dict__.update(
        text=text,
        start=start,
        end=end,
        status=status,
        place=place,
        confidence=confidence,
        evidence=evidence,
        candidates=candidates,
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


class Geoparser:
    """Finds and resolves place mentions; build once per gazetteer and reuse (thread-safe)."""

    def __init__(
        self, gazetteer: Gazetteer, settings: Settings, *, run_cache_size: int = 200_000
    ) -> None:
        """run_cache_size bounds the memo of multi-word runs ("President Kassym-Jomart
        Tokayev" -> no place); 0 disables it (the bench measures both)."""
        self.gazetteer = gazetteer
        self.settings = settings
        self._names = gazetteer.names
        self._generic = gazetteer.generic
        self._city_of = gazetteer.city_of
        self._prefixes = gazetteer.prefixes
        self._infos: dict[str, _KeyInfo] = {}
        self._key_words: dict[str, frozenset[str]] = {}
        self._aoi = settings.area_of_interest
        # last word of each lower-case generic phrase -> the most words such a phrase has
        self._generic_last: dict[str, int] = {}
        self._generic_words_of: dict[int, set[str]] = {}  # city row -> generic last words
        for phrase, by_city in self._generic.items():
            words = phrase.split()
            most = max(self._generic_last.get(words[-1], 0), len(words))
            self._generic_last[words[-1]] = most
            for city in by_city:
                self._generic_words_of.setdefault(city, set()).add(words[-1])
        self._run_cache: dict[str, tuple[tuple[int, int, str, object], ...]] = {}
        self._run_cache_size = run_cache_size
        self._aoi_iata = {
            code: i
            for code, i in gazetteer.iata.items()
            if gazetteer.row(i)[_CC] == settings.area_of_interest
        }

    # -- finding ---------------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """Spans that name gazetteer entries: (start, end, key, candidates or generic map)."""
        names, generic, iata = self._names, self._generic, self._aoi_iata
        cache = self._run_cache
        hits: list[tuple[int, int, str, object]] = []
        for m in _RUN_RE.finditer(text):
            run = m.group()
            if run.isalpha():  # one plain word: the common case, keep it cheap
                key = run.lower() if run.isascii() else normalize(run)
                value: object = names.get(key)
                if value is None:
                    value = generic.get(key)
                    if value is None:
                        if len(run) == 3 and run.isupper() and run in iata:
                            hits.append((m.start(), m.end(), key, (iata[run],)))
                        continue
                if value:
                    hits.append((m.start(), m.end(), key, value))
                continue
            base = m.start()
            found = cache.get(run)
            if found is None:
                found = self._find_in_run(run)
                if len(cache) < self._run_cache_size:
                    cache[run] = found
            for start, end, key, value in found:
                hits.append((base + start, base + end, key, value))
        if hits and self._generic_last:
            hits += self._generic_spans(text, hits)
        return hits

    def _find_in_run(self, run: str) -> tuple[tuple[int, int, str, object], ...]:
        """Longest names inside a multi-word (or punctuated) run, left to right; offsets are
        relative to the run. Depends on the run alone, so find() caches it per run."""
        hits: list[tuple[int, int, str, object]] = []
        base = 0
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
                        start = base + tokens[i][0]
                        hits.append((start, start + len(head), _key(head), value))
            if best >= 0:
                # an empty tuple marks a name that is not a place; a generic noun right after a
                # name is that name's head noun ("CHPP-1 power station"), not another facility
                follows_name = bool(hits) and hits[-1][1] == tokens[i - 1][1] if i else False
                if best_value and not (follows_name and best_value.__class__ is not tuple):
                    hits.append((base + tokens[i][0], base + tokens[best][1], best_key, best_value))
                i = best + 1
            else:
                i += 1
        return tuple(hits)

    def _generic_spans(
        self, text: str, hits: list[tuple[int, int, str, object]]
    ) -> list[tuple[int, int, str, object]]:
        """Lower-case generic facility phrases ("the city hall", "regional akimat") that no
        capitalised run covers; looked for only when their last word occurs in the text."""
        found: list[tuple[int, int, str, object]] = []
        generic = self._generic
        # only the generic words some city named in the text has a facility for
        words: set[str] = set()
        key_words = self._key_words
        for hit in hits:
            if hit[3].__class__ is tuple:
                found_words = key_words.get(hit[2])
                if found_words is None:
                    found_words = self._words_for(hit[2], hit[3])  # type: ignore[arg-type]
                words |= found_words
        generic_last = self._generic_last
        for last in sorted(words):
            longest = generic_last[last]
            p = text.find(last)
            while p >= 0:
                end = p + len(last)
                if (p and text[p - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                    p = text.find(last, end)
                    continue
                start, key = p, last
                if longest > 1 and text[p - 1 : p] == " ":
                    window = text[max(0, p - 40) : p]
                    words = window.split()
                    for k in range(min(longest - 1, len(words)), 0, -1):
                        phrase = " ".join(words[-k:])
                        if not phrase.replace(" ", "").replace("'", "").replace("’", "").isalpha():
                            continue
                        cand = _key(f"{phrase} {last}")
                        if cand in generic:
                            start = p - (len(window) - window.rfind(words[-k]))
                            key = cand
                            break
                of_name = _OF_NAME.match(text, end)
                if of_name is not None:  # "airport of Almaty": a name, replaces "Almaty"
                    named = self._names.get(_key(text[p : of_name.end()]))
                    if named:
                        found.append((p, of_name.end(), _key(text[p : of_name.end()]), named))
                        hits[:] = [h for h in hits if not (p <= h[0] and h[1] <= of_name.end())]
                        p = text.find(last, of_name.end())
                        continue
                if key in generic:
                    for h in hits:
                        if h[0] < end and start < h[1]:
                            break
                        if h[1] == start - 1 and self._is_site(h[3]):
                            break  # "CHPP-1 power station": the head noun of that name
                    else:
                        found.append((start, end, key, generic[key]))
                p = text.find(last, end)
        return found

    def _words_for(self, key: str, value: tuple[int, ...]) -> frozenset[str]:
        """Generic last words any sense of a name could give a facility for (cached)."""
        words: set[str] = set()
        for code in value:
            i = code if code >= 0 else ~code
            for city in (i, self._city_of.get(i, -1)):
                words.update(self._generic_words_of.get(city, ()))
        result = frozenset(words)
        if len(self._key_words) < _INFO_CACHE_MAX:
            self._key_words[key] = result
        return result

    def _is_site(self, value: object) -> bool:
        """True when a hit's best candidate is a facility or an airport."""
        if value.__class__ is not tuple or not value:
            return False
        code = value[0]  # type: ignore[index]
        return self.gazetteer.row(code if code >= 0 else ~code)[_KIND] in ("facility", "airport")

    # -- resolving -------------------------------------------------------------------------

    def parse(self, text: str) -> list[Mention]:
        """Every place mention in text, in order, each resolved (or ambiguous) with evidence."""
        hits = self.find(text)
        if not hits:
            return []
        g = self.gazetteer
        infos = self._infos
        toponyms: list[tuple[int, int, str, _KeyInfo]] = []
        generics: list[tuple[int, int, str, Mapping[int, int]]] = []
        for start, end, key, value in hits:
            if value.__class__ is tuple:
                info = infos.get(key)
                if info is None:
                    info = self._key_info(key, value)  # type: ignore[arg-type]
                if info.weak and " " not in key and _sentence_initial(text, start):
                    continue
                if end < len(text) - 2 and text[end + 1 : end + 2].isupper():
                    if _NOT_PLACE_NEXT.match(text, end):
                        continue  # "Vladimir Zhirinovsky", "Abay Avenue": not the place
                toponyms.append((start, end, key, info))
            else:
                generics.append((start, end, key, value))  # type: ignore[arg-type]

        # Names with a clear winner are context for the others (one sense per name per text).
        anchors = {key: info.anchor for _, _, key, info in toponyms if info.anchor >= 0}
        senses: dict[str, tuple[int, float, tuple[str, ...], tuple[Place, ...]]] = {}
        mentions: list[tuple[int, Mention, int]] = []  # (start, mention, city row or -1)
        for start, end, key, info in toponyms:
            sense = senses.get(key)
            if sense is None:
                if info.anchor >= 0 or len(anchors) <= (key in anchors):
                    sense = info.sense
                else:
                    row_i, conf, evidence, cand_rows = self._choose(key, info.priors, anchors)
                    places = tuple(g.place(c) for c in cand_rows) if len(cand_rows) > 1 else ()
                    sense = (row_i, conf, evidence, places)
                senses[key] = sense
            row_i, conf, evidence, candidates = sense
            place = g.place(row_i)
            status = "resolved" if conf >= _RESOLVED_AT else "ambiguous"
            mention = _mention(
                text[start:end], start, end, status, place, conf, evidence, candidates
            )
            mentions.append((start, mention, self._city_row(row_i, place)))

        if generics:
            mentions += self._resolve_generics(text, generics, mentions)
            mentions.sort(key=lambda t: t[0])
        elif len(hits) > 1 and hits[-1][0] < hits[-2][0]:
            mentions.sort(key=lambda t: t[0])
        return [m for _, m, _ in mentions]

    def _key_info(self, key: str, value: tuple[int, ...]) -> _KeyInfo:
        """Everything about a name that does not depend on the text (cached per name)."""
        g = self.gazetteer
        priors = self._priors(value)
        anchor = -1
        if len(priors) == 1 or priors[0][0] - priors[1][0] >= _ANCHOR_MARGIN:
            anchor = priors[0][1]
        row_i, conf, evidence, cand_rows = self._choose(key, priors, None)
        places = tuple(g.place(c) for c in cand_rows) if len(cand_rows) > 1 else ()
        weak = True
        for _, i, _ in priors:
            row = g.row(i)
            if row[_KIND] != "city" or row[_CC] == self._aoi or row[_POP] >= _SMALL_POP:
                weak = False
                break
        info = _KeyInfo(priors, anchor, (row_i, conf, evidence, places), weak)
        if len(self._infos) < _INFO_CACHE_MAX:
            self._infos[key] = info
        return info

    def _priors(self, value: tuple[int, ...]) -> list[tuple[float, int, bool]]:
        """(score, row, own name) per candidate, best first."""
        g = self.gazetteer
        aoi = self._aoi
        out = []
        for code in value:
            i = code if code >= 0 else ~code
            row = g.row(i)
            score = math.log10(row[_POP] + 10)
            if row[_CC] == aoi:
                score += _AOI_BONUS
            if code >= 0:
                score += _OWN_NAME_BONUS
            out.append((score, i, code >= 0))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def _choose(
        self,
        key: str,
        cands: list[tuple[float, int, bool]],
        anchors: Mapping[str, int] | None,
    ) -> tuple[int, float, tuple[str, ...], tuple[int, ...]]:
        """The sense of one name: (row, confidence, evidence, candidate rows).

        anchors is None for a name that is itself unambiguous enough to be context."""
        g = self.gazetteer
        if len(cands) == 1:
            _, i, own = cands[0]
            evidence = ("only candidate", "own name" if own else "alias")
            if g.row(i)[_KIND] == "demonym":
                evidence += ("demonym: resolved to the country's point",)
            return i, 0.95 if own else 0.85, evidence, (i,)
        rescored: list[tuple[float, int, bool, list[str]]] = []
        if anchors is None:
            rescored = [(score, i, own, []) for score, i, own in cands[:6]]
        else:
            context = [r for k, r in anchors.items() if k != key]
            admin1s = {g.row(r)[_ADMIN1] for r in context} - {""}
            points = [
                (g.row(r)[_LAT], g.row(r)[_LON], g.row(r)[_NAME])
                for r in context
                if g.row(r)[_KIND] not in ("country", "demonym")
            ]
            for score, i, own in cands[:6]:
                row = g.row(i)
                notes: list[str] = []
                if row[_ADMIN1] and row[_ADMIN1] in admin1s:
                    score += _SAME_ADMIN1_BONUS
                    notes.append(f"same admin-1 as other places in the text ({row[_ADMIN1]})")
                if points:
                    d, near = min(
                        (_approx_km(row[_LAT], row[_LON], la, lo), nm) for la, lo, nm in points
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
        row = g.row(best)
        evidence = (
            f"{len(cands)} candidates",
            "own name" if own else "alias",
            *((f"area of interest {self._aoi}",) if row[_CC] == self._aoi else ()),
            *((f"population {row[_POP]:,}",) if row[_POP] else ()),
            *notes,
        )
        return best, 1.0 / total, evidence, tuple(i for _, i, _, _ in rescored[:5])

    def _city_row(self, i: int, place: Place) -> int:
        if place.kind == "city":
            return i
        return self._city_of.get(i, -1)

    def _resolve_generics(
        self,
        text: str,
        generics: list[tuple[int, int, str, Mapping[int, int]]],
        found: list[tuple[int, Mention, int]],
    ) -> list[tuple[int, Mention, int]]:
        """Facility nouns without a city ("the airport"): the city named in the same sentence
        (the nearest one before it, else the first one after it), else the nearest preceding
        city in the text, else the city mentioned most; each only if it has such a facility.
        Left out when no city in the text has one."""
        g = self.gazetteer
        ordered = sorted((start, city) for start, _, city in found if city >= 0)
        counts: dict[int, int] = {}
        for _, city in ordered:
            counts[city] = counts.get(city, 0) + 1
        out = []
        for start, end, key, by_city in generics:
            lo, hi = _sentence_bounds(text, start)
            chosen, how = -1, ""
            for pos, city in reversed(ordered):
                if pos < start and city in by_city:
                    chosen = city
                    how = "same sentence" if pos >= lo else "nearest preceding city"
                    break
            if how != "same sentence":
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
            conf = {"same sentence": 0.85, "nearest preceding city": 0.75}.get(how, 0.6)
            evidence = (f"generic '{key}'", f"{how}: {g.row(chosen)[_NAME]}")
            place = g.place(by_city[chosen])
            mention = _mention(text[start:end], start, end, "resolved", place, conf, evidence)
            out.append((start, mention, chosen))
        return out


def _preceding_word_starts(text: str, pos: int, count: int) -> list[int]:
    """Start offsets of up to count words directly before pos (separated by spaces only)."""
    starts: list[int] = []
    q = pos
    for _ in range(count):
        k = q - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k == q - 1:
            break
        word_end = k + 1
        while k >= 0 and (text[k].isalnum() or text[k] in "'’"):
            k -= 1
        if k + 1 == word_end:
            break
        q = k + 1
        starts.append(q)
    return starts


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around pos (split at . ! ? and newlines)."""
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("? ", 0, pos))
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos), text.find("? ", pos)) if i >= 0]
    return lo + 1, min(ends) if ends else len(text)


def _approx_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km: plenty for ranking nearby candidates."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)
