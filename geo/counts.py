"""Counts in running text: "at least 164 people were killed", "nearly 8,000 had been detained",
"some 2,500 troops", "dozens", "four soldiers and a policeman".

``find_counts(text)`` returns each count with its value, qualifier (schema.QUALIFIERS, plus the
vague "dozens", "hundreds", "thousands", valued as ACLED codes them: 12, 100, 1000), the metric
it counts (deaths, injured, detained, arrested, troops, participants), the part it covers
("security forces") where the counted noun says so, and offsets. A number with no metric in
reach (a year, a price, a time) is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from geo._regex import DIGIT, labelled, matches_at, phrase_heads, spaced_heads, trie

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {  # ACLED's convention: the lowest figure a vague count implies
    "dozens": (12, "dozens"), "scores": (20, "dozens"), "hundreds": (100, "hundreds"),
    "thousands": (1000, "thousands"), "tens of thousands": (10000, "thousands"),
    "several hundred": (100, "hundreds"), "several thousand": (1000, "thousands"),
    "a few hundred": (100, "hundreds"), "a few thousand": (1000, "thousands"),
    "a dozen": (12, "exact"), "several dozen": (12, "dozens"),
}  # fmt: skip
_QUALIFIERS = {
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "nearly": "up to", "almost": "up to", "up to": "up to",
    "as many as": "up to", "close to": "up to", "about": "about", "around": "about",
    "some": "about", "approximately": "about", "roughly": "about", "an estimated": "about",
    "estimated": "about", "at most": "up to",
}  # fmt: skip

_SECURITY = (
    r"police(?:\s+officers?|men|man)?|officers?|policem[ae]n|law[- ]enforcement(?:\s+officers?)?|"
    r"security\s+(?:forces?|personnel|officers?|servicemen)|servicem[ae]n|soldiers?|"
    r"national\s+guard(?:smen|s)?|guardsmen|military\s+personnel|troops?|paratroopers?|"
    r"peacekeepers?|personnel"
)
_CIVIL = (
    r"civilians?|children|protesters?|demonstrators?|journalists?|residents?|people|persons?|"
    r"individuals?|rioters?|bandits?|militants?|attackers?|foreigners?|citizens?"
)
_GROUPS = rf"(?P<security>{_SECURITY})|(?P<civil>{_CIVIL})"
_METRIC_CUES: tuple[tuple[str, str], ...] = (
    ("deaths", r"killed|died|dead|deaths?|death\s+toll|lost\s+(?:their|his|her)\s+lives|"
               r"shot\s+dead|bodies|fatalities|perished|toll|lives"),
    ("injured", r"injured|wounded|hurt|injuries|hospitali[sz]ed|in\s+hospital|"
                r"(?:asked|applied|turned)\s+for\s+medical\s+(?:help|aid|assistance|care)|"
                r"sought\s+medical\s+(?:help|aid|assistance|care|treatment)"),
    ("arrested", r"remanded|court[- ]ordered|placed\s+under\s+arrest\s+by|pre-?trial|"
                 r"formally\s+arrested|formal\s+arrests?"),
    ("detained", r"detained|detentions?|detainees|arrested|arrests|taken\s+into\s+custody|"
                 r"taken\s+in|rounded\s+up|apprehended|in\s+custody|held\s+by\s+police|"
                 r"taken\s+to\s+(?:the\s+)?police"),
    ("participants", r"gathered|rallied|marched|took\s+to\s+the\s+streets|protested|joined|"
                     r"turned\s+out|assembled|demonstrated|crowd|t[ao]ke?n?\s+part|took\s+part|"
                     r"stormed|forced\s+their\s+way|broke\s+into|burst\s+into|converged|camped|"
                     r"pushed"),
    ("troops", r"troops|soldiers|servicemen|peacekeepers|paratroopers|personnel|contingent|"
               r"military|deploy\w*|sent|arrived|landed|force"),
)  # fmt: skip
_CUES, _CUE_LABELS = labelled([(name, rx, "") for name, rx in _METRIC_CUES])
_ADJECTIVES = (
    r"more|other|further|additional|local|kazakh|russian|armed|unarmed|injured|wounded|dead"
)
_NOUN = re.compile(rf"[ ]*(?:of[ ]+(?:the[ ]+)?)?(?:(?:{_ADJECTIVES})[ ]+)*(?:{_GROUPS})\b")
# "a" and "an" count only inside a phrase ("a dozen", "a hundred"): as words of their own they
# would make every article's every "a" a number to try.
_NUMBER_WORDS = trie(
    [re.escape(c) for c in w] for w in (*_UNITS, *_SCALES, *_VAGUE) if w not in {"a", "an"}
)
_A_SCALE = r"an?[ ]+(?:hundred|thousand|million|dozen)"
_QUALIFIER_WORDS = trie([re.escape(c) if c != " " else "[ ]+" for c in q] for q in _QUALIFIERS)
_COUNT = re.compile(
    rf"(?<![\w.,:-])(?:(?P<qual>{_QUALIFIER_WORDS})[ ]+)?"  # (not the "00" of "15:00")
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?(?![\d:/%-])(?:[ ]+(?:thousand|million))?"
    rf"|(?:{_A_SCALE}|{_NUMBER_WORDS})(?:(?:[ -]|[ ]+and[ ]+)(?:{_NUMBER_WORDS}))*)(?!\w)"
)


# Where a count can start (Scanner gate heads): a qualifier's first words, a number word, "a"
# or "an" before a scale, or a digit. A test holds them to _COUNT.
START_HEADS = frozenset(
    {head for q in _QUALIFIERS for head in phrase_heads(q)}
    | {w for w in (*_UNITS, *_SCALES, *_VAGUE) if w not in {"a", "an"}}
    | spaced_heads("a", ("hundred", "thousand", "million", "dozen"))
    | spaced_heads("an", ("hundred", "thousand", "million", "dozen"))
    | {DIGIT}
)


@dataclass(frozen=True)
class Count:
    """A count in a text and what it counts."""

    start: int
    end: int
    value: int
    qualifier: str  # schema.QUALIFIERS or "dozens", "hundreds", "thousands"
    metric: str  # deaths, injured, detained, arrested, troops, participants
    part: str | None  # the group counted, where it is a part ("police officers")
    rival: bool = False  # another source's figure of the count before it ("while X spoke of")
    # a part of the count before it ("164 died, including 103 in Almaty", "400 of them")
    within: bool = False


def word_number(phrase: str) -> tuple[int, str] | None:
    """(value, qualifier) of a number written in words ("two thousand", "dozens")."""
    phrase = re.sub(r"\s+", " ", phrase.strip().lower())
    if phrase in _VAGUE:
        return _VAGUE[phrase]
    total, current = 0, 0
    for word in re.split(r"[ -]+", phrase):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    return (value, "exact") if value else None


def _value(num: str) -> tuple[int, str] | None:
    num = num.strip().lower()
    if num[0].isdigit():
        scale = 1
        for word, factor in (("thousand", 1000), ("million", 1_000_000)):
            if num.endswith(word):
                num, scale = num[: -len(word)].strip(), factor
        try:
            return int(float(num.replace(",", "")) * scale), "exact"
        except ValueError:
            return None
    return word_number(num)


def find_counts(
    text: str,
    *,
    skip: tuple[tuple[int, int], ...] = (),
    lowered: str | None = None,
    starts: Sequence[int] | None = None,
) -> list[Count]:
    """Counts in ``text`` with a metric in reach; spans in ``skip`` (dates) are not counts.

    ``lowered``: the text already lower-cased; ``starts``: the word starts where a count can
    begin (a Scanner gate on ``START_HEADS``), which spares a regex pass; the same result.
    """
    if lowered is None:
        lowered = text.lower()
    out: list[Count] = []
    matches = []
    covered = {i for a, b in skip for i in range(a, b)}
    found = _COUNT.finditer(lowered) if starts is None else matches_at(_COUNT, lowered, starts)
    for m in found:
        if m.start("num") in covered:
            continue
        num = m["num"].strip()
        if num in {"a", "an", "one"} and not m["qual"]:
            continue  # "a policeman" is a count only inside a sum (below)
        parsed = _value(num)
        if parsed is None or (
            num.isdigit() and len(num) == 4 and 1900 <= parsed[0] <= 2100
            and not _NOUN.match(lowered, m.end())
        ):  # fmt: skip
            continue  # not a number, or a year ("2030 troops" is a count)
        if "." in num and num[-1].isdigit() and not num.endswith((".0", ".00")):
            continue  # "2.1 Deaths", a section's number: people are counted whole
        if _AGE.match(lowered, m.end()) or _THINGS.match(lowered, m.end()):
            continue  # "an eleven-year-old boy", "70 aircraft", "100 operational vehicles"
        if _SOURCES_BEFORE.search(lowered, max(0, m.start() - 30), m.start()):
            continue  # "Human Rights Watch interviewed 17 people": sources, not victims
        if _POPULATION_BEFORE.search(lowered, max(0, m.start() - 30), m.start()):
            continue  # "the financial hub of 1.8 million people": its people
        matches.append((m, parsed))
    for i, (m, (value, qualifier)) in enumerate(matches):
        if m["qual"]:
            qualifier = _QUALIFIERS.get(" ".join(m["qual"].split()), qualifier)
        end = matches[i + 1][0].start() if i + 1 < len(matches) else len(lowered)
        after = lowered[m.end() : min(end, m.end() + 90)]
        cut = _CLAUSE_END.search(after)
        if cut:
            after = after[: cut.start()]
        noun = _NOUN.match(after)
        part = None
        span_end = m.end()
        rest = after[noun.end() :] if noun else after
        if noun:
            span_end = m.end() + noun.end()
            if noun["security"]:
                part = "security forces"
            elif noun["civil"] and not noun["civil"].startswith(("people", "person", "individ")):
                part = (
                    noun["civil"].rstrip("s") + "s" if noun["civil"] != "children" else "children"
                )
            # "four soldiers and a policeman": one count of the two groups
            more = _AND_MORE.match(rest)
            if more:
                extra = _value(more.group(1))
                if extra:
                    value += extra[0]
                    span_end += more.end()
                    rest = rest[more.end() :]
        before = lowered[max(0, m.start() - 40) : m.start()]
        metric = _metric(rest, before[_last_sentence_end(before) :], noun)
        if metric is None and i + 1 < len(matches):
            # "238 people, including 19 law enforcement officers, died": the verb after the
            # part says what the whole counts
            nxt = matches[i + 1][0]
            if _AMONG.fullmatch(lowered, m.end(), nxt.start()):
                tail = lowered[nxt.end() : nxt.end() + 90]
                cut = _CLAUSE_END.search(tail)
                tail = tail[: cut.start()] if cut else tail
                part_noun = _NOUN.match(tail)
                metric = _metric(tail[part_noun.end() :] if part_noun else tail, "", part_noun)
        within = False
        if out and (
            _AMONG.fullmatch(lowered, out[-1].end, m.start())
            or (_OF_THEM_AFTER.match(lowered, m.end()) and _SHORT_GAP.fullmatch(
                lowered, out[-1].end, m.start()))
        ):  # fmt: skip
            # "230 people had lost their lives, among them 19 soldiers", "1,300 were
            # injured, 400 of them in Almaty": a part of that count
            metric, within = out[-1].metric, True
        if (
            metric is None
            and out
            and _LIST_ITEM.match(lowered, m.end())
            and (_LIST_GAP.fullmatch(lowered[out[-1].end : m.start()]))
        ):
            # "103 deaths in Almaty, 21 in Kyzylorda region and 8 in Almaty region"
            metric, part = out[-1].metric, out[-1].part
        if (
            metric is None
            and noun is None
            and out
            and m.start() - out[-1].end <= 100
            and _RIVAL.fullmatch(lowered, out[-1].end, m.start())
        ):
            # "the ministry gave 5,969 detainees, while the president's office spoke of about
            # 5,800": a rival figure of the same thing, kept beside the first
            metric, part, rival = out[-1].metric, out[-1].part, True
        else:
            rival = False
        if metric is None or (metric == "participants" and value <= 1):
            continue  # (one of the demonstrators is no crowd)
        if not within and _CONVICTED.search(after[:60]):
            continue  # "1,396 people were convicted": a court's tally, not the unrest's
        if metric == "participants" and part == "security forces":
            metric = "troops"
        if metric in {"troops", "participants"} and part not in {None, "security forces"}:
            part = None if metric == "troops" else part
        if metric == "troops":
            part = None
        out.append(Count(m.start(), span_end, value, qualifier, metric, part, rival, within))
    return out


_LIST_ITEM = re.compile(r"[ ]+(?:in|at)[ ]")
_LIST_GAP = re.compile(
    r"[ ]+(?:[a-z]+[ ]+)?(?:in|at)[ ][^,;.]{1,40}(?:,[ ]*|[ ]+and[ ]+|,[ ]+and[ ]+)"
)
_AMONG = re.compile(
    r"[^.;!?]{0,40}?,?[ ]+(?:among[ ]+(?:them|whom)|of[ ]+(?:them|whom)|including)[ ]+"
)
_RIVAL = re.compile(
    r"[^.;!?]*\b(?:while|whereas|but|against|compared\s+with|versus)\b[^.;!?]*"
    r"\b(?:spoke\s+of|put\s+(?:it|the\s+\w+)\s+at|gave|cited|counted|reported|said|says|"
    r"estimated|claimed|(?:a|the)\s+(?:figure|count|tally|total|toll)\s+of)[ ]+(?:of[ ]+)?"
)
# after a number: "400 of them (in Almaty)"; between it and the count it is part of
_OF_THEM_AFTER = re.compile(r"[ ]+(?:of|among)[ ]+(?:them|whom)\b")
_SHORT_GAP = re.compile(r"[^.;!?]{0,60}")
# (and a span of time: "a five-day blackout", "a 24-hour curfew")
_AGE = re.compile(r"[ -]*(?:years?|months?)[ -]*old|-(?:year|month|week|day|hour|minute)s?\b")
# People a report spoke to are its sources: "interviewed 17 people, including relatives of
# those killed" counts no dead
_SOURCES_BEFORE = re.compile(
    r"\b(?:interviewed|spoke (?:to|with)|talked (?:to|with)|surveyed|questioned)[ ]+"
    r"(?:(?:some|about|around|more than|over|at least|nearly)[ ]+)?$"
)
# People who live somewhere, not who took part: "the financial hub of 1.8 million people", "a
# city of 2 million"
_POPULATION_BEFORE = re.compile(
    r"\b(?:city|town|hub|capital|metropolis|country|nation|region|village|home)[ ]+of[ ]+"
    r"(?:(?:some|about|around|more than|over|nearly|almost)[ ]+)?$"
)
# Things counted, not people: "70 aircraft", "more than 100 operational vehicles", "250 pieces
# of equipment", "14 strategic facilities"
_THINGS = re.compile(
    r"[ ]+(?:[a-z-]+[ ]+){0,2}?(?:aircraft|planes?|helicopters?|flights?|vehicles?|cars?|buses|"
    r"trucks?|lorries|tanks|pieces|items|weapons|guns|rifles|firearms|rounds|cartridges|"
    r"buildings|shops|stores|banks|offices|facilities|sites|objects|checkpoints|roadblocks|"
    r"cases|hours|days|weeks|months|years|decades|kilometres|kilometers|km|metres|meters|"
    r"tonnes|tons|"
    r"litres|liters|tenge|dollars|rubles|roubles|euros|percent|per[ ]+cent)\b"
)


def _last_sentence_end(before: str) -> int:
    """Where the sentence of a count begins in the words before it (0: not in them): a verb
    of the sentence before ("... officers injured. More than 100 ...") is not the count's."""
    return max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("\n")) + 1


