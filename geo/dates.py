"""Dates in running text, resolved against the day a story was published.

The words come from dateparser's locale data (month and weekday names, "yesterday", "last week"
in English, Russian and Kazakh), so another language is a line in ``LANGUAGES``. Composing the day
and deciding the tense of a weekday are ours: dateparser's own ``parse`` costs milliseconds a
call, far more than the whole extraction of an article is allowed, and it cannot know that "set to
begin Thursday" in a Wednesday story means the next day.

``find_dates(text, published)`` returns every date expression with its offsets, the day it means,
its ACLED time precision (1 a day, 2 a week, 3 a month: "in October 2023" is 1 October with
precision 3) and its role: ``at`` (the day something happened or starts), ``until`` (the last
day of an interval: "5-13 January", "between 15 and 16 January", but "on 15 and 16 January" is
two days) or ``since`` (the first day of a state still in force).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from geo._regex import DIGIT, matches_at, phrase_heads, spaced_heads, trie

LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Tense: a weekday in a clause with one of these points forward ("is set to begin Thursday").
FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|"
    r"(?:is|are|was|were)\s+(?:set|due|scheduled|expected|planned|going)\s+to|"
    r"plans?\s+to|planning\s+to|next|upcoming|from\s+(?:tomorrow|next)|"
    r"будет|будут|планиру\w*|намерен\w*|начнется|начнётся|возобновит\w*|"
    # "в следующий понедельник" (next Monday), not "поезда, следующие через" (running via) nor
    # "на следующий день" (the day after, in a story of the past)
    r"следующ\w*\s+(?:недел|месяц|год|понедельник|вторник|сред|четверг|пятниц|суббот|"
    r"воскресень)\w*)\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression: where it is, the day it means, how precise, and its role."""

    start: int
    end: int
    text: str
    day: dt.date
    precision: int  # ACLED time_precision: 1 the day, 2 within a week
    role: str  # "at", "until", "since"
    explicit: bool  # an absolute date (5 January) rather than a relative one (yesterday)


@dataclass(frozen=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[int, int]]  # phrase -> (days offset, precision)
    pattern: re.Pattern[str]
    heads: frozenset[str]  # how a date can start (geo._regex.Scanner gates)


