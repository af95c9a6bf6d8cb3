"""Extraction: read an article and propose the records it reports (candidates).

A candidate is a dated event (a clash on 5 January), a state from a day (the airport closed from
5 January, the withdrawal under way from 13 January) or a reported figure (more than 10,000
detained, as reported on 12 January), each with its place, counts, certainty and the sentence that
says so. Candidates wait for an analyst; they are never records by themselves.

How a sentence becomes candidates:

1. Triggers from the lexicon (``geo/reference/extract_lexicon.csv``, data, not code) say what
   happened: a protest, a clash, a facility seized or reopened, troops deployed or leaving, a
   state of emergency declared or lifted, detentions, a political decision. A sentence is cut
   into clauses at ";", "while", "but"; a weak trigger ("protesters") yields nothing when its
   clause has a stronger one ("stormed").
2. Places are the geoparser's mentions in the clause, each given to the nearest trigger;
   facilities beat their city ("Almaty airport" is the airport); places outside the area of
   interest count only when the clause has none inside it, never after "from" for troops; a
   trigger with none borrows its clause neighbour's, then the wire dateline's (inside the area
   of interest only), else the candidate is national (no point). A place that speaks ("Bishkek
   said") is its government, no place of the event. A story that names places abroad only
   proposes nothing national: its unplaced counts and events are that country's.
3. Dates: the date expression nearest the trigger in its clause (``geo.dates``: tense decides a
   weekday), else the last explicit date of the paragraph, else the publication day (with lower
   confidence). "until 12 January" ends a state (never before it begins); a closure and a
   reopening of one site in one sentence end the closure the day before the reopening.
4. Counts (``geo.counts``) attach to the candidate they qualify (fatalities to a clash, detained
   to detentions at a place, troops to a deployment); a trigger at several places gives a count
   only to the place named beside it, never the same number to each ("50 people in Almaty and
   Shymkent" is a figure of their own); any other count becomes a figure, national
   or for the place its clause names, with who reported it, except in a clause about an
   accident or a disaster ("a fire at a coal mine killed 46 miners"). A count of the dead, hurt
   or held whose clause names no place is its sentence's one place's, else the story's (its
   dateline's, or the one place its title names: "168 injured amid unrest in Kyzylorda
   region"), unless a national source, the country or many places are named with it.
5. Negation drops a candidate ("no clashes were reported"); denial, rumour and hedging mark it
   ``denied`` or ``uncertain``; a figure that the text says was withdrawn is ``retracted``.
6. One fact told in several sentences (the same kind, layer, status or metric, place and day)
   is one candidate, citing its evidence sentence and the others as its ``support``; two
   sentences that give one of its numbers differently stay two candidates, side by side.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo._regex import Scanner, WordFinder, literal_prefix, top_level_alternatives
from geo.articles import file_label, looks_like_article, parse_article, read_input_text
from geo.counts import START_HEADS as COUNT_START_HEADS
from geo.counts import Count, find_counts, find_counts_kk, find_counts_ru
from geo.dates import FUTURE_CUES, DateMention, find_dates, month_number
from geo.dates import start_heads as date_start_heads
from geo.errors import InputError
from geo.gazetteer import normalize
from geo.language import detect_language, is_cyrillic_language
from geo.schema import Mention, Place

if TYPE_CHECKING:
    from geo.config import Settings
    from geo.gazetteer import Gazetteer
    from geo.geoparse import Geoparser

LEXICON_PATH = Path(__file__).resolve().parent / "reference" / "extract_lexicon.csv"
COUNT_KEYS = {"deaths": "fatalities", "injured": "injured", "detained": "detained",
              "troops": "troops"}  # fmt: skip

# --- documents -------------------------------------------------------------------------------

_MONTH_ABBR = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_CAPS = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# (on the first line only: a heading over a list, "SUMMARY\n- ...", is no dateline)
_DATELINE = re.compile(
    rf"\A\s*(?P<place>[{_CAPS}][{_CAPS}'’.\- ]+(?:,[ \t]*[{_CAPS}](?:[^\W\d_]|['’.\- ])+)?)"
    rf"(?:,[ \t]*|[ \t]+)(?:(?P<month>(?:{_MONTH_ABBR})[a-z]*)\.?[ \t]+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>[а-яёәғқңөұүһі]+))?(?:,?[ \t]+(?P<year>\d{{4}}))?"
    r"(?:[ \t]*(?:\((?P<agency>[^)\n]{1,40})\))?[ \t]*(?:-|–|—|--)\s*"
    # TASS's "АЛМАТЫ, 6 января. /ТАСС/." (the agency between slashes, after a full stop)
    r"|\.\s*/(?P<agency2>[^/\n]{1,40})/\.?\s*)"
)
_MONTHS = {m: i for i, m in enumerate(_MONTH_ABBR.lower().split("|"), start=1)}
# a year said as one: "in 2022", "January 2022", "2022 года", "в 2022 году" (not "2030 troops")
_YEAR = re.compile(
    r"(?:\bin |\b[A-Z][a-z]+ |\bв )((?:19|20)\d\d)\b|\b((?:19|20)\d\d)(?= года| году| г\.)"
)


@dataclass(frozen=True)
class Document:
    """An article to extract from: metadata, the body, and the wire dateline if any."""

    label: str
    title: str | None
    published: dt.date
    publisher: str | None
    url: str | None
    body: str
    dateline: str | None = None  # the place written in the dateline ("AKTAU")
    dateline_end: int = 0  # where the story proper starts in the body
    language: str = "en"  # ISO 639-1, geo.language
    # the years of the case (the loaded data set): what happened in them is never background,
    # however long after the story is written (an anniversary piece)
    case_years: tuple[int, ...] = ()


def read_document(
    source: str | Path,
    *,
    published: dt.date | None = None,
    label: str | None = None,
    case_years: tuple[int, ...] = (),
) -> Document:
    """A Document from a path ("-" is standard input) or, with ``label``, from text itself.

    The publication day comes from the article header, else ``published``, else a wire dateline
    ("AKTAU, Jan 4 (Reuters) -"), whose year is its own, the body's first year, the case's
    (``case_years``, the years of the loaded data set) or the latest past one. Raises InputError
    with a one-line message when the file cannot be read or no day can be found.
    """
    if label is not None:
        text = str(source)
    else:
        name = str(source)
        label, text = read_input_text(name, label=None if name == "-" else file_label(Path(name)))
    text = text.lstrip("\ufeff")
    if looks_like_article(text):
        article = parse_article(text, path=Path(label), label=label)
        body = article.body
        m = _DATELINE.match(body)
        return Document(
            label=label, title=article.title, published=article.date,
            publisher=article.publisher, url=article.url, body=body,
            dateline=_dateline_place(m), dateline_end=m.end() if m else 0,
            language=detect_language(body), case_years=case_years,
        )  # fmt: skip
    body = text.strip("\n")
    m = _DATELINE.match(body)
    day = published
    if day is None and m and (m["month"] or m["month2"]):
        day = _dateline_day(m, body, case_years)
    if day is None:
        msg = (
            f"{label}: no publication date to resolve dates against (give --published "
            "YYYY-MM-DD, an article header, or a wire dateline such as 'AKTAU, Jan 4 -')"
        )
        raise InputError(msg)
    title = next(
        (line.strip() for line in body[m.end() if m else 0 :].splitlines() if line.strip()), None
    )
    return Document(
        label=label, title=title[:120] if title else None, published=day,
        publisher=(m["agency"].strip() if m and m["agency"] else None), url=None, body=body,
        dateline=_dateline_place(m), dateline_end=m.end() if m else 0,
        language=detect_language(body), case_years=case_years,
    )  # fmt: skip


def _dateline_place(m: re.Match[str] | None) -> str | None:
    if not m:
        return None
    place = m["place"].split(",")[0].strip(" .-")
    return place.title() if len(place) >= 3 else None


def _dateline_day(m: re.Match[str], body: str, case_years: tuple[int, ...]) -> dt.date | None:
    if m["month"]:
        month = _MONTHS.get(m["month"][:3].lower())
        day = int(m["day"])
    else:  # "АЛМАТЫ, 5 января -": the month in any language dateparser's locales know
        month = month_number(m["month2"])
        day = int(m["day2"])
    if month is None:
        return None
    years = [int(m["year"])] if m["year"] else []
    years += list(case_years)  # the case's years before a number of the body that looks like one
    years += [int(a or b) for a, b in _YEAR.findall(body[m.end() :])[:1]]
    if not years:
        today = dt.date.today()
        years = [today.year if (month, day) <= (today.month, today.day) else today.year - 1]
    try:
        return dt.date(years[0], month, day)
    except ValueError:
        return None


# --- candidates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A proposed record; ``to_json`` gives the contract of ``python -m geo extract``."""

    kind: str  # "event", "state", "figure"
    layer: str | None
    date: dt.date | None
    event_type: str | None = None
    sub_event_type: str | None = None
    valid_to: dt.date | None = None
    status: str | None = None
    metric: str | None = None
    value: int | None = None
    qualifier: str | None = None
    part: str | None = None
    reported_by: str | None = None
    counts: tuple[tuple[str, int], ...] = ()
    place: Place | None = None
    time_precision: int = 1
    actor1: str | None = None
    certainty: str = "reported"
    evidence: tuple[int, int, str] = (0, 0, "")
    # the other sentences a merged candidate draws on (its counts, a second report of it),
    # in text order: the analyst sees every sentence behind it, not only the first
    support: tuple[tuple[int, int, str], ...] = ()
    confidence: float = 0.5
    matches: tuple[str, ...] = ()
    disputes: tuple[str, ...] = ()

    def with_(self, **changes: Any) -> Candidate:
        """A copy with some fields changed; dataclasses.replace costs 20x more, and matching
        and merging make a copy of nearly every candidate."""
        new = object.__new__(Candidate)
        new.__dict__.update(self.__dict__, **changes)
        return new

    @property
    def site_id(self) -> str | None:
        p = self.place
        return p.id if p is not None and p.kind in {"facility", "airport", "admin1"} else None

    @property
    def geo_precision(self) -> int | None:
        p = self.place
        if p is None:
            return None
        return 3 if p.kind in {"admin1", "country"} else max(1, p.precision)

    def to_json(self) -> dict[str, Any]:
        p = self.place
        start, end, text = self.evidence
        return {
            "kind": self.kind,
            "layer": self.layer,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.isoformat() if self.date else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "status": self.status,
            "metric": self.metric,
            "value": self.value,
            "qualifier": self.qualifier,
            "part": self.part,
            "reported_by": self.reported_by,
            "counts": {
                key: dict(self.counts).get(key)
                for key in ("fatalities", "injured", "detained", "troops")
            },  # fmt: skip
            "place": p.name if p else None,
            "site_id": self.site_id,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "admin1": (p.admin1 or None) if p else None,
            "geo_precision": self.geo_precision,
            "time_precision": self.time_precision,
            "actor1": self.actor1,
            "certainty": self.certainty,
            "evidence": {"start": start, "end": end, "text": text},
            "support": [{"start": a, "end": b, "text": t} for a, b, t in self.support],
            "confidence": round(self.confidence, 2),
            "matches": list(self.matches),
            "disputes": list(self.disputes),
        }


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its metadata, the places found and the candidates."""

    document: Document
    mentions: tuple[Mention, ...]
    candidates: tuple[Candidate, ...]

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "file": d.label,
            "title": d.title,
            "published": d.published.isoformat(),
            "publisher": d.publisher,
            "url": d.url,
            "language": d.language,
            "candidates": [c.to_json() for c in self.candidates],
        }


# --- the lexicon -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """One lexicon row: words that say what happened, and what they propose."""

    kind: str
    layer: str
    event_type: str | None
    sub_event_type: str | None
    status: str | None
    needs: str  # "", "facility", "internet", "transport", "rail", "troops", "emergency",
    # "national"
    weak: bool


Lexicon = WordFinder[Trigger]


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The trigger lexicon, read once; raises InputError naming the row of a bad entry."""
    by_words: dict[str, list[Trigger]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}, line {line}, field 'trigger'"
            if row["kind"] not in {"event", "state"}:  # (a comma in a pattern splits the row)
                msg = (
                    f"{path.name}, line {line}, field 'kind': {row['kind']!r} is not event or state"
                )
                raise InputError(msg)
            try:
                re.compile(row["trigger"])
            except re.error as exc:
                msg = f"{where}: not a valid pattern ({exc})"
                raise InputError(msg) from None
            triggers = [  # "facility|internet": one reading for each
                Trigger(
                    kind=row["kind"], layer=row["layer"], event_type=row["event_type"] or None,
                    sub_event_type=row["sub_event_type"] or None, status=row["status"] or None,
                    needs=needs, weak=row["weak"] == "1",
                )
                for needs in (row["needs"] or "").split("|")
            ]  # fmt: skip
            for word in top_level_alternatives(row["trigger"]):
                if len(literal_prefix(word)) < 2:
                    msg = f"{where}: {word!r} must start with two plain letters"
                    raise InputError(msg)
                by_words.setdefault(word, []).extend(triggers)
    return WordFinder((word, t) for word, triggers in by_words.items() for t in triggers)


