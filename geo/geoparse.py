"""Geoparsing: find place names in a text and resolve each to a gazetteer entry, with evidence.

How it works (see bench/bench_geoparse.py for its speed beside geotext's):

1. One compiled regex splits the text into candidate runs: capitalised words (with hyphens and
   apostrophes, "Alma-Ata", "Ural'sk", "CHPP-2"), a few lower-case facility nouns ("airport",
   "city hall", "akimat", "power plant", "region"), joined by spaces, "of (the)" or a
   possessive "'s" (ASCII text gets the same regex with an ASCII word class, which the engine
   tests faster). Lower-case generic phrases in definite descriptions ("the city hall", "the
   city's airport") come from a second regex that starts with the literal "the", run only when
   a city named in the text has such facilities.
2. Inside a run the longest sub-span whose normalised form is in the gazetteer wins ("Almaty
   International Airport" before "Almaty"; "Nursultan Nazarbayev" is on the not-a-place list, so
   the person blocks the city alias "Nursultan"); a unit abroad is found with the word the news
   writes after it ("Orenburg Oblast", "Osh Region", "Herat Province"), and the names listed
   before a plural unit word are units ("the Karaganda and Pavlodar regions"); names joined by
   a hyphen are each a place ("Moscow-Aktobe flights"). What a run
   yields before context depends on
   the run alone, so it is memoised per run (and what a name means before context, per name);
   nothing is memoised per text.
3. Each distinct name gets one sense per text. Candidates are scored by population and feature
   class (a country before a same-named unit abroad; a unit abroad named like its country's big
   city yields: "Washington"), the area of interest (a soft bonus), whether the name is the
   place's own or an alias, and context from the other names in the text (the same admin-1 unit,
   the same country abroad, distance to unambiguous places): an article about Zhanaozen and
   Mangystau reads "Aktau" as the Caspian city, not the village in Karaganda Region; one about
   Toronto reads "London" as London, Ontario. A city directly followed by its unit or country
   ("Paris, Texas", "Kansas City, Kan.") takes its sense inside it. The
   unambiguous places of a text are indexed by admin-1 unit, country and a grid of their
   points, so each name costs the few places near its senses (the work is linear in the
   text); a sense in context is memoised per name and what context says of each of its senses
   (same unit, same country, nearest place within 500 km), never per text, in a bounded memo.
4. Generic facility nouns without a city ("the airport", "the akimat", "the power plant") take the
   facility of the city named in the same sentence, else of the nearest preceding city in the
   text that has one, else of the city mentioned most; but a noun whose own sentence names a
   city that lacks such a facility is that city's, which the gazetteer does not know, and is
   left out ("the city administration in Semey"). Only definite descriptions refer: "a power
   station" or "an airport" names no particular site and is left out.

Rules that keep non-places out (documented in data/README.md):

- data/not_places.csv lists persons, parties and organisations ("Nur Otan", "Tokayev", "Mir").
- Without a list: a title before a name ("President Obama", "Gen. Petraeus") or an unknown
  capitalised word before a small place's name ("Barack Obama", "ArcelorMittal Temirtau") makes
  it a person's or an organisation's name, and that name is no place anywhere else in the text
  either, but right after "in", "near", "outside" or "around" for a place of the area of
  interest ("the steelworks in Temirtau"). Big places keep their name ("CBC Toronto").
- Natural features: the gazetteer has none, so a feature word before a small place's name
  ("Lake Balkhash", "Camp David") or after a name ("the Ishim river", "the Ili and Irtysh
  rivers", "the Altai mountains") makes that mention the feature's (a country, demonym or world
  region keeps it: "the Kazakh steppe"); the name elsewhere in the text is still the place.
- Historic and foreign forms that only alias a small city abroad are no names ("Hamas" is not
  Hamm; the gazetteer drops them).
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
import weakref
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping
from functools import cache, partial
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from geo._regex import trie as _trie
from geo.config import Settings
from geo.gazetteer import COMMON_WORDS, FEATURE_NOUNS, Gazetteer, normalize
from geo.schema import Mention, Place

if TYPE_CHECKING:
    from geo.cyrillic import CyrillicNames

try:  # the compiled core (geo/*.pyx), when `make setup` has built it
    from geo._context import Anchors as _CompiledAnchors
    from geo._context import best_sense as _best_sense
    from geo._scan import RunScanner as _RunScanner
except ImportError:  # not built: _Anchors, _sense_of and the regex split, in pure Python
    _CompiledAnchors = None
    _best_sense = None
    _RunScanner = None
try:
    from geo._rows import NameFacts as _NameFacts
except ImportError:  # not built: Geoparser._name_facts, the same in pure Python
    _NameFacts = None

_ID, _NAME, _KIND, _LAT, _LON, _CC, _ADMIN1, _POP = range(8)
_BLANKS = r"[ \t\n]++"  # possessive: what follows blanks is never a blank


def _word_atoms(word: str) -> list[str]:
    """A written word as atoms; an apostrophe matches either kind ("mayor's", "mayor’s")."""
    return ["['’]" if c == "'" else re.escape(c) for c in word]


def _key_atoms(phrase: str) -> list[str]:
    """A normalised key ("mayors office") as atoms: a blank matches any run of blanks, and a
    word-final "s" also a possessive ("mayor's office")."""
    atoms: list[str] = []
    for word_no, word in enumerate(phrase.split()):
        if word_no:
            atoms.append(_BLANKS)
        atoms += [re.escape(c) for c in word]
        if len(word) > 3 and word.endswith("s"):
            atoms[-1] = "['’]?s"
    return atoms


# A list's plural unit word, and the word each name of the list takes ("the Karaganda and
# Pavlodar regions": "Karaganda Region" and "Pavlodar Region").
_UNIT_PLURALS = {"regions": "region", "oblasts": "oblast", "provinces": "province"}
# Between the names of a list ("Ili, Irtysh and Ishim", "Karaganda or Pavlodar").
_LIST_JOINT = re.compile(r",[ \t]*+(?:and[ \t]++|or[ \t]++)?|[ \t]++(?:and|or)[ \t]++")
_PLURAL_AFTER = re.compile(r"[ \t]++(regions|oblasts|provinces)\b", re.IGNORECASE)
# Right before a name of the area of interest: it is the place ("the steelworks in Temirtau"),
# even where the same name is a company's or a person's elsewhere in the text ("ArcelorMittal
# Temirtau"). (Abroad, "in Olympic record time" is no place.)
# A plural airport noun shared by a list of cities, before ("airports in Almaty, Aktobe and
# Aktau", "аэропортов Алма-Аты, Актобе и Актау") or after it ("Almaty and Aktau airports",
# Kazakh "Алматы мен Ақтау әуежайлары"), and the joints of such a list in three languages
_NOUN_FIRST = r"airports|аэропорт(?:ы|ов|ам|ах|ами)"  # the plural noun before its cities
_NOUN_LAST = r"airports|әуежайлар\w*"  # after them
_AIRPORTS_BEFORE = re.compile(
    rf"(?<!\w)(?:(?:{_NOUN_FIRST})[ \t]+(?:(?:in|of|at)[ \t]+)?(?:the[ \t]+)?"
    r"(?:cities[ \t]+of[ \t]+)?(?:в[ \t]+|городов[ \t]+)?)$",
    re.IGNORECASE,
)
_AIRPORTS_AFTER = re.compile(rf"[ \t]+(?:{_NOUN_LAST})(?!\w)", re.IGNORECASE)
# (the noun inside the list's first or last mention: "аэропортов Алма-Аты", "Ақтау әуежайлары")
_PLURAL_AIRPORT = re.compile(rf"^(?:{_NOUN_FIRST})\s|\s(?:{_NOUN_LAST})$", re.IGNORECASE)
_AIRPORT_NOUN = re.compile(r"irports|[Аа]эропорт|[Әә]уежай")
_NAME_LIST_JOINT = re.compile(
    r",[ \t]*+(?:(?:and|or|и|және)[ \t]++)?|[ \t]++(?:and|or|и|және|мен|бен|пен)[ \t]++"
)
_IN_BEFORE = re.compile(r"(?<![\w'’])(?:in|near|outside|around)[ \t]+$")
# Senses a feature word after a name does not deny ("the Kazakh steppe", "the Caspian Sea").
_NOT_FEATURE_KINDS = ("country", "demonym", "region", "continent")

# Lower-case words that may be part of a facility or region name ("Almaty city hall").
_LOWER_WORDS = (
    "airport", "airports", "airfield", "airbase", "air", "base", "international", "terminal",
    "city", "hall", "akimat", "akimats", "regional", "region", "oblast", "province",
    "administration", "mayor's", "mayoralty", "prosecutor's", "office", "offices",
    "building", "headquarters", "department", "power", "plant", "station", "thermal", "central",
    "main", "square", "town", "presidential", "residence", "president's", "palace", "party",
    "ruling", "military", "institute", "tv", "television", "channel", "studios", "studio",
    "district", "water", "pumping", "state", "county",
    # what follows a name that is not the place's: a natural feature ("the Ishim river") or a
    # list's unit word ("the Karaganda and Pavlodar regions")
    *FEATURE_NOUNS, *_UNIT_PLURALS,
)  # fmt: skip
_NUMBER = r"No\.[ ]?\d+"
# a plural unit word and "of" before a list of names ("the regions of Almaty and Zhambyl"):
# found by its literal end first (a search of every text, so the cheap part leads)
_S_OF = re.compile(r"s of (?:the )?(?=[A-Z])")
_UNITS_BEFORE = {
    "regions": "region", "provinces": "province", "oblasts": "oblast", "states": "state",
    "counties": "county", "Regions": "region", "Provinces": "province", "Oblasts": "oblast",
}  # fmt: skip
# what an institution's name begins with, not a place's ("University of Texas")
_INSTITUTIONS = frozenset(
    "university college bank school institute hospital museum church court council government "
    "ministry".split()
)
_LOWER = rf"{_trie(map(_word_atoms, _LOWER_WORDS))}\b"


def _word(w: str) -> tuple[str, str]:
    """A capitalised word, and any word of a run (a number, a capitalised word or a facility
    word); w is the class of word characters."""
    cap = rf"[A-ZÀ-ÖØ-Þ](?:\.(?:[A-Z]\.)++|{w}*+(?:['’\-](?!s\b){w}+)*+)"
    return cap, rf"(?:{_NUMBER}|{cap}|{_LOWER})"


def _run_split(w: str) -> Callable[[str], list[str]]:
    """The split of a text into [gap, run, gap, run, ..., gap] (offsets by summing lengths).

    A run starts with a capital (the leading character class keeps the C scan fast);
    lower-case facility words only continue a run, after blanks, a possessive "'s" or "of
    (the)". For speed (a third of the split's time): each joint is one branch per first
    character, the facility words are a trie, and repeats are possessive (*+, ++: nothing after
    them needs what they took back, so the engine keeps no state to backtrack into)."""
    cap, word = _word(w)
    run = rf"{cap}(?:(?:['’]s[ \t]++|[ \t]++)(?:{word}|of[ \t]++(?:the[ \t]++)?{word}))*+"
    return re.compile(f"({run})").split


_TOKEN_RE = re.compile(_word(r"\w")[1])


@cache
def _splitter(ascii_text: bool) -> Callable[[str], list[str]]:
    """The run split of a text: compiled on first use, since compiling each took a process
    ~5 ms of its start (with the compiled scan, an ASCII text needs neither). On ASCII text
    \\w is exactly [0-9A-Z_a-z]: the same runs, and the explicit class is a bitmap that the
    engine tests faster than the Unicode category (the split takes 7 % less time)."""
    return _run_split("[0-9A-Z_a-z]" if ascii_text else r"\w")


# After a name: a surname ("Vladimir Zhirinovsky": a person) or a street word ("Abay Avenue").
_NOT_PLACE_NEXT = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+(?:ov|ev|yev|ova|eva|yeva|uly|kyzy|enko|sky|skiy|skaya|ovich|evich|ovna)"
    r"|Avenue|Street|Prospekt|Prospect|Boulevard|Road|Highway|Lane|Str|St|Ave)\b"
)
# A capitalised word right before a name in the same run makes it a person's or an
# organisation's name ("Barack Obama", "Camp David", "President Obama"), unless the word is a
# common English word ("In Almaty") or a modifier of places ("Northern Alberta"); titles and
# feature words always do.
_TITLES = frozenset(
    """
    president minister premier mayor governor senator sen rep gov gen general mr mrs ms dr prof
    king queen prince princess pope judge justice chancellor secretary ambassador officer sgt lt
    col capt chief commissioner councillor councilor coach lord lady sir dame sheikh emir
    ayatollah imam rev father bishop archbishop cardinal speaker leader director deputy
    constable cst insp supt maj adm pres
    """.split()
)
# Words before a small place's name that make it a feature's name ("Camp David", "Lake Louise").
_FEATURE_WORDS = frozenset("camp lake mount mt river cape bay fort".split())
# Only a name whose best sense is a small place (or an alias) yields to an unknown capitalised
# word before it: "CBC Toronto", "Environment Canada", "Overall Edmonton" stay places.
_PERSON_MAX_POP = 250_000
_PLACE_MODIFIERS = frozenset(
    """
    north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern greater upper lower
    downtown metro inner outer rural coastal mainland old new
    """.split()
)
# A title with a full stop right before a run ("Gen. Petraeus", "Mr. Paterson").
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|Cpl|Cst|Insp|Supt|Maj|Adm"
    r"|Pres)\.[ \t]*$"
)
# After a city: ", <admin-1 unit or country>" (one-dot abbreviations: "Kansas City, Kan.").
_REGION_AFTER = re.compile(r",[ \t]+([A-Z][a-z]{1,4})\.")
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
_SENTENCE_END = frozenset('.!?\n"“”:;')
_BLANK = frozenset(" \t")
_BLANK_OR_O = frozenset(" \to")

# Scoring weights (log10 population is the base of a candidate's score).
_AOI_BONUS = 1.5
_OWN_NAME_BONUS = 0.3
_OWN_CITY_POP = 100_000  # a city whose own name of several words no other town's alias takes
_SAME_ADMIN1_BONUS = 1.5
# Feature class as a prior beside population: a country is named more often than a same-named
# first-level unit abroad ("Georgia"); a unit abroad named like its country's big city yields.
_KIND_BONUS = {"country": 1.0, "demonym": 1.0, "continent": 0.5, "region": 0.5}
_UNIT_ALIAS_PENALTY = 1.5
_SAME_COUNTRY_BONUS = 1.0  # a sense in the country of a clear winner elsewhere in the text
_NEAR_BONUS = 1.0  # times exp(-distance / _NEAR_KM) to the nearest unambiguous place
_NEAR_KM = 100.0
_NEAR_CUTOFF_KM = 500.0  # farther than this a place is no context (the bonus would be < 0.007)
_MAX_SENSES = 6  # the best senses by prior that context may reorder
_ANCHOR_MARGIN = 2.0  # a name whose best sense leads by this much is context for the others
_RESOLVED_AT = 0.5  # below this confidence a mention is "ambiguous" (best guess kept)
_SMALL_POP = 100_000
# A name whose every sense is a town abroad below this many people is kept only where the text
# supports it (spatial minimality): a clear winner in its admin-1 unit or within _SUPPORT_KM, or
# its unit named right after it ("Edmonton, Queensland"). Above it, population alone may choose.
_SUPPORT_BELOW = 15_000
_SUPPORT_KM = 60.0

# A Cyrillic letter: only a text with one needs geo.cyrillic, imported then (compiling its
# patterns was 12 ms of every geoparse command's start)
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]").search

_ASCII_TABLE = {
    code: (None if chr(code) in "'`" else " ")
    for code in range(128)
    if not chr(code).isalnum() and not chr(code).isspace()
}


_MEMO_MAX = 500_000  # bound of each per-name and per-run memo
_CONTEXT_MEMO_MAX = 50_000  # bound of the memo of senses in context (name and context facts)

# Flags of a hit template (see Geoparser._run_hits); 0 is the common case: a name to report.
_WEAK = 1  # dropped when it starts a sentence (every sense a small place outside the AOI)
_NEEDS_CONTEXT = 2  # no clear winner: other names in the text may change its sense
_GENERIC = 4  # a generic facility noun ("Airport" at a sentence start): resolved by city
_NOT_A_MENTION = 8  # a first name or a street name ("Vladimir Zhirinovsky", "Abay Avenue")
_SEVERAL = 16  # several hits in one run
_SMALL = 64  # every sense a small town abroad: kept only where the text supports it
_CHECK_TITLE = 128  # a small place abroad or an alias: "Mr. Paterson" is a person
_REGIONAL = 256  # best sense abroad among several: a unit named after it may choose
_PERSON = 32  # a name used as a person's or organisation's (with _NOT_A_MENTION): the same name
# elsewhere in the text is that person too ("Barack Obama ... Obama said")
_LIST_END = 512  # the last name of a list before a plural unit or feature word (see _lists)

_CONFIDENCE_OF = {"same sentence": 0.85, "nearest preceding city": 0.75}
_ONLY_OWN = ("only candidate", "own name")
_ONLY_ALIAS = ("only candidate", "alias")

_START_OF = itemgetter(1)  # a Mention's start
_END_OF = itemgetter(2)  # a Mention's end
_ANCHOR_OF = attrgetter("anchor")  # a _Name's clear winner (row), or -1
_new_tuple = tuple.__new__  # Mention is a named tuple: tuple.__new__ skips its __new__


class _RunMemo(dict):  # type: ignore[type-arg]
    """Run -> what it yields (see _Template). A run not yet seen is worked out by
    __missing__, so that parse looks every run up in one C-level map; at most size runs are
    kept (a run past that is worked out each time).

    It holds its parser's method weakly: a strong one made the parser and its memos a cycle
    that only the collector frees, and a geoparse command spent 0.1 s of its ~0.9 s in that
    collection at exit; without the cycle they go when the parser does."""

    def __init__(self, work_out: Callable[[str], _Template | tuple[()]], size: int) -> None:
        super().__init__()
        self.work_out = weakref.WeakMethod(work_out)  # type: ignore[arg-type]
        self.size = size

    def __missing__(self, run: str) -> _Template | tuple[()]:
        hits = self.work_out()(run)  # type: ignore[misc]
        if len(self) < self.size:
            self[run] = hits
        return hits


# Per sense of a name: its admin-1 unit, country, point and _box(lat, _NEAR_CUTOFF_KM) (a spot);
# and what the anchors of a text say of it (a fact: same country, same admin-1 unit, the
# nearest anchor point within _NEAR_CUTOFF_KM as (distance, name), or None).
_Spot = tuple[str, str, float, float, float, float]
_Facts = tuple[tuple[bool, bool, tuple[float, str] | None], ...]


class _Sense(NamedTuple):
    """What a name is resolved to: its row, the Mention fields that follow, its city row."""

    row: int
    confidence: float
    evidence: tuple[str, ...]
    candidates: tuple[Place, ...]
    place: Place
    status: str
    city: int  # the row of the city it is in (itself for a city), or -1
    rest: tuple[object, ...]  # the Mention fields after text, start, end


class _Name:
    """Per-name facts independent of the text (memoised per name): priors, clear winner,
    context-free sense, and whether its senses' cities have generic facility nouns."""

    __slots__ = (
        "key", "value", "priors", "anchor", "weak", "generic", "sense", "city", "small",
        "title_prone", "regional", "spots",
    )  # fmt: skip

    def __init__(
        self,
        key: str,
        value: tuple[int, ...],
        priors: list[tuple[float, int, bool]],
        anchor: int,
        weak: bool,
        generic: bool,
        sense: _Sense,
    ) -> None:
        self.key = key
        self.value = value  # candidate codes (row, or ~row for an alias)
        self.priors = priors  # (score, row, own name), best first
        self.anchor = anchor  # row of the clear winner, or -1
        self.weak = weak  # every sense is a small place outside the area of interest
        self.generic = generic  # a city it may name (or be in) has generic facility nouns
        self.sense = sense
        self.city = sense.city  # the city of its sense before context, or -1
        self.small = False  # every sense a town abroad below _SUPPORT_BELOW: needs support
        self.title_prone = False  # best sense a small place abroad or an alias (see _small)
        self.regional = False  # several senses, the best abroad: "Paris, Texas" may change it
        self.spots: tuple[_Spot, ...] | None = None