@cache
def _vocabulary() -> _Vocabulary:
    """Month, weekday and relative words of LANGUAGES, and the one regex that finds dates."""
    from dateparser.languages.loader import default_loader  # imported once, on first use

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, tuple[int, int]] = {}
    offsets = {"1 day ago": (-1, 1), "0 day ago": (0, 1), "in 1 day": (1, 1),
               "2 day ago": (-2, 1), "in 2 day": (2, 1), "1 week ago": (-7, 2)}  # fmt: skip
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, name in enumerate(_MONTHS, start=1):
            for word in info.get(name, []):
                if len(word) >= 3:  # two-letter abbreviations are ordinary words
                    months[word.lower()] = number
                    if code == "ru" and word[-1] in "ая" and (len(word) > 3 or word == "мая"):
                        # the prepositional case dateparser does not list: "в октябре 2023
                        # года" (from the genitive "октября")
                        months[word.lower()[:-1] + "е"] = number
                    if code == "kk" and len(word) > 3:
                        # Kazakh declines the month ("5 қаңтарда", "6 қаңтардан бастап",
                        # "19 қаңтарға дейін"): every ending of the cases that date a day
                        for ending in _KK_ENDINGS:
                            months[word.lower() + ending] = number
        for number, name in enumerate(_WEEKDAYS):
            for word in info.get(name, []):
                if len(word) >= 5 or (code != "en" and len(word) >= 4):
                    weekdays[word.lower()] = number
                    if code == "kk":  # the locative: "жұмада" (on Friday), "сенбіде"
                        weekdays[word.lower() + ("да" if word[-1] in "аоұы" else "де")] = number
        for key, phrases in info.get("relative-type", {}).items():
            if key in offsets:
                for phrase in phrases:
                    if len(phrase) >= 4:
                        relative[phrase.lower()] = offsets[key]
    # Ours: the night before a story, and "tonight", which dateparser does not list.
    # "overnight" in a story of day D: the night that ended on D
    relative.update({"накануне": (-1, 1), "ночью": (0, 1), "в ночь на": (0, 1),
                     "кеше": (-1, 1), "бүгін": (0, 1), "ертең": (1, 1)})  # fmt: skip
    # yesterday's ("со вчерашнего вечера", since yesterday evening; Kazakh "кешегі")
    relative.update(dict.fromkeys(("вчерашнего", "вчерашний", "вчерашней", "вчерашнюю",
                                   "вчерашние", "вчерашних", "кешегі"), (-1, 1)))  # fmt: skip
    relative.update({"overnight": (0, 1), "last night": (-1, 1), "tonight": (0, 1),
                     "this morning": (0, 1), "earlier today": (0, 1)})  # fmt: skip
    month = _words(months)
    weekday = _words(weekdays)
    rel = _words(relative)
    # ("until at least Jan. 19": the role holds across the hedge)
    role = rf"(?P<role>{'|'.join(_ROLE_WORDS)})[ ]+(?:at[ ]+least[ ]+)?"
    day = r"(?P<d1>\d{1,2})(?:st|nd|rd|th|-?го|-?е)?"
    year = r"(?:,?[ ]+(?P<y1>(?:19|20)\d\d)(?:[ ]*(?:года|г\.|жылы))?)?"
    # Matched on lower-cased text; every branch starts with a digit or a listed word, so the
    # engine rejects most positions at the first character.
    pattern = re.compile(
        rf"(?<!\w)(?:{role})?(?:"
        rf"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
        rf"|{day}(?:[ ]*(?:-|–|to|and)[ ]*(?P<d0>\d{{1,2}}))?[ ]+(?:of[ ]+)?"
        rf"(?P<m1>{month})\.?(?!\w){year}"
        rf"|(?P<m2>{month})\.?[ ]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?[ ]+(?P<y2>(?:19|20)\d\d))?"
        rf"|(?P<m3>{month})\.?[ ]+(?P<y3>(?:19|20)\d\d)(?!\d)"
        rf"|(?:(?P<wq>{'|'.join(_WEEKDAY_QUALIFIERS)})[ ]+)?(?P<wd>{weekday})(?!\w)"
        rf"|(?P<rel>{rel})(?!\w)"
        rf"|(?P<ndays>(?:in|within)[ ]+(?:{_NUMBER})[ ]+days?(?:['’][ ]+time)?"
        rf"|(?:{_NUMBER})[ ]+days?[ ]+(?:later|earlier|before|ago|after)"
        # Russian "через два дня", "спустя три дня", "два дня спустя"; Kazakh "екі күннен кейін"
        rf"|(?:через|спустя)[ ]+(?:{_CYR_NUMBER})[ ]+(?:дня|дней|суток)"
        rf"|(?:{_CYR_NUMBER})[ ]+(?:дня|дней|суток)[ ]+спустя"
        rf"|(?:{_CYR_NUMBER})[ ]+күннен[ ]+(?:кейін|соң))"
        rf"|(?P<dbefore>the[ ]+(?:day[ ]+before|previous[ ]+day|following[ ]+day|next[ ]+day)"
        rf"|a[ ]+day[ ]+(?:earlier|later)|на[ ]+следующий[ ]+день|келесі[ ]+күні)"
        rf")"
    )
    # Where a date can start (a word start that begins so): its first words as the pattern
    # spells them, or a digit. Scanner gates on these; a test holds them to the pattern.
    heads = {f"{w} " for w in (*_ROLE_WORDS, "in", "within", *_SMALL, *_CYR_SMALL)} | {DIGIT}
    heads |= {"через ", "спустя ", "на следующий ", "келесі күні"}
    heads.update(months, weekdays)
    for word in _WEEKDAY_QUALIFIERS:
        heads |= spaced_heads(word, weekdays)
    heads |= spaced_heads("the", ("day", "previous", "following", "next"))
    heads |= spaced_heads("a", ("day",))
    for phrase in relative:
        heads |= phrase_heads(phrase)
    return _Vocabulary(months, weekdays, relative, pattern, frozenset(heads))