# --- cues ------------------------------------------------------------------------------------

# Both start with a class of characters, which the engine skips to in C; an alternation at the
# top ("a|b") is tried at every position instead.
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|(?<=\n)\s*\n)"
)
# Words after which a full stop does not end a sentence ("Gen. Serdyukov", "Jan. 5").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no gen col lt sgt capt maj prof jan feb mar apr aug sep sept oct nov dec "
    "inc corp co vs e.g i.e u.s u.n approx est".split()
)
_CLAUSE_BREAK = re.compile(
    r"[;\s](?:(?<=;)|(?:while|whereas|but|although|но|тогда как)\s|meanwhile,\s|—\s)"
)
_NEGATION = re.compile(
    r"\b(?:no|not|never|neither|nor|without|none|nobody|n't|не|нет|ни|без)\b(?:\s+\w+){0,3}\s*$"
)
# a negation after what it denies, in the same phrase (Russian and Kazakh put it there:
# "погромов и хулиганства не было", "қақтығыс болған жоқ"; not "митинг прошёл, задержаний не
# было")
# a verb's negation ("has not resumed", "еще не возобновил"), not a noun's ("no reopening
# date", which another word of its sentence tells the status of)
_NOT_VERB = re.compile(r"(?:\bnot|n't|(?<!\w)не)(?:\s+(?:yet|been|ещё|еще|пока))?\s*$")
_NEGATED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:не\s+(?:было|произошл\w*|зафиксирован\w*|"
    r"зарегистрирован\w*|наблюдал\w*|допущен\w*)|болған\s+жоқ|болмады|тіркелмеді)(?!\w)"
)
_DENIAL = re.compile(
    r"\b(?:den(?:ied|ies|y|ying)|refuted|dismissed\b.{0,40}\b(?:as|false)|false|untrue|"
    r"fake|rejected (?:the )?(?:claims?|reports?)|"
    r"опроверг\w*|опровержени\w*|не соответству\w* действительности|фейк\w*|ложн\w*|"
    r"назвал\w* слух\w*)\b"
)
# ("claimed 238 lives" is a toll, not a claim)
_HEDGE = re.compile(
    r"\b(?:rumou?rs?|rumou?red|unconfirmed|unverified|allegedly|alleged|reportedly|"
    r"claim(?:s|ed)?(?![^.;]{0,30}\blives\b)|"
    r"could not (?:be )?(?:independently )?(?:verified|confirmed|verify|confirm)|"
    r"not (?:been )?(?:independently )?(?:verified|confirmed)|purported(?:ly)?|unclear|"
    r"social media posts?|speculation|"
    r"неподтвержд\w*|слух\w*|якобы|предположительно|по некоторым данным|"
    r"не удалось (?:независимо )?(?:проверить|подтвердить))\b"
)
_DISAGREE = re.compile(r"\bsaid\b.{3,200}\b(?:but|while|whereas|however)\b.{0,80}\bsaid\b")
_RETRACTION = re.compile(
    r"\b(?:withdr[eao]w\w*|retract\w*|deleted|removed (?:it|the (?:figure|number|post))|"
    r"technical error|erroneous\w*|mistaken(?:ly)?|in error|corrected|"
    r"отозвал\w*|удален\w*|удалён\w*|техническ\w* ошибк\w*|ошибочн\w*)\b"
)
_INTERNET = re.compile(r"\b(?:internet|mobile data|web access|connection|connectivity|"
                       r"mobile networks?|mobile service|mobile operators?|websites?|"
                       r"telephone (?:operators?|lines?|services?|networks?|connections?)|"
                       r"messengers?|communications?|phone lines|netblocks|"
    r"интернет\w*|мобильн\w* связ\w*|связь|связи|байланыс\w*|в сеть|к сети)\b")  # fmt: skip
# public transport, whose service a city's status may be about ("bus routes resumed in
# Almaty", "в Алматы возобновили работу автобусные маршруты", "қоғамдық көлік", Kazakh
# "автобустар" too)
_TRANSPORT = re.compile(r"\b(?:public transport|public transit|bus(?:es)? routes?|bus services?|"
                        r"buses|trolleybus\w*|trams?|metro|метрополитен\w*|"
    r"общественн\w* транспорт\w*|автобус\w*|троллейбус\w*|трамва\w*|метро|"
    r"қоғамдық көлік\w*)\b")  # fmt: skip
# the railway, whose service a city's (or the country's) status may be about ("trains from
# Almaty were cancelled", "движение поездов восстановлено", "пойыздар қатынауы тоқтатылды")
_RAIL = re.compile(r"\b(?:trains?|railways?|rail services?|rail traffic|rail links?|"
                   r"railway stations?|"
    r"поезд\w*|железнодорожн\w*|железн\w* дорог\w*|электричк\w*|"
    r"пойыз\w*|пойыздар\w*|теміржол\w*|темір жол\w*)\b")  # fmt: skip
_TROOPS = re.compile(r"\b(?:troops|peacekeep\w*|contingents?|forces?|servicem[ae]n|soldiers|"
                     r"paratroop\w*|military|units?|csto|army|personnel|battalion|company|"
                     r"brigade|transport aircraft|il-76s?|"
    r"войск\w*|военнослужащ\w*|военные|военных|военными|миротвор\w*|контингент\w*|одкб|"
    r"десантник\w*|"
    r"подразделени\w*|батальон\w*|рот[аыу]|"
    r"бітімгер\w*|әскер\w*|сарбаз\w*|ұқшұ\w*|десантшы\w*|батальон\w*|бөлімше\w*|жеке құрам\w*|"
    # the CSTO by its full name
    r"collective security treaty|договора о коллективной безопасности|"
    r"ұжымдық қауіпсіздік шарт\w*|"
    r"жасақ\w*)\b")  # fmt: skip
_WITHDRAWN = re.compile(r"\b(?:complet\w*|finished|had left|have left|has left|all\b.{0,40}\bleft|"
                        r"last\b.{0,60}\b(?:left|depart\w*)|left|departed|returned home|went home|"
                        r"pulled out|withdrew|(?:had|have|has) withdrawn|"
                        r"ended|завершил\w*|покинул\w*|вылетел\w*|улетел\w*|"
                        r"вернул\w*|последн\w*|аяқталды|соңғы|толық кетті|"
                        r"толық шығарыл(?:ды|ған)\w*|ұшып кетті|оралды|"
                        r"эвакуациялады)\b")  # fmt: skip
_BEGINS = re.compile(r"\b(?:begin|began|begun|beginning|start\w*|set to|phased|is to|are to|"
                     r"to withdraw|would withdraw|will withdraw|начал\w*|начн\w*|начат\w*|"
                     r"стартовал\w*|будет|начинается)\b")  # fmt: skip
# "left" telling what something left behind, not a departure ("left two people injured",
# "left 20,000 residents without heat", "left dozens dead")
_LEFT_AS_RESULT = re.compile(
    r"left\s+(?:(?:at least|about|some|around|more than|over|nearly)\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|"
    r"scores|many|several|a number|\w+\s+(?:dead|injured|wounded|homeless))\b"
)
_DEPARTS = re.compile(r"took off|flew|flown|drove|left|depart|returned|went home|headed home|"
                      r"complet|покинул|вылетел|улетел|вернул|кетт|ұшып|орал|қайтт")  # fmt: skip
_LIFTED = re.compile(r"\b(?:lift\w*|ended|end(?:s|ing)?|expired?|cancel\w*|revoked|no longer|"
                     r"(?:is|was|are|were|be|now|all|officially) over|gone|"
                     r"отмен\w*|снят\w*|прекращ\w*|заверш\w*|заканчива\w*|закончи\w*|истек\w*|"
                     r"окончани\w*|ликвидир\w*|(?<!қамауға )алынды|тоқтатыл\w*|аяқтал\w*|"
                     r"доғарыл\w*|күшін жой\w*)\b")  # fmt: skip
_MOVES = re.compile(
    r"(?:sen[dt]|sending|arriv|land|deploy|flown|flew|dispatch|was sent|were sent|"
    r"took off|drove|left|depart|withdr|прибыл|прибыва|переброс|направ|приземл|вывод|покинул|"
    r"вылетел|улетел|кел|жет|жеткіз|орналас|қонд|жібер|кетт|шығар|қайтт|ұшып|орал)"
)
# A place that speaks (or sends troops) is its government, not where anything happened
# ("Bishkek said dozens of civilians were killed", "Kazakhstan sent units to Mangystau"),
# unless a preposition puts someone there ("protesters in Zhanaozen said").
_SPEAKS = re.compile(r"\s+(?:said|says|announced|claimed|accused|denied|stated|told|warned|"
                     r"insisted|confirmed|reported|blamed|responded|"
                     r"sent|sends|dispatched|deployed)\b")  # fmt: skip
# an emergency named as a time: "during the state of emergency", "во время ЧП",
# "төтенше жағдай кезінде"
_DURING_BEFORE = re.compile(
    r"\b(?:during|throughout)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$|"
    r"(?<!\w)(?:во\s+время|в\s+период|в\s+ходе|в\s+условиях|на\s+время|за\s+время)\s+"
    r"(?:[\w-]+\s+)?$"
)
# an emergency or curfew broken, not declared ("detained for violating the curfew", "за
# нарушение комендантского часа", "коменданттық сағат талабын бұзған")
_BREACH_BEFORE = re.compile(
    r"\b(?:violat\w*|breach\w*|breaking|broke|defying|defied|flouting)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+)?$|(?<!\w)нарушени\w*\s+(?:[\w-]+\s+)?$|(?<!\w)наруши\w*\s+(?:[\w-]+\s+)?$"
)
_BREACH_AFTER = re.compile(r"(?:\s+(?:талаб\w*|режим\w*|тәртіб\w*))?\s+бұз\w*")
# protests banned, not held ("Шествия и митинги запрещены", "a ban on rallies")
_BANNED_BEFORE = re.compile(
    r"\b(?:ban(?:ned|s)?|prohibit\w*|outlaw\w*)\s+(?:on\s+)?(?:all\s+)?(?:[\w-]+\s+)?$|"
    r"(?<!\w)(?:запрет\w*|запрещ\w*)\s+(?:на\s+)?(?:[\w-]+\s+)?$"
)
_BANNED_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:are|were|is|was|have\s+been|remain)\s+)?(?:banned|prohibited|"
    r"запрещен\w*|запрещён\w*|тыйым\s+салын\w*)"
)


def _in_title(low: str, start: int, end: int) -> bool:
    """Whether a span is inside a quoted law's or decree's title («О чрезвычайном положении»),
    unless the title is the act that declares it («О введении чрезвычайного положения в
    Актюбинской области», «... төтенше жағдайды енгізу туралы»: the decree that did)."""
    q = low.rfind("«", 0, start)
    if q < 0 or "»" in low[q:start]:
        return False
    close = low.find("»", end)
    title = low[q + 1 : close if close >= 0 else len(low)].strip()
    declares = "введени" in title or "енгізу" in title
    return (title.startswith("о ") or title.endswith("туралы")) and not declares