# What a run yields: () for no hit, else a hit relative to the run: (start, end, flags, its
# text, the Mention fields after text, start and end, _Name or (key, {city row: facility row})
# for a generic noun, whether a city it may name has generic facility nouns (only then is the
# text searched for lower-case ones, "the city hall")). A run with several hits (rare) yields
# (0, 0, _SEVERAL, "", (), its hits, whether any may name such a city).
_Template = tuple[int, int, int, str, tuple[object, ...], object, bool]
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
    """A Mention built by tuple.__new__, without the named tuple's Python-level __new__ (parse
    does the same inline); equal to Mention(...) with the same fields (tested)."""
    return _new_tuple(Mention, (text, start, end, status, place, confidence, evidence, candidates))  # type: ignore[return-value]


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether a name opens a line in capitals before a comma: a dateline ("ASHEVILLE, N.C.,
    Oct 1 (Reuters) -"), whose first word is a place however small."""
    return (
        (start == 0 or text[start - 1] == "\n")
        and text[end : end + 1] == ","
        and text[start:end].isupper()
    )


def _key(text: str) -> str:
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).lower().split())
    return normalize(text)


# math.radians(x) is x * (pi / 180) in CPython (the same product, so the same bits: tested);
# the product inline saves three calls per distance, where the context work spends its time
_RADIANS = math.pi / 180.0