_TROOP_NOUN = re.compile(
    r"[ ]*(?:of[ ]+)?(?:\w+[ ]+)?(troops|soldiers|servicemen|peacekeepers|paratroopers|personnel)"
)
# (the tail binds to the troop verbs only: "killed" anywhere in the 40 characters before counts)
_VERB_BEFORE, _VERB_LABELS = labelled([
    ("deaths", "killed|kill", ""), ("injured", "injured|wounded", ""),
    ("detained", "detained|arrested|rounded up", ""),
    ("troops", "sent|deployed|dispatched|send|deploy", r"(?:[ ]+\w+){0,2}[ ]*$"),
])  # fmt: skip
_UNIT_OF = re.compile(
    r"\b(?:unit|contingent|battalion|company|detachment|force|brigade)\s+of\s+"
    r"(?:(?:about|some|around|up to|more than|over|nearly)\s+)?$"
)
_TOLL_BEFORE = re.compile(
    r"(death toll|toll|bodies of|deaths of|killings of|number of (?:the )?(dead|deaths|victims|"
    r"injured|wounded|detained|detainees|people detained|arrests))\D{0,25}$"
)
# where the words after a count stop telling about it (a sentence or clause ends); both start
# with a class of characters, which the engine skips to in C
_CLAUSE_END = re.compile(r"[.;:!?,](?:(?<=,)\s(?:and|while|but)\b|(?<=[.;:!?]))")
_AND_MORE = re.compile(rf"[ ]+and[ ]+(?:(an?|one|\w+)[ ]+)(?:{_GROUPS})\b")


