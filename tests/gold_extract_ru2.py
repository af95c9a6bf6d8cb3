"""Second blind Russian gold set for extraction and geoparsing (8 articles).

How it was written: by a helper session blind to the code. Nothing under geo/ was opened, nor
tests/test_*.py, tests/score_extract.py or the git history; gazetteer ids were looked up only
with `python -m geo places` and Latin spellings. The 8 articles in tests/articles_gold_ru2/ were
written in our own Russian from the project's sourced facts (data/events.csv, states.csv,
figures.csv, facilities.csv, ../shared/research/kz2022_events.csv); no figure, date or casualty
count was invented, and disputed numbers stand side by side. Each article has its own style,
unlike tests/articles_gold_ru/, and its quotes were checked against that set's quotes so that
none repeats its wording. Six use our header format (publisher "crisismap gold set
(synthetic)"), r02 is plain wire copy with a TASS dateline, and r01 has no header and no date.

Articles and the fact rows they use:
- r01 Telegram-style feed of timed posts, 5 January, no date (pass --published 2022-01-05):
  S001, S002, E010, E024/S029, S004, E025/S030, S036, F002, F003, E033, E032/S026.
- r02 TASS wire, "АЛМАТЫ, 6 января. /ТАСС/.": E052, E050, E049, E051, F005, E101 (the attack and
  the denial), F007, F009, F004, E023, E047 (with Zas's 2,500), E054.
- r03 long-form chronicle (Vlast/Tengrinews style), 29 January: E002, E014, E021, E039, E060,
  E074, F019, E079, E082, E094, E090, E091, E097; Zhanaozen 2011 only as background (reject).
- r04 Almaty akimat press release, 19 January: S002-S004, S016, S001, S015, S017 and S005-S007,
  S014 (lifting), S045, S043, E112, E093 (the "red" terror level, reject).
- r05 CSTO deployment and withdrawal, 20 January: E096, E048, E107, E075/S046, S022, E082/S047,
  E084, E085, E086, E094.
- r06 roundup by region, 8 January: E062, E111, E064, E065, S033/E038, E066, E068, E067, E113,
  E108, E056.
- r07 quote-heavy piece with hedges, 19 January: E102, E103, E104, E105, E100, E034, E053, F017,
  F018, E013, E092 (the video address; its denial and plan are rejects).
- r08 follow-up, 18 August 2022: F033, F022, F026, F027, F028, F029, F030 (side by side with
  the 230), F031, F032, E059, E088, E098.

Entry: as in tests/gold_extract_ru.py ({"file", "published", "published_from", "language",
"expect", "reject", "mentions"}). Item keys and conventions are those of tests/gold_extract.py
and tests/gold_extract_ru.py (read both docstrings); reported_by and part are given in English
and are not scored; a key left out is not scored.

Conventions decided here (beyond those two files):
- Dates: post times in a feed ("⚡️ 16:40") and clock times in the text are not dates and give
  no time_precision; every post resolves against the --published day. "В тот же день" is used
  only where the same sentence carries the date ("Тогда же, 4 января, ..."), so it never falls
  back to the publication day. "6 или 7 января" -> the first day with time_precision 2.
  "Вчера" in an August follow-up does not occur; every past fact there has its own date.
- Running tallies for one place ("за время беспорядков задержаны 104 человека", "в Алматы
  погибли 13 силовиков", "139 человек погибли в Алматы", 190 treated in the city) are events
  with counts and no date key; where the text gives only a toll, the layer is left out too.
  Regional tallies sit on the region the clause names (admin1), not on its centre.
- The detention of one named person (a journalist, Masimov) is an "other" event without
  counts (left out, not scored); a court's administrative arrest of that person on another day
  is its own event, and the length of the arrest is never a count.
- "как минимум" -> at least; "превысило тысячу" -> 1000 more than; "шестерых", "пятеро",
  "четверо" are numbers; people who "обратились за помощью" are injured (as in F015, F028).
- Certainty: "по неподтверждённым данным/сообщениям", "как утверждают в полиции", "как утверждали
  местные издания", "несколько СМИ пишут ... официально не подтверждено" -> uncertain; plain
  attribution ("по данным МВД", "как передаёт «Хабар 24»", "по словам детского омбудсмена")
  stays reported.
- Troops: the force total given at the summit ("оценил численность сил в 2030 человек") and the
  strength at the start of the withdrawal are figures only, no deployed state. Flights to two
  places, or departures from two cities, in one clause give one state per place sharing the
  quote. Home bases (Ivanovo) and destinations abroad (Machulishchy near Minsk) are never the
  place of a deployed or withdrawn state. A report that the withdrawal is complete (Zas, the
  day after) is an "other" event. An airport retaken from rioters is an event, not an
  "operational" state. An airport working reduced hours is "disrupted", with no valid_to when
  the sentence gives no end.
- A presidential visit to one city is an event on that city (like a decision about it).
- Mentions: as in tests/gold_extract_ru.py. The dateline counts ("АЛМАТЫ"). A city named inside
  a building the gazetteer lacks ("департамента полиции Алматы") is listed as the city; a
  gazetteer site whose own name includes the city or landmark is one span ("департамент КНБ
  по Алматы", "телебашню на Коктобе", "алматинской площади Республики"); a city after a
  site with "в" is its own span ("областного филиала партии «Нур Отан»" + "Таразе", as
  ru14's "Военном институте Сухопутных войск" + "Алматы"). Bare words resolved by context are
  mentions ("аэропорт", "облакимата", "центральной площади" and a following "площади" in
  Zhanaozen). Generic "страна", "республика", "город", "столица" are not. Names that only look
  like places are left out: the TV channel «Алматы», the market «Жетысу» (not the Zhetysu
  region), the palace «Туркестан» in Shymkent (not the city), Aktau's "площадь Ынтымак" (the
  gazetteer's Yntymak alias is Zhanaozen's square), the website Altaynews.kz. Persons, parties,
  channels and offices speaking (МВД, Генпрокуратура) are not places.
- Rejects never forbid what an expected item of the same kind in the same sentence has.
"""