def _km(lat: float, lon: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km: plenty for ranking nearby candidates."""
    return 6371.0 * math.hypot(
        (lon2 - lon) * _RADIANS * math.cos((lat + lat2) / 2 * _RADIANS), (lat2 - lat) * _RADIANS
    )


_KM_PER_DEGREE = 6371.0 * math.pi / 180.0
_NO_POINT = ("country", "demonym")  # kinds whose point is no context (a capital stands in)
_NOT_SUPPORT = ("continent", "region")  # nor do these support a small town near their point
_CELL_DEG = 5.0  # side of a cell of the anchors' grid (degrees of latitude and longitude)
_GRID_FROM = 40  # anchor points from which the grid pays (below, a scan of them all is faster)


def _box(lat: float, km: float) -> tuple[float, float]:
    """Half the sides (degrees of latitude, of longitude) of a box around a point at lat that
    holds every point within km by _km (no wrap at the antimeridian, like _km)."""
    dlat = km / _KM_PER_DEGREE + 0.01  # (a margin for rounding)
    # _km scales longitude by the cosine of the mean latitude, at most dlat / 2 away
    edge = abs(lat) + dlat / 2
    return dlat, 360.0 if edge >= 89.0 else dlat / math.cos(math.radians(edge))


class _Anchors:
    """The clear winners of one text (rows), indexed so that the context of a name costs the
    few anchors near its senses, not every anchor in the text (linear in text length): their
    admin-1 units, their countries, and their points in a grid of _CELL_DEG cells (built
    when the text has _GRID_FROM points or more)."""

    __slots__ = (
        "admin1s", "countries", "aoi_admin1s", "aoi_points", "cells", "points", "spans", "aoi"
    )  # fmt: skip

    def __init__(self, rows: Mapping[int, tuple], anchors: set[int], aoi: str) -> None:
        self.aoi = aoi
        self.admin1s: set[str] = set()
        self.countries: set[str] = set()
        self.aoi_admin1s: set[str] = set()  # admin-1 units of anchors in the area of interest
        self.aoi_points = False  # whether an anchor in the area of interest has a point
        points: list[tuple[float, float, str, str, str]] = []
        for a in anchors:
            row = rows[a]
            admin1, cc = row[_ADMIN1], row[_CC]
            if admin1:
                self.admin1s.add(admin1)
            if cc:
                self.countries.add(cc)
                if cc == aoi and admin1:
                    self.aoi_admin1s.add(admin1)
            if row[_KIND] not in _NO_POINT:
                points.append((row[_LAT], row[_LON], row[_NAME], cc, row[_KIND]))
                if cc == aoi:
                    self.aoi_points = True
        self.points = points
        self.cells: dict[tuple[int, int], list[tuple[float, float, str, str, str]]] | None = None
        # the points of the cells a query covers, by its span of cells (rows, then columns)
        self.spans: dict[tuple[int, int, int, int], list[tuple[float, float, str, str, str]]] = {}

    def _candidates(
        self, lat: float, lon: float, dlat: float, dlon: float
    ) -> list[tuple[float, float, str, str, str]]:
        """A superset of the points within dlat and dlon of a point: every point of a text
        with few, else those of the grid cells the box covers."""
        points = self.points
        if dlon >= 360.0 or len(points) < _GRID_FROM:
            return points
        floor, cells = math.floor, self.cells
        if cells is None:
            cells = self.cells = {}
            for point in points:
                cell = (floor(point[0] / _CELL_DEG), floor(point[1] / _CELL_DEG))
                cells.setdefault(cell, []).append(point)
        span = (
            floor((lat - dlat) / _CELL_DEG),
            floor((lat + dlat) / _CELL_DEG) + 1,
            floor((lon - dlon) / _CELL_DEG),
            floor((lon + dlon) / _CELL_DEG) + 1,
        )
        # the senses of a text's names cluster: many queries cover the same cells
        found = self.spans.get(span)
        if found is None:
            found = self.spans[span] = []
            xs = range(span[2], span[3])
            for y in range(span[0], span[1]):
                for x in xs:
                    got = cells.get((y, x))
                    if got:
                        found += got
        return found

    def near(self, lat: float, lon: float, km: float) -> list[tuple[float, str, str, str]]:
        """(distance, name, country, kind) of the anchor points within km of a point, by _km
        (no wrap at the antimeridian, like _km)."""
        dlat, dlon = _box(lat, km)
        # _km inline (the same expression, so the same distances) inside the box that holds
        # every point within km
        out = []
        cos, hypot, rad = math.cos, math.hypot, _RADIANS
        for la, lo, nm, cc, kind in self._candidates(lat, lon, dlat, dlon):
            if -dlat <= la - lat <= dlat and -dlon <= lo - lon <= dlon:
                d = 6371.0 * hypot((lo - lon) * rad * cos((lat + la) / 2 * rad), (la - lat) * rad)
                if d <= km:
                    out.append((d, nm, cc, kind))
        return out

    def nearest(
        self, lat: float, lon: float, dlat: float, dlon: float, aoi: str
    ) -> tuple[tuple[float, str] | None, bool]:
        """The nearest anchor point within _NEAR_CUTOFF_KM of a point as (distance, name) (the
        least (distance, name, country, kind) of near(), so ties go as min(near(...)) sends
        them), or None; and whether one within it is in the area of interest. dlat, dlon:
        _box(lat, _NEAR_CUTOFF_KM)."""
        best = None
        in_aoi = False
        cos, hypot, rad = math.cos, math.hypot, _RADIANS
        bound = _NEAR_CUTOFF_KM  # no point farther than this counts
        for la, lo, nm, cc, kind in self._candidates(lat, lon, dlat, dlon):
            if -dlat <= la - lat <= dlat and -dlon <= lo - lon <= dlon:
                across = (la - lat) * rad
                # hypot(x, y) >= |y|, so a point this far in latitude alone is no nearer than
                # the best so far; it is skipped unless it may still be the first in the AOI
                if 6371.0 * abs(across) > bound and (in_aoi or cc != aoi):
                    continue
                d = 6371.0 * hypot((lo - lon) * rad * cos((lat + la) / 2 * rad), across)
                if d <= _NEAR_CUTOFF_KM:
                    if cc == aoi:
                        in_aoi = True
                    if best is None or (d, nm, cc, kind) < best:
                        best = (d, nm, cc, kind)
                        bound = d
        return (None if best is None else (best[0], best[1])), in_aoi

    def context_facts(self, spots: tuple[_Spot, ...]) -> _Facts | None:
        """Per sense of a name (spots: its best _MAX_SENSES by prior, see Geoparser._spots):
        whether an anchor bearing on the name shares its country, whether one shares its
        admin-1 unit, and the nearest anchor point within _NEAR_CUTOFF_KM (distance, name).
        None when no anchor bears on it.

        An anchor bears on a name when it shares an admin-1 unit with one of its senses, or a
        country outside the area of interest, or lies within _NEAR_CUTOFF_KM of one; what
        matters for a sense is then only its own unit, its own country, its nearest anchor
        (an anchor in the area of interest counts for the country only when it bears)."""
        aoi = self.aoi
        admin1s, countries, aoi_admin1s = self.admin1s, self.countries, self.aoi_admin1s
        nearest_of = self.nearest if self.points else None
        facts = []
        bears = False
        aoi_bears = False
        for admin1, cc, lat, lon, dlat, dlon in spots:
            same_admin1 = bool(admin1) and admin1 in admin1s
            if admin1 and admin1 in aoi_admin1s:
                aoi_bears = True
            nearest = None
            if nearest_of is not None:
                nearest, in_aoi = nearest_of(lat, lon, dlat, dlon, aoi)
                if in_aoi:
                    aoi_bears = True
            same_country = bool(cc) and cc != aoi and cc in countries
            bears = bears or same_admin1 or same_country or nearest is not None
            facts.append((same_country, same_admin1, nearest, cc))
        if not bears:
            return None
        if aoi_bears and aoi in countries:  # an anchor in the area of interest bears on it
            return tuple((f[0] or f[3] == aoi, f[1], f[2]) for f in facts)
        return tuple((f[0], f[1], f[2]) for f in facts)


class Geoparser:
    """Finds and resolves place mentions; build once per gazetteer and reuse (thread-safe)."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        settings: Settings,
        *,
        run_cache_size: int = 200_000,
        compiled: bool = True,
        evidence: bool = True,
    ) -> None:
        """run_cache_size bounds the memo of capitalised runs ("President Kassym-Jomart
        Tokayev" -> no place, "Almaty" -> its hit): what a run yields before context depends
        on the run alone. 0 disables it. compiled: use the compiled core of context
        (geo._context, built by `make setup`) when it is built; False keeps to pure Python.
        Both give the same results (tested). evidence=False: senses chosen by score carry
        no evidence and no candidates (the geoparse command prints neither, and writing
        them was 5 % of its instructions); every other field is the same (tested)."""
        self.gazetteer = gazetteer
        self._evidence = evidence
        self._anchors: Callable[[Mapping[int, tuple], set[int], str], _Anchors] = (
            _CompiledAnchors if compiled and _CompiledAnchors is not None else _Anchors
        )
        # the connectors that the names' words are joined by ("de", "and"; see _join_runs):
        # connector -> the words before it in names
        # (not "of", which the runs go on across; nor "on": "on Monday" is too common for
        # the few names that have it, which the press writes with hyphens: "Rostov-on-Don")
        self._joins = {c: w for c, w in gazetteer.joins.items() if c not in {"of", "on"}}
        # the runs of an ASCII text, their starts (as _splitter(True) finds them) and the
        # runs a connector follows
        connectors = [c.encode("ascii") for c in self._joins if c.isascii()]
        self._scan: Callable[[str], tuple[list[str], list[int], list[int]]] | None = (
            partial(_RunScanner(_LOWER_WORDS).runs_and_gaps, connectors=connectors)
            if compiled and _RunScanner is not None
            else None
        )
        self._cyrillic: CyrillicNames | None = None
        self.settings = settings
        self._names = gazetteer.names
        self._generic = gazetteer.generic
        self._city_of = gazetteer.city_of
        self._prefixes = gazetteer.prefixes
        self._rows = gazetteer.rows_on_demand
        self._aoi = settings.area_of_interest
        # cities with a facility that a generic noun may name ("the akimat" in Taraz)
        self._generic_cities = {city for by_city in self._generic.values() for city in by_city}
        # a lower-case generic phrase in a definite description: "the city hall", "the
        # city airport", "the town's akimat" (the regex starts with a literal: the engine
        # finds it fast; the modifier is a branch, cheaper than an optional group, and the
        # engine may leave it: "the city hall"; "the local airport" too)
        phrases = _trie(map(_key_atoms, self._generic))
        self._generic_re = re.compile(
            rf"the{_BLANKS}(?:city(?:['’]s)?+{_BLANKS}|town(?:['’]s)?+{_BLANKS}|local{_BLANKS}|)"
            rf"({phrases})\b"
        )
        self._iata = gazetteer.iata  # (an airport's row is read when its code is met)
        # without evidence, the sense that leads by score is chosen in C (see _best_sense)
        self._compiled_best = compiled and not evidence and _best_sense is not None
        # what _name_facts works out, from the index's columns in C (no row built)
        columns = gazetteer.compiled_rows if compiled and _NameFacts is not None else None
        self._facts_of: Callable[[tuple[int, ...]], tuple] | None = (
            None
            if columns is None
            else _NameFacts(
                columns, self._aoi, _KIND_BONUS, _AOI_BONUS, _UNIT_ALIAS_PENALTY,
                _OWN_NAME_BONUS, _SUPPORT_BELOW, _SMALL_POP, _PERSON_MAX_POP,
            ).of
        )  # fmt: skip
        # Memos keyed by one run, one name, or one name and the places near its senses (never
        # by a text): a real corpus repeats place names. Bounded; clear_memos() empties them.
        self._runs = _RunMemo(self._run_hits, run_cache_size)
        self._infos: dict[str, _Name] = {}
        # generic phrase as written -> its key and {city row: facility row}, or None
        self._phrases: dict[str, tuple[str, Mapping[int, int] | None]] = {}
        # (generic key, how its city was chosen, city row) -> the Mention fields after the span
        self._generic_rest: dict[tuple[str, str, int], tuple[object, ...]] = {}
        # place id -> row, of every place a sense names (filled as senses are made);
        # _index_of falls back to the gazetteer's index of ids
        self._row_by_id: dict[str, int] = {}
        # (name key, context facts) -> its sense in that context (see _resolve_in_context)
        self._in_context: dict[tuple[str, tuple[object, ...]], _Sense] = {}

    def clear_memos(self) -> None:
        """Forget every memoised run and name (results do not change, only the speed)."""
        self._runs.clear()
        self._infos.clear()
        self._phrases.clear()
        self._generic_rest.clear()
        self._in_context.clear()

    # -- finding ---------------------------------------------------------------------------

    def _run_hits(self, run: str) -> _Template | tuple[()]:
        """What one capitalised run yields (see _Template): its hits relative to the run.
        Depends on the run alone, so parse() memoises it."""
        if run.isalpha():  # one plain word: the common case, keep it cheap
            key = run.lower() if run.isascii() else normalize(run)
            value: object = self._names.get(key)
            found: tuple[tuple[int, int, str, object], ...] = ()
            if value is None:
                value = self._generic.get(key)
                if value is None and len(run) == 3 and run.isupper():
                    airport = self._aoi_airport(run)
                    if airport >= 0:
                        value = (airport,)
            if value:
                found = ((0, len(run), key, value, 0),)
        else:
            found = self._find_in_run(run)
        if not found:
            return _NO_HITS
        templates: list[_Template] = []
        for start, end, key, value, marks in found:
            if value.__class__ is not tuple:
                templates.append((start, end, _GENERIC, "", (), (key, value), False))
                continue
            name = self._infos.get(key)
            if name is None:
                name = self._name(key, value)  # type: ignore[arg-type]
            if marks & _NOT_A_MENTION:  # a person's name or a feature's
                templates.append((start, end, marks, "", (), name, name.generic))
                continue
            # A capitalised word right after a name is in the same run: this is run-local.
            if (
                end < len(run) - 2
                and run[end + 1 : end + 2].isupper()
                and _NOT_PLACE_NEXT.match(run, end)
            ):
                templates.append((start, end, _NOT_A_MENTION, "", (), name, name.generic))
                continue
            flags = marks | _WEAK if name.weak and " " not in key else marks
            if name.anchor < 0:
                flags |= _NEEDS_CONTEXT
            if name.small:
                flags |= _SMALL
            if name.title_prone:
                flags |= _CHECK_TITLE
            if name.regional:
                flags |= _REGIONAL
            templates.append(
                (start, end, flags, run[start:end], name.sense.rest, name, name.generic)
            )
        if len(templates) == 1:
            return templates[0]
        return (0, 0, _SEVERAL, "", (), tuple(templates), any(t[6] for t in templates))

    def _aoi_airport(self, code: str) -> int:
        """The row of the airport of the area of interest with this IATA code, or -1 (each
        process used to read the rows of all ~1,400 airports at its start to know them)."""
        i = self._iata.get(code)
        return -1 if i is None or self._rows[i][_CC] != self._aoi else i

    def _find_in_run(self, run: str) -> tuple[tuple[int, int, str, object, int], ...]:
        """Longest names inside a multi-word (or punctuated) run, left to right; offsets are
        relative to the run. The last item of a hit is its template flags: _NOT_A_MENTION |
        _PERSON when a capitalised word before it makes it a person's or organisation's name
        ("Barack Obama"); _NOT_A_MENTION when a feature word before or after it makes it a
        feature's ("Camp David", "the Ishim river"); _LIST_END when a plural feature or unit
        word follows ("the Ili and Irtysh rivers", "the Karaganda and Pavlodar regions": the
        name is then its unit's, and see _lists for the names before it)."""
        hits: list[tuple[int, int, str, object, int]] = []
        names, generic, prefixes = self._names, self._generic, self._prefixes
        tokens = [t.span() for t in _TOKEN_RE.finditer(run)]
        keys = []
        for a, b in tokens:
            word = run[a:b]
            keys.append(word.lower() if word.isalpha() and word.isascii() else _key(word))
        n, i = len(tokens), 0
        while i < n:
            cur = keys[i]
            if (cur in FEATURE_NOUNS or cur in _UNIT_PLURALS) and (
                run[tokens[i][0]].islower()
                or (i and not run[tokens[i - 1][1] : tokens[i][0]].strip())
            ):
                # "the Ishim river": only what a name it follows is ("Rivers State"); nor is a
                # capitalised one after a word ("the Sandy Creek fire", "Nymboida State Forest")
                i += 1
                continue
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
                airport = self._aoi_airport(word) if len(word) == 3 and word.isupper() else -1
                if airport >= 0:
                    best, best_key, best_value = i, keys[i], (airport,)
                elif "-" in word and word.partition("-")[2].islower():  # "Almaty-based"
                    head = word.partition("-")[0]
                    value = names.get(_key(head))
                    if value:
                        start = tokens[i][0]
                        hits.append((start, start + len(head), _key(head), value, 0))
                elif "-" in word:  # "Moscow-Aktobe flights", "the Russia-Kazakhstan border"
                    hits += _joined_names(word, tokens[i][0], names)
            if best >= 0:
                # an empty tuple marks a name that is not a place; a generic noun right after a
                # name is that name's head noun ("CHPP-1 power station"), not another facility
                follows_name = bool(hits) and hits[-1][1] == tokens[i - 1][1] if i else False
                if best_value and not (follows_name and best_value.__class__ is not tuple):
                    marks = 0
                    if i > 0 and not follows_name and best_value.__class__ is tuple:
                        marks = self._named_by_word_before(
                            run, tokens[i - 1], tokens[i][0], keys[i - 1],
                            self._small(best_key, best_value),
                        )  # fmt: skip
                    after = best + 1
                    if (
                        not marks
                        and after < n
                        and best_value.__class__ is tuple
                        and (keys[after] in FEATURE_NOUNS or keys[after] in _UNIT_PLURALS)
                        and not run[tokens[best][1] : tokens[after][0]].strip(" \t")
                        # (a capitalised word after it makes a longer proper name of it:
                        # "Plantation Lakes Apartments")
                        and (after == n - 1 or run[tokens[after][0]].islower())
                    ):
                        best_key, best_value, marks = self._before_word(
                            best_key, best_value, keys[after]
                        )
                    hits.append((tokens[i][0], tokens[best][1], best_key, best_value, marks))
                i = best + 1
            else:
                i += 1
        return tuple(hits)

    def _named_by_word_before(
        self, run: str, before: tuple[int, int], start: int, key: str, small: bool
    ) -> int:
        """What the capitalised word before a name (blanks between) makes it, as template
        flags: a person's or an organisation's name (_NOT_A_MENTION | _PERSON) after a title
        ("President") or a word that is neither common English, a place modifier ("Northern")
        nor a place; a feature's (_NOT_A_MENTION: that name elsewhere in the text is still
        the place) after a feature word ("Lake Balkhash", "Camp David"); else 0."""
        if run[before[1] : start].strip(" \t") or not run[before[0]].isupper():
            return 0
        if key in _TITLES:
            return _NOT_A_MENTION | _PERSON
        if key in _FEATURE_WORDS:
            return _NOT_A_MENTION if small else 0
        if (
            small
            and key.isalpha()
            and key not in COMMON_WORDS
            and key not in _PLACE_MODIFIERS
            and not self._names.get(key)
        ):
            return _NOT_A_MENTION | _PERSON
        return 0

    def _before_word(
        self, key: str, value: tuple[int, ...], word: str
    ) -> tuple[str, tuple[int, ...], int]:
        """A name's key, candidates and template flags when a feature or a list's unit word
        follows it: a natural feature's name ("the Ishim river", "the Irtysh rivers") is no
        mention of a place (unless a sense is a country, a demonym or a world region: "the
        Kazakh steppe"); before a unit word ("Pavlodar regions") the name is that unit's
        ("Pavlodar Region") when the gazetteer knows it so. A plural marks the list's end."""
        marks = _LIST_END if word.endswith("s") else 0  # ("regions", "rivers")
        unit = _UNIT_PLURALS.get(word)
        if unit is not None:
            unit_key = f"{key} {unit}"
            unit_value = self._names.get(unit_key)
            return (unit_key, unit_value, marks) if unit_value else (key, value, 0)
        rows = self._rows
        if any(rows[c if c >= 0 else ~c][_KIND] in _NOT_FEATURE_KINDS for c in value):
            return key, value, 0
        return key, value, marks | _NOT_A_MENTION

    def _small(self, key: str, value: tuple[int, ...]) -> bool:
        """Whether a name's best sense (before context) is a small place or an alias."""
        name = self._infos.get(key) or self._name(key, value)
        if not name.priors:
            return False
        _, i, own = name.priors[0]
        row = self._rows[i]
        return not own or (row[_KIND] == "city" and row[_POP] < _PERSON_MAX_POP)

    def _generic_phrases(
        self, text: str, runs: list[str], starts: list[int]
    ) -> tuple[list[tuple[int, int, str, object]], list[tuple[int, int]]]:
        """Lower-case generic facility phrases after "the" ("the city hall", "the regional
        akimat") outside the capitalised runs (runs, and their starts in text).
        Returns the phrases, and the spans whose run hits a name "<phrase> of <Name>" replaces
        ("the airport of Almaty": one name, not a generic noun and a city)."""
        found: list[tuple[int, int, str, object]] = []
        replaced: list[tuple[int, int]] = []
        for m in self._generic_re.finditer(text):
            p = m.start()
            start, end = m.span(1)
            # "the" is a word of its own, and a run ("Mayor of the city hall") reads its words
            if p and text[p - 1].isalnum():
                continue
            k = bisect_right(starts, start)  # the last run that starts at or before it
            if k and start < starts[k - 1] + len(runs[k - 1]):
                continue
            phrase = m.group(1)
            known = self._phrases.get(phrase)
            if known is None:
                key = _key(phrase)
                known = key, self._generic.get(key)
                if len(self._phrases) < _MEMO_MAX:
                    self._phrases[phrase] = known
            key, value = known
            if text[end : end + 1] in _BLANK and text[end + 1 : end + 2] in _BLANK_OR_O:
                of_name = _OF_NAME.match(text, end)
                if of_name is not None:
                    stop = of_name.end()
                    named_key = _key(text[start:stop])
                    named = self._names.get(named_key)
                    if named:
                        found.append((start, stop, named_key, named))
                        replaced.append((start, stop))
                        continue
            if value:
                found.append((start, end, key, value))
        return found, replaced

    # -- resolving -------------------------------------------------------------------------

    def parse(self, text: str) -> list[Mention]:
        """Every place mention in text, in order, each resolved (or ambiguous) with evidence;
        names written in Cyrillic too, in any case form (geo.cyrillic)."""
        mentions = self._parse_latin(text)
        if text.isascii() or _HAS_CYRILLIC(text) is None:
            if "irports" in text and len(mentions) > 1:
                return self._airport_lists(text, mentions)
            return mentions
        mentions = self._parse_cyrillic(text, mentions)
        if len(mentions) > 1 and _AIRPORT_NOUN.search(text):
            return self._airport_lists(text, mentions)
        return mentions

    def _airport_lists(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The cities of a list that shares one plural airport noun are their airports:
        "airports in Almaty, Aktobe and Aktau", "the Almaty and Aktau airports",
        "аэропортов Алма-Аты, Актобе и Актау", "Алматы мен Ақтау әуежайлары". The noun goes
        with the name beside it (one span); a city with no airport stays the city."""
        out = list(mentions)
        k = 0
        while k < len(out) - 1:
            j = k
            while j + 1 < len(out) and _NAME_LIST_JOINT.fullmatch(
                text, out[j].end, out[j + 1].start
            ):
                j += 1
            if j == k:
                k += 1
                continue
            before = _AIRPORTS_BEFORE.search(text, max(0, out[k].start - 30), out[k].start)
            after = _AIRPORTS_AFTER.match(text, out[j].end)
            # (or the noun inside the list's first or last mention: "аэропортов Алма-Аты")
            if before or after or _PLURAL_AIRPORT.search(f"{out[k].text} {out[j].text}"):
                for i in range(k, j + 1):
                    m = out[i]
                    site = (
                        self.gazetteer.generic_site(m.place, "airport")
                        if m.place is not None and m.place.kind == "city"
                        else None
                    )
                    if site is None:
                        continue
                    start = before.start() if before and i == k else m.start
                    end = after.end() if after and i == j else m.end
                    why = (*m.evidence, "listed under one airport noun") if m.evidence else ()
                    out[i] = m._replace(text=text[start:end], start=start, end=end, place=site,
                                        evidence=why, candidates=())  # fmt: skip
            k = j + 1
        return out

    def _parse_cyrillic(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The Latin mentions of a text with Cyrillic in it, and its Cyrillic names."""
        if self._cyrillic is None:  # read on the first Cyrillic text (built on the first run)
            from geo.cyrillic import cyrillic_names

            self._cyrillic = cyrillic_names(self.gazetteer)
        taken = [(m.start, m.end) for m in mentions]
        extra = [
            m
            for m in self._cyrillic.find(text)
            if not any(a < m.end and m.start < b for a, b in taken)
        ]
        return sorted((*mentions, *extra), key=_START_OF) if extra else mentions

    def _parse_latin(self, text: str) -> list[Mention]:
        """The mentions of names in Latin letters (the parser's own index)."""
        # One C-level pass: the runs and their starts (the compiled scan of an ASCII text, else
        # the split [gap, run, gap, run, ..., gap]); each run's hits come from the memo.
        if self._scan is not None and text.isascii():
            runs, starts, gaps = self._scan(text)
        else:
            parts = _splitter(text.isascii())(text)
            runs = parts[1::2]
            starts = list(accumulate(map(len, parts)))[::2]  # (and the text's end, last)
            gaps = self._gaps(text, runs, starts)
        if gaps:  # "Rio de Janeiro", "Bosnia and Herzegovina"
            runs, starts = self._join_runs(text, runs, starts, gaps)
        found = list(map(self._runs.__getitem__, runs))  # a new run: _RunMemo.__missing__
        if not any(found):
            return []

        mentions: list[Mention] = []
        names: list[_Name] = []
        generics: list[tuple[int, int, str, Mapping[int, int]]] = []
        generic = False
        needing: list[int] = []  # the mentions whose names have no clear winner
        persons: set[str] = set()  # names used as a person's in this text
        lists: list[int] = []  # where the last name of a list before a plural word starts
        small = False  # whether a name needs support (see _SUPPORT_BELOW)
        regional = False  # whether a unit named after a city may choose its sense
        new = _new_tuple
        append, append_name = mentions.append, names.append
        # the runs with hits, each with its start (where the gap before it ends); the zips in
        # parse pair lists of one length by construction (strict=True would check each pair)
        hits = zip(compress(found, found), compress(starts, found), strict=False)
        for template, base in hits:
            start, end, flags, word, rest, name, run_generic = template  # type: ignore[misc]
            if run_generic:
                generic = True
            if flags:  # the rarer cases (one hit in ten)
                if flags & (_SMALL | _SEVERAL):
                    small = True
                if flags & (_REGIONAL | _SEVERAL):
                    regional = True
                self._add_flagged(
                    text, base, template, mentions, names, generics, needing, persons, lists,  # type: ignore[arg-type]
                )  # fmt: skip
                continue
            append(new(Mention, (word, base + start, base + end) + rest))
            append_name(name)

        if generic:
            extra, replaced = self._generic_phrases(text, runs, starts)
            if replaced:  # "the airport of Almaty": a name that replaces run hits
                self._replace_spans(text, extra, replaced, mentions, names, generics)
                needing = [i for i, n in enumerate(names) if n.anchor < 0]
                extra = [hit for hit in extra if hit[3].__class__ is not tuple]
            generics += extra  # type: ignore[arg-type]
        if persons:  # one sense per text: "Barack Obama ... Obama said", but "in Temirtau"
            kept = [
                k
                for k, n in enumerate(names)
                if n.key not in persons
                or (
                    n.sense.place.country_code == self._aoi
                    and _IN_BEFORE.search(text, max(mentions[k][1] - 8, 0), mentions[k][1])
                    and text[mentions[k][2] : mentions[k][2] + 1] not in "'’"
                )
            ]
            if len(kept) < len(names):
                mentions[:] = [mentions[k] for k in kept]
                names[:] = [names[k] for k in kept]
                needing = [k for k, n in enumerate(names) if n.anchor < 0]
        if lists and self._lists(text, lists, mentions, names):
            needing = [k for k, n in enumerate(names) if n.anchor < 0]
        if mentions and _S_OF.search(text) and self._units_listed(text, mentions, names):
            needing = [k for k, n in enumerate(names) if n.anchor < 0]
        senses: dict[str, _Sense] = {}
        index = None  # the anchors of the text, indexed: (their rows, _Anchors)
        if needing:
            index = self._resolve_in_context(mentions, names, needing, senses)
        if regional and "," in text:
            self._regions_after_cities(text, mentions, names)
        if small:
            self._drop_unsupported(mentions, names, index)
        if generics:
            for mention in self._resolve_generics(text, generics, mentions, names, senses):
                insort(mentions, mention, key=_START_OF)
        return mentions

    def _gaps(self, text: str, runs: list[str], starts: list[int]) -> list[int]:
        """The indexes of the runs that a connector of _joins follows right before the next
        run, between single blanks (what the compiled scan gives an ASCII text)."""
        joins, gaps = self._joins, []
        for i in range(len(runs) - 1):
            at, end = starts[i] + len(runs[i]), starts[i + 1]
            if (
                3 < end - at < 9
                and text[at] == " " == text[end - 1]
                and text[at + 1 : end - 1] in joins
            ):
                gaps.append(i)
        return gaps

    def _join_runs(
        self, text: str, runs: list[str], starts: list[int], gaps: list[int]
    ) -> tuple[list[str], list[int]]:
        """The runs, two of them joined where a lower-case connector between them ("de",
        "do", "and", "upon", ...) continues a name of the gazetteer: "Rio" and "Janeiro" are
        one run, "Rio de Janeiro" (the scan breaks runs at lower-case words, "of" aside).
        Only where the word before the connector begins one in a name (Gazetteer.joins) and
        the words on both sides make one: "Almaty and Taraz" stay two runs."""
        joins, names = self._joins, self._names
        joined: dict[int, int] = {}  # run index -> the index of the last run joined to it
        for i in gaps:
            run = runs[i]
            conn = text[starts[i] + len(run) + 1 : starts[i + 1] - 1]
            last = run[run.rfind(" ") + 1 :]
            if (last.lower() if last.isalpha() else _key(last)) not in joins[conn]:
                continue  # (most: "Almaty and Taraz")
            words, after = _key(run).split(), _key(runs[i + 1]).split()
            if words[-1] in _INSTITUTIONS:
                continue  # "University of Texas" is Texas's university, not a place
            if any(
                names.get(" ".join((*words[-k:], conn, *after[:j])))
                for k in range(1, min(3, len(words)) + 1)
                for j in range(1, min(3, len(after)) + 1)
            ):
                first = next((a for a, b in joined.items() if b == i), i)
                joined[first] = i + 1
        if not joined:
            return runs, starts
        new_runs: list[str] = []
        new_starts: list[int] = []
        done = 0
        for first, last in sorted(joined.items()):
            new_runs += runs[done:first]
            new_starts += starts[done:first]
            new_runs.append(text[starts[first] : starts[last] + len(runs[last])])
            new_starts.append(starts[first])
            done = last + 1
        # (starts may end with the text's end, after the split's runs)
        return new_runs + runs[done:], new_starts + starts[done:]

    def _add_flagged(
        self,
        text: str,
        base: int,
        template: _Template,
        mentions: list[Mention],
        names: list[_Name],
        generics: list[tuple[int, int, str, Mapping[int, int]]],
        needing: list[int],
        persons: set[str],
        lists: list[int],
    ) -> None:
        """What parse does with a hit that has flags (see _Template), at base in text."""
        start, end, flags, word, rest, name, _ = template
        if flags & _SEVERAL:
            for hit in name:  # type: ignore[attr-defined]
                self._add_flagged(
                    text, base, hit, mentions, names, generics, needing, persons, lists
                )
            return
        if flags & _LIST_END:
            lists.append(base + start)
        if flags & _PERSON:
            persons.add(name.key)  # type: ignore[attr-defined]
            return
        if (
            flags & _CHECK_TITLE
            and not start
            and base > 1
            and text[base - 2] == "."
            and _TITLE_BEFORE.search(text, base - 7 if base > 7 else 0, base)
        ):
            persons.add(name.key)  # type: ignore[attr-defined]
            return
        if flags & _GENERIC:
            generics.append((base + start, base + end, *name))  # type: ignore[arg-type]
            return
        if flags & _NOT_A_MENTION or (
            flags & _WEAK
            and _sentence_initial(text, base + start)
            and not _dateline(text, base + start, base + end)
        ):
            return
        if flags & _NEEDS_CONTEXT:
            needing.append(len(mentions))
        mentions.append(_new_tuple(Mention, (word, base + start, base + end) + rest))  # type: ignore[arg-type]
        names.append(name)  # type: ignore[arg-type]

    def _lists(
        self, text: str, ends: list[int], mentions: list[Mention], names: list[_Name]
    ) -> bool:
        """The names listed before a plural unit or feature word, whose last name starts at
        each of ends: "the Karaganda and Pavlodar regions" makes Karaganda the unit too (as
        the run made Pavlodar), "the Ili and Irtysh rivers" leaves out Ili as it did Irtysh.
        The names of a list are mentions joined by commas, "and" or "or". Returns whether a
        mention changed (mentions and names stay parallel, in text order)."""
        starts = list(map(_START_OF, mentions))
        dropped: set[int] = set()
        changed = False
        for at in ends:
            # a unit list's last name is a mention starting at `at` (a feature list's is not)
            k = bisect_left(starts, at)
            plural = None
            if k < len(starts) and starts[k] == at:
                plural = _PLURAL_AFTER.match(text, mentions[k][2])
            unit = "" if plural is None else _UNIT_PLURALS[plural.group(1).lower()]
            j, stop = k - 1, at
            while j >= 0 and _LIST_JOINT.fullmatch(text, mentions[j][2], stop):
                m = mentions[j]
                if unit and j + 1 < len(mentions) and m[0] == mentions[j + 1][0]:
                    break  # "in Almaty, Almaty and Mangystau regions": the city, then its region
                if not unit:
                    if m.place is not None and m.place.kind not in _NOT_FEATURE_KINDS:
                        dropped.add(j)
                elif self._as_unit(j, unit, mentions, names):
                    changed = True
                stop, j = m[1], j - 1
        if dropped:
            kept = [k for k in range(len(mentions)) if k not in dropped]
            mentions[:] = [mentions[k] for k in kept]
            names[:] = [names[k] for k in kept]
        return changed or bool(dropped)

    def _units_listed(self, text: str, mentions: list[Mention], names: list[_Name]) -> bool:
        """The names listed after a plural unit word and "of": "the regions of Almaty, Zhambyl
        and Mangystau" makes each its unit (Almaty Region, not the city), as "the Almaty,
        Zhambyl and Mangystau regions" does (see _lists); "the provinces of Yala and Pattani",
        "the states of Kaduna and Zamfara". Returns whether a mention changed."""
        starts = list(map(_START_OF, mentions))
        changed = False
        for m in _S_OF.finditer(text):
            unit = _UNITS_BEFORE.get(text[text.rfind(" ", 0, m.start()) + 1 : m.start() + 1])
            k = bisect_left(starts, m.end())  # (the mention at the capital)
            if unit is None or k >= len(starts) or starts[k] != m.end():
                continue
            while True:
                changed = self._as_unit(k, unit, mentions, names) or changed
                if k + 1 == len(mentions) or not _LIST_JOINT.fullmatch(
                    text, mentions[k][2], mentions[k + 1][1]
                ):
                    break
                k += 1
        return changed

    def _as_unit(self, k: int, unit: str, mentions: list[Mention], names: list[_Name]) -> bool:
        """Mention k made the unit its name has with a unit word ("Almaty" -> "almaty
        region"), when the gazetteer knows one; whether it did."""
        key = f"{names[k].key} {unit}"
        value = self._names.get(key)
        if not value:
            return False
        named = self._infos.get(key) or self._name(key, value)
        mentions[k] = _new_tuple(Mention, mentions[k][:3] + named.sense.rest)
        names[k] = named
        return True

    def _replace_spans(
        self,
        text: str,
        extra: list[tuple[int, int, str, object]],
        replaced: list[tuple[int, int]],
        mentions: list[Mention],
        names: list[_Name],
        generics: list[tuple[int, int, str, Mapping[int, int]]],
    ) -> None:
        """Drop the run hits inside "<generic> of <Name>" spans and add those names (mentions
        and names stay parallel, in text order)."""

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
            k = bisect_left(mentions, start, key=_START_OF)  # keep text order
            mentions.insert(
                k,
                _mention(
                    text[start:end], start, end, s.status, s.place, s.confidence, s.evidence,
                    s.candidates,
                ),
            )  # fmt: skip
            names.insert(k, name)

    def _regions_after_cities(self, text: str, mentions: list[Mention], names: list[_Name]) -> None:
        """ "Paris, Texas", "Kansas City, Kan.", "London, Ontario": a city directly followed by
        an admin-1 unit or country (or a one-dot abbreviation of a unit, which is added as a
        mention) takes its best sense inside that unit or country."""
        rows, abbreviations = self._rows, self.gazetteer.abbreviations
        ends = list(map(_END_OF, mentions))
        # (reversed: a mention inserted after k leaves the indexes before it as they were)
        followed = [
            k
            for k, end in enumerate(ends)
            if text[end : end + 1] == "," and len(names[k].priors) > 1
        ]
        for k in reversed(followed):
            m = mentions[k]
            end = m[2]
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if m.place is None or (
                nxt is not None
                and nxt[1] <= end + 3
                and nxt.place is not None
                and nxt.place.kind == "city"
                and "." not in text[end : end + 9]
            ):
                continue  # "Almaty, Aktau": a list of cities
            region = -1
            if nxt is not None and nxt.place is not None and not text[end + 1 : nxt[1]].strip():
                if nxt.place.kind in ("admin1", "country"):
                    region = self._row_of(nxt)
            if region < 0 and abbreviations:
                after = _REGION_AFTER.match(text, end)
                if after is not None and after.group(1).lower() in abbreviations:
                    region = abbreviations[after.group(1).lower()]
                    start, stop = after.start(1), after.end()
                    if nxt is not None and nxt[1] == start:  # "Kan" read as a name of its own
                        del mentions[k + 1], names[k + 1]
                    place = self.gazetteer.place(region)
                    self._row_by_id[place.id] = region
                    evidence = ("abbreviation of an admin-1 unit after a city",)
                    mentions.insert(
                        k + 1,
                        _mention(text[start:stop], start, stop, "resolved", place, 0.9, evidence),
                    )
                    names.insert(k + 1, names[k])  # stands in: never read for its sense
            if region < 0:
                continue
            r = rows[region]
            inside = [
                (score, i)
                for score, i, _ in names[k].priors
                if rows[i][_CC] == r[_CC]
                and (r[_KIND] == "country" or rows[i][_ADMIN1] == r[_ADMIN1])
            ]
            if inside:
                best = max(inside)[1]
                if best != self._row_of(m):
                    note = f"in {r[_NAME]}, named after it"
                    sense = self._make_sense(best, 0.9, (note,), ())
                    mentions[k] = _new_tuple(Mention, m[:3] + sense.rest)

    def _drop_unsupported(
        self,
        mentions: list[Mention],
        names: list[_Name],
        built: tuple[set[int], _Anchors] | None = None,
    ) -> None:
        """Leave out the small towns abroad (_SUPPORT_BELOW) that nothing in the text supports:
        no clear winner in their admin-1 unit or within _SUPPORT_KM, no unit named after them.
        built: the anchors that _resolve_in_context indexed, reused when they are still the
        text's (a unit abbreviation after a city may have dropped a name since)."""
        if not any(n.small for n in names):
            return
        anchors = {n.anchor for n in names} - {-1}
        if built is not None and built[0] == anchors:
            index = built[1]
        else:
            index = self._anchors(self._rows, anchors, self._aoi)  # (linear in the text)
        keep = []
        for k, (m, n) in enumerate(zip(mentions, names, strict=True)):
            if n.small and m.place is not None:
                place = m.place
                supported = (
                    (place.admin1 and place.admin1 in index.admin1s)
                    or any(
                        kind not in _NOT_SUPPORT
                        for _, _, _, kind in index.near(place.lat, place.lon, _SUPPORT_KM)
                    )
                    or (m.evidence and m.evidence[0].endswith("named after it"))
                )
                if not supported:
                    continue
            keep.append(k)
        if len(keep) < len(mentions):
            mentions[:] = [mentions[k] for k in keep]
            names[:] = [names[k] for k in keep]

    def _row_of(self, mention: Mention) -> int:
        place = mention.place
        return -1 if place is None else self._index_of(place.id)

    def _index_of(self, place_id: str) -> int:
        row = self._row_by_id.get(place_id)
        if row is None:
            row = self.gazetteer.row_of(place_id)
        return -1 if row is None else row

    def _resolve_in_context(
        self,
        mentions: list[Mention],
        names: list[_Name],
        needing: list[int],
        senses: dict[str, _Sense],
    ) -> tuple[set[int], _Anchors] | None:
        """One sense per name per text: the names with a clear winner (anchors) are context for
        the others (at the indexes in needing; same admin-1 unit, same country, distance).
        Rewrites those mentions and fills senses. Returns the anchors and their index (None
        when the text has no anchor).

        Each name costs the anchors near its senses (_Anchors), so the work is linear in the
        text. What context does to a name is memoised per name and the facts that its scores
        depend on (per sense: same admin-1 unit, same country, the nearest anchor within
        _NEAR_CUTOFF_KM), never per text; the memo is bounded."""
        anchors = set(map(_ANCHOR_OF, names))
        anchors.discard(-1)
        if not anchors:
            return None
        index = self._anchors(self._rows, anchors, self._aoi)
        memo = self._in_context
        for i in needing:
            name = names[i]
            sense = senses.get(name.key)
            if sense is None:
                facts = self._context_facts(name, index)
                if facts is None:  # no anchor bears on it: its sense before context stands
                    sense = name.sense
                else:
                    key = (name.key, facts)
                    sense = memo.get(key)
                    if sense is None:
                        sense = self._sense_in(name.priors, facts)
                        if len(memo) < _CONTEXT_MEMO_MAX:
                            memo[key] = sense
                senses[name.key] = sense
            if sense is not name.sense:
                mentions[i] = _new_tuple(Mention, mentions[i][:3] + sense.rest)
        return anchors, index

    def _context_facts(self, name: _Name, index: _Anchors) -> _Facts | None:
        """What the anchors of a text say of each sense of a name (see
        _Anchors.context_facts), or None when no anchor bears on it."""
        spots = name.spots
        if spots is None:
            spots = name.spots = self._spots(name)
        return index.context_facts(spots)

    def _spots(self, name: _Name) -> tuple[_Spot, ...]:
        """Per sense of a name (its best _MAX_SENSES by prior): its admin-1 unit, country,
        point and _box(lat, _NEAR_CUTOFF_KM): what _context_facts reads."""
        rows = self._rows
        out = []
        for _, i, _ in name.priors[:_MAX_SENSES]:
            row = rows[i]
            lat = row[_LAT]
            out.append((row[_ADMIN1], row[_CC], lat, row[_LON], *_box(lat, _NEAR_CUTOFF_KM)))
        return tuple(out)

    def _sense_in(
        self,
        cands: list[tuple[float, int, bool]],
        facts: _Facts,
    ) -> _Sense:
        """The sense of a name from its priors and its senses' context facts (see
        _context_facts)."""
        rows = self._rows
        if len(cands) == 1:
            return self._sense(cands)
        if self._compiled_best:
            return self._best_sense(cands, facts)
        rescored: list[tuple[float, int, bool, list[str]]] = []
        explain = self._evidence  # without evidence, the notes are not written
        for (score, i, own), (same_country, same_admin1, nearest) in zip(
            cands[:_MAX_SENSES], facts, strict=True
        ):
            notes: list[str] = []
            if same_country:
                score += _SAME_COUNTRY_BONUS
                if explain:
                    notes.append(f"in {rows[i][_CC]}, like other places in the text")
            if same_admin1:
                score += _SAME_ADMIN1_BONUS
                if explain:
                    notes.append(f"same admin-1 as other places in the text ({rows[i][_ADMIN1]})")
            if nearest is not None:
                d, near = nearest
                bonus = _NEAR_BONUS * math.exp(-d / _NEAR_KM)
                score += bonus
                if bonus > 0.1 and explain:
                    notes.append(f"~{d:.0f} km from {near}, also mentioned")
            rescored.append((score, i, own, notes))
        rescored.sort(key=lambda t: (-t[0], t[1]))
        return self._sense_of(cands, rescored)

    def _name(self, key: str, value: tuple[int, ...]) -> _Name:
        """Everything about a name that does not depend on the text (memoised per name)."""
        if " " in key and len(value) > 1 and min(value) < 0 <= max(value):
            # a name of several words that is a city's own, a city of note, is not the alias
            # of another town of its country: "New Delhi" is New Delhi, not Delhi (of 11
            # million, which GeoNames also calls so). A hamlet's own name leaves the alias be
            # ("Mount Royal"), and so does a city abroad ("St Petersburg" stays Russia's).
            rows = self._rows
            countries = {rows[c][_CC] for c in value if c >= 0 and rows[c][_KIND] == "city"
                         and rows[c][_POP] >= _OWN_CITY_POP}  # fmt: skip
            if countries:
                value = tuple(c for c in value if c >= 0 or rows[~c][_KIND] != "city"
                              or rows[~c][_CC] not in countries)  # fmt: skip
        facts_of = self._facts_of
        priors, small, weak, title_prone, regional = (
            self._name_facts(value) if facts_of is None else facts_of(value)
        )
        anchor = -1
        if len(priors) == 1 or priors[0][0] - priors[1][0] >= _ANCHOR_MARGIN:
            anchor = priors[0][1]
        if small:
            anchor = -1
        cities, city_of = self._generic_cities, self._city_of
        generic = any(
            (code if code >= 0 else ~code) in cities
            or city_of.get(code if code >= 0 else ~code, -1) in cities
            for code in value
        )
        name = _Name(key, value, priors, anchor, weak, generic, self._sense(priors))
        name.small = small
        name.title_prone = title_prone
        name.regional = regional
        if len(self._infos) < _MEMO_MAX:
            self._infos[key] = name
        return name

    def _name_facts(
        self, value: tuple[int, ...]
    ) -> tuple[list[tuple[float, int, bool]], bool, bool, bool, bool]:
        """A name's priors (see _priors), and whether every sense is a small town abroad
        (small: a name only where the text supports it), whether every sense is a small place
        abroad (weak), whether its best sense is a small place abroad or an alias (title
        prone: "Mr. Paterson"), whether it has several senses, the best abroad (regional).
        geo/_rows.pyx's NameFacts gives the same from the index's columns (tested)."""
        rows = self._rows
        priors = self._priors(value)
        aoi = self._aoi
        small = all(
            rows[i][_KIND] == "city" and rows[i][_CC] != aoi and rows[i][_POP] < _SUPPORT_BELOW
            for _, i, _ in priors
        )
        weak = True
        for _, i, _ in priors:
            row = rows[i]
            if row[_KIND] != "city" or row[_CC] == aoi or row[_POP] >= _SMALL_POP:
                weak = False
                break
        title_prone = regional = False
        if priors:
            _, best, own = priors[0]
            abroad = rows[best][_CC] != aoi
            title_prone = abroad and (
                not own or (rows[best][_KIND] == "city" and rows[best][_POP] < _PERSON_MAX_POP)
            )
            regional = abroad and len(priors) > 1
        return priors, small, weak, title_prone, regional

    def _priors(self, value: tuple[int, ...]) -> list[tuple[float, int, bool]]:
        """(score, row, own name) per candidate, best first."""
        rows = self._rows
        aoi = self._aoi
        out = []
        for code in value:
            i = code if code >= 0 else ~code
            row = rows[i]
            score = math.log10(row[_POP] + 10) + _KIND_BONUS.get(row[_KIND], 0.0)
            if row[_CC] == aoi:
                score += _AOI_BONUS
            elif code < 0 and row[_KIND] == "admin1":
                score -= _UNIT_ALIAS_PENALTY  # "Washington" is the city before the state
            if code >= 0:
                score += _OWN_NAME_BONUS
            out.append((score, i, code >= 0))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def _sense(self, cands: list[tuple[float, int, bool]]) -> _Sense:
        """The sense of a name from its priors alone (see _sense_in for context)."""
        rows = self._rows
        if len(cands) == 1:
            _, i, own = cands[0]
            evidence: tuple[str, ...] = _ONLY_OWN if own else _ONLY_ALIAS
            if rows[i][_KIND] == "demonym":
                evidence += ("demonym: resolved to the country's point",)
            return self._make_sense(i, 0.95 if own else 0.85, evidence, ())
        if self._compiled_best:
            return self._best_sense(cands, None)
        return self._sense_of(cands, [(score, i, own, []) for score, i, own in cands[:_MAX_SENSES]])

    def _best_sense(self, cands: list[tuple[float, int, bool]], facts: _Facts | None) -> _Sense:
        """_sense_in(cands, facts) (or _sense(cands) when facts is None) of a parser without
        evidence, its scores worked out in C by geo/_context.pyx's best_sense (the same row
        and confidence to the last bit: tested)."""
        best, confidence = _best_sense(  # type: ignore[misc]
            cands, facts, _SAME_COUNTRY_BONUS, _SAME_ADMIN1_BONUS, _NEAR_BONUS, _NEAR_KM,
            _MAX_SENSES,
        )  # fmt: skip
        return self._make_sense(best, confidence, (), ())

    def _sense_of(
        self,
        cands: list[tuple[float, int, bool]],
        rescored: list[tuple[float, int, bool, list[str]]],
    ) -> _Sense:
        """The sense whose score leads (rescored: best first, with notes on context), its
        confidence the share of exp(score) among the rescored senses."""
        rows = self._rows
        top = rescored[0][0]
        total = sum(math.exp(sc - top) for sc, _, _, _ in rescored)
        _, best, own, notes = rescored[0]
        if not self._evidence:
            return self._make_sense(best, 1.0 / total, (), ())
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
        self._row_by_id[place.id] = i
        city = i if place.kind == "city" else self._city_of.get(i, -1)
        status = "resolved" if confidence >= _RESOLVED_AT else "ambiguous"
        rest = (status, place, confidence, evidence, candidates)
        # (tuple.__new__: the named tuple's own __new__ is a Python function)
        return _new_tuple(_Sense, (i, confidence, evidence, candidates, place, status, city, rest))  # type: ignore[return-value]

    def _resolve_generics(
        self,
        text: str,
        generics: list[tuple[int, int, str, Mapping[int, int]]],
        mentions: list[Mention],
        names: list[_Name],
        senses: dict[str, _Sense],
    ) -> list[Mention]:
        """Facility nouns without a city ("the airport"): the city named in the same sentence
        (the nearest one before it, else the first one after it), else the nearest preceding
        city in the text, else the city mentioned most; each only if it has such a facility.
        Left out when no city in the text has one. mentions and names: parallel, in text
        order; senses: the names' senses in context, where context changed them."""
        out = []
        cities = [(senses.get(n.key) or n).city for n in names]  # of each name's sense
        # per facility noun (its {city row: facility row}): the indexes of the mentions whose
        # city has one, and the city mentioned most; so each generic costs a bisection, not a
        # scan of the mentions before it (linear in the text)
        having: dict[int, tuple[list[int], int]] = {}
        for start, end, key, by_city in generics:
            known = having.get(id(by_city))
            if known is None:
                at = [j for j, city in enumerate(cities) if city in by_city]
                most = -1
                if at:
                    counts: dict[int, int] = {}
                    for j in at:
                        counts[cities[j]] = counts.get(cities[j], 0) + 1
                    most = max((n, city) for city, n in counts.items())[1]
                known = having[id(by_city)] = (at, most)
            at, most = known
            chosen, how = -1, ""
            k = bisect_left(mentions, start, key=_START_OF)  # mentions[:k] come before it
            after = bisect_left(at, k)  # at[:after] come before it
            if after:
                j = at[after - 1]  # the nearest one before it
                chosen = cities[j]
                crossed = _crosses_sentence(text, mentions[j][1], start)
                how = "nearest preceding city" if crossed else "same sentence"
            # the first one after it, when no sentence ends before it (whether one does only
            # grows with the distance)
            if how != "same sentence" and after < len(at):
                j = at[after]
                if not _crosses_sentence(text, end, mentions[j][1]):
                    chosen, how = cities[j], "same sentence"
            if how != "same sentence" and _other_city_in_sentence(
                text, start, end, k, mentions, cities
            ):
                continue  # "the city administration in Semey": Semey's, which we do not know
            if chosen < 0 and most >= 0:
                chosen, how = most, "city mentioned most"
            if chosen < 0:
                continue
            rest = self._generic_rest.get((key, how, chosen))
            if rest is None:
                evidence = (f"generic '{key}'", f"{how}: {self._rows[chosen][_NAME]}")
                place = self.gazetteer.place(by_city[chosen])
                rest = ("resolved", place, _CONFIDENCE_OF.get(how, 0.6), evidence, ())
                if len(self._generic_rest) < _MEMO_MAX:
                    self._generic_rest[key, how, chosen] = rest
            out.append(_new_tuple(Mention, (text[start:end], start, end) + rest))
        return out


def _joined_names(
    word: str, start: int, names: Mapping[str, object]
) -> list[tuple[int, int, str, object, int]]:
    """The names a hyphen joins ("Moscow-Aktobe": two cities), each a hit at its offset from
    start; none unless every part is a capitalised name (a name with a hyphen of its own,
    "Ust-Kamenogorsk", is found whole before this is tried)."""
    parts = word.split("-")
    if len(parts) > 3 or not all(part[:1].isupper() and len(part) > 2 for part in parts):
        return []
    out: list[tuple[int, int, str, object, int]] = []
    for part in parts:
        value = names.get(_key(part))
        if not value or value.__class__ is not tuple:
            return []
        out.append((start, start + len(part), _key(part), value, 0))
        start += len(part) + 1
    return out


def _other_city_in_sentence(
    text: str, start: int, end: int, k: int, mentions: list[Mention], cities: list[int]
) -> bool:
    """Whether the sentence of a facility noun (start, end; mentions[k] the first mention
    after it) names a city, which then has not such a facility: the noun is that city's,
    never another city's from an earlier sentence."""
    j = k - 1
    while j >= 0 and not _crosses_sentence(text, mentions[j][1], start):
        if cities[j] >= 0:
            return True
        j -= 1
    j = k
    while j < len(mentions) and not _crosses_sentence(text, end, mentions[j][1]):
        if cities[j] >= 0:
            return True
        j += 1
    return False


def _crosses_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between start and end (at ". ", "? " or a newline)."""
    return (
        text.find(". ", start, end) >= 0
        or text.find("\n", start, end) >= 0
        or text.find("? ", start, end) >= 0
    )