def _metric(after: str, before: str, noun: re.Match[str] | None) -> str | None:
    """The metric a count measures: a cue in the words after the counted noun (the earliest,
    troops last), a verb just before it ("police arrested more than 10,000"), or a toll before it
    ("the death toll rose to 225")."""
    cues = _CUES.finditer(after, 0, 70)
    for cue in cues:
        name = _CUE_LABELS[(cue.lastindex or 0) - 1]
        if name == "participants":
            # "detained 4,400 people who took part in the riots", "5,000 who took part were
            # detained": those taking part, held
            verb = _VERB_BEFORE.search(before)
            held = _VERB_LABELS[(verb.lastindex or 0) - 1] if verb else None
            if held in {"detained", "arrested"}:
                return held
            later = (_CUE_LABELS[(c.lastindex or 0) - 1] for c in cues)
            return next((n for n in later if n in {"detained", "arrested"}), name)
        if name != "troops":
            return name
    is_troop_noun = noun is not None and _TROOP_NOUN.match(noun.group(0))
    verb = _VERB_BEFORE.search(before)
    verb_is = _VERB_LABELS[(verb.lastindex or 0) - 1] if verb else None
    if verb_is and verb_is != "troops" and not is_troop_noun:
        return verb_is
    back = _TOLL_BEFORE.search(before)
    if back:
        word = back.group(0)
        if "injur" in word or "wound" in word:
            return "injured"
        if "detain" in word or "arrest" in word:
            return "detained"
        return "deaths"
    if is_troop_noun or (noun is None and _TROOP_NOUN.match(after)):
        return "troops"
    if _UNIT_OF.search(before):
        return "troops"  # "a peacekeeping unit of 100 people": its soldiers, however named
    if noun is not None and noun["civil"]:
        return None
    return "troops" if verb_is == "troops" and noun is not None else None