# an operation's legal regime, not fighting ("режим КТО", "the counter-terrorist operation
# regime was lifted", "терроризмге қарсы операция режимі тоқтатылды")
_REGIME_BEFORE = re.compile(r"(?<!\w)режим\w*\s+(?:[\w-]+\s+)?$")
_REGIME_AFTER = re.compile(r"\s*(?:regime|режим\w*)(?!\w)")
# a relative clause about a force ("миротворцы, которые охраняли ТЭЦ-2", "who had guarded")
_WHO_BEFORE = re.compile(r"(?:\bкотор\w+|\bwho|\bwhich)\s+(?:had\s+|have\s+)?(?:[\w-]+\s+)?$")
# a hospital's wards and patients ("реанимация бөлімшесі", "шығарылды": discharged), which a
# unit word shares with troops, unless a force is named
_HOSPITAL = re.compile(r"аурухана|реанимаци|больниц|госпитал|морг|hospital|morgue|\bward\b")
_FORCE = re.compile(
    r"troops|peacekeep|soldier|paratroop|csto|войск|миротвор|десант|одкб|"
    r"бітімгер|әскер|сарбаз|ұқшұ"
)
# people brought to the police, not troops brought in ("полиция бөлімшесіне 89 адам
# жеткізілді")
_TO_POLICE = re.compile(r"(?<!\w)полиция\w*\s+(?:[\w-]+\s+){0,4}$")
_DURING_AFTER = re.compile(r"(?:\s+[\w-]+)?\s+кезінде(?!\w)")
_NEVER = re.compile(r"(?!)")  # (for a check of the words after the trigger only)
# an emergency over units it does not name ("in parts of the country", "в ряде регионов")
_SOME_UNITS = re.compile(
    r"\s+(?:in\s+(?:some\s+|several\s+)?parts\s+of|in\s+(?:several|some|a\s+number\s+of)\s+"
    r"(?:regions|cities|areas|provinces)|в\s+(?:ряде|некоторых|части)\s+(?:регион|област|город|стран)"
    r"|бірқатар\s+(?:өңір|облыс|қала))"
)
# "the emergency response team", "emergency services", "the Emergencies Ministry": a service,
# not a state of emergency
_SERVICE_AFTER = re.compile(
    r"\s+(?:response|services?|team|room|ministry|situations|department|medical|care|aid|"
    r"meeting|session|landing|workers|crews?|vehicles?)\b"
)
# unrest that ceased, named as the reason for what follows ("Тәртіпсіздіктер тыйылып, ...
# аяқталуына байланысты"): no clash of its own
_CEASED_AFTER = re.compile(r"\w*\s+(?:тыйыл\w*|тоқтал\w*|аяқталуына\s+байланысты)")
# Kazakh names a cause before its postposition ("бүлікке байланысты", "тәртіпсіздік
# салдарынан": because of the riot): what the sentence reports is something else
_KK_CAUSE_AFTER = re.compile(r"\s+(?:байланысты|салдарынан)(?!\w)")
# The words around a trigger that make it no news of its layer, as (layer, before it, right
# after it): an emergency named as a time ("during the state of emergency") or broken ("for
# violating the curfew") or a service's name ("the emergency response team"); protests banned
# ("Шествия и митинги запрещены"); an operation's regime ("the counter-terrorist operation
# regime was lifted"), no fighting; unrest that ceased or that is named as a cause in Kazakh
_NOT_THE_NEWS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("emergency", _DURING_BEFORE, _DURING_AFTER),
    ("emergency", _BREACH_BEFORE, _BREACH_AFTER),
    ("protests", _BANNED_BEFORE, _BANNED_AFTER),
    ("clashes", _REGIME_BEFORE, _REGIME_AFTER),
    ("emergency", _NEVER, _SERVICE_AFTER),
    ("clashes", _NEVER, _CEASED_AFTER),
    ("clashes", _NEVER, _KK_CAUSE_AFTER),
    ("protests", _NEVER, _KK_CAUSE_AFTER),
)
# (by layer: a trigger tries only its own layer's checks)
_NOT_THE_NEWS_OF: dict[str, list[tuple[re.Pattern[str], re.Pattern[str]]]] = {
    layer: [(before, after) for of, before, after in _NOT_THE_NEWS if of == layer]
    for layer in {of for of, _, _ in _NOT_THE_NEWS}
}
# unrest named as the cause of what a sentence reports ("amid the protests", "на фоне
# протестов", "из-за продолжающихся митингов", "ситуацией, вызванной беспорядками"): the
# sentence's news is something else
_CAUSE_BEFORE = re.compile(
    r"\b(?:amid(?:st)?|because\s+of|due\s+to|caused\s+by|prompted\s+by|sparked\s+by|"
    r"triggered\s+by)\s+(?:the\s+)?(?:[\w-]+\s+)?$|\b(?:after|following|since)\s+the\s+(?:[\w-]+\s+)?$|"
    r"(?<!\w)(?:на\s+фоне|из-за|в\s+связи\s+с|вызванн\w*|после)\s+(?:[\w-]+\s+)?$|"
    r"(?<!\w)(?:на\s+фоне|в\s+связи\s+с)\s+(?:ситуаци\w*|событи\w*|обстановк\w*)\s+"
    r"(?:с|вокруг)\s+$"
)
# the crisis named as a whole by its month ("the January events", "в январских беспорядках",
# "қаңтар оқиғасында"): a count of it is the country's, not the story's place's
_MONTH_STEMS = "январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр"
_KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
_THE_CRISIS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) (?:events|unrest|riots|violence|protests|crisis|tragedy)\b|"
    rf"(?<!\w)(?:{_MONTH_STEMS})\w*ск\w+ (?:событи|беспорядк|протест|трагеди|волнени)\w*|"
    rf"(?<!\w)(?:{_KK_MONTHS}) (?:оқиға|тәртіпсіздік|қасірет)\w*"
)
_CLOCK_OF = re.compile(r"\s+(?:local\s+)?time\b|\s+уақыты\w*")
_CLOCK_BEFORE = re.compile(r"(?<!\w)по\s+(?:местному\s+)?времени\s+$")
_DECLARING_BEFORE = re.compile(
    r"(?:введени|объявлени|enactment|declaration|introduction)\w*"
    r"\s+(?:of\s+)?(?:the\s+|a\s+)?$"
)
# where a report's source is, not where anything happened ("said a source in Semey",
# "сообщил источник в Восточно-Казахстанской области"); the words first, for speed
_SOURCE_WORDS = re.compile(r"sourc|correspond|источник|корреспондент")
_SOURCE_IN = re.compile(
    r"(?:\bsources?|\bcorrespondents?|(?<!\w)источник\w*|(?<!\w)корреспондент\w*)"
    r"(?:\s+[\w-]+)?\s+(?:in|at|в|во)\s+(?:the\s+)?$"
)
_LOCAL_KINDS = frozenset({"city", "admin1", "facility", "airport"})
_PLACE_AFTER_COUNT = 40  # characters: "21 in Kyzylorda region", "50 people were detained in Taraz"
# who speaks for the whole country: a count they give is national, whatever the story's place
_NATIONAL_SOURCE = re.compile(
    r"\b(?:ministry|government|state (?:tv|television|media)|president|tokayev|prosecutor"
    r"|kazinform|nationwide|un|united nations)\b|"
    r"(?<!\w)(?:оон|бұұ|мвд|министерств\w*|минздрав\w*|правительств\w*|генпрокуратур\w*|"
    r"генеральн\w* прокуратур\w*|президент\w*|токаев\w*|іім|"
    r"министрлі\w*|үкімет\w*)(?!\w)"
)
# a clause about many places at once, which a wire's dateline does not place ("protests
# erupted in several Kazakh cities", "в ряде городов")
_MANY_PLACES = re.compile(
    r"\b(?:several|many|multiple|other|various|numerous|some|a\s+number\s+of)\s+(?:[\w-]+\s+)?"
    r"(?:cities|towns|regions|provinces|places)\b|\bacross\s+the\s+country\b|\bnationwide\b|"
    r"(?<!\w)(?:в|во)\s+(?:ряде|нескольких|многих|других|разных)\s+(?:\w+\s+)?"
    r"(?:город\w*|регион\w*|област\w*)|(?<!\w)по\s+всей\s+стране|"
    r"(?<!\w)бірнеше\s+(?:қала|өңір|облыс)\w*"
)
# where people came from, not where they are: "protesters who came from the cities of Almaty,
# Taraz and Kyzylorda", "relatives who travelled from Zhanaozen" (and the names listed after)
_CAME_FROM = re.compile(
    r"\b(?:came|come|comes|coming|travell?(?:ed|ing)|hail(?:s|ed|ing)?|originally)\s+from\s+"
    r"(?:the\s+)?(?:(?:cities|towns|regions|villages|city|town|region|village)\s+of\s+)?$"
)
_PLACED_BY = re.compile(r"\b(?:in|at|from|near|of|outside|around|across)\s+(?:the\s+)?$")
_LOCATOR = re.compile(r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|"
                      r"outside|close\s+to)\s+(?:the\s+)?$")  # fmt: skip
# what a site could do is not what it does: "ready to resume", "may close", "готов возобновить"
# nor what it should do: "internet access must be restored", "должен быть восстановлен"
_MODAL_BEFORE = re.compile(
    r"\b(?:(?:ready|able|prepared|unable|need|needs|has|have)\s+to|could|may|might|can|must|"
    r"should|ought\s+to)\s+(?:be\s+)?$|"
    r"(?<!\w)(?:готов\w*|может|могут|могли|долж(?:ен|на|ны|но))\s+(?:к\s+|быть\s+)?$"
)
_NATIONAL_EMERGENCY = re.compile(
    r"\b(?:national|nationwide|country-?wide)\s+(?:state\s+of\s+)?emergency|"
    r"общенациональн\w*\s+(?:режим\w*\s+)?чрезвычайн\w*"
)
_HAS_COUNT = re.compile(r"\d|\b(?:dozens?|hundreds?|thousands?|тысяч\w*|сот(?:ен|ни|нях)|"
                        r"десят\w*|мың\w*|жүздеген|ондаған)\b")  # fmt: skip
_NATIONWIDE = re.compile(r"nationwide|national (?:state of )?emergency|across the country|"
                         r"entire country|whole country|"
                         r"all regions|every (?:remaining )?region|country-?wide|"
                         r"in the country|in the (?:[\w-]+ ){0,3}nation\b|по всей стране|в стране|"
                         r"на всей территории|"
                         r"во всех регионах|"
                         r"бүкіл ел\w*|барлық өңір\w*|елдің барлық|бүкіл аумағ\w*")  # fmt: skip
# "closed after a blackout", "after being ransacked": a state told as background
_BACKGROUND = re.compile(
    r"\b(?:after|following|после)\s+(?:a |an |the |being |its |their )?$|"
    r"\b(?:previously|earlier|already)[ -](?:declared|imposed|introduced)\s+(?:a |an |the )?$|"
    r"\b(?:previously|earlier|once)\s+$|"  # "the airport, previously seized by protesters"
    r"(?<!\w)(?:ранее|уже)\s+(?:введенн|введённ|объявленн)\w*\s+(?:режим\w*\s+)?$"
)
# A place named as where a departing force went ("flew ... to Almaty airport", "вылетели ... в
# аэропорт Алматы", "на военный аэродром Жетыген"): it arrived there (in Russian, up to two
# words between; "to leave Kazakhstan" is no destination)
_TOWARD = re.compile(
    r"(?:\b(?:to|into|for)\s+(?:the\s+)?|"
    # (not "вернулись на родину из Казахстана": home, from the place)
    r"(?<!\w)(?:в|во|на)\s+(?:(?!(?:из|от|с|со|родину)\s)[\w-]+\s+){0,2})$"
)
_LISTED = re.compile(r"\s*(?:,\s*)?(?:and|и|,)\s+(?:the\s+)?")
# a relative clause telling who a force is ("soldiers who had been sent to", "которых
# отправили в"), and a return or withdrawal told in the same clause
_WHO_HAD_BEEN = re.compile(
    r"(?:\b(?:who|that|which)\s+(?:had\s+)?(?:been\s+)?|(?<!\w)котор\w+\s+(?:был\w*\s+)?)"
    r"(?:[\w-]+\s+){0,2}$"
)
_RELATIVE = re.compile(r"\b(?:who|which)\b|(?<!\w)котор\w+")
_GOING_HOME = re.compile(
    r"\b(?:withdr\w+|returned|came home|went home|pulled out)\b|"
    r"(?<!\w)(?:вывод\w*|верну\w*|вернул\w*|возвраща\w*|покинул\w*)"
)
_CUMULATIVE = re.compile(r"\b(?:total|in all|so far|nationwide|across the country|country-?wide|"
                         r"overall|since the (?:start|beginning)|has risen|"
                         r"rose to|reached|toll|"
    r"всего|в общей сложности|по всей стране|общее число|общее количество)\b")  # fmt: skip
# The sentence's cues, found in one pass by a WordFinder (one regex search per cue per
# sentence, or one alternation of them all, cost more than the rest of a sentence's work).
_CUES = WordFinder(
    (word, name)
    for name, rx in (("denial", _DENIAL), ("hedge", _HEDGE), ("retraction", _RETRACTION),
                     ("internet", _INTERNET), ("troops", _TROOPS), ("cumulative", _CUMULATIVE),
                     ("transport", _TRANSPORT), ("rail", _RAIL))
    for word in top_level_alternatives(rx.pattern.removeprefix("\\b(?:").removesuffix(")\\b"))
)  # fmt: skip
_RETRACTS_FIGURE = re.compile(
    r"\b(?:retract\w*|deleted|technical error|erroneous\w*|in error)\b|"
    r"\bwithdr[eao]w\w*\b.{0,25}\b(?:it|figure|toll|number|data|post|message|report)\b|"
    r"\b(?:it|figure|toll|number|data|post|message|report)\b.{0,25}\bwithdr[eao]w\w*\b"
)
_THERE = re.compile(r"\bthere\b|\bthe (?:city|town|region)\b|"
                    r"\bthe regional (?:capital|centre|center)\b|"
                    r"\bтам\b|\bв городе\b|\bв областном центре\b|\bв облцентре\b|"
                    r"\bв области\b|\bв регионе\b|"
                    r"(?<!бірнеше )(?<!барлық )(?<!көптеген )\b(?:облыста|өңірде)\b|"
                    r"(?<!\w)(?:қалада|қаладағы)(?!\w)")  # fmt: skip