from __future__ import annotations

from typing import Any

# Gazetteer ids (checked with `python -m geo places NAME`, Latin spellings).
ALMATY = "gn:1526384"
NUR_SULTAN = "gn:1526273"
AKTAU = "gn:610612"
AKTOBE = "gn:610611"
ORAL = "gn:608668"
OSKEMEN = "gn:1520316"
SHU = "gn:1519030"
SHYMKENT = "gn:1518980"
TALDYKORGAN = "gn:1518542"
TARAZ = "gn:1516905"
ZHANAOZEN = "gn:607610"
IVANOVO = "gn:555312"  # Russia; not the Belarusian or Bulgarian Ivanovo
ULYANOVSK = "gn:479123"
KANT = "gn:1528193"  # Kyrgyzstan; not Kant in India
MACHULISHCHY = "gn:625671"
MINSK = "gn:625144"

KZ = "country:KZ"
RU = "country:RU"
AM = "country:AM"
KG = "country:KG"
DEM_KZ = "demonym:KZ"
DEM_RU = "demonym:RU"
DEM_AM = "demonym:AM"
DEM_BY = "demonym:BY"
DEM_TJ = "demonym:TJ"
DEM_KG = "demonym:KG"

ALA = "airport:ALA"
AKX = "airport:AKX"

CITY_HALL = "site:almaty-city-hall"
RESIDENCE = "site:almaty-presidential-residence"
REPUBLIC_SQUARE = "site:almaty-republic-square"
KNB = "site:almaty-knb-department"
KOKTOBE = "site:almaty-koktobe-tv-tower"  # "Koktobe" alone is a Pavlodar village
CHPP2 = "site:almaty-chpp-2"
ZHETYGEN = "site:zhetygen-airfield"
AKTOBE_AKIMAT = "site:aktobe-akimat"
TARAZ_AKIMAT = "site:taraz-akimat"
TARAZ_NUR_OTAN = "site:taraz-nur-otan-office"
ZHANAOZEN_SQUARE = "site:zhanaozen-square"