# --- Russian ---------------------------------------------------------------------------------
# The same counts in Russian news: "более 10 тысяч", "свыше двух тысяч военнослужащих",
# "десятки", "не менее 164 человек", "около 2,5 тыс.". Number words in any case form.

_RU_UNITS = {
    **dict.fromkeys(("один", "одна", "одного", "одной", "одним"), 1),
    **dict.fromkeys(("два", "две", "двух", "двум"), 2),
    **dict.fromkeys(("три", "трех", "трёх", "трем"), 3),
    **dict.fromkeys(("четыре", "четырех", "четырёх"), 4),
    **dict.fromkeys(("пять", "пяти"), 5), **dict.fromkeys(("шесть", "шести"), 6),
    **dict.fromkeys(("семь", "семи"), 7), **dict.fromkeys(("восемь", "восьми"), 8),
    **dict.fromkeys(("девять", "девяти"), 9), **dict.fromkeys(("десять", "десяти"), 10),
    **dict.fromkeys(("одиннадцать", "одиннадцати"), 11),
    **dict.fromkeys(("двенадцать", "двенадцати"), 12),
    **dict.fromkeys(("пятнадцать", "пятнадцати"), 15),
    **dict.fromkeys(("двадцать", "двадцати"), 20), **dict.fromkeys(("тридцать", "тридцати"), 30),
    **dict.fromkeys(("сорок", "сорока"), 40), **dict.fromkeys(("пятьдесят", "пятидесяти"), 50),
    **dict.fromkeys(("сто", "ста"), 100), **dict.fromkeys(("двести", "двухсот"), 200),
    **dict.fromkeys(("триста", "трехсот", "трёхсот"), 300),
    **dict.fromkeys(("пятьсот", "пятисот"), 500),
    **dict.fromkeys(("полторы", "полтора"), 1.5),
    # collective numerals: "погибли двое военнослужащих", "задержали пятерых"
    **dict.fromkeys(("двое", "двоих"), 2), **dict.fromkeys(("трое", "троих"), 3),
    **dict.fromkeys(("четверо", "четверых"), 4), **dict.fromkeys(("пятеро", "пятерых"), 5),
    **dict.fromkeys(("шестеро", "шестерых"), 6), **dict.fromkeys(("семеро", "семерых"), 7),
    **dict.fromkeys(("восьмеро", "восьмерых"), 8),
    **dict.fromkeys(("девятеро", "девятерых"), 9),
    **dict.fromkeys(("десятеро", "десятерых"), 10),
}  # fmt: skip
_RU_SCALES = {
    **dict.fromkeys(("тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тыс"), 1000),
    **dict.fromkeys(("миллион", "миллиона", "миллионов", "млн"), 1_000_000),
}  # fmt: skip
_RU_VAGUE = {
    "десятки": (12, "dozens"), "десятков": (12, "dozens"), "несколько десятков": (12, "dozens"),
    "сотни": (100, "hundreds"), "сотен": (100, "hundreds"), "сотнях": (100, "hundreds"),
    "десятках": (12, "dozens"), "тысячах": (1000, "thousands"),
    "несколько сотен": (100, "hundreds"), "тысячи": (1000, "thousands"),
    "несколько тысяч": (1000, "thousands"), "десятки тысяч": (10000, "thousands"),
}  # fmt: skip
_RU_QUALIFIERS = {
    "более": "more than", "свыше": "more than", "больше": "more than",
    "не менее": "at least", "не меньше": "at least", "по меньшей мере": "at least",
    "как минимум": "at least", "минимум": "at least", "около": "about", "порядка": "about",
    "примерно": "about", "приблизительно": "about", "почти": "up to", "до": "up to",
    "менее": "up to", "меньше": "up to", "превысило": "more than", "превысил": "more than",
    "превысила": "more than", "превысили": "more than", "превышает": "more than",
}  # fmt: skip
_RU_METRICS: tuple[tuple[str, str], ...] = (
    ("deaths", r"погиб\w*|гибел\w*|убит\w*|жертв\w*|смерт\w*|скончал\w*|тел\b|тела\b|"
               r"ликвидирован\w*|уничтожен\w*|застрел\w*"),
    ("injured", r"ранен\w*|пострадал\w*|пострадавш\w*|травм\w*|госпитализ\w*|"
                r"обратил\w*\s+(?:за\s+медицинской\s+помощью|к\s+медикам|к\s+врачам)|"
                r"(?:к\s+медикам|к\s+врачам|за\s+медицинской\s+помощью)\s+обратил\w*"),
    ("arrested", r"арестован\w*|арестов\b|под стражу|санкци\w* на арест"),
    ("detained", r"задержан\w*|задержал\w*|доставлен\w*\s+в\s+(?:\w+\s+)?полици\w*|"
                 r"в\s+(?:\w+\s+)?полици\w*\s+(?:был\w*\s+)?доставлен\w*"),
    ("participants", r"участник\w*|участвовал\w*|митингующ\w*|протестующ\w*|собрал\w*|вышл\w*|"
                     r"вышли|толп\w*|активист\w*|демонстрант\w*|манифестант\w*"),
    ("troops", r"военнослужащ\w*|военн\w*|солдат\w*|миротвор\w*|десантник\w*|бойц\w*|"
               r"контингент\w*|численност\w*\s+(?:сил|войск)\b"),
)  # fmt: skip
_RU_CUES = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _RU_METRICS))
_RU_SECURITY = re.compile(
    r"\s*(?:полицейск\w*|сотрудник\w* (?:полиции|правоохранительн\w* органов|силов\w* "
    r"структур|нацгвардии)|силовик\w*|военнослужащ\w*|нацгвард\w*)"
)
_RU_WORDS = "|".join(sorted((*_RU_UNITS, *_RU_SCALES, *_RU_VAGUE), key=len, reverse=True)).replace(
    " ", r"\s+"
)
_RU_QUALS = "|".join(sorted(_RU_QUALIFIERS, key=len, reverse=True)).replace(" ", r"\s+")
_RU_COUNT = re.compile(
    # (not a model's or a unit's number: "Ил-76", "части №5547"; "толпа примерно в три тысячи")
    rf"(?<![\w.,:№])(?<!№ )(?<![^\W\d_]-)(?:(?P<qual>{_RU_QUALS})\s+(?:в\s+)?)?"
    r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+(?![\d:])|\d+(?:,\d+)?(?![\d:])"  # (not "15:00")
    rf"(?:\s*(?:тыс\.?|тысяч(?:а|и|у|ей)?|млн\.?|миллион\w*)(?!\w))?"
    rf"|(?:{_RU_WORDS})(?:\s+(?:{_RU_WORDS}))*)(?!\w)",
    re.IGNORECASE,
)