# what a city's infrastructure status is about, when it is no site
_ALL_OF = re.compile(r"\b(?:all|every|completely|entirely|все|всех|полностью|барлық)\b")
_PARTS = {"internet": "Internet", "transport": "Public transport", "rail": "Railway"}
_REGION_THERE = re.compile(r"the region|в области|в регионе|облыста|өңірде")
_OFFICIAL_OF = re.compile(r"\b(?:mayor|akim|governor|head)s?\b|\bаким\w*|\bмэр\w*")
# Deaths in an accident or a disaster are no event of the unrest and no part of its toll ("a fire
# at a coal mine killed 46 miners"): their counts propose nothing.
_ACCIDENT = re.compile(
    r"\b(?:accident\w*|blaze|(?:a|the)\s+fire\s+(?:at|in|on|broke)|mine\s+fire|methane|"
    r"wildfires?|bushfires?|(?:forest|steppe|grass)\s+fires?|"
    r"gas\s+(?:explosion|leak|blast)|crash\w*|collaps\w*|derail\w*|flood\w*|earthquake|"
    r"avalanche|landslide|mudslide|drown\w*|авари\w*|пожар\w*|наводнени\w*|землетрясени\w*)\b",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(r"\s*\([^)]*\)$")  # "Almaty (city)"
# between an arrest and a violent word: what they were held for ("for looting", "on suspicion
# of rioting", "за участие в беспорядках")
_CHARGE = re.compile(r"\b(?:for|of|over|on charges|за)\b")
# a court's verdict or charge: the violent words after it name what is charged
_COURT = re.compile(
    r"\b(?:sentenced|convicted|found guilty|pleaded guilty|charged with|accused of|"
    r"on charges of|indicted|приговорил\w*|приговорен\w*|приговорён\w*|осужден\w*|осуждён\w*|"
    r"признан\w* виновн\w*|сотталды|сотталған|кінәлі деп)"
)
_COURT_WORDS = re.compile(
    r"sentenc|convict|guilty|charge|accused|indict|пригов|осужд|соттал|кінәлі"
)
_IN_YEAR = re.compile(r"\b(?:in|в|of)\s+(?P<y>(?:19|20)\d\d)(?!\d)(?!\s*[-–])")
_AGO_WORDS = re.compile(r"\bago\b|назад|бұрын")
# a past long before the crisis: "a decade ago", "ten years ago", "осы оқиғадан он жыл бұрын"
_LONG_AGO = re.compile(
    r"\b(?:a|one|two|three|several|many|\d+)\s+(?:decades?|years)\s+ago\b|\bdecades\s+ago\b|"
    r"\b(?:десять|\d+|много)\s+лет\s+назад|\bжыл\s+бұрын"
)
# words that introduce the units of a list ("The regions include Akmola")
_LISTING = re.compile(
    r"\b(?:regions?|oblasts?|provinces?|include\w*|among them|such as|област\w*|включая|"
    r"в том числе|облыс\w*|оның ішінде)\b"
)
_REGIONS_WORD = re.compile(r"\b(?:regions|oblasts|provinces|областях|областей|области)\b")
_GUNFIRE = re.compile(r"\b(?:open\w*|return\w*|exchang\w*|came under|set)\s+(?:on\s+)?fire\b")
_VIOLENCE = re.compile(r"\b(?:unrest|clash\w*|riot\w*|shot|shooting|fire|fighting|attack\w*|"
                       r"operation|violence|beaten|storm\w*|gunfire|беспорядк\w*|"
                       r"столкновени\w*|стрельб\w*|штурм\w*|нападени\w*|операци\w*)\b")  # fmt: skip
_REPORTER = re.compile(
    r"according to (?:the |a |an )?(?P<a>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*|"
    r"police|officials|authorities|witnesses|doctors|activists)"
    r"|(?:the\s+)?(?P<b>(?:[A-Z][\w'’-]*\s+){0,4}(?:[Mm]inistry|[Oo]ffice|[Ss]ervice|[Cc]ommittee|"
    r"[Pp]olice|[Gg]overnment|[Pp]rosecutor[\w'’ -]*?|[Cc]ommandant|[Aa]gency|[Dd]epartment|"
    r"[Mm]inister|[Pp]resident|[Aa]uthorities|[Oo]fficials|[Ww]itnesses|[Aa]kimat)"
    r"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)\s+(?:said|says|reported|announced|stated|"
    r"told|confirmed|put|gave|cited|published|counted)"
    r"|(?:said|reported|announced)\s+(?:the\s+)?(?P<c>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_DECREE = re.compile(r"decree|указ|жарлық")
# "since the counter-terrorist operation began", "since the unrest started": a time, not news
_SINCE_BEGAN = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_BEGAN = re.compile(r"\s+(?:began|started|was\s+launched|broke\s+out)\b")
# A building that a seizure's clause names, known to the gazetteer or not
_BUILDING = re.compile(
    r"\b(?:akimats?|administrations?|city halls?|mayor['’]s office|airports?|buildings?|"
    r"police (?:stations?|departments?|headquarters)|headquarters|offices|"
    r"(?:tv|television) (?:stations?|centres?|towers?)|residences?|prosecutor['’]s offices?)\b"
)


@dataclass
class _Hit:
    """A trigger found in a clause, with what the clause gives it."""

    start: int
    end: int
    trigger: Trigger
    places: list[Mention] = field(default_factory=list)


class Extractor:
    """Turns Documents into candidates; shares one geoparser (and its memos) between calls."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        settings: Settings,
        *,
        parser: Geoparser | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        from geo.geoparse import Geoparser

        self.gazetteer = gazetteer
        self.aoi = settings.area_of_interest
        self.parser = parser or Geoparser(gazetteer, settings)
        self.lexicon = lexicon or load_lexicon()
        # dateparser's locales load once, here, not inside the first article
        self.scanner = Scanner([self.lexicon, _CUES], [date_start_heads(), COUNT_START_HEADS])
        country = gazetteer.get(f"country:{self.aoi}")
        self.country_name = country.name if country else self.aoi
        self._dateline_memo: dict[str, Place | None] = {}

    def extract(self, doc: Document) -> Extraction:
        """Every candidate the document's body supports, in text order, duplicates merged."""
        body = doc.body
        mentions = tuple(self.parser.parse(body))
        # one pass over the body finds the triggers, the cues and where dates and counts can
        # start; sentences take their share
        low_body = _lower(body)
        (triggers, cues_found), (date_starts, count_starts) = self.scanner.scan(low_body)
        dates = find_dates(body, doc.published, lowered=low_body, starts=date_starts)
        spans = tuple((d.start, d.end) for d in dates)
        if doc.language == "kk":
            counts = find_counts_kk(body, skip=spans)
        elif is_cyrillic_language(doc.language):
            counts = find_counts_ru(body, skip=spans)
        else:
            counts = find_counts(body, skip=spans, lowered=low_body, starts=count_starts)
        dateline = self._dateline_place(doc)
        # the story's place: its dateline's, else the one its title names
        story = [p] if (p := dateline or self._title_place(doc)) else []
        cue_hits = [(start, name) for start, _, names in cues_found for name in names]
        t_starts = [t[0] for t in triggers]
        c_starts = [c[0] for c in cue_hits]
        d_starts = [d.start for d in dates]
        n_starts = [c.start for c in counts]
        # (a clock's place is no event's: "lifted at 00:00 Almaty time", "по времени Астаны")
        placed = [m for m in mentions if m.place]
        if "time" in low_body or "времени" in low_body or "уақыт" in low_body:
            placed = [
                m for m in placed if not _CLOCK_OF.match(body, m.end)
                and not _CLOCK_BEFORE.search(body, max(0, m.start - 30), m.start)
            ]  # fmt: skip
        m_starts = [m.start for m in placed]
        out: list[Candidate] = []
        last_date: DateMention | None = None
        previous: list[Mention] = []  # the last sentence's places, for "there"
        # "emergency-context" once a paragraph names an emergency, "internet" the internet
        context: set[str] = set()
        # an emergency whose sentence named no unit ("declared in ten regions"), for the next
        # sentence of its paragraph to list them ("The regions include Kostanay, ...")
        unlisted: tuple[int, list[tuple[int, int, tuple[Trigger, ...]]]] | None = None
        para_start = paragraph = 0
        headline_end = _headline_end(doc)
        for s_start, s_end in _sentences(body, doc.dateline_end):
            if s_end <= headline_end:
                continue  # the headline: the story tells what it says again
            if "\n\n" in body[para_start:s_start]:
                last_date = None  # a date carries over within its paragraph only
                paragraph = s_start
                context = set()
                unlisted = None
            first_of_paragraph = paragraph == s_start
            para_start = s_start
            sentence = body[s_start:s_end]
            s_dates = dates[bisect_left(d_starts, s_start) : bisect_left(d_starts, s_end)]
            s_counts = counts[bisect_left(n_starts, s_start) : bisect_left(n_starts, s_end)]
            s_mentions = placed[bisect_left(m_starts, s_start) : bisect_left(m_starts, s_end)]
            s_triggers = triggers[bisect_left(t_starts, s_start) : bisect_left(t_starts, s_end)]
            cues = cue_hits[bisect_left(c_starts, s_start) : bisect_left(c_starts, s_end)]
            found: list[Candidate] = []
            if (s_triggers or s_counts) and not _heading(sentence):
                # (most of a story's sentences propose nothing)
                found = self._sentence(doc, sentence, low_body[s_start:s_end], s_start, s_dates,
                                       s_counts, s_mentions, dateline, last_date, previous,
                                       context, s_triggers, cues, story)  # fmt: skip
            emergencies = [t for t in s_triggers if any(x.layer == "emergency" for x in t[2])]
            # (a sentence that tells of its own events lists no emergency's units: "On
            # January 2, people took to the streets in Zhanaozen and Aktau")
            if (
                unlisted is not None
                and not emergencies
                and not any(x.kind == "event" for t in s_triggers for x in t[2])
            ):
                found += self._listed_after(doc, body, low_body, unlisted, s_start, s_end,
                                            dates, placed, cue_hits, dateline,
                                            last_date)  # fmt: skip
            unlisted = None
            if emergencies and not any(
                c.layer == "emergency" and c.place is not None for c in found
            ):
                unlisted = (s_start, emergencies)
            if any(name == "retraction" for _, name in cues):
                # "Officials later withdrew it": the paragraph's national figures before it
                # (the previous paragraph's, when the sentence opens a paragraph)
                out = _retract_previous(out, paragraph, s_start, body, first_of_paragraph)
            out += found
            if any(name == "emergency" for _, name in cues):
                context.add("emergency-context")
            if any(name == "internet" for _, name in cues):
                context.add("internet")  # "Almaty was cut off for 111 hours", after it
            inside = [m for m in s_mentions if self._local(m)]
            if inside:
                previous = inside
            dated = [d for d in s_dates if d.role != "until"]
            if dated:  # "at the same hour" in the next sentence means this day
                last_date = dated[-1]
        merged = _merge(out)
        # background ("the oil town where police fired on workers in December 2011"): what
        # happened more than a year before the story is no candidate of its crisis, unless it
        # happened in the case's years ("On January 2, 2022 protests began", a year on)
        oldest = doc.published - _OLDER_THAN_THE_CRISIS
        merged = [
            c for c in merged
            if c.date is None or c.date >= oldest or c.date.year in doc.case_years
        ]  # fmt: skip
        told = [m for m in placed if m.start >= doc.dateline_end]  # (a wire's dateline: no)
        if any(m.place and m.place.kind != "demonym" for m in told) and not any(
            m.place and m.place.country_code == self.aoi for m in told
        ):  # (a demonym alone places nothing: "the Armenian prime minister said")
            # a story about another country only ("Police in Georgia detained 107 people",
            # "18 people died in the unrest" in Karakalpakstan): what it reports without a
            # place is that country's, not the area's national figures or events
            merged = [c for c in merged if c.place is not None]
        return Extraction(doc, mentions, tuple(merged))

    def _listed_after(
        self,
        doc: Document,
        body: str,
        low_body: str,
        unlisted: tuple[int, list[tuple[int, int, tuple[Trigger, ...]]]],
        next_start: int,
        end: int,
        dates: list[DateMention],
        placed: list[Mention],
        cue_hits: list[tuple[int, str]],
        dateline: Place | None,
        carried: DateMention | None,
    ) -> list[Candidate]:
        """The units of an emergency that its sentence did not name, listed by the next
        sentence ("... declared in ten regions. The regions include Akmola, Kostanay and
        North Kazakhstan."): read as one sentence with the emergency's words only. In a list
        of regions, a name that is a town's and a region's is the region (Kostanay)."""
        start, triggers = unlisted
        listed = [m for m in placed if start <= m.start < end and m.place is not None
                  and m.place.country_code == self.aoi
                  and m.place.kind in {"city", "admin1"}]  # fmt: skip
        after = [m for m in listed if m.start >= triggers[-1][1]]
        if not after:
            return []
        if len(after) < 2 and not _LISTING.search(low_body, next_start, end):
            return []  # one place named next ("a ceremony was held in Almaty") lists nothing
        if _REGIONS_WORD.search(low_body, start, end):
            listed = [self._region_named(m) for m in listed]
        return [
            c
            for c in self._sentence(
                doc,
                body[start:end],
                low_body[start:end],
                start,
                [d for d in dates if start <= d.start < end],
                [],
                listed,
                dateline,
                carried,
                [],
                set(),
                triggers,
                [hit for hit in cue_hits if start <= hit[0] < end],
                [],  # (no counts: no story place needed)
            )  # fmt: skip
            if c.layer == "emergency" and c.place is not None
        ]

    def _areas_of(self, unit: Place) -> set[str]:
        """The admin-1 codes a unit's towns carry: its own, and for a unit created later
        (Abai Region) that of the unit its admin centre was in (East Kazakhstan)."""
        areas = {unit.admin1}
        for centre in (
            self.gazetteer.lookup(unit.city, kinds=["city"], limit=3) if unit.city else ()
        ):
            if centre.country_code == unit.country_code and centre.name == unit.city:
                areas.add(centre.admin1)
                break
        return areas

    def _region_named(self, mention: Mention) -> Mention:
        """A town named in a list of regions as the region of that name: Kostanay Region,
        Akmola Region ("Akmola" is also an old name of the capital); not a city that is a unit
        of its own (Almaty)."""
        place = mention.place
        if place is None or place.kind != "city":
            return mention
        if normalize(mention.text) == normalize(place.name) and self._unit_of(place) is not place:
            return mention
        for unit in self.gazetteer.lookup(f"{mention.text} Region", kinds=["admin1"], limit=1):
            if unit.country_code == place.country_code:
                return mention._replace(place=unit)
        return mention

    # -- one sentence ----------------------------------------------------------------------

    def _sentence(
        self,
        doc: Document,
        sentence: str,
        low: str,
        offset: int,
        dates: list[DateMention],
        counts: list[Count],
        mentions: list[Mention],
        dateline: Place | None,
        carried: DateMention | None,
        previous: list[Mention],
        context: set[str],
        triggers: list[tuple[int, int, tuple[Trigger, ...]]],
        cues: list[tuple[int, str]],
        story: list[Place],
    ) -> list[Candidate]:
        """The sentence's candidates; ``triggers`` and ``cues`` are its lexicon and cue hits
        (offsets into the body), to which it adds ("emergency", where one is named);
        ``story``: the story's place (its dateline's or its title's), if any."""
        names = {name for _, name in cues}
        certainty = "reported"
        if "denial" in names:
            certainty = "denied"
        elif "hedge" in names or (low.count("said") > 1 and _DISAGREE.search(low)):
            certainty = "uncertain"
        retracted = "retraction" in names
        cumulative = "cumulative" in names
        evidence = (offset, offset + len(sentence), sentence)
        out: list[Candidate] = []
        used_counts: set[int] = set()
        # a court's verdict or a past long gone, once a sentence (see _hits); a word test first,
        # the regexes cost more than the rest of a clause's filters
        past = (
            _COURT.search(low) if _COURT_WORDS.search(low) else None,
            _LONG_AGO.search(low) if _AGO_WORDS.search(low) else None,
        )
        totals = self._placed_totals(counts, mentions)
        for c_start, c_end in _clauses(low):
            clause = low[c_start:c_end]
            a, b = offset + c_start, offset + c_end
            c_triggers = [t for t in triggers if a <= t[0] < b]
            c_counts = [c for c in counts if a <= c.start < b]
            if not c_triggers and not c_counts:
                continue  # a clause with nothing to propose ("said the ministry")
            c_cues = {name for pos, name in cues if a <= pos < b} | context
            hits = self._hits(c_triggers, low, offset, c_cues, past)
            c_mentions = [m for m in mentions if a <= m.start < b]
            c_dates = [d for d in dates if a <= d.start < b]
            there = None
            if not any(m.place and m.place.country_code == self.aoi for m in c_mentions) and (
                previous and (there := _THERE.search(clause))
            ):
                c_mentions = previous[-1:]  # "opened fire on demonstrators there"
                if _REGION_THERE.fullmatch(there.group()):  # "в области": the city's region
                    c_mentions = [self._region_of(m) for m in c_mentions]
            self._assign_places(hits, c_mentions, low, offset)
            if any(h.trigger.layer == "emergency" for h in hits):
                cues.append((a, "emergency"))  # the paragraph now speaks of one
            # the cities trains or buses ran from, which an emergency of the same sentence
            # does not take ("в связи с ЧП в Алматы ... отменили поезда из Атырау")
            routes = {id(m) for h in hits if h.trigger.needs in {"rail", "transport"}
                      for m in h.places}  # fmt: skip
            for hit in hits:
                # an emergency takes every unit its sentence lists (or the one "there" is)
                near = mentions if hit.trigger.layer == "emergency" and not there else c_mentions
                if routes and hit.trigger.layer == "emergency":
                    near = [m for m in near if id(m) not in routes] or near
                found = self._candidates(doc, hit, clause, c_dates or dates, carried,
                                         dateline, certainty, evidence, near,
                                         offset + c_start)  # fmt: skip
                # one trigger at several places ("clashes in Almaty and Shymkent left 10
                # dead"): a count is the one place's it names ("50 in Almaty and 30 in
                # Shymkent"), else none of them (a figure: never copied to each place)
                several = len({c.place.id if c.place else "" for c in found}) > 1
                for cand in found:
                    if (
                        cand.sub_event_type == "Arrests"
                        and cand.place is None
                        and _counted(clause, c_dates, a, c_counts)
                    ):
                        continue  # counted detentions nationwide are a figure (its count's)
                    pool = [c for c in c_counts if id(c) not in totals]
                    if several:
                        pool = [
                            c
                            for c in pool
                            if self._names_after(c, cand.place, c_mentions, doc.body)
                        ]
                    cand, took = self._with_counts(cand, hit, pool, cumulative)
                    used_counts.update(took)
                    if (cand.layer == "troops" and cand.status == "deployed"
                            and cand.place is None and not cand.counts
                            and not any(d.explicit for d in c_dates)
                            and not self._names_the_area(c_mentions)):  # fmt: skip
                        # "the bloc had deployed troops": no place, size or day, nor the
                        # area's country ("paratroopers arrived in Kazakhstan" is kept)
                        continue
                    out.append(cand)
            accident = None
            for count in c_counts:
                if id(count) in used_counts:
                    continue
                if accident is None:
                    said = sentence[c_start:c_end]
                    accident = bool(_ACCIDENT.search(said)) and not _GUNFIRE.search(said.lower())
                if accident:
                    continue
                if self._of_a_past_year(doc, sentence[c_start:c_end], count.end - c_start):
                    continue  # "where dozens were killed in protests in 2011": background
                # (a rival figure in a clause of its own is dated as the one it answers)
                f_dates = dates if count.rival and not c_dates else c_dates
                # (a total whose part is placed is no place's: only a place before it is)
                f_mentions = (
                    c_mentions
                    if id(count) not in totals
                    else [m for m in c_mentions if m.start < count.start]
                )
                if count.within:  # a part placed after a dash: "из них 103 — в Алматы"
                    f_mentions = [
                        m for m in mentions if 0 <= m.start - count.end <= 40
                    ] or f_mentions
                # where a count of the dead, hurt or held that names no place happened: the
                # sentence's one place, else the story's (its dateline's or its title's)
                where: list[Place] = []
                if id(count) not in totals and not count.within:
                    where = list({m.place.id: m.place for m in mentions if self._local(m)}.values())
                    where = where if len(where) == 1 else [] if where else story
                out.append(self._figure(doc, count, sentence[c_start:c_end], f_mentions,
                                        f_dates, certainty, retracted, evidence,
                                        where))  # fmt: skip
        if any(c.kind == "state" for c in out):
            out = _one_status_a_day(_close_before_reopening(out))
        return out

    def _hits(
        self,
        triggers: list[tuple[int, int, tuple[Trigger, ...]]],
        low: str,
        offset: int,
        cues: set[str],
        past: tuple[re.Match[str] | None, re.Match[str] | None] = (None, None),
    ) -> list[_Hit]:
        """A clause's triggers; weak ones only when nothing stronger is there; negated ones
        dropped; ``past``: the sentence's court verdict and long-ago phrase, if any."""
        hits: list[_Hit] = []
        # (a negation after its noun is Russian or Kazakh: a word test spares the regex)
        negated_after = "не " in low or "бол" in low or "тіркелме" in low
        for m_start, m_end, rows in triggers:
            before = low[max(0, m_start - offset - 40) : m_start - offset]
            if _NEGATION.search(before) or (
                negated_after and _NEGATED_AFTER.match(low, m_end - offset)
            ):
                # "no clashes", "погромов и хулиганства не было"; but a site that "has not
                # resumed" its work is still closed
                rows = [
                    replace(r, status="closed")
                    for r in rows
                    if r.layer == "infrastructure" and r.status == "operational"
                    and _NOT_VERB.search(before)
                ]  # fmt: skip
                if not rows:
                    continue
            if _SINCE_BEGAN.search(before) and _BEGAN.match(low, m_end - offset):
                continue  # "detained since the counter-terrorist operation began": a time
            resulting = _LEFT_AS_RESULT.match(low, m_start - offset)
            for row in rows:
                if resulting and row.layer == "troops":
                    continue  # "clashes ... left two people injured": nobody departed
                if row.status == "operational" and before.endswith(("briefly ", "only briefly ")):
                    continue  # "service briefly came back, then vanished again": no reopening
                if row.layer == "infrastructure" and _MODAL_BEFORE.search(before):
                    continue  # "technically ready to resume operation": not yet resumed
                if row.layer == "troops" and _HOSPITAL.search(low) and not _FORCE.search(low):
                    continue  # "реанимация бөлімшесіне ... шығарылды": patients discharged
                if row.layer == "troops" and _TO_POLICE.search(
                    low, max(0, m_start - offset - 80), m_start - offset
                ):
                    continue  # "полиция бөлімшелеріне 700 адам жеткізілді": people held
                if row.layer == "troops" and before.endswith("national "):
                    continue  # "the National Guard" is a force, not a guard duty
                if (
                    row.layer == "troops"
                    and row.status == "deployed"
                    and _WHO_HAD_BEEN.search(before)
                    and _GOING_HOME.search(low)
                ):
                    continue  # "вернулись военнослужащие, которых отправили в Казахстан": who
                    # they are, beside the news of their return
                if any(
                    said_before.search(before) or said_after.match(low, m_end - offset)
                    for said_before, said_after in _NOT_THE_NEWS_OF.get(row.layer, ())
                ):
                    continue  # "during the emergency", "violating the curfew", "were banned"
                if _in_title(low, m_start - offset, m_end - offset):
                    continue  # «О чрезвычайном положении»: a law's or a decree's title
                if (
                    row.layer == "troops"
                    and row.status == "deployed"
                    and _WHO_BEFORE.search(before)
                ):
                    continue  # "peacekeepers, who guarded the CHPP-2, left": background
                if (
                    row.layer == "infrastructure"
                    and low.startswith("вернул", m_start - offset)
                    and _FORCE.search(low)
                ):
                    continue  # "вернулись миротворцы": troops home, no site reopened
                if (
                    row.layer in {"protests", "clashes", "emergency"}
                    and _CAUSE_BEFORE.search(before)
                    and not (
                        row.layer == "emergency"
                        and (
                            _DECLARING_BEFORE.search(before)
                            or _LIFTED.search(low, m_end - offset, m_end - offset + 40)
                        )
                    )
                ):
                    continue  # "на фоне протестов введен режим ЧП", "в связи с ЧП": a cause
                    # ("в связи с введением ЧП" still tells that it was declared)
                if row.needs in {
                    "internet",
                    "troops",
                    "emergency-context",
                    "transport",
                    "rail",
                } and (row.needs not in cues):
                    continue
                hits.append(_Hit(m_start, m_end, row))
        if any(h.trigger.layer == "emergency" for h in hits):
            # "signed a decree imposing a state of emergency": the emergency is the news
            hits = [
                h for h in hits
                if h.trigger.layer == "emergency"
                or not _DECREE.search(low, h.start - offset, h.end - offset)
            ]  # fmt: skip
        # "extended the night curfew": the change of a curfew, not another emergency
        hits = [
            h for h in hits
            if h.trigger.layer != "emergency"
            or not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                       and o.trigger.layer != "emergency" for o in hits)
        ]  # fmt: skip
        strong_layers = {h.trigger.layer for h in hits if not h.trigger.weak}
        if strong_layers:
            hits = [h for h in hits if not h.trigger.weak or
                    (h.trigger.layer not in strong_layers and h.trigger.layer != "protests"
                     and h.trigger.layer != "clashes")]  # fmt: skip
        if any(h.trigger.layer == "clashes" for h in hits):
            hits = [h for h in hits if h.trigger.layer != "protests" or not h.trigger.weak]
        # "detained 5 people for looting": the charge, not a riot of its own
        arrests = [h for h in hits if h.trigger.sub_event_type == "Arrests"]
        if arrests:
            hits = [
                h for h in hits
                if h.trigger.layer not in {"clashes", "protests"}
                or not any(
                    a.end <= h.start
                    and _CHARGE.search(low, a.end - offset, h.start - offset) is not None
                    for a in arrests
                )
            ]  # fmt: skip
        # "sentenced for attacking and seizing the airport", "a similar wave of protests a
        # decade ago": a court's charge or a past long gone, no event or state of its own
        court, long_ago = past
        if long_ago:  # (troops and emergencies are states of now, whatever else is recalled)
            hits = [h for h in hits if h.trigger.layer in {"troops", "emergency"}]
        elif court:  # (what happens before the verdict is told, a decision, stays)
            hits = [
                h for h in hits
                if h.trigger.layer in {"troops", "emergency", "other"}
                or h.start - offset < court.start()
            ]  # fmt: skip
        return hits

    @staticmethod
    def _of_a_past_year(doc: Document, clause: str, after: int) -> bool:
        """Whether the words right after a count date it to a year long before the story
        ("killed in protests in 2011"; not the case's own years)."""
        year = _IN_YEAR.search(clause, after, after + 60)
        if year is None:
            return False
        y = int(year["y"])
        return y < doc.published.year - 1 and y not in doc.case_years

    def _assign_places(
        self, hits: list[_Hit], mentions: list[Mention], low: str, offset: int
    ) -> None:
        """Give each usable place of the clause to its nearest trigger; triggers without one
        borrow their nearest neighbour's."""
        if not hits:
            return
        sources = _SOURCE_WORDS.search(low) is not None  # (a word test spares the regex)
        places = [
            m
            for m in mentions
            if m.place
            and m.place.kind not in {"demonym"}
            and not _adjectival(m)
            and not (
                _SPEAKS.match(low, m.end - offset)
                and not _PLACED_BY.search(low[max(0, m.start - offset - 12) : m.start - offset])
            )
            and not (
                sources and _SOURCE_IN.search(low[max(0, m.start - offset - 40) : m.start - offset])
            )
        ]
        if "from" in low:
            places = _not_origins(places, low, offset)
        inside = [m for m in places if m.place and m.place.country_code == self.aoi]
        places = inside or places
        # a facility stands for its city: drop the city when one of its facilities is named
        # (a unit's city is its admin centre, which naming the unit does not drop)
        cities = {
            m.place.city
            for m in places
            if m.place and m.place.city and m.place.kind in {"facility", "airport"}
        }
        if not any(h.trigger.layer == "emergency" for h in hits):  # (its units stay)
            places = [m for m in places if not (m.place and m.place.kind == "city"
                                                and m.place.name in cities)]  # fmt: skip
        # a unit named with one of its towns only locates it ("Semey, the centre of the Abai
        # region", "Zhanaozen in Mangystau region"); an emergency keeps its units
        areas = {m.place.admin1 for m in places if m.place and m.place.kind == "city"}
        if areas and not any(h.trigger.layer == "emergency" for h in hits):
            places = [m for m in places if not (m.place and m.place.kind == "admin1"
                                                and self._areas_of(m.place) & areas)]  # fmt: skip
        if len(places) > 1:  # "the Zhetygen airfield north of Almaty": Almaty only locates it
            ends = {m.end - offset for m in places}
            located = []
            for m in places:
                at = max(0, m.start - offset - 25)
                near = _LOCATOR.search(low[at : m.start - offset])
                # (only a place named right before "near" is located: in "clashes at an oil
                # field near Zhetybay" the field has no name, and Zhetybay is the place)
                if near is None or not ends & set(range(at + near.start() - 3, at + near.start())):
                    located.append(m)
            places = located or places
        for m in places:
            nearest = min(hits, key=lambda h: _distance(h, m))
            for h in hits:  # every reading of the nearest trigger's words
                if (h.start, h.end) == (nearest.start, nearest.end):
                    h.places.append(m)
        for h in hits:
            if not h.places:
                donors = [o for o in hits if o.places]
                if donors:
                    h.places = list(min(donors, key=lambda o: abs(o.start - h.start)).places)

    def _candidates(
        self,
        doc: Document,
        hit: _Hit,
        clause: str,
        dates: list[DateMention],
        carried: DateMention | None,
        dateline: Place | None,
        certainty: str,
        evidence: tuple[int, int, str],
        clause_mentions: list[Mention],
        clause_at: int,
    ) -> list[Candidate]:
        t = hit.trigger
        places = list({m.place.id: m.place for m in hit.places if m.place}.values())
        if t.layer in {"troops", "emergency", "infrastructure"}:
            places = [p for p in places if p.country_code == self.aoi]  # states held here
        if t.needs == "facility":
            sites = [p for p in places if p.kind in {"facility", "airport"}]
            if not sites and t.kind == "event" and _BUILDING.search(clause):
                # "occupied the city administration in Semey": a building the gazetteer
                # lacks, taken by force, is a clash in its town (a state needs the site)
                sites = [p for p in places if p.kind == "city"][:1]
            places = sites
            if not places:
                return []
        if t.needs == "national":
            # a decision about one city's officials ("dismissed the mayor of Almaty") is local
            places = places[:1] if _OFFICIAL_OF.search(clause) else []
            places = [p for p in places if p.country_code == self.aoi and p.kind == "city"]
        elif t.needs in {"internet", "transport"}:
            places = [p for p in places if p.kind in {"city", "admin1"}][:1]
            if not places and t.needs == "transport":
                return []  # a city's buses, never the whole country's
        elif t.needs == "rail":
            # each city the trains ran from or through ("из Алматы, Нур-Султана и Актобе"),
            # else the country's railway
            places = [p for p in places if p.kind in {"city", "admin1"}
                      and p.country_code == self.aoi]  # fmt: skip
        elif t.layer == "emergency" and _SOME_UNITS.match(clause, hit.end - clause_at):
            return []  # "declared a state of emergency in parts of the country": which, unsaid
        elif t.layer == "emergency" and _NATIONAL_EMERGENCY.search(clause):
            places = []  # "decreed the national state of emergency ..., in Almaty and Taraz"
        elif t.layer == "emergency":
            # every unit the sentence lists; a city that is an admin-1 unit of its own is that unit
            places = list(dict.fromkeys(
                self._unit_of(m.place) for m in clause_mentions if m.place
                and m.place.country_code == self.aoi and m.place.kind in {"city", "admin1"}
            ))  # fmt: skip
            # the units it lists; none listed and "nationwide" or the country named ("the
            # state of emergency declared in Kazakhstan"): the whole country
            if not places:
                places = [m.place for m in clause_mentions if m.place and m.place.kind ==
                          "country" and m.place.country_code == self.aoi][:1]  # fmt: skip
        if t.needs == "emergency-context" and not places:
            return []
        several = t.layer in {"protests", "clashes", "emergency", "troops", "infrastructure"} or (
            t.sub_event_type == "Arrests"  # "detained protesters in Almaty, Shymkent and Oral"
        )
        chosen = places if several and places else places[:1] or [None]
        if len(chosen) > 1:  # "the airport, the largest in Kazakhstan, was freed": the airport
            chosen = [p for p in chosen if not (p and p.kind == "country")] or chosen
        if len(chosen) > 1 and t.layer != "emergency":
            # "In Taldykorgan, Almaty region, the akimat was stormed": the region that holds
            # another of its places only says where that is (an emergency's units stay)
            inner = {p.admin1 for p in chosen if p and p.kind != "admin1"}
            chosen = [p for p in chosen if not (p and p.kind == "admin1" and p.admin1 in inner)]
        # with several places, each takes the date nearest to it ("X on 13, Y on 19 January")
        where: dict[str, int] = {}
        if len(chosen) > 1:
            for m in (*hit.places, *clause_mentions):
                if m.place:  # (by the unit too, for a city that is one: Almaty)
                    where[m.place.id] = where[self._unit_of(m.place).id] = m.start
        arriving: set[str] = set()
        if t.layer == "troops" and t.status != "deployed":
            went, end = False, -1  # (a place listed after one it went to: "to X and the Y")
            for m in sorted(hit.places, key=lambda m: m.start):
                at = max(0, m.start - clause_at)
                went = (
                    bool(_TOWARD.search(clause, max(0, at - 40), at))
                    and not _locative(m.text, clause, at)
                    # (not where a relative clause says they had been sent: "вернулись
                    # военнослужащие, которых отправили в Казахстан")
                    and not _RELATIVE.search(clause, max(0, hit.end - clause_at), at)
                ) or (went and _LISTED.fullmatch(clause, max(0, end - clause_at), at) is not None)
                if went and m.place:
                    arriving.add(m.place.id)
                end = m.end
        out = []
        for place in chosen:
            cand = self._candidate(doc, t, clause, place, dates, hit, carried, dateline,
                                   certainty, evidence, clause_at,
                                   where.get(place.id if place else "", hit.start))  # fmt: skip
            if cand is not None and place is not None and place.id in arriving:
                cand = cand.with_(status="deployed")  # where the departing force went
            if cand is not None:
                out.append(cand)
        return out

    def _candidate(
        self,
        doc: Document,
        t: Trigger,
        clause: str,
        place: Place | None,
        dates: list[DateMention],
        hit: _Hit,
        carried: DateMention | None,
        dateline: Place | None,
        certainty: str,
        evidence: tuple[int, int, str],
        clause_at: int,
        anchor: int,
    ) -> Candidate | None:
        confidence = (0.8 if not t.weak else 0.6) * (1.0 if certainty == "reported" else 0.7)
        has_date = bool(dates)
        if not has_date and FUTURE_CUES.search(clause):
            return None  # a promise with no day ("would be lifted step by step")
        if (
            dates
            and all(d.role == "until" for d in dates)
            and FUTURE_CUES.search(
                clause, max(0, hit.start - clause_at - 40), max(0, hit.start - clause_at)
            )
            and not (t.layer == "infrastructure" and t.status in {"closed", "disrupted"})
        ):
            # a deadline only ("will be withdrawn by 19 January"): a plan; but "the airport
            # will be closed until 9 January" tells that it is closed now
            return None
        if (
            t.layer in {"protests", "clashes"}
            and _month_word_in(clause)
            and _an_earlier_months(
                clause[max(0, hit.start - clause_at - 40) : max(0, hit.start - clause_at)],
                doc.published,
            )
        ):
            return None  # "after the January riots", in March: the crisis named, not an event
        if t.weak and t.kind == "event":
            # a weak word ("protests", "decree") proposes only with a place or a date of its own
            if (t.needs == "national" and not has_date) or (
                t.needs != "national" and place is None
            ):
                return None
        if t.kind == "state" and _BACKGROUND.search(clause[: max(0, hit.start - clause_at)]):
            return None
        if t.layer == "emergency" and place is None and not _NATIONWIDE.search(clause):
            return None  # an emergency is declared over named units, or nationwide
        national_ok = t.needs in {"national", "internet", "rail"} or t.layer in {
            "troops",
            "emergency",
        }
        if place is None and not national_ok:
            if (
                dateline is not None and t.needs != "facility" and t.sub_event_type != "Arrests"
                and not _MANY_PLACES.search(clause)
            ):  # fmt: skip
                place, confidence = dateline, confidence * 0.85
            elif t.layer in {"protests", "clashes"}:
                confidence *= 0.7
        if place is not None and place.kind == "country":
            if place.country_code != self.aoi:
                return None  # "protested in Uzbekistan" is no protest of the area's
            place = None
        when, precision, until, dconf = _pick_date(anchor, dates, carried, doc.published)
        if (
            precision == 3
            and when is not None
            and when.replace(day=1) < doc.published.replace(day=1)
        ):
            return None  # "In January 2022 protests broke out", told months on: a recap
        if (
            not dates and carried is None and doc.case_years
            and doc.published.year not in doc.case_years
        ):  # fmt: skip
            # a later piece (an anniversary, a trial) that tells of the case without a day:
            # a recap, which the publication day would misdate by a year or more
            return None
        status = t.status
        if t.needs == "rail" and status == "closed" and not _ALL_OF.search(clause):
            status = "disrupted"  # trains cancelled from a city: the network runs elsewhere
        if t.layer == "troops" and t.status != "deployed":
            # a departure ("flew out", "left") is done unless the clause says it begins
            said = clause[max(0, hit.start - clause_at) :]
            done = _DEPARTS.match(said) or _WITHDRAWN.search(clause)
            status = "withdrawn" if done and not _BEGINS.search(clause) else "withdrawing"
        if t.layer == "emergency":
            status = "lifted" if _lifts(clause, hit.start - clause_at) else "declared"
        kind = t.kind
        layer = t.layer
        cand = Candidate(
            kind=kind, layer=layer, date=when,
            event_type=t.event_type, sub_event_type=t.sub_event_type,
            valid_to=until if kind == "state" else None, status=status,
            place=place, time_precision=precision, actor1=self._actor(t, clause, place),
            confidence=confidence * dconf, certainty=certainty, evidence=evidence,
            part=_PARTS.get(t.needs),
        )  # fmt: skip
        return cand

    def _placed_totals(self, counts: list[Count], mentions: list[Mention]) -> set[int]:
        """The ids of the counts that are totals of a part placed right after it, with no
        place of the area before them ("164 people died, including 103 in Almaty"): the
        total is the whole country's figure and the part the place's, not the other way."""
        out: set[int] = set()
        if not any(c.within for c in counts):
            return out
        here = [m.start for m in mentions if self._local(m)]
        for total, part in pairwise(counts):
            if not part.within:
                continue
            if any(0 <= start - part.end <= 40 for start in here) and not any(
                start < total.start for start in here
            ):
                out.add(id(total))
        return out

    def _names_the_area(self, mentions: list[Mention]) -> bool:
        """Whether mentions name the area of interest's country itself (not its demonym)."""
        return any(
            m.place is not None and m.place.kind == "country" and m.place.country_code == self.aoi
            for m in mentions
        )

    def _with_counts(
        self, cand: Candidate, hit: _Hit, counts: list[Count], cumulative: bool
    ) -> tuple[Candidate, set[int]]:
        """Attach the clause's counts that qualify this candidate."""
        took: set[int] = set()
        values: dict[str, int] = dict(cand.counts)
        t = hit.trigger
        hit_text = cand.evidence[2][hit.start - cand.evidence[0] :].lower()
        for c in counts:
            key = COUNT_KEYS.get(c.metric)
            fits = (
                (t.layer == "clashes" and c.metric in {"deaths", "injured", "detained"}
                 and cand.place is not None)
                or (t.sub_event_type == "Arrests" and c.metric == "detained")
                or (t.layer == "troops" and c.metric == "troops"
                    and (cand.place is not None or _MOVES.match(hit_text)))
            )  # fmt: skip
            if fits and key and key not in values and not cumulative:
                values[key] = c.value
                took.add(id(c))
            elif (t.layer in {"protests", "clashes"} and c.metric == "participants"
                  and cand.value is None and cand.place is not None):  # fmt: skip
                # (a crowd with no place, "unrest with 50,000 taking part", is a figure)
                cand = cand.with_(metric="participants", value=c.value,
                               qualifier=c.qualifier)  # fmt: skip
                took.add(id(c))
        if len(values) != len(cand.counts):
            cand = cand.with_(counts=tuple(sorted(values.items())))
        return cand, took

    def _figure(
        self,
        doc: Document,
        count: Count,
        clause: str,
        mentions: list[Mention],
        dates: list[DateMention],
        certainty: str,
        retracted: bool,
        evidence: tuple[int, int, str],
        story: list[Place],
    ) -> Candidate:
        """A count no candidate took: a national figure, or, when its clause names a place in
        the area, that place's event (a clash when the clause tells of violence) carrying it.
        A figure is dated by a date before it in its clause ("On 9 January state television
        reported 164 dead"; a date after it is the day of what was counted), else the
        publication day."""
        here = [m for m in mentions if self._local(m)]
        # the place named right after the count ("21 in Kyzylorda region"), else the clause's
        # one place (a region that holds another place only says where that is); with several
        # and none right after it, the count is theirs together: a figure of no one place
        owner = self._place_after(count, here, doc.body)
        places = [owner] if owner is not None else [m.place for m in here if m.place]
        inner = {p.admin1 for p in places if p.kind != "admin1"}
        if len({p.id for p in places if not (p.kind == "admin1" and p.admin1 in inner)}) > 1:
            places = []
        low = clause.lower()
        if (
            not places and story and count.metric in ("deaths", "injured", "detained")
            and not count.part and not _MANY_PLACES.search(low) and not _NATIONWIDE.search(low)
            and not _NATIONAL_SOURCE.search(low) and not _THE_CRISIS.search(low)
            and not any(m.place and m.place.kind == "country" for m in mentions)
        ):  # fmt: skip
            places = story[:1]
        reporter = _reporter(clause)
        if places:
            # (people held are a detention, whatever they are held for: "508 участников
            # террористических атак задержала полиция Алматы")
            violent = bool(_VIOLENCE.search(low)) and count.metric != "detained"
            key = COUNT_KEYS.get(count.metric)
            near = [d for d in dates if d.role != "until"]
            return Candidate(
                kind="event", layer="clashes" if violent else "other",
                event_type="Riots" if violent else "Strategic developments",
                sub_event_type="Violent demonstration" if violent else "Other",
                date=near[0].day if near else doc.published, place=places[0],
                counts=((key, count.value),) if key and count.metric != "troops" else (),
                metric=None if key else count.metric, value=None if key else count.value,
                qualifier=None if key else count.qualifier, reported_by=reporter,
                certainty=certainty, evidence=evidence, confidence=0.55,
                actor1=None,
            )  # fmt: skip
        day = doc.published
        for d in dates:
            # (a month alone dates what was counted, not the report: "the January 2022
            # crackdown, which left 238 dead", in a story of a year on)
            if d.start < count.start and d.day <= doc.published and d.precision < 3:
                day = d.day
        return Candidate(
            kind="figure", layer=None, date=day, metric=count.metric, value=count.value,
            qualifier=count.qualifier, part=count.part, reported_by=reporter, place=None,
            certainty="retracted" if retracted else certainty,
            evidence=evidence, confidence=0.75 if count.qualifier != "dozens" else 0.6,
        )  # fmt: skip

    def _unit_of(self, place: Place) -> Place:
        """A city that is an admin-1 unit of its own (Almaty, Shymkent) as that unit."""
        if place.kind != "city" or not place.admin1:
            return place
        unit = self.gazetteer.get(f"admin1:{place.admin1}")
        # (the unit is named "Almaty (city)")
        same = unit is not None and normalize(_QUALIFIER.sub("", unit.name)) == normalize(
            place.name
        )
        return unit if same and unit is not None else place

    def _names_after(
        self, count: Count, place: Place | None, mentions: list[Mention], body: str
    ) -> bool:
        """Whether a count is this place's alone (or this admin-1 unit's city's)."""
        owner = self._place_after(count, mentions, body)
        return place is not None and owner is not None and place.id in self._ids(owner)

    def _place_after(self, count: Count, mentions: list[Mention], body: str) -> Place | None:
        """The place a count is of, named beside it in one phrase: right after it ("50
        people in Almaty and 30 in Shymkent", "21 in Kyzylorda region"), else right before it
        ("Жаңаөзеннің алаңына шамамен мың адам жиналды"); None when there is none, when a
        comma comes between ("in Almaty, where ... 10 people died, and in Shymkent"), or when
        the place is one of a list that shares the count ("50 people in Almaty and
        Shymkent", "clashes in Almaty and Shymkent left 10 dead")."""
        placed = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
        later = [m for m in placed if m.start >= count.end]
        if later:
            first = later[0]
            gap = body[count.end : first.start]
            if len(gap) <= _PLACE_AFTER_COUNT and not any(p in gap for p in ",;:—"):
                listed = len(later) > 1 and _LISTED.fullmatch(body, first.end, later[1].start)
                return None if listed else first.place
        earlier = [m for m in placed if m.end <= count.start]
        if earlier:
            last = earlier[-1]
            gap = body[last.end : count.start]
            if len(gap) <= _PLACE_AFTER_COUNT and not any(p in gap for p in ",;:—"):
                listed = len(earlier) > 1 and _LISTED.fullmatch(body, earlier[-2].end, last.start)
                return None if listed else last.place
        return None

    def _ids(self, place: Place | None) -> set[str]:
        """A place's id and, for a city that is an admin-1 unit (Almaty), the unit's."""
        return set() if place is None else {place.id, self._unit_of(place).id}

    def _region_of(self, m: Mention) -> Mention:
        """A mention of a city as its admin-1 region ("в области" after the city was named);
        any other mention as it is."""
        p = m.place
        if p is None or p.kind != "city" or not p.admin1:
            return m
        unit = self.gazetteer.get(f"admin1:{p.admin1}")
        return m if unit is None else m._replace(place=unit)

    def _local(self, m: Mention) -> bool:
        """Whether a mention names a place inside the area of interest, below the country."""
        p = m.place
        return p is not None and p.country_code == self.aoi and p.kind in _LOCAL_KINDS

    def _title_place(self, doc: Document) -> Place | None:
        """The one place in the area that the title names (a city or a region), or None."""
        if not doc.title:
            return None
        found = {m.place.id: m.place for m in self.parser.parse(doc.title)
                 if m.place and m.place.country_code == self.aoi
                 and m.place.kind in {"city", "admin1"}}  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    def _dateline_place(self, doc: Document) -> Place | None:
        """The dateline's place when it is in the area of interest (never Moscow)."""
        name = doc.dateline
        if not name:
            return None
        if name not in self._dateline_memo:
            found = self.gazetteer.lookup(name, kinds=["city"], limit=1)
            place = found[0] if found else None
            self._dateline_memo[name] = place if place and place.country_code == self.aoi else None
        return self._dateline_memo[name]

    def _actor(self, t: Trigger, clause: str, place: Place | None) -> str | None:
        """The ACLED-style actor of a trigger, of the country where it happened (the area of
        interest's when no place says otherwise: a clash near Batken is not Kazakhstan's)."""
        c = self.country_name
        if place is not None and place.country_code != self.aoi:
            country = self.gazetteer.get(f"country:{place.country_code}")
            if country is None:
                return None
            c = country.name
        if t.layer == "protests":
            return f"Protesters ({c})"
        if t.layer == "clashes":
            return f"Rioters ({c})" if t.event_type == "Riots" else f"Military Forces of {c}"
        if t.layer == "troops":
            return "CSTO" if "csto" in clause or "peacekeep" in clause else None
        if t.sub_event_type == "Arrests":
            return f"Police Forces of {c}"
        if t.layer in {"other", "emergency"}:
            return f"Government of {c}"
        return None


# --- helpers ---------------------------------------------------------------------------------


def _locative(name: str, clause: str, at: int) -> bool:
    """Whether a Cyrillic name right after "в" is in the locative case, where something is
    ("их миссия в Казахстане", "в России"), not where it goes ("в Казахстан", "в Москву")."""
    return (
        len(name) > 4
        and name[-1] in "еи"
        and name[0] >= "А"  # (Cyrillic)
        and _IN_RU.search(clause, max(0, at - 4), at) is not None
    )


_IN_RU = re.compile(r"(?<!\w)во?\s+$")  # (Russian "в" or "во" right before a name)


def _not_origins(places: list[Mention], low: str, offset: int) -> list[Mention]:
    """The places of a clause but those that say where people came from (_CAME_FROM), with
    the names listed right after such a one."""
    kept, origin_end = [], -1
    for m in places:
        start = m.start - offset
        if _CAME_FROM.search(low, max(0, start - 45), start) or (
            origin_end >= 0 and _LISTED.fullmatch(low, origin_end, start)
        ):
            origin_end = m.end - offset
            continue
        kept.append(m)
    return kept


def _adjectival(m: Mention) -> bool:
    """A world region named by its adjective ("the Central Asian country", "Middle Eastern"):
    like a demonym, it places nothing."""
    if m.place is None or m.place.kind not in {"region", "continent"}:
        return False
    text, name = (re.sub(r"\W+", "", s.lower()) for s in (m.text, m.place.name))
    return text != name and text.endswith(("an", "ern"))


def _lower(text: str) -> str:
    """Lower case with the same length (a letter whose lower case is longer keeps offsets)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def _sentences(body: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the body, from ``start`` (after a dateline)."""
    spans = []
    pos = start
    for m in _SENTENCE_END.finditer(body, start):
        cut = m.start()
        if body[cut] == ".":
            word = body[max(pos, cut - 6) : cut].rsplit(None, 1)[-1:] or [""]
            if word[0].lower().lstrip("(\"'") in _ABBREVIATIONS or (
                len(word[0]) == 1 and word[0].isupper()
            ):
                continue  # "Gen. Serdyukov", "Jan. 5", an initial
        end = cut + 1 if body[cut] in ".!?" else cut
        if body[pos:end].strip():
            spans.append(_strip_span(body, pos, end))
        pos = m.end()
    if body[pos:].strip():
        spans.append(_strip_span(body, pos, len(body)))
    if "\n" not in body:
        return spans
    breaks = _line_ends(body, start)
    if not breaks:
        return spans
    out = []
    for a, b in spans:  # split the sentences that hold a line end of their own
        for cut in breaks[bisect_right(breaks, a) : bisect_left(breaks, b)]:
            if body[a:cut].strip():
                out.append(_strip_span(body, a, cut))
            a = cut + 1
        if body[a:b].strip():
            out.append(_strip_span(body, a, b))
    return out


_OLDER_THAN_THE_CRISIS = dt.timedelta(days=365)


# the months' English names, Russian adjective stems and Kazakh names, in order
_MONTH_STEMS = (
    ("january", "январск", "қаңтар"), ("february", "февральск", "ақпан"),
    ("march", "мартовск", "наурыз"), ("april", "апрельск", "сәуір"), ("may", "майск", "мамыр"),
    ("june", "июньск", "маусым"), ("july", "июльск", "шілде"), ("august", "августовск", "тамыз"),
    ("september", "сентябрьск", "қыркүйек"), ("october", "октябрьск", "қазан"),
    ("november", "ноябрьск", "қараша"), ("december", "декабрьск", "желтоқсан"),
)  # fmt: skip


_MONTH_WORD = re.compile("|".join(stem for stems in _MONTH_STEMS for stem in stems))
# a month named as an attribute right before a trigger ("the January unrest", "январских
# массовых беспорядков", "қаңтар оқиғасы"), one word between at most
_MONTH_ATTRIBUTE = re.compile(
    rf"(?<!\w)(?P<m>{_MONTH_WORD.pattern})\w*(?:['’]s)?\s+(?:[\w-]+\s+)?$"
)


@lru_cache(maxsize=64)
def _month_word_in(clause: str) -> bool:
    """Whether a month's name or adjective stem is in a clause (once a clause, whatever
    its number of triggers: most clauses name no month, and the attribute regex costs more)."""
    return _MONTH_WORD.search(clause) is not None


def _an_earlier_months(before: str, published: dt.date) -> bool:
    """Whether the words right before a trigger name it by an earlier month than the
    publication's ("the January riots" in a March story): the crisis named, not new news. A
    month's own story ("the January protests", in January) is news; "May" says nothing."""
    m = _MONTH_ATTRIBUTE.search(before)
    if m is None or m["m"] == "may":
        return False
    month = next(k for k, stems in enumerate(_MONTH_STEMS, 1) if m["m"] in stems)
    return month < published.month or (month > published.month and published.month <= 2)


# a declaration's verb: a lifting word before it is about something else ("issued orders to
# end the unrest and declared a state of emergency")
_DECLARES = re.compile(r"\b(?:declar|impos|introduc|announc)\w*|(?<!\w)(?:ввел|ввёл|введ|объяв|"
                       r"енгіз|жариял)\w*")  # fmt: skip


def _lifts(clause: str, at: int) -> bool:
    """Whether the clause lifts the emergency whose words start at ``at``: a lifting word
    after them, or before them with no declaring verb in between."""
    if any(not _LIFTS_OTHER.match(clause, m.end()) for m in _LIFTED.finditer(clause, at)):
        return True
    before = [m for m in _LIFTED.finditer(clause, 0, at) if not _LIFTS_OTHER.match(clause, m.end())]
    return bool(before) and not _DECLARES.search(clause, before[-1].end(), at)


# what else a lifting word may end or cancel in an emergency's clause ("в связи с ЧП отменили
# отправку поездов", "cancelled flights")
_LIFTS_OTHER = re.compile(
    r"\s+(?:(?:all|the|its|их|все|\w+(?:ых|их|ые|ие))\s+)?"
    r"(?:отправк|движени|рейс|поезд|вылет|заняти|flights?|trains?|classes|services|routes)"
)


def _counted(clause: str, dates: list[DateMention], at: int, counts: list[Count]) -> bool:
    """Whether a clause counts people detained: a count of them, or a number the count
    reader did not place ("516 человек арестовали"), but not a date's digits ("on 5 January
    police detained the opposition leader" is one detention)."""
    if any(c.metric in {"detained", "arrested"} for c in counts):
        return True
    for d in sorted(dates, key=lambda d: d.start, reverse=True):
        clause = clause[: max(0, d.start - at)] + " " + clause[max(0, d.end - at) :]
    return _HAS_COUNT.search(clause) is not None


def _headline_end(doc: Document) -> int:
    """Where the body's headline ends, or 0: its first line, when that is the document's
    title, ends with no full stop and more text follows (a page pasted whole, its headline
    on top). A headline sums up what the story then tells, so it proposes nothing: its
    candidates were duplicates at best, and alone they stood on no sentence of the story."""
    body, title = doc.body, (doc.title or "").strip()
    start = doc.dateline_end
    while start < len(body) and body[start] in " \t\r\n":
        start += 1
    end = body.find("\n", start)
    if not title or end < 0 or not body[end:].strip():
        return 0
    line = body[start:end].strip()
    if line != title or line.endswith("."):
        return 0
    return end


def _heading(sentence: str) -> bool:
    """A heading, not a sentence: "DETENTIONS", "2.1 Deaths", "CSTO FORCE" (no end
    punctuation, and in capitals or of at most three words)."""
    text = sentence.strip()
    if not text or text[-1] in ".!?\"”'’)" or _BULLET.match(text):
        return False  # (a list item is no heading: "- Taraz: curfew")
    return len(text.split()) <= 3 or (text.upper() == text and any(c.isalpha() for c in text))


# A line of its own: a heading ("SUMMARY", "2.1 Deaths"), a live blog's time ("08:10",
# "Update 18:05:") or a list item; a line of wrapped text starts in lower case or is longer.
_BULLET = re.compile(r"[ \t]*(?:[-•*–—·▪►]|\d{1,2}[.)])[ \t]")
_HEADING_WORDS = 8


def _line_ends(body: str, start: int) -> list[int]:
    """The newlines that end a sentence though no full stop does: before a list item, after
    a sentence's full stop, or after a short line with no end punctuation (a heading or a
    time) when the next line starts with a capital or a digit."""
    out = []
    at = body.find("\n", start)
    line_start = start
    while at >= 0:
        line = body[line_start:at].strip()
        nxt = body[at + 1 : at + 2]
        if line and nxt and not nxt.isspace():
            if _BULLET.match(body, at + 1):
                out.append(at)
            elif line[-1] in '.!?"”)' and not nxt.islower():
                out.append(at)
            elif (
                line[-1] not in ",;"
                and (line[0].isupper() or line[0].isdigit())
                and (nxt.isupper() or nxt.isdigit() or nxt in "\"“'‘(")
                and len(line.split()) <= _HEADING_WORDS
            ):
                out.append(at)
        line_start = at + 1
        at = body.find("\n", line_start)
    return out


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        spans.append((pos, m.start()))
        pos = m.start()
    spans.append((pos, len(sentence)))
    return spans


def _distance(h: _Hit, m: Mention) -> int:
    if m.end <= h.start:
        return h.start - m.end
    if m.start >= h.end:
        return m.start - h.end + 1  # ties go to the trigger before the place ("stormed X")
    return 0


def _pick_date(
    anchor: int, dates: list[DateMention], carried: DateMention | None, published: dt.date
) -> tuple[dt.date | None, int, dt.date | None, float]:
    """(day, time precision, until, confidence factor) for a trigger (or one of its places,
    at ``anchor``): the nearest date of its clause, an absolute one before a relative one and
    one after it before one before it; else the paragraph's; else the publication day."""
    until = next((d.day for d in dates if d.role == "until"), None)
    starts = [d for d in dates if d.role != "until"]
    if starts:
        best = min(
            starts,
            key=lambda d: (
                abs(d.start - anchor) + (0 if d.start >= anchor else 5) + (0 if d.explicit else 60)
            ),
        )
        day, precision, factor = best.day, best.precision, 1.0
    elif carried is not None:
        day, precision, factor = carried.day, carried.precision, 0.85
    else:
        day, precision, factor = published, 1, 0.8 if until is not None else 0.7
    if until is not None and day is not None and until < day:
        # the end of another state in the clause ("others on 14, 15 and 16 January, and the
        # last at midnight on 19 January"): a state never ends before it begins
        until = None
    return day, precision, until, factor


# One of these is in every text _REPORTER matches; looking for them first spares the regex,
# which tries its capitalised-name branch at every position, in most sentences.
_REPORTER_WORDS = ("according to", "said", "says", "reported", "announced", "stated", "told",
                   "confirmed", "put", "gave", "cited", "published", "counted")  # fmt: skip


def _reporter(sentence: str) -> str | None:
    if not any(word in sentence for word in _REPORTER_WORDS):
        return None
    m = _REPORTER.search(sentence)
    if not m:
        return None
    who = (m["a"] or m["b"] or m["c"] or "").strip()
    who = re.sub(r"^(?:The|the)\s+", "", who)
    return who or None


def _close_before_reopening(cands: list[Candidate]) -> list[Candidate]:
    """A closure and a reopening of one site in one sentence: the closure ends the day before."""
    reopen = {c.site_id: c.date for c in cands
              if c.kind == "state" and c.status == "operational" and c.date}  # fmt: skip
    out = []
    for c in cands:
        end = reopen.get(c.site_id)
        if (c.kind == "state" and c.status in {"closed", "disrupted", "seized"} and end
                and c.valid_to is None and (c.date is None or c.date < end)):  # fmt: skip
            c = c.with_(valid_to=end - dt.timedelta(days=1))
        out.append(c)
    return out


_STATUS_PRECEDENCE = {"disrupted": 0, "operational": 1, "closed": 2}


def _one_status_a_day(cands: list[Candidate]) -> list[Candidate]:
    """Of the statuses one sentence gives a site (or the internet) for one day, the most
    particular stays: "fixed-line internet came back while mobile data stayed off" is
    disrupted, "access returned" is operational."""
    best: dict[tuple[Any, ...], Candidate] = {}
    for c in cands:
        if c.kind == "state" and c.layer == "infrastructure" and c.status in _STATUS_PRECEDENCE:
            key = (c.site_id, c.part, c.place.id if c.place else None, c.date)
            old = best.get(key)
            if old is None or _STATUS_PRECEDENCE[c.status] < _STATUS_PRECEDENCE[old.status or ""]:
                best[key] = c
    keep = {id(c) for c in best.values()}
    return [
        c
        for c in cands
        if id(c) in keep
        or not (
            c.kind == "state" and c.layer == "infrastructure" and c.status in _STATUS_PRECEDENCE
        )
    ]


def _retract_previous(
    cands: list[Candidate], paragraph: int, before: int, body: str, first: bool
) -> list[Candidate]:
    """A sentence that withdraws a figure ("Officials later withdrew it", "The figure was
    soon withdrawn") retracts the national figures of its paragraph before it, or of the
    previous paragraph when it opens one."""
    if not _RETRACTS_FIGURE.search(body[before : before + 300].split("\n", 1)[0].lower()):
        return cands
    start = paragraph
    if first:
        start = body.rfind("\n\n", 0, max(0, paragraph - 2)) + 1
    return [
        c.with_(certainty="retracted")
        if (c.kind == "figure" or (c.layer == "other" and c.sub_event_type == "Other" and c.counts))
        and start <= c.evidence[0] < before
        else c
        for c in cands
    ]


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per fact: the same kind, layer, status or metric, place and day merge
    (counts joined, the higher confidence kept, the other's sentences kept as its support).
    Two that give one count different numbers ("five killed in Taraz", later "six killed in
    Taraz") are kept side by side: disputed figures are never merged into one."""
    out: dict[tuple[Any, ...], Candidate] = {}
    # one sentence's two clashes at one place and day are one fact, whatever their types
    # ("forces retook the airport in an anti-terrorist operation": not a battle and a riot)
    in_sentence: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for c in cands:
        pid = c.place.id if c.place else None
        if c.kind == "figure":
            key: tuple[Any, ...] = ("figure", c.metric, c.value, pid, c.date, c.certainty)
        elif c.layer == "other" and pid is None and c.sub_event_type == "Arrests":
            # a detention told with no place, again and again ("Masimov was detained"): one
            key = (c.kind, c.layer, c.sub_event_type, c.date)
        elif c.layer == "other" and pid is None:  # two national decisions are two facts
            key = (c.kind, c.layer, c.evidence[0], c.date)
        else:
            key = (c.kind, c.layer, c.status, c.event_type, pid, c.date)
            key = in_sentence.setdefault((c.kind, c.layer, c.status, pid, c.date,
                                          c.evidence[0]), key)  # fmt: skip
        old = out.get(key)
        while old is not None and _differ(old, c):  # side by side
            key = (*key, "apart")
            old = out.get(key)
        if old is None:
            out[key] = c
            continue
        counts = dict(old.counts)
        for k, v in c.counts:
            counts.setdefault(k, v)
        best, other = (old, c) if old.confidence >= c.confidence else (c, old)
        sentences = {s[0]: s for s in (*best.support, other.evidence, *other.support)}
        sentences.pop(best.evidence[0], None)
        out[key] = best.with_(counts=tuple(sorted(counts.items())),
                              value=old.value if old.value is not None else c.value,
                              support=tuple(sorted(sentences.values())))  # fmt: skip
    return sorted(out.values(), key=lambda c: (c.evidence[0], c.kind))


def _differ(a: Candidate, b: Candidate) -> bool:
    """Whether two sentences give one of a fact's numbers differently (within one sentence
    the smaller is a part: "thirteen killed, two of them beheaded")."""
    if a.evidence[0] == b.evidence[0]:
        return False
    if a.value is not None and b.value is not None and a.value != b.value:
        return True
    mine = dict(a.counts)
    return any(mine.get(k, v) != v for k, v in b.counts)


def parse_published(value: str | None) -> dt.date | None:
    """A --published argument, or None; raises InputError unless it is YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"--published {value!r} is not a date YYYY-MM-DD"
        raise InputError(msg) from None


__all__ = [
    "Candidate",
    "Document",
    "Extraction",
    "Extractor",
    "load_lexicon",
    "parse_published",
    "read_document",
]