KZ_ALA = "admin1:KZ-ALA"
KZ_ALM = "admin1:KZ-ALM"
KZ_AST = "admin1:KZ-AST"
KZ_AKT = "admin1:KZ-AKT"
KZ_ATY = "admin1:KZ-ATY"
KZ_KUS = "admin1:KZ-KUS"
KZ_KZY = "admin1:KZ-KZY"
KZ_MAN = "admin1:KZ-MAN"
KZ_PAV = "admin1:KZ-PAV"
KZ_SEV = "admin1:KZ-SEV"
KZ_VOS = "admin1:KZ-VOS"
KZ_ZAP = "admin1:KZ-ZAP"
KZ_ZHA = "admin1:KZ-ZHA"

IM = "Interior Ministry"
PGO = "Prosecutor General's Office"
HM = "Health Ministry"

D = "tests/articles_gold_ru2/"

GOLD: list[dict[str, Any]] = [
    {
        # Telegram-style feed of timed posts, no header and no date: run with
        # --published 2022-01-05 (Wednesday; every post is from that day).
        "file": D + "r01-telegram-feed-almaty-january-5.txt",
        "published": "2022-01-05",
        "published_from": "none",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALA,
                "quote": "в Мангистауской области и в Алматы с этой ночи действует",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_MAN,
                "quote": "в Мангистауской области и в Алматы с этой ночи действует",
            },
            {
                # "вчера вечером" in the same sentence.
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-04",
                "place": REPUBLIC_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "около тысячи человек собрались на алматинской площади Республики",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "толпа из примерно трёх тысяч человек прорвалась в городской акимат",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "прорвалась в городской акимат и подожгла его",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_AST,
                "quote": "чрезвычайное положение действует в Нур-Султане",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "Протестующие подожгли алматинскую резиденцию президента",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "Протестующие подожгли алматинскую резиденцию президента",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": None,
                "quote": "Интернета нет по всей стране",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 8,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "погибли восемь полицейских и нацгвардейцев",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 317,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "Ещё 317 силовиков ранены",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "Несколько СМИ пишут, что погромщики захватили департамент КНБ",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "metric": "participants",
                "value": 45,
                "qualifier": "about",
                "quote": "Погромщики захватили международный аэропорт Алматы",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Погромщики захватили международный аэропорт Алматы",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "Комендантский час — с 23:00 до 07:00"},
            {
                "kind": "figure",
                "quote": "толпа из примерно трёх тысяч человек прорвалась в городской акимат",
            },
            {
                "kind": "event",
                "quote": "Несколько СМИ пишут, что погромщики захватили департамент КНБ",
                "certainty": "reported",
            },
            {"kind": "figure", "quote": "в терминал проникли около 45 человек"},
        ],
        "mentions": [
            ("Мангистауской области", KZ_MAN),
            ("Алматы", ALMATY),
            ("алматинской площади Республики", REPUBLIC_SQUARE),
            ("Алматы", ALMATY),
            ("городской акимат", CITY_HALL),
            ("Нур-Султане", NUR_SULTAN),
            ("алматинскую резиденцию президента", RESIDENCE),
            ("департамент КНБ по Алматы", KNB),
            ("международный аэропорт Алматы", ALA),
        ],
    },
    {
        # Thursday 6 January; TASS-style dateline, no header.
        "file": D + "r02-almaty-dateline-tass-airport-retaken.txt",
        "published": "2022-01-06",
        "published_from": "dateline",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "Силовики отбили у погромщиков международный аэропорт Алматы",
            },
            {
                # A tally of people treated in the city; no day of its own, layer left open.
                "kind": "event",
                "place": ALMATY,
                "counts": {"injured": 190},
                "metric": "injured",
                "value": 190,
                "qualifier": "exact",
                "quote": "В городе к медикам обратились 190 человек",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": REPUBLIC_SQUARE,
                "certainty": "uncertain",
                "quote": "на площади Республики военные вступили в перестрелку",
            },
            {
                # "Как утверждают в полиции" hedges the whole claim; "десятки" -> dozens 12.
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALMATY,
                "counts": {"fatalities": 12},
                "metric": "deaths",
                "value": 12,
                "qualifier": "dozens",
                "certainty": "uncertain",
                "quote": "здание департамента полиции Алматы атаковали 27 раз",
            },
            {
                # Cumulative city tally: no date; two counts, so no metric.
                "kind": "event",
                "layer": "clashes",
                "place": ALMATY,
                "counts": {"fatalities": 13, "injured": 353},
                "quote": "в Алматы погибли 13 силовиков, ранены 353",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": KOKTOBE,
                "quote": "телебашню на Коктобе пытались захватить дважды",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 18,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-06",
                "quote": "по данным МВД Казахстана, погибли 18 силовиков",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 748,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-06",
                "quote": "ещё 748 сотрудников получили ранения",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 1000,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-06",
                "quote": "число пострадавших в республике превысило тысячу человек",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Накануне президент Касым-Жомарт Токаев попросил ОДКБ о помощи",
            },
            {
                # "ночью" -> the night ending on the dateline day.
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": (
                    "ночью принял решение направить в Казахстан Коллективные миротворческие силы"
                ),
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2500,
                "qualifier": "about",
                "reported_by": "Stanislav Zas",
                "date": "2022-01-06",
                "quote": "в контингент войдут примерно 2500 военнослужащих",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": TARAZ_AKIMAT,
                "quote": "в Таразе от протестующих освобождено здание областного акимата",
            },
        ],
        "reject": [
            # The denial of the tower's capture.
            {"kind": "state", "quote": "сообщения о том, что башня перешла в руки погромщиков"},
            {
                # Retaken is not reopened (it stayed closed to flights).
                "kind": "state",
                "quote": "Силовики отбили у погромщиков международный аэропорт Алматы",
                "status": "operational",
            },
            {
                "kind": "event",
                "quote": (
                    "ночью принял решение направить в Казахстан Коллективные миротворческие силы"
                ),
                "place": AM,
            },
            {"kind": "figure", "quote": "в Алматы погибли 13 силовиков, ранены 353"},
        ],
        "mentions": [
            ("АЛМАТЫ", ALMATY),
            ("международный аэропорт Алматы", ALA),
            ("Алматы", ALMATY),
            ("площади Республики", REPUBLIC_SQUARE),
            ("Алматы", ALMATY),  # city inside the police department, which is not a gazetteer site
            ("Алматы", ALMATY),
            ("телебашню на Коктобе", KOKTOBE),
            ("Алматы", ALMATY),
            ("Казахстана", KZ),
            ("Армении", AM),
            ("Казахстан", KZ),
            ("Таразе", TARAZ),
            ("областного акимата", TARAZ_AKIMAT),
        ],
    },
    {
        # Saturday 29 January; long-form chronicle with explicit past dates.
        "file": D + "r03-longform-three-weeks-of-january.txt",
        "published": "2022-01-29",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "2 января жители Жанаозена перекрыли дорогу",
            },
            {
                # Scuffles with police at a rally: a protest with intervention, not a riot.
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": ORAL,
                "quote": "4 января в Уральске акция солидарности с Жанаозеном",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHU,
                "metric": "participants",
                "value": 300,
                "qualifier": "more than",
                "quote": "более 300 активистов провели митинг в Шу",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TALDYKORGAN,
                "quote": (
                    "5 января в Талдыкоргане протестующие повалили памятник Нурсултану Назарбаеву"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "дал войскам и полиции команду открывать огонь без предупреждения",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "10 января в стране объявили день общенационального траура",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 7939,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-10",
                "quote": "По сводке МВД на 10 января, задержанными числились 7939 человек",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "11 января мажилис утвердил премьер-министром Алихана Смаилова",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "13 января стартовал поэтапный вывод контингента ОДКБ",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "19 января страну покинули последние российские военные",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "17 января президент отправил в отставку первого зампреда КНБ",
            },
            {
                # "в тот же день" with 17 January in the same sentence.
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "Тимур Кулибаев сложил полномочия главы президиума палаты",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-28",
                "place": None,
                "quote": "389 делегатов единогласно избрали Токаева председателем партии",
            },
        ],
        "reject": [
            # Background: Zhanaozen, December 2011.
            {
                "kind": "event",
                "quote": "в декабре 2011 года здесь жестоко подавили забастовку нефтяников",
            },
            # A promise with no date: no state.
            {"kind": "state", "quote": "режим ЧП будут отменять постепенно"},
            # Congress delegates are not a figure of the unrest.
            {
                "kind": "figure",
                "quote": "389 делегатов единогласно избрали Токаева председателем партии",
            },
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Жанаозена", ZHANAOZEN),
            ("Уральске", ORAL),
            ("Жанаозеном", ZHANAOZEN),
            ("Шу", SHU),
            ("Жамбылской области", KZ_ZHA),
            ("Талдыкоргане", TALDYKORGAN),
            ("российские", DEM_RU),
        ],
    },
    {
        # Wednesday 19 January; an akimat press release.
        "file": D + "r04-akimat-press-release-emergency-lifted.txt",
        "published": "2022-01-19",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_ALA,
                "quote": "на территории города Алматы отменены режим чрезвычайного положения",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_AST,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_ALM,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_ZHA,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_MAN,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_ATY,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_KZY,
                "quote": (
                    "также отменён в городе Нур-Султане, Алматинской, Жамбылской, "
                    "Мангистауской, Атырауской и Кызылординской областях"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_PAV,
                "quote": "в Павлодарской, Северо-Казахстанской и Западно-Казахстанской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_SEV,
                "quote": "в Павлодарской, Северо-Казахстанской и Западно-Казахстанской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_ZAP,
                "quote": "в Павлодарской, Северо-Казахстанской и Западно-Казахстанской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-16",
                "place": KZ_AKT,
                "quote": "с 07 часов 00 минут 16 января 2022 года — в Актюбинской области",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "международный аэропорт Алматы обслуживает рейсы в круглосуточном режиме",
            },
            {
                # Reduced hours: partly working -> disrupted; the sentence gives no end.
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "с 13 января аэропорт выполнял внутренние и международные рейсы",
            },
            {
                # A decision or visit about one city takes that city.
                "kind": "event",
                "layer": "other",
                "date": "2022-01-12",
                "place": ALMATY,
                "quote": "12 января Глава государства посетил город Алматы",
            },
        ],
        "reject": [
            # The terror threat level stays: nothing is lifted in that clause.
            {
                "kind": "state",
                "quote": "«красный» уровень террористической опасности остаётся в силе",
                "status": "lifted",
            },
            {"kind": "figure", "quote": "в ограниченном режиме — с 08:00 до 21:00"},
            {"kind": "state", "quote": "12 января Глава государства посетил город Алматы"},
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Алматы", ALMATY),
            ("Алматинской", KZ_ALM),
            ("Жамбылской областей", KZ_ZHA),
            ("Нур-Султане", NUR_SULTAN),
            ("Алматинской", KZ_ALM),
            ("Жамбылской", KZ_ZHA),
            ("Мангистауской", KZ_MAN),
            ("Атырауской", KZ_ATY),
            ("Кызылординской областях", KZ_KZY),
            ("Павлодарской", KZ_PAV),
            ("Северо-Казахстанской", KZ_SEV),
            ("Западно-Казахстанской областях", KZ_ZAP),
            ("Актюбинской области", KZ_AKT),
            ("международный аэропорт Алматы", ALA),
            ("аэропорт", ALA),
            ("Алматы", ALMATY),
        ],
    },
    {
        # Thursday 20 January; the CSTO mission from arrival to withdrawal.
        "file": D + "r05-csto-mission-arrival-to-withdrawal.txt",
        "published": "2022-01-20",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                # A report to the heads of state: an event, not a troops state.
                "kind": "event",
                "layer": "other",
                "date": "2022-01-20",
                "place": None,
                "quote": "Станислав Зась доложил главам государств организации о завершении вывода",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "с передовыми подразделениями приземлился в аэропорту Алматы 6 января",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "в аэропорт Алматы и на военный аэродром Жетыген",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ZHETYGEN,
                "quote": "в аэропорт Алматы и на военный аэродром Жетыген",
            },
            {
                # Whole-force number: a figure, dated by the summit in the same sentence.
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "Касым-Жомарт Токаев оценил численность сил в 2030 человек",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": CHPP2,
                "counts": {"troops": 150},
                "metric": "troops",
                "value": 150,
                "qualifier": "exact",
                "quote": "он взял под охрану алматинскую ТЭЦ-2",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "Поэтапный вывод начался 13 января",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "about",
                "date": "2022-01-13",
                "quote": "в Казахстане ещё находились около 2 тысяч миротворцев",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ALA,
                "quote": "армянский и таджикский контингенты вылетели из аэропорта Алматы",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": "десятью бортами улетели с аэродрома Жетыген в Мачулищи",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": CHPP2,
                "quote": "киргизский спецназ автоколонной ушёл с ТЭЦ-2",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": NUR_SULTAN,
                "quote": "Нур-Султан и Алматы покинули последние российские миротворцы",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": ALMATY,
                "quote": "Нур-Султан и Алматы покинули последние российские миротворцы",
            },
        ],
        "reject": [
            # Home bases are not deployment places.
            {
                "kind": "state",
                "quote": "подразделения 98-й воздушно-десантной дивизии из Иванова",
                "place": IVANOVO,
            },
            {
                "kind": "figure",
                "quote": "освободили для других задач около 1600 казахстанских военных",
                "metric": "troops",
            },
            {
                "kind": "state",
                "quote": "десятью бортами улетели с аэродрома Жетыген в Мачулищи",
                "place": MINSK,
            },
            {"kind": "figure", "quote": "По его словам, потерь контингент не понёс"},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("российский", DEM_RU),
            ("аэропорту Алматы", ALA),
            ("России", RU),
            ("Иванова", IVANOVO),
            ("Ульяновска", ULYANOVSK),
            ("российского", DEM_RU),
            ("аэропорт Алматы", ALA),
            ("военный аэродром Жетыген", ZHETYGEN),
            ("Киргизский", DEM_KG),
            ("Канта", KANT),
            ("российскими", DEM_RU),
            ("алматинскую ТЭЦ-2", CHPP2),
            ("Казахстане", KZ),
            ("России", RU),
            ("казахстанских", DEM_KZ),
            ("армянский", DEM_AM),
            ("таджикский", DEM_TJ),
            ("аэропорта Алматы", ALA),
            ("российских", DEM_RU),
            ("Белорусские", DEM_BY),
            ("аэродрома Жетыген", ZHETYGEN),
            ("Мачулищи", MACHULISHCHY),
            ("Минском", MINSK),
            ("киргизский", DEM_KG),
            ("ТЭЦ-2", CHPP2),
            ("Киргизией", KG),
            ("Нур-Султан", NUR_SULTAN),
            ("Алматы", ALMATY),
            ("российские", DEM_RU),
        ],
    },
    {
        # Saturday 8 January; roundup by region.
        "file": D + "r06-regional-roundup-january-8.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                # Running tally for the region: no date; several counts, so no metric.
                "kind": "event",
                "layer": "other",
                "place": KZ_ATY,
                "counts": {"detained": 104, "injured": 25},
                "quote": "за время беспорядков задержаны 104 человека",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_KUS,
                "counts": {"detained": 650},
                "metric": "detained",
                "value": 650,
                "qualifier": "more than",
                "quote": "в регионе задержаны более 650 человек",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": TARAZ,
                "quote": "в Таразе ужесточили комендантский час",
            },
            {
                # "в городе": the place is only in the surrounding text (coreference).
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-08",
                "counts": {"fatalities": 6, "injured": 5},
                "quote": "силовики в городе застрелили шестерых вооружённых нападавших",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Подожжённое 5 января здание областного филиала партии «Нур Отан»",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Подожжённое 5 января здание областного филиала партии «Нур Отан»",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": SHYMKENT,
                "counts": {"injured": 60},
                "metric": "injured",
                "value": 60,
                "qualifier": "about",
                "quote": "около 60 человек пострадали в ходе беспорядков",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": AKTAU,
                "quote": "сегодня завершилась акция протеста в Актау",
            },
            {
                # The 40-50 who stay are a range: no metric.
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "к протестующим на центральной площади пришёл глава города",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_VOS,
                "counts": {"detained": 500, "injured": 25},
                "quote": "полиция отчиталась о задержании около 500 участников беспорядков",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-07",
                "place": TALDYKORGAN,
                "counts": {"fatalities": 2, "injured": 4},
                "quote": "напала на следственный изолятор в Талдыкоргане",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": AKX,
                "quote": "аэропорт Актобе освобождён от вооружённых групп",
            },
        ],
        "reject": [
            # Counts for one place go on its event, never on a figure.
            {"kind": "figure", "quote": "за время беспорядков задержаны 104 человека"},
            {"kind": "figure", "quote": "Дела 220 из них рассматривают административные суды"},
            {"kind": "figure", "quote": "теперь он длится с 19:00 до 07:00"},
        ],
        "mentions": [
            ("Атырауской области", KZ_ATY),
            ("Костанайской области", KZ_KUS),
            ("Жамбылской области", KZ_ZHA),
            ("Таразе", TARAZ),
            ("областного филиала партии «Нур Отан»", TARAZ_NUR_OTAN),
            ("Таразе", TARAZ),
            ("Шымкенте", SHYMKENT),
            # "дворец «Туркестан»" is a building in Shymkent, not the city of Turkistan; the
            # Shymkent prosecutor's office is not in the gazetteer (only Almaty's is).
            ("Мангистауской области", KZ_MAN),
            ("Актау", AKTAU),
            # "площади Ынтымак" here is Aktau's square, which the gazetteer lacks (its
            # "Yntymak Square" alias belongs to Zhanaozen's square): not listed.
            ("Жанаозене", ZHANAOZEN),
            ("центральной площади", ZHANAOZEN_SQUARE),
            ("площади", ZHANAOZEN_SQUARE),
            ("Жанаозен", ZHANAOZEN),
            ("Восточно-Казахстанской области", KZ_VOS),
            ("Алматинской области", KZ_ALM),
            ("Талдыкоргане", TALDYKORGAN),
            ("Актюбинской области", KZ_AKT),
            ("аэропорт Актобе", AKX),
        ],
    },
    {
        # Wednesday 19 January; quote-heavy piece with hedges and side-by-side numbers.
        "file": D + "r07-journalists-children-disputed-numbers.txt",
        "published": "2022-01-19",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "figure",
                "metric": "detained",
                "value": 8,
                "qualifier": "at least",
                "part": "journalists",
                "reported_by": "Committee to Protect Journalists",
                "date": "2022-01-06",
                "quote": "задержали как минимум восьмерых журналистов, освещавших протесты",
            },
            {
                # One named person: no count (left out, not scored).
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": ALMATY,
                "quote": "4 января полицейские в Алматы ненадолго задержали его",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": ORAL,
                "quote": "7 января в Уральске был задержан журналист Лукпан Ахмедьяров",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": OSKEMEN,
                "quote": "Дарына Нурсапара в Усть-Каменогорске задержали дома 7 января",
            },
            {
                # Court-ordered (administrative) arrest; its clause names no place.
                "kind": "event",
                "layer": "other",
                "date": "2022-01-09",
                "quote": "9 января суд арестовал его на 15 суток",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": CITY_HALL,
                "counts": {"fatalities": 1, "injured": 3},
                "quote": "неизвестные обстреляли колонну, в которой ехали аким Алматы",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY,
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "exact",
                "quote": "11-летнего мальчика застрелили в Алматы 5 января",
            },
            {
                # "6 или 7 января" -> the first day, vague; "города" is coreference.
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "time_precision": 2,
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "exact",
                "certainty": "uncertain",
                "quote": "города была застрелена четырёхлетняя девочка",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5800,
                "qualifier": "about",
                "reported_by": "president's office",
                "date": "2022-01-09",
                "quote": "администрация президента говорила примерно о 5800 задержанных",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5969,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "МВД в тот же день приводило цифру 5969",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTOBE_AKIMAT,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "certainty": "uncertain",
                "quote": "к примерно тысяче протестующих, которые поставили юрту у облакимата",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-18",
                "place": None,
                "quote": "Вчера в эфир вышло видеообращение Нурсултана Назарбаева",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "по меньшей мере два новостных сайта были заблокированы"},
            {"kind": "figure", "quote": "на 15 суток в административном порядке"},
            # A denial and a plan.
            {"kind": "event", "quote": "отверг домыслы о разногласиях с Токаевым"},
            {"kind": "event", "quote": "председателем «Нур Отана» скоро станет Токаев"},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("Алматы", ALMATY),
            ("Алматы", ALMATY),
            # "рынка «Жетысу»" is a market in Almaty, not the Zhetysu region: not listed.
            ("Уральске", ORAL),
            # "Altaynews.kz" is a website.
            ("Усть-Каменогорске", OSKEMEN),
            ("Алматы", ALMATY),
            # "телеканала «Алматы»" is a TV channel, not the city: not listed.
            ("городского акимата", CITY_HALL),
            ("Алматы", ALMATY),
            ("Актобе", AKTOBE),
            ("облакимата", AKTOBE_AKIMAT),
        ],
    },
    {
        # Thursday 18 August 2022; follow-up on the toll and the cases, many past dates.
        "file": D + "r08-half-year-toll-and-cases.txt",
        "published": "2022-08-18",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 238,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-08-16",
                "quote": "поимённый список погибших в январских событиях — в нём 238 человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "Серик Шалабаев сообщал о 225 погибших",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 446,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "по решению суда под стражу были взяты 446 человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 177,
                "qualifier": "exact",
                "part": "died in medical facilities",
                "reported_by": HM,
                "date": "2022-02-18",
                "quote": "в медицинских организациях умерли 177 человек",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2740,
                "qualifier": "exact",
                "reported_by": HM,
                "date": "2022-02-18",
                "quote": "за помощью обратились 2740",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 230,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "назвал цифру в 230 погибших",
            },
            {
                # Disputed the same day: kept side by side with the 230.
                "kind": "figure",
                "metric": "deaths",
                "value": 238,
                "qualifier": "exact",
                "reported_by": "Human Rights Commissioner",
                "date": "2022-03-14",
                "quote": "Эльвира Азимова в тот же день говорила о 238",
            },
            {
                # One city's share of the toll: an event with no date of its own.
                "kind": "event",
                "place": ALMATY,
                "counts": {"fatalities": 139},
                "metric": "deaths",
                "value": 139,
                "qualifier": "exact",
                "quote": "139 человек погибли в Алматы",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3500,
                "qualifier": "about",
                "part": "law-enforcement officers",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "ранения получили около 3,5 тыс. сотрудников правоохранительных органов",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 766,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "под стражей к тому моменту оставались 766 человек",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "бывшего председателя КНБ Карима Масимова, задержанного 6 января",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "certainty": "uncertain",
                "quote": "под стражу попали вице-министр энергетики и ряд других чиновников",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-31",
                "place": ALMATY,
                "quote": "31 января Токаев снял с поста акима Алматы",
            },
        ],
        "reject": [
            {"kind": "state", "quote": "за весь период чрезвычайного положения"},
            {"kind": "figure", "quote": "139 человек погибли в Алматы"},
            # An anniversary still to come.
            {"kind": "event", "quote": "исполнится год с начала трагических событий"},
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Алматы", ALMATY),
        ],
    },
]