def _ru_value(num: str) -> tuple[int, str] | None:
    return _cyrillic_value(num, _RU_VAGUE, _RU_UNITS, _RU_SCALES)


def _cyrillic_value(
    num: str,
    vague: Mapping[str, tuple[int, str]],
    units: dict[str, float],
    scales: dict[str, int],
) -> tuple[int, str] | None:
    """(value, qualifier) of a Russian or Kazakh number: digits with a scale word ("2,5 тыс.",
    "10 мың"), a vague word ("десятки", "мыңдаған"), or number words."""
    num = re.sub(r"\s+", " ", num.strip().lower()).rstrip(".")
    if num in vague:
        return vague[num]
    if num[0].isdigit():
        m = re.match(
            r"([\d \u00a0]+(?:,\d+)?)\s*(тыс|тысяч(?:а|и|у|ей)?|мың|млн|миллион\w*)?$", num
        )
        if not m:
            return None
        value = float(m.group(1).replace(" ", "").replace("\u00a0", "").replace(",", "."))
        scale = m.group(2) or ""
        value *= 1000 if scale.startswith(("тыс", "мың")) else (1_000_000 if scale else 1)
        return int(value), "exact"
    value = _words_value(num.split(), units, scales)
    return (value, "exact") if value else None


def _words_value(words: list[str], units: dict[str, float], scales: dict[str, int]) -> int | None:
    """The number that words name ("две тысячи", "екі мың", "жиырма бес"), or None when a
    word is no number word."""
    total, current = 0.0, 0.0
    for word in words:
        if word in units:
            current += units[word]
        elif word in scales:
            total += max(current, 1) * scales[word]
            current = 0
        else:
            return None
    return int(total + current)