_ROLE_WORDS = ("until", "till", "through", "since", "from", "by", "до", "с")
# Kazakh case endings of a month's name: locative (at), ablative (from), dative (to), genitive
_KK_DATIVE = ("ға", "ге", "қа", "ке", "на", "не")
# an emergency or curfew right after a day in the dative: the day it runs to (without "дейін")
_KK_REGIME_AFTER = re.compile(r"[ ]+(?:дейін[ ]+)?(?:төтенше|коменданттық)")
_KK_ENDINGS = ("да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", *_KK_DATIVE,
               "дың", "дің", "тың", "тің", "ның", "нің")  # fmt: skip
# Kazakh puts the role after the date: "19 қаңтарға дейін" (until; "6 қаңтардан бастап", from)
# or after a time of day: "19 қаңтар сағат 00:00-ге дейін" (until 00:00 on 19 January)
_KK_ROLE_AFTER = re.compile(
    r"(?:[ ]+сағат)?(?:[ ]+(?P<t>(?:[01]?\d|2[0-4])[:.][0-5]\d)-?(?:ге|ға|не|на|ке|қа)?)?"
    r"[ ]+(бастап|дейін|шейін)(?!\w)"
)
_WEEKDAY_QUALIFIERS = ("last", "next", "this", "on", "в", "во", "өткен", "келесі")
_LAST = ("last", "өткен")  # (Kazakh: "өткен жұмада", last Friday; "келесі", next)
_NEXT = ("next", "келесі")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_NUMBER = r"\d{1,2}|" + "|".join(_SMALL)
# small numbers in Russian and Kazakh words ("через два дня", "екі күннен кейін")
_CYR_SMALL = {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
              "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7}  # fmt: skip
_CYR_NUMBER = r"\d{1,2}|" + "|".join(_CYR_SMALL)
_NUMBERS = {**_SMALL, **_CYR_SMALL}


def month_number(word: str) -> int | None:
    """The month a word names in any of LANGUAGES ("января" -> 1), or None."""
    return _vocabulary().months.get(word.lower().rstrip("."))


def start_heads() -> frozenset[str]:
    """The literal starts of every date expression (geo._regex.Scanner gate heads)."""
    return _vocabulary().heads


def _words(words: dict[str, object]) -> str:
    """A trie regex for a set of lower-case words or phrases (a blank matches one space)."""
    return trie([re.escape(c) if c != " " else "[ ]+" for c in w] for w in words)


def nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The day/month in the year that puts it nearest the publication day (Dec 30 in a Jan
    story is last year's), or None for an impossible date."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


# "until 00:00 on 19 January", "till 07:00 on 8 January", "до 00:00 19 января": a time of day
# between the role word and the date; 00:00 is the start of that day, so the day before is the
# last one (24:00 and midnight end the day named)
_UNTIL_CLOCK = re.compile(
    r"(?<!\w)(?:until|till|through|до)[ ]+(?P<t>(?:[01]?\d|2[0-4])[:.][0-5]\d|midnight|полуночи)"
    r"(?:[ ]+(?:hours|local[ ]+time|по[ ]+местному[ ]+времени))?[ ]+(?:on[ ]+)?$"
)
_MIDNIGHT_STARTS = frozenset(("00:00", "0:00", "00.00", "0.00"))
# A day and month without a year more than this far after the publication day is last year's
# unless its clause is in the future tense (a story of August 2022 that says "on 8 January"),
# more than this far before it next year's when its clause is ("will be held on 20 March")
_AHEAD = dt.timedelta(days=31)
# A day and month without a year within this of the last date the text gave with its year is
# in that year ("In January 2022 ... On 4 January", "the December 2011 strike ... on 16
# December"), when that day is past (or its clause is in the future tense)
_NEAR_NAMED_YEAR = dt.timedelta(days=45)


def _future(lowered: str, at: int, clause_future: re.Pattern[str]) -> bool:
    """Whether the clause of a date at ``at`` is in the future tense: back to the last
    sentence or clause end ("said on Thursday it would"), at most 80 characters."""
    start = max(0, at - 80)
    cut = max(lowered.rfind(c, start, at) for c in ".;!?")
    return bool(clause_future.search(lowered, max(start, cut + 1), at))


def weekday_date(weekday: int, published: dt.date, *, future: bool, qualifier: str) -> dt.date:
    """The day a weekday means in a story of ``published``: the latest one on or before it in
    the past tense, the next one on or after it in the future; "last"/"next" skip today."""
    delta = (weekday - published.weekday()) % 7  # days forward to the next such weekday
    q = qualifier.lower()
    if q in _NEXT:
        return published + dt.timedelta(days=delta or 7)
    if q in _LAST:
        return published - dt.timedelta(days=(7 - delta) % 7 or 7)
    if future:
        return published + dt.timedelta(days=delta)
    return published - dt.timedelta(days=(7 - delta) % 7)


def find_dates(
    text: str,
    published: dt.date,
    *,
    clause_future: re.Pattern[str] = FUTURE_CUES,
    lowered: str | None = None,
    starts: Sequence[int] | None = None,
) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``published`` (see module doc).

    ``lowered``: the text already lower-cased with its offsets kept; ``starts``: the word
    starts where a date can begin (a Scanner gate on ``start_heads()``), which spares a
    regex pass over the whole text; the result is the same.
    """
    vocab = _vocabulary()
    out: list[DateMention] = []
    anchor = published  # "the day before" counts from the last explicit date
    year_of: dt.date | None = None  # the last date the text gave with its year
    if lowered is None:
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer (İ): keep offsets
            lowered = "".join(c.lower()[0] for c in text)
    found = (
        vocab.pattern.finditer(lowered) if starts is None
        else matches_at(vocab.pattern, lowered, starts)
    )  # fmt: skip
    for m in found:
        role_word = (m["role"] or "").lower()
        role = "until" if role_word in {"until", "till", "through", "до"} else "at"
        if role_word in {"since", "from", "с"}:
            role = "since" if role_word == "since" else "at"
        precision, explicit = 1, True
        day: dt.date | None
        kk_clock = None  # the time of day before a Kazakh "дейін"
        if m["iso"]:
            try:
                day = dt.date(int(m["iy"]), int(m["im"]), int(m["id"]))
            except ValueError:
                continue
            year_of = day
        elif m["m1"] or m["m2"]:
            word = (m["m1"] or m["m2"]).lower().rstrip(".")
            month = vocab.months[word]
            after = _KK_ROLE_AFTER.match(lowered, m.end())
            if after and after[2] != "бастап" and (word.endswith(_KK_DATIVE) or after["t"]):
                role = "until"  # (бастап, "from", is the day a state starts: "at", as Russian с)
                kk_clock = after["t"]
            elif word.endswith(_KK_DATIVE) and _KK_REGIME_AFTER.match(lowered, m.end()):
                role = "until"  # "19 қаңтарға төтенше жағдай жарияланды": declared to the 19th
            number = int(m["d1"] or m["d2"])
            year = m["y1"] or m["y2"]
            if year:
                try:
                    day = dt.date(int(year), month, number)
                except ValueError:
                    continue
            else:
                day = nearest_year(month, number, published)
                if (
                    day is not None
                    and (month, number) != (2, 29)
                    and (
                        abs(day - published) > _AHEAD
                        or (day > published and day.year > published.year)
                    )
                ):
                    # "said on 8 January" in an August story is this year's, not next year's;
                    # "will be held on 20 March" next year's; "police dispersed the rally on 5
                    # January" in a story of 23 December, this year's (only a clause in the
                    # future tense reaches into next year)
                    future = _future(lowered, m.start(), clause_future)
                    if day > published and not future:
                        day = day.replace(year=day.year - 1)
                    elif day < published and future:
                        day = day.replace(year=day.year + 1)
                if day is not None and year_of is not None and year_of.year != day.year:
                    # the year the text last named, for a day near it: "In January 2022
                    # protests broke out ... On 4 January" in a story of January 2023
                    try:
                        named = dt.date(year_of.year, month, number)
                    except ValueError:
                        named = None
                    if (
                        named is not None
                        and abs(named - year_of) <= _NEAR_NAMED_YEAR
                        and (named <= published or _future(lowered, m.start(), clause_future))
                    ):
                        day = named
            if day is None:
                continue
            if year:
                year_of = day
            clock = (
                None
                if m["role"]
                else _UNTIL_CLOCK.search(lowered, max(0, m.start() - 40), m.start())
            )
            if clock is not None:  # "until 00:00 on 19 January": the last day is the 18th
                role = "until"
                if clock["t"] in _MIDNIGHT_STARTS:
                    day -= dt.timedelta(days=1)
            elif kk_clock in _MIDNIGHT_STARTS:  # "19 қаңтар сағат 00:00-ге дейін": the same
                day -= dt.timedelta(days=1)
            if m["d0"]:  # "5-13 January", "5 to 13 January": the first day starts it
                start_day = nearest_year(month, int(m["d1"]), published)
                if start_day is not None and start_day.year != day.year:
                    start_day = start_day.replace(year=day.year)
                # "15 and 16 January" is two days, "between 15 and 16 January" a span
                span = "and" not in lowered[m.end("d1") : m.start("d0")] or lowered[
                    max(0, m.start() - 8) : m.start()
                ].endswith("between ")
                if start_day is not None and start_day.day <= int(m["d0"]):
                    end_day = start_day.replace(day=int(m["d0"]))
                    out.append(_mention(text, m, start_day, 1, "at", True, end=m.start("d0") - 1))
                    day = end_day
                    role = "until" if span else role
        elif m["m3"]:  # "in October 2023": the month, from its first day (ACLED precision 3)
            month = vocab.months[m["m3"].lower().rstrip(".")]
            day, precision = dt.date(int(m["y3"]), month, 1), 3
            year_of = day
        elif m["wd"]:
            explicit = False
            day = weekday_date(
                vocab.weekdays[m["wd"].lower()], published,
                future=_future(lowered, m.start(), clause_future), qualifier=m["wq"] or "",
            )  # fmt: skip
        elif m["rel"]:
            explicit = False
            phrase = " ".join(m["rel"].lower().split())  # "last  week" is "last week"
            offset, precision = vocab.relative[phrase]
            day = published + dt.timedelta(days=offset)
        elif m["ndays"]:
            explicit = False
            phrase = m["ndays"]
            n = next(int(w) if w.isdigit() else _NUMBERS[w] for w in phrase.lower().split() if
                     w.isdigit() or w in _NUMBERS)  # fmt: skip
            if phrase.endswith("ago"):
                day = published - dt.timedelta(days=n)
            elif phrase.startswith(("in", "within")):
                day = published + dt.timedelta(days=n)
            else:
                back = phrase.endswith(("earlier", "before"))
                day = anchor + dt.timedelta(days=-n if back else n)
        else:
            explicit = False
            phrase = m["dbefore"].lower()
            before = "before" in phrase or "previous" in phrase or "earlier" in phrase
            day = anchor + dt.timedelta(days=-1 if before else 1)
        if (
            out and role == "at" and explicit and out[-1].explicit and out[-1].role == "at"
            and _RANGE_TO.fullmatch(lowered, out[-1].end, m.start())
            and out[-1].day <= day
        ):  # fmt: skip
            role = "until"  # "from January 5 to January 19": the second ends the span
        if explicit and role != "until":  # (what "the day before" counts from is when
            anchor = day  # something happened, not when a state ends: "during 5-19 January")
        out.append(_mention(text, m, day, precision, role, explicit))
    return out


# between the two dates of a span ("from January 5 to January 19", "с 5 января по 19 января")
_RANGE_TO = re.compile(r"[ ,]*(?:to|till|until|through|thru|-|–|—|по|до)[ ]+")


def _mention(
    text: str,
    m: re.Match[str],
    day: dt.date,
    precision: int,
    role: str,
    explicit: bool,
    end: int = -1,
) -> DateMention:
    start = m.start("role") if m["role"] else m.start()
    end = m.end() if end < 0 else end
    return DateMention(start, end, text[start:end], day, precision, role, explicit)