# After a four-digit number, what makes it a count of people rather than a year
_PEOPLE_AFTER = re.compile(
    r"\s+(?:человек|люд\w*|военн\w*|миротвор\w*|силовик\w*|полицейск\w*|бойц\w*|"
    r"солдат\w*|участник\w*|адам\b|әскер\w*|бітімгер\w*)"
)


# Things counted, not people, as _THINGS in English: "двенадцать самолётов", "четыре борта",
# "14 стратегических объектов", "атаковали 27 раз" (up to two adjectives before the noun); an
# age ("11-летнего мальчика")
_RU_THINGS = re.compile(
    r"-летн\w*|\s+(?:[а-яё-]+(?:ых|их|ые|ие|ого|его|ой|ей|ий|ый|ая|яя|ую|юю|ым|им|ыми|ими)\s+){0,2}"
    r"(?:самол[её]т\w*|борт(?:а|ов|ами)?\b|вертол[её]т\w*|рейс\w*|единиц\w*|машин\w*|"
    r"транспорт(?:а|ов|ами)?\b|"
    r"автомобил\w*|автобус\w*|грузовик\w*|танк\w*|бронетехник\w*|объект\w*|здани\w*|"
    r"магазин\w*|банкомат\w*|блокпост\w*|оружи\w*|ствол\w*|патрон\w*|уголовн\w* дел\w*|"
    r"дел\b|час\w*|суток|сутки|дн(?:я|ей)\b|недел\w*|месяц\w*|лет\b|год\w*|километр\w*|"
    r"км\b|метр\w*|тонн\w*|литр\w*|тенге\b|доллар\w*|рубл\w*|евро\b|процент\w*|раз\b|"
    r"раза\b|%)"
)
# and in Kazakh: "екі ұшақ", "14 нысан", "үш күн" (one adjective of -лық/-лік/... before); an
# age ("11 жасар бала")
_KK_THINGS = re.compile(
    r"\s+(?:[а-яёәғқңөұүһі-]+(?:лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі)\s+)?"
    r"(?:ил-76\w*|ан-\d+\w*|ұшақ\w*|тікұшақ\w*|рейс\w*|автокөлік\w*|көлік\w*|автобус\w*|техника\w*|нысан\w*|ғимарат\w*|"
    r"жасар\w*|жастағы|дүкен\w*|қару(?!лы)\w*|оқ-дәрі\w*|сағат\w*|күн\b|күнге|күннен|апта\w*|ай\b|айға|жыл\w*|"
    r"шақырым\w*|км\b|тонна\w*|литр\w*|теңге\w*|доллар\w*|рубль\w*|пайыз\w*|рет\b|%)"
)


def find_counts_ru(text: str, *, skip: tuple[tuple[int, int], ...] = ()) -> list[Count]:
    """Counts in Russian text with a metric in reach (see the English ``find_counts``)."""
    return _counts(
        text, skip, _RU_COUNT, _ru_value, _RU_QUALIFIERS, _RU_CUES, _RU_SECURITY, _RU_THINGS
    )


_HELD = ("detained", "arrested")


def _counts(
    text: str,
    skip: tuple[tuple[int, int], ...],
    pattern: re.Pattern[str],
    value_of: Callable[[str], tuple[int, str] | None],
    qualifiers: Mapping[str, str],
    cues: re.Pattern[str],
    security: re.Pattern[str],
    things: re.Pattern[str],
) -> list[Count]:
    """Counts in Russian or Kazakh text: each number ``pattern`` finds outside ``skip`` and
    not before a noun of ``things`` (its qualifier word before it, "qual", or after it,
    "after", looked up in ``qualifiers``) with the metric named in reach: the first cue after
    it in its clause, else one that ends right before it."""
    covered = {i for a, b in skip for i in range(a, b)}
    lowered = text.lower()
    out: list[Count] = []
    for m in pattern.finditer(lowered):
        if m.start("num") in covered:
            continue
        parsed = value_of(m["num"])
        if parsed is None:
            continue
        value, qualifier = parsed
        if (
            m["num"].isdigit() and len(m["num"]) == 4 and 1900 <= value <= 2100
            and not _PEOPLE_AFTER.match(lowered, m.end())
        ):  # fmt: skip
            continue  # a year ("2030 человек" is a count)
        if things.match(lowered, m.end()):
            continue  # aircraft, buildings, hours: no one is counted
        if m["num"].lower() in _ONE_OF_WHERE and _ONE_OF.match(lowered, m.end()):
            continue  # "неподалёку от одной из площадей": a place, no one counted
        word = re.sub(r"\s+", " ", m["qual"] or m.groupdict().get("after") or "")
        qualifier = qualifiers.get(word, qualifier)
        if (m.groupdict().get("case") or "").lstrip("-") in _APPROXIMATE:
            qualifier = "about"
        after = re.split(r"[.;:!?]", lowered[m.end() : m.end() + 80], maxsplit=1)[0]
        before = lowered[max(0, m.start() - 40) : m.start()]
        metric = None
        back = list(cues.finditer(before))
        cue = cues.search(after[:60])
        if back and not before[back[-1].end() :].strip():
            metric = back[-1].lastgroup  # the verb right before it: "погибли 18 силовиков"
        elif cue:
            metric = cue.lastgroup
        elif back and back[-1].end() >= len(before) - 25:
            metric = back[-1].lastgroup
        if metric == "participants" and cue is not None:
            # "508 участников террористических атак задержала полиция": those taking part,
            # held; the count is of the detained
            held = [c.lastgroup for c in cues.finditer(after) if c.lastgroup in _HELD]
            metric = held[0] if held else metric
        soldiers = False
        if metric == "troops" and cue is not None:
            # "27 солдат получили различные травмы": soldiers hurt, not a force's size (in
            # the same phrase only: "2500 военных прибыли, ранены трое" is a size)
            # ("травмы также получили 27 солдат": the word before it, close by)
            near = [*(back[-1:] if back and back[-1].end() >= len(before) - 25 else []),
                    *cues.finditer(after.split(",")[0][:90])]  # fmt: skip
            hurt = [c.lastgroup for c in near
                    if c.lastgroup in {"deaths", "injured", "detained", "arrested"}]  # fmt: skip
            if hurt:
                metric, soldiers = hurt[0], True
        within = (
            bool(out) and _CYRILLIC_AMONG.fullmatch(lowered, out[-1].end, m.start()) is not None
        )
        if within:  # "погибли 164 человека, в том числе 103 в Алматы": a part of that count
            metric = out[-1].metric  # ("из них 19 были военнослужащими": 19 of the dead)
        if metric is None and _NUMBER_OF.search(lowered, max(0, m.start() - 90), m.start()):
            # "Число погибших силовиков ... выросло до 13 человек": the number of the dead
            cue = cues.search(lowered, max(0, m.start() - 90), m.start())
            metric = cue.lastgroup if cue else None
        if metric is None or (metric == "participants" and value <= 1):
            continue  # (one of the demonstrators is no crowd)
        if not within and _CONVICTED.search(after[:60]):
            continue  # "1 396 адам сотталған": a court's tally (of the dead, "41 of them had
            # been convicted before" is a part of their count)
        part = (
            "security forces"
            if (security.match(after) or soldiers) and metric != "troops"
            else None
        )
        out.append(Count(m.start(), m.end(), value, qualifier, metric, part, within=within))
    return out


# a court's tally after a count: people convicted or sentenced are no count of the unrest
_CONVICTED = re.compile(
    r"\b(?:were|have been|had been|was)\s+(?:\w+\s+)?(?:convicted|sentenced)\b|"
    r"(?<!\w)(?:осужден\w*|осуждён\w*|приговорен\w*|приговорён\w*|сотталд\w*|сотталған\w*)"
)
# "число погибших ... выросло до 13": a number of the people its cue names
_NUMBER_OF = re.compile(
    r"(?<!\w)(?:число|количество|числа|количества)\s+[^.;!?]{0,60}?"
    r"(?:выросло|составило|достигло|превысило|увеличилось)\s+(?:до\s+)?$"
)
_ONE_OF = re.compile(r"\s+из(?!\w)")
_ONE_OF_WHERE = ("одной", "одном", "одним")  # (not "один из нападавших погиб": one dead)
# between a count and a part of it: "..., в том числе", "из них", "оның ішінде"
_CYRILLIC_AMONG = re.compile(  # (or opening the next sentence: "... погибли. Из них 19 ...")
    r"[^.;!?]{0,60}?(?:[.!?]\s+|[\s,(—–-]+)(?:в\s+том\s+числе|из\s+них|среди\s+них|из\s+которых|"
    r"(?:о|со)ның\s+ішінде|олардың\s+ішінде|олардың)\s+(?:и\s+|около\s+|более\s+)?",
    re.IGNORECASE,
)


# --- Kazakh ------------------------------------------------------------------------------------

_KK_UNITS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}  # fmt: skip
_KK_SCALES = {"жүз": 100, "мың": 1000, "миллион": 1_000_000}
_KK_VAGUE = {"ондаған": (12, "dozens"), "жүздеген": (100, "hundreds"),
             "мыңдаған": (1000, "thousands")}  # fmt: skip
# a number's case ending ("200-ден астам", "мыңнан астам", "мыңға жуық")
# (and the approximative "-дай": "екі мыңдай", about two thousand)
_KK_CASE = (
    r"(?:-?(?:ден|дан|тен|тан|нен|нан|ге|ға|ке|қа|не|на|ның|нің|дың|дің|тың|тің|дай|дей|тай|тей))?"
)
_KK_WORDS = "|".join(sorted((*_KK_UNITS, *_KK_SCALES, *_KK_VAGUE), key=len, reverse=True))
_KK_BEFORE = {"шамамен": "about", "шамасы": "about", "кемінде": "at least",
              "ең кемі": "at least", "ең аз дегенде": "at least"}  # fmt: skip
_KK_AFTER = {"астам": "more than", "артық": "more than", "асып": "more than", "асты": "more than",
             "жуық": "about", "дейін": "up to"}  # fmt: skip
_KK_QUALIFIERS = {**_KK_BEFORE, **_KK_AFTER}
_KK_COUNT = re.compile(
    rf"(?<![\w.,:№])(?<!№ )(?<![^\W\d_]-)(?:(?P<qual>{'|'.join(_KK_BEFORE)})\s+)?"
    rf"(?P<num>\d{{1,3}}(?:[ \u00a0]\d{{3}})+(?![\d:])|\d+(?:,\d+)?(?![\d:])"
    rf"(?:\s*(?:мың|млн)(?={_KK_CASE}(?!\w)))?|(?:{_KK_WORDS})(?:\s+(?:{_KK_WORDS}))*)"
    rf"(?P<case>{_KK_CASE})(?!\w)(?:\s+(?P<after>{'|'.join(_KK_AFTER)})(?!\w))?",
    re.IGNORECASE,
)
_KK_METRICS: tuple[tuple[str, str], ...] = (
    ("deaths", r"қаза\s+(?:тап|бол)\w*|мерт\s+бол\w*|көз\s+жұм\w*|қайтыс\s+бол\w*|опат\w*|"
               r"өлі\b|өлген\w*|мәйіт\w*|құрбан\w*|жойыл\w*"),
    ("injured", r"жарақат\w*|жаралан\w*|зардап\s+шек\w*|ауруханаға\s+түс\w*"),
    ("detained", r"ұстал\w*|ұстады|ұстаған|қамауға\w*|тұтқындал\w*"),
    ("troops", r"бітімгер\w*|сарбаз\w*|әскери\w*|әскер\w*|десантшы\w*"),
    ("participants", r"жиналды|жиналған|шықты|шыққан|қатыс\w*|наразылық\s+білдіруші\w*|"
                     r"наразы\w*|шеруге\w*|шеруші\w*|митингке\w*|тобыр\w*"),
)  # fmt: skip
_KK_CUES = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _KK_METRICS))
_KK_SECURITY = re.compile(
    r"\s*(?:полиция\s+қызметкер\w*|құқық\s+қорғау\w*|полицей\w*|"
    r"ұлттық\s+ұлан\w*|әскери\s+қызметш\w*|күштік\s+құрылым\w*)"
)


_APPROXIMATE = ("дай", "дей", "тай", "тей")


def _kk_value(num: str) -> tuple[int, str] | None:
    return _cyrillic_value(num, _KK_VAGUE, _KK_UNITS, _KK_SCALES)


def find_counts_kk(text: str, *, skip: tuple[tuple[int, int], ...] = ()) -> list[Count]:
    """Counts in Kazakh text with a metric in reach, as ``find_counts_ru``: "200-ден астам
    адам ұсталды" (more than 200 detained), "шамамен мың адам алаңға шықты" (about 1,000
    participants), "кемінде 8 полиция қызметкері қаза тапты" (at least 8 dead, police)."""
    return _counts(
        text, skip, _KK_COUNT, _kk_value, _KK_QUALIFIERS, _KK_CUES, _KK_SECURITY, _KK_THINGS
    )
