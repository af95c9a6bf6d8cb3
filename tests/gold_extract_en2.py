"""Second blind English gold set for extraction and geoparsing (tests/articles_gold_en2/).

How it was written: by a helper session that never saw the extraction or geoparser code, its
lexicons, its rules, its tests or the scorer (nothing under geo/ was opened, nor tests/test_*.py,
tests/score_extract.py or the git history). It read only the docstring, conventions and entries
of tests/gold_extract.py, the "mentions" lists of tests/gold_extract_ru.py, the header of two
files in tests/articles_gold/, and the project's sourced facts; gazetteer ids were looked up
only with `python -m geo places NAME`. The 10 articles were written in our own words, in styles
unlike the existing set, so that the tool is measured on text it was never tuned on.

Facts used (no figure, date or casualty count was invented; disputed figures are kept side by
side as separate figure items):
- e01 live blog, 5 January: events.csv E002, E022-E025, E032; states.csv S001-S004, S026, S036;
  figures.csv F002, F003.
- e02 weekly situation report, 10 January: E067, E069, E074-E077; S036, S039, S040, S046;
  F013-F015, F017-F019.
- e03 human-rights NGO report excerpt, 24 February: E034, E053, E060, E102, E104, E105, E110;
  F021, F022, F026-F028, F038.
- e04 Russian state-media style dispatch (dateline MOSCOW, January 19): E023, E047, E048, E061,
  E082, E085, E094; S018, S019, S047.
- e05 internet and aviation note, 20 January: S025-S027, S036-S045, S048; E032, E076.
- e06 follow-up, 17 August: F013, F022, F029-F033, F035; E059, E111; research KZ22-113 (the 546
  criminal cases).
- e07 wire copy (dateline TARAZ, Jan 8): E016, E021, E037, E038, E054, E064, E065; S016, S033;
  F011, F012 (E065's five injured officers, the Kazinform count, not Sputnik's seven).
- e08 quote-heavy piece with no date (7 January): E049, E051, E052, E060, E061, E100, E101; F004,
  F007, F008, F010.
- e09 diplomatic piece, 10 January: E047, E075; S019-S022, S046; research KZ22-068..KZ22-071.
- e10 region-by-region brief, 7 January: E035, E040, E042-E045, E056, E057, E099, E106, E109;
  S034.
The few direct quotations (e08: "Twenty thousand bandits", "armed criminals", "dozens of
attackers", "The airport has been freed") only restate those sourced statements. Sentences about
Washington, Brussels and Beijing (e09) are commentary, not reported facts, and are rejects.

Headers: 7 in our header format (publisher "crisismap gold set (synthetic)"), 2 plain wire copy
with a dateline (e04, e07; published_from "dateline"), 1 with no date at all (e08;
published_from "none", pass --published 2022-01-07).

Entry: as in tests/gold_extract.py ({"file", "published", "published_from", "expect",
"reject"}) plus "mentions" as in tests/gold_extract_ru.py: every place mention of the body (the
text after the "---" line, or the whole file without a header, dateline included) in text order,
as (surface text exactly as written, gazetteer id); search each surface from the end of the
previous one. Item keys and conventions are those of tests/gold_extract.py (read its docstring);
quotes are exact 5-15 word substrings of the body, within one sentence, each occurring once.

Conventions decided here, beyond those of tests/gold_extract.py:
- Live blog (e01): entry timestamps are posting times, not event times; every entry takes the
  header's day, and no timestamp sets time_precision. Times of day ("at about 14:00", curfew
  "from 19:00 to 07:00", "between 08:00 and 21:00") never change a date.
- "Overnight" alone is D (as before); "overnight into Thursday" is that Thursday. A decree signed
  "overnight" and in force "from 01:30" is declared on D.
- valid_to: "until 00:00 on 19 January" ends on 18 January; "until 9 January", "until 11
  January", "to the morning of 10 January" and "from 13 to 18 January" include the last day named
  (the state held on part of it), so valid_to is that day.
- An airport that "reopened" is operational from that day; a separate sentence limiting it to
  daytime hours over a stated range is a disrupted state with that range (both may hold on one
  day). "Domestic flights resumed" is disrupted; "international services came back" operational.
- Place comes from the item's own sentence (any clause of it, "there" included); when only an
  earlier sentence names it ("The airport reopened ...") the place key is left out.
- Dates left out (not scored) where the text gives no day for the item itself: a state already in
  place when reported ("has been burned out, video published on Thursday", "are now helping to
  guard", a contingent of which only the departure day is given), deaths counted for a place when
  only the statement is dated ("said on Thursday that 13 ... had been killed in the city"), and a
  figure cited "towards the end of January". A place's detention count given with a statement
  day ("said on 9 January that 852 people had been detained there") takes that day, as in g01/g02.
- Facilities the gazetteer lacks (the Semey, Petropavl, Pavlodar and East Kazakhstan
  administrations, the squares of Aktau and Ust-Kamenogorsk, the Almaty police headquarters): the
  event sits on the city, and no infrastructure state is expected.
- Internet states: a city's on the city id, the country's on None (place None).
- A named individual detained or sentenced (a journalist, Massimov) is an event "other" at the
  place named (None when national), with no counts. A national count of detained journalists is a
  figure with part "journalists".
- "Applied for / asked for medical help" is metric injured; "held in custody" (by court order,
  as at 14 March) is metric arrested.
- reported_by as worded, normalised only for the three ministries and the Prosecutor General's
  Office (Berik Asylov); otherwise "AP tally", "police", "officials", "state television", "human
  rights commissioner", "president's office", "Tokayev", "Committee to Protect Journalists".
- Troops: a contingent's stated size goes in counts["troops"] and metric/value ("more than 100 of
  its soldiers ... guard the CHPP-1 power plant" -> 100, more than); departure points (Yerevan,
  Kant, Machulishchy, Ivanovo as a unit's home) and capitals used for their governments ("Minsk
  sent", "Bishkek contributed") are never the place of a troop state.
- "January 6" (month first, e04) reads like "6 January". Texts were written so that every dated
  statement carries its own date word ("Also on 14 March" rather than "the same day").
- Hedges that make an item uncertain: "a figure that could not be verified", "according to local
  media reports that could not be confirmed", "he claimed". Denials appear only in reject.
- Rejects never forbid what an expected item of the same kind in the same sentence has; rejects
  with only kind and quote sit in sentences with no expected item of that kind.

Mentions (English), beyond tests/gold_extract_ru.py:
- Region names take "region" when it follows ("Mangystau region", "Kostanay region"); in a list
  sharing the noun each name is its own span and the noun goes with the last ("North
  Kazakhstan", "Pavlodar regions"). A city in an emergency clause is still the city id.
- Possessive 's is left out ("Kazakhstan", "Yerevan"); parts of hyphenated compounds count
  ("Russia" in "Russia-led", "Moscow" and "Aktobe" in "Moscow-Aktobe"); the dateline counts as
  written ("MOSCOW", "TARAZ").
- Demonym adjectives are demonym ids, also inside organisation names ("Russian Defence Ministry",
  "Kazakh Defence Ministry", "Kazakh troops").
- A facility is one span with a premodifying name or city, without "the" ("Almaty city hall",
  "Almaty airport", "Almaty International Airport", "Aktau airport", "Zhetygen airfield",
  "Koktobe television tower", "Druzhba water pumping station", "CHPP-1 power plant", "Nur Otan
  party office", "presidential residence"); a following "in <city>" is a mention of its own. A
  bare "airport", "city hall", "regional akimat", "regional administration" or "central square"
  is a mention when context resolves it to a facility the gazetteer has; an administration named
  as a speaker ("The regional administration said") is not a place.
- Not places: persons (Nursultan Nazarbayev, Tokayev), parties, organisations (CSTO, Majilis,
  National Guard), companies and sites (Kcell, Aeroflot, Altaynews.kz), "Mobile networks". Gold
  ids differ from the gazetteer's first candidate for "Armenia" (country:AM, not the Colombian
  city), "Kant" (the Kyrgyz town), "Koktobe" in "Koktobe television tower" (the Almaty tower, not
  the Pavlodar village) and "Washington"/"Brussels" (the capitals). Unknown places are left out
  with a comment.
"""

from __future__ import annotations

from typing import Any

# Gazetteer ids (checked with `python -m geo places NAME`).
ALMATY = "gn:1526384"
NUR_SULTAN = "gn:1526273"
AKTAU = "gn:610612"
AKTOBE = "gn:610611"
ATYRAU = "gn:610529"
KOSTANAY = "gn:1519928"
KYZYLORDA = "gn:1519922"
ORAL = "gn:608668"
OSKEMEN = "gn:1520316"  # Ust-Kamenogorsk
PAVLODAR = "gn:1520240"
PETROPAVL = "gn:1520172"
SEMEY = "gn:1519422"
SHU = "gn:1519030"
TALDYKORGAN = "gn:1518542"
TARAZ = "gn:1516905"
ZHANAOZEN = "gn:607610"
MOSCOW = "gn:524901"
MINSK = "gn:625144"
YEREVAN = "gn:616052"
DUSHANBE = "gn:1221874"
BISHKEK = "gn:1528675"
WASHINGTON = "gn:4140963"
BRUSSELS = "gn:2800866"
BEIJING = "gn:1816670"
IVANOVO = "gn:555312"
ULYANOVSK = "gn:479123"
KANT = "gn:1528193"
MACHULISHCHY = "gn:625671"
VITEBSK = "gn:620127"

KZ = "country:KZ"
RU = "country:RU"
BY = "country:BY"
AM = "country:AM"
TJ = "country:TJ"
KG = "country:KG"
DEM_KZ = "demonym:KZ"
DEM_RU = "demonym:RU"
DEM_BY = "demonym:BY"
DEM_AM = "demonym:AM"
DEM_TJ = "demonym:TJ"

ALA = "airport:ALA"
NQZ = "airport:NQZ"
SCO = "airport:SCO"
AKX = "airport:AKX"
TDK = "airport:TDK"

CITY_HALL = "site:almaty-city-hall"
RESIDENCE = "site:almaty-presidential-residence"
REPUBLIC_SQUARE = "site:almaty-republic-square"
KOKTOBE = "site:almaty-koktobe-tv-tower"
CHPP1 = "site:almaty-chpp-1"
CHPP2 = "site:almaty-chpp-2"
DRUZHBA = "site:almaty-druzhba-pumping-station"
ZHETYGEN = "site:zhetygen-airfield"
AKTOBE_AKIMAT = "site:aktobe-akimat"
TARAZ_AKIMAT = "site:taraz-akimat"
TARAZ_NUR_OTAN = "site:taraz-nur-otan-office"
ALMATY_NUR_OTAN = "site:almaty-nur-otan-office"
TALDYKORGAN_AKIMAT = "site:taldykorgan-akimat"
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
KZ_ZHA = "admin1:KZ-ZHA"

IM = "Interior Ministry"
PGO = "Prosecutor General's Office"
HM = "Health Ministry"

D = "tests/articles_gold_en2/"

GOLD: list[dict[str, Any]] = [
    {
        # (1) Live blog, Wednesday 5 January; entries newest first, times are posting times.
        "file": D + "e01-live-blog-wednesday-5-january.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": (
                    "says he has turned to the heads of the Collective Security Treaty Organization"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Almaty International Airport has been taken over",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "metric": "participants",
                "value": 45,
                "qualifier": "about",
                "quote": "About 45 people got into the terminal building this evening",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 8,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "eight police officers and National Guard members have been killed",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 317,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "Another 317 police officers and guardsmen have been wounded",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": None,
                "quote": "a near-total internet blackout across the country since about 17:00",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "the presidential residence in Almaty has been overrun by the crowd",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "has been overrun by the crowd and set alight",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_AST,
                "quote": "A state of emergency is now in force in Nur-Sultan",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "A crowd has broken into Almaty city hall",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "broken into Almaty city hall and set it on fire",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALM,
                "quote": "The emergency rule has been widened to Almaty region",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Tokayev has accepted the resignation of Askar Mamin's government",
            },
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "declared",
                    "date": "2022-01-05",
                    "valid_to": "2022-01-18",
                    "place": unit,
                    "quote": "imposing a state of emergency in Almaty and Mangystau region",
                }
                for unit in (KZ_ALA, KZ_MAN)
            ],
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "The protests began on Sunday in Zhanaozen",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "Whether the Russia-led bloc will actually send forces is not yet known",
            },
            {
                "kind": "state",
                "quote": "Almaty International Airport has been taken over",
                "place": ALMATY,
            },
            {
                "kind": "figure",
                "quote": "Traffic has dropped to between two and five per cent of normal levels",
            },
            {
                "kind": "event",
                "quote": "the oil town where police fired on striking workers in December 2011",
            },
        ],
        "mentions": [
            ("Kazakhstan", KZ),
            ("Almaty", ALMATY),
            ("Russia", RU),
            ("Almaty International Airport", ALA),
            ("airport", ALA),
            ("presidential residence", RESIDENCE),
            ("Almaty", ALMATY),
            ("Nur-Sultan", NUR_SULTAN),
            ("Almaty city hall", CITY_HALL),
            ("Almaty region", KZ_ALM),
            ("Almaty", ALMATY),
            ("Mangystau region", KZ_MAN),
            ("Zhanaozen", ZHANAOZEN),
            ("Zhanaozen", ZHANAOZEN),
        ],
    },
    {
        # (2) Analyst's weekly situation report, Monday 10 January; headings and bullets.
        "file": D + "e02-weekly-situation-report-10-january.txt",
        "published": "2022-01-10",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Today is a national day of mourning for those killed",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 16,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "on 9 January the Interior Ministry said 16 of its personnel had died",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 164,
                "qualifier": "exact",
                "reported_by": HM,
                "date": "2022-01-09",
                "certainty": "retracted",
                "quote": "citing Health Ministry data, put the number of dead at 164",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2200,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-09",
                "quote": "more than 2,200 people had asked for medical help by 9 January",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5969,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "On 9 January the Interior Ministry gave 5,969 detainees",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5800,
                "qualifier": "about",
                "reported_by": "president's office",
                "date": "2022-01-09",
                "quote": "while the president's office spoke of about 5,800",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 7939,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-10",
                "quote": "This morning the Interior Ministry raised its total to 7,939",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-09",
                "place": ALMATY,
                "counts": {"detained": 852},
                "metric": "detained",
                "value": 852,
                "qualifier": "exact",
                "quote": (
                    "852 people had been detained there since the counter-terrorist operation began"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "CSTO leaders held an online summit this morning",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "the force numbers 2,030 troops with 250 pieces of equipment",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-09",
                "place": None,
                "quote": "the force had completed its deployment on 9 January",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "the town akim came to the central square and promised",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Internet service came back in Almaty early today",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": "In Nur-Sultan fixed-line internet was restored today",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "Almaty airport has been closed to flights since 7 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-09",
                "place": SCO,
                "quote": "Aktau airport was working normally on 9 January",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "citing Health Ministry data, put the number of dead at 164",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "Almaty airport has been closed to flights since 7 January",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": (
                    "The emergency may be lifted region by region once the authorities judge "
                    "order restored"
                ),
            },
            {"kind": "state", "quote": "Another shutdown of mobile service cannot be ruled out"},
        ],
        "mentions": [
            ("KAZAKHSTAN", KZ),
            ("Almaty", ALMATY),
            ("Zhanaozen", ZHANAOZEN),
            ("central square", ZHANAOZEN_SQUARE),
            ("Almaty", ALMATY),
            ("Nur-Sultan", NUR_SULTAN),
            ("Almaty airport", ALA),
            ("Aktau airport", SCO),
        ],
    },
    {
        # (3) Human-rights NGO report excerpt, Thursday 24 February; every date written out.
        "file": D + "e03-ngo-report-detentions-and-deaths.txt",
        "published": "2022-02-24",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY,
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "exact",
                "quote": "On 5 January an eleven-year-old boy was shot dead in Almaty",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "time_precision": 2,
                "place": ALMATY,
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "exact",
                "quote": "A four-year-old girl was later shot dead in a car",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "he had ordered the security forces and the army to open fire",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "On 15 January the Prosecutor General's Office said 225 people had died",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "police officers and soldiers",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "of whom 19 were police officers or soldiers",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 177,
                "qualifier": "exact",
                "part": "died in medical facilities",
                "reported_by": HM,
                "date": "2022-02-18",
                "quote": "177 people had died in medical facilities during the whole period",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2740,
                "qualifier": "exact",
                "reported_by": HM,
                "date": "2022-02-18",
                "quote": "The ministry also said on 18 February that 2,740 people had applied",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 8,
                "qualifier": "at least",
                "part": "journalists",
                "reported_by": "Committee to Protect Journalists",
                "date": "2022-01-06",
                "quote": "at least eight reporters covering the protests had been detained",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": ORAL,
                "quote": "the journalist Lukpan Akhmedyarov was detained on 7 January",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": OSKEMEN,
                "quote": "police came to the home of Daryn Nursapar",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-09",
                "place": OSKEMEN,
                "quote": "On 9 January a court in Ust-Kamenogorsk sentenced Nursapar",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": KOSTANAY,
                "counts": {"detained": 245},
                "metric": "detained",
                "value": 245,
                "qualifier": "exact",
                "quote": "245 people, minors and foreign nationals among them, had been detained",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 10000,
                "qualifier": "more than",
                "reported_by": "police",
                "date": "2022-01-12",
                "quote": "police put the number detained across the country at more than 10,000",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 12000,
                "qualifier": "about",
                "reported_by": "AP tally",
                "date": "2022-01-12",
                "quote": "while an AP tally the same day was about 12,000",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 446,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "446 people had been formally arrested",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Tokayev claimed that 20,000 bandits had attacked Almaty",
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": "A four-year-old girl was later shot dead in a car",
                "place": REPUBLIC_SQUARE,
            },
            {
                "kind": "figure",
                "quote": "446 people had been formally arrested",
                "metric": "detained",
            },
            {
                "kind": "event",
                "quote": "We call on the authorities to publish the name of every person killed",
            },
        ],
        "mentions": [
            ("Almaty", ALMATY),
            ("Almaty", ALMATY),
            ("Almaty", ALMATY),
            ("Oral", ORAL),
            ("Ust-Kamenogorsk", OSKEMEN),
            ("Ust-Kamenogorsk", OSKEMEN),
            ("Kostanay", KOSTANAY),
        ],
    },
    {
        # (4) Russian state-media style dispatch, Wednesday 19 January; Moscow dateline, story
        # about Kazakhstan, "Month Day" dates.
        "file": D + "e04-moscow-dateline-peacekeepers-mission-complete.txt",
        "published": "2022-01-19",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": (
                    "peacekeepers of the Collective Security Treaty Organization (CSTO) "
                    "left Kazakhstan on Wednesday"
                ),
            },
            *[
                {
                    "kind": "state",
                    "layer": "troops",
                    "status": "withdrawn",
                    "date": "2022-01-19",
                    "place": city,
                    "quote": "took off from Nur-Sultan and Almaty",
                }
                for city in (NUR_SULTAN, ALMATY)
            ],
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "the contingents of all CSTO member states had now left the republic",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": (
                    "by a decision of the CSTO Collective Security Council adopted on January 6"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "had requested assistance from the allies on January 5",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "with Russian advance units landed at Almaty airport on January 6",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "had taken Almaty airport under full control",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "The phased withdrawal of the peacekeepers started on January 13",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "about",
                "date": "2022-01-13",
                "quote": "about 2,000 CSTO troops were stationed in Kazakhstan",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": (
                    "completed its withdrawal on January 14, flying out of the Zhetygen airfield"
                ),
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "with Russian advance units landed at Almaty airport on January 6",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "units of the 98th airborne division from Ivanovo",
                "place": IVANOVO,
            },
            {
                "kind": "figure",
                "quote": "had freed about 1,600 Kazakh servicemen for counter-terrorist tasks",
                "metric": "troops",
            },
            {
                "kind": "state",
                "quote": (
                    "completed its withdrawal on January 14, flying out of the Zhetygen airfield"
                ),
                "place": MINSK,
            },
        ],
        "mentions": [
            ("MOSCOW", MOSCOW),
            ("Russian", DEM_RU),
            ("Kazakhstan", KZ),
            ("Russian", DEM_RU),
            ("Nur-Sultan", NUR_SULTAN),
            ("Almaty", ALMATY),
            ("Kazakh", DEM_KZ),
            ("Kazakhstan", KZ),
            ("Russian", DEM_RU),
            ("Almaty airport", ALA),
            ("Russian", DEM_RU),
            ("Ivanovo", IVANOVO),
            ("Ulyanovsk", ULYANOVSK),
            ("Kazakh", DEM_KZ),
            ("Almaty airport", ALA),
            ("Russian", DEM_RU),
            ("Kazakhstan", KZ),
            ("Kazakh", DEM_KZ),
            ("Belarusian", DEM_BY),
            ("Zhetygen airfield", ZHETYGEN),
            ("Machulishchy", MACHULISHCHY),
            ("Minsk", MINSK),
            ("Russia", RU),
            ("Armenia", AM),
            ("Belarus", BY),
            ("Kazakhstan", KZ),
            ("Kyrgyzstan", KG),
            ("Tajikistan", TJ),
        ],
    },
    {
        # (5) Internet-monitoring / aviation note, Thursday 20 January; "until", "from ... to".
        "file": D + "e05-connectivity-and-aviation-note.txt",
        "published": "2022-01-20",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-04",
                "place": None,
                "quote": "Mobile networks run by Kcell, Beeline and Tele2 were badly degraded",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": None,
                "quote": "From about 17:00 on 5 January the whole country was close to offline",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "valid_to": "2022-01-10",
                "place": ALMATY,
                "quote": "Almaty was cut off for about 111 hours",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "valid_to": "2022-01-11",
                "place": ALMATY,
                "quote": (
                    "Access in Almaty returned on 10 January but stayed unstable until 11 January"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Almaty International Airport halted flights on the evening of 5 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-07",
                "valid_to": "2022-01-09",
                "place": ALA,
                "quote": "On 7 January Almaty airport said it would remain closed until 9 January",
            },
            {
                # "The airport": coreference across sentences, so place is not scored.
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "quote": "The airport reopened to passengers on 13 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-13",
                "valid_to": "2022-01-18",
                "place": ALA,
                "quote": (
                    "From 13 to 18 January Almaty airport "
                    "handled flights only between 08:00 and 21:00"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "Round-the-clock operation at Almaty airport resumed on 19 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-07",
                "place": NQZ,
                "quote": (
                    "Domestic flights resumed at Nursultan Nazarbayev International Airport "
                    "on 7 January"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-11",
                "place": NQZ,
                "quote": "but international services came back only on 11 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": SCO,
                "quote": "Aktau International Airport halted operations on 5 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-09",
                "place": SCO,
                "quote": "Aktau airport was back to normal operation on 9 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-08",
                "place": TDK,
                "quote": "Taldykorgan airport was closed from 8 January",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "with national connectivity at 2-5% of ordinary levels"},
            {
                "kind": "state",
                "quote": "On 7 January Almaty airport said it would remain closed until 9 January",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": (
                    "A restart at 10:00 on 8 January had been announced but did not take place"
                ),
            },
            {
                "kind": "state",
                "quote": "Aeroflot resumed its Moscow-Aktobe flights from 15 January",
                "place": MOSCOW,
            },
        ],
        "mentions": [
            ("Kazakhstan", KZ),
            ("Almaty", ALMATY),
            ("Almaty", ALMATY),
            ("Almaty International Airport", ALA),
            ("Almaty airport", ALA),
            ("airport", ALA),
            ("Almaty airport", ALA),
            ("Almaty airport", ALA),
            ("Nursultan Nazarbayev International Airport", NQZ),
            ("Aktau International Airport", SCO),
            ("Aktau airport", SCO),
            ("Taldykorgan airport", TDK),
            ("Moscow", MOSCOW),
            ("Aktobe", AKTOBE),
        ],
    },
    {
        # (6) Follow-up, Wednesday 17 August 2022: toll revisions and custody, all past dates.
        "file": D + "e06-seven-months-on-toll-and-courts.txt",
        "published": "2022-08-17",
        "published_from": "header",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 238,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-08-16",
                "quote": (
                    "on 16 August the Prosecutor General's Office published the names of 238 "
                    "people killed"
                ),
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 164,
                "qualifier": "exact",
                "reported_by": HM,
                "date": "2022-01-09",
                "certainty": "retracted",
                "quote": "state television showed a Health Ministry count of 164 dead",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "morgues had received the bodies of 225 people during the emergency",
            },
            {
                # "Towards the end of January": no day, so the date is not scored.
                "kind": "figure",
                "metric": "deaths",
                "value": 227,
                "qualifier": "exact",
                "reported_by": "officials",
                "quote": "Towards the end of January officials were citing a toll of 227",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 230,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "told the Majilis that 230 people had lost their lives",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "soldiers and police officers",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "among them 19 soldiers and police officers",
            },
            {
                # A count for one place: an event, undated (the deaths span the unrest).
                "kind": "event",
                "layer": "other",
                "place": ALMATY,
                "counts": {"fatalities": 139},
                "metric": "deaths",
                "value": 139,
                "qualifier": "exact",
                "quote": "He added that 139 people had died in Almaty alone",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3500,
                "qualifier": "about",
                "part": "law-enforcement personnel",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "about 3,500 law-enforcement personnel had been injured",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 238,
                "qualifier": "exact",
                "reported_by": "human rights commissioner",
                "date": "2022-03-14",
                "quote": "the human rights commissioner, Elvira Azimova, gave a toll of 238",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "was detained on 6 January on suspicion of high treason",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": KZ_KUS,
                "counts": {"detained": 650},
                "metric": "detained",
                "value": 650,
                "qualifier": "more than",
                "quote": "more than 650 people had been detained there",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 766,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-03-14",
                "quote": "766 people were being held in custody",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "state television showed a Health Ministry count of 164 dead",
                "certainty": "reported",
            },
            {"kind": "figure", "quote": "He added that 139 people had died in Almaty alone"},
            {
                "kind": "figure",
                "quote": "On 15 January prosecutors said they had opened 546 criminal cases",
            },
            {"kind": "event", "quote": "The first anniversary of the events falls in January 2023"},
        ],
        "mentions": [
            ("Almaty", ALMATY),
            ("Kostanay region", KZ_KUS),
        ],
    },
    {
        # (7) Plain wire copy, Saturday 8 January; dateline Taraz (a regional city).
        "file": D + "e07-taraz-dateline-curfew-lengthened.txt",
        "published": "2022-01-08",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": TARAZ,
                "quote": "Authorities in Taraz extended the night curfew on Saturday",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-08",
                "place": TARAZ,
                "counts": {"fatalities": 6, "injured": 5},
                "quote": "six armed attackers had been killed in Taraz on Saturday",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ZHA,
                "quote": "A state of emergency has been in force in Zhambyl region since Wednesday",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "The Nur Otan party office in Taraz, which rioters set on fire",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "The Nur Otan party office in Taraz, which rioters set on fire",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_AKIMAT,
                "quote": "On Wednesday crowds also tried to storm the regional administration",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": TARAZ_AKIMAT,
                "quote": "which police cleared of protesters on Thursday",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": TARAZ,
                "counts": {"detained": 2},
                "metric": "detained",
                "value": 2,
                "qualifier": "exact",
                "quote": "police in Taraz began pulling people into buses during a rally",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHU,
                "metric": "participants",
                "value": 300,
                "qualifier": "more than",
                "quote": "more than 300 activists rallied on Tuesday",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 4400,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-08",
                "quote": "Across Kazakhstan more than 4,400 people have been detained",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 40,
                "qualifier": "more than",
                "reported_by": "state television",
                "date": "2022-01-08",
                "quote": "state television put the number of dead at more than 40",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": (
                    "More than 100 operational vehicles have been damaged since the unrest began"
                ),
            },
            {
                "kind": "event",
                "quote": "more than 300 activists rallied on Tuesday",
                "place": TARAZ,
            },
            {
                "kind": "state",
                "quote": "The Nur Otan party office in Taraz, which rioters set on fire",
                "place": ALMATY_NUR_OTAN,
            },
            {"kind": "event", "quote": "state television put the number of dead at more than 40"},
        ],
        "mentions": [
            ("TARAZ", TARAZ),
            ("Taraz", TARAZ),
            ("Zhambyl region", KZ_ZHA),
            ("Taraz", TARAZ),
            ("Zhambyl region", KZ_ZHA),
            ("Nur Otan party office", TARAZ_NUR_OTAN),
            ("Taraz", TARAZ),
            ("regional administration", TARAZ_AKIMAT),
            ("Taraz", TARAZ),
            ("Shu", SHU),
            ("Zhambyl region", KZ_ZHA),
            ("Kazakhstan", KZ),
        ],
    },
    {
        # (8) Quote-heavy piece with no date at all (pass --published 2022-01-07, a Friday).
        "file": D + "e08-in-their-own-words.txt",
        "published": "2022-01-07",
        "published_from": "none",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": (
                    "said he had ordered the security forces and the army to open fire without "
                    "warning"
                ),
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 26,
                "qualifier": "exact",
                "part": "armed criminals",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": 'It said 26 "armed criminals" had been killed',
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 18,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "18 members of the security forces had lost their lives",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 3000,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "More than 3,000 people had been detained, the ministry added",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALMATY,
                "counts": {"fatalities": 12},
                "metric": "deaths",
                "value": 12,
                "qualifier": "dozens",
                "certainty": "uncertain",
                "quote": "city police said their headquarters had come under attack 27 times",
            },
            {
                # The deaths are not dated (only the statement is), so date is not scored.
                "kind": "event",
                "layer": "clashes",
                "place": ALMATY,
                "counts": {"fatalities": 13},
                "metric": "deaths",
                "value": 13,
                "qualifier": "exact",
                "quote": "13 members of the security forces had been killed in the city",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": KOKTOBE,
                "quote": "rioters had twice tried to take the Koktobe television tower on Thursday",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": (
                    "announcing the end of a counter-terrorist operation at Almaty International "
                    "Airport"
                ),
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": (
                    "peacekeepers and Kazakh troops now held Almaty airport under full control"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": CITY_HALL,
                "counts": {"fatalities": 1, "injured": 3},
                "quote": "Gunmen opened fire on Thursday evening on a convoy carrying Almaty mayor",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 1000,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-06",
                "quote": "more than 1,000 people had been injured across the country",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": '"Twenty thousand bandits" had attacked Almaty, he claimed',
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": "city police said their headquarters had come under attack 27 times",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "The mayor's office denied rumours that the tower had fallen",
                "status": "seized",
            },
            {
                "kind": "event",
                "quote": "The mayor's office denied rumours that the tower had fallen",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Almaty", ALMATY),
            ("Almaty", ALMATY),
            ("Almaty", ALMATY),
            ("Koktobe television tower", KOKTOBE),
            ("airport", ALA),
            ("Almaty International Airport", ALA),
            ("Russian", DEM_RU),
            ("Kazakh", DEM_KZ),
            ("Almaty airport", ALA),
            ("Almaty", ALMATY),
            ("city hall", CITY_HALL),
        ],
    },
    {
        # (9) Diplomatic piece, Monday 10 January: many foreign capitals (often as metonyms for
        # their governments), few events in Kazakhstan.
        "file": D + "e09-six-capitals-and-the-onlookers.txt",
        "published": "2022-01-10",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": (
                    "The heads of state of the Collective Security Treaty Organization held an "
                    "online summit today"
                ),
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "put the whole force at 2,030 troops and 250 pieces of equipment",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-09",
                "place": None,
                "quote": "said the deployment had been completed on Sunday",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "when it agreed on 6 January to send the force to Kazakhstan",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": DRUZHBA,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "about",
                "quote": "about 100 Armenian troops flew in from Yerevan on 7 January",
            },
            {
                # Only the departure day and an unnamed "Kazakh military airfield" are given.
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "quote": "Minsk sent a peacekeeping company of its 103rd airborne brigade",
            },
            {
                # Sent "from the evening of 6 January": the day it began guarding is not given.
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "place": CHPP1,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "more than",
                "quote": (
                    "more than 100 of its soldiers are now helping to guard the CHPP-1 power plant"
                ),
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
                "quote": "took up guard at the CHPP-2 power plant in Almaty",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "about 100 Armenian troops flew in from Yerevan on 7 January",
                "place": YEREVAN,
            },
            {
                "kind": "state",
                "quote": "which took off from Machulishchy on the afternoon of 6 January",
                "place": MACHULISHCHY,
            },
            {
                "kind": "state",
                "quote": "who flew from Kant on two Russian aircraft on 7 January",
                "place": KANT,
            },
            {
                "kind": "event",
                "quote": (
                    "Officials in Washington, Brussels and Beijing "
                    "will have read the summit's outcome"
                ),
            },
        ],
        "mentions": [
            ("Moscow", MOSCOW),
            ("Armenian", DEM_AM),
            ("Kazakhstan", KZ),
            ("Yerevan", YEREVAN),
            ("Armenian", DEM_AM),
            ("Yerevan", YEREVAN),
            ("Druzhba water pumping station", DRUZHBA),
            ("Almaty", ALMATY),
            ("Minsk", MINSK),
            ("Vitebsk", VITEBSK),
            ("Machulishchy", MACHULISHCHY),
            ("Kazakh", DEM_KZ),
            ("Dushanbe", DUSHANBE),
            ("Tajik", DEM_TJ),
            ("CHPP-1 power plant", CHPP1),
            ("Almaty", ALMATY),
            ("Bishkek", BISHKEK),
            ("Kant", KANT),
            ("Russian", DEM_RU),
            ("CHPP-2 power plant", CHPP2),
            ("Almaty", ALMATY),
            ("Washington", WASHINGTON),
            ("Brussels", BRUSSELS),
            ("Beijing", BEIJING),
            ("Beijing", BEIJING),
            ("Kazakhstan", KZ),
        ],
    },
    {
        # (10) Short region-by-region brief, Friday 7 January, about Wednesday and Thursday.
        "file": D + "e10-region-by-region-brief.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-06",
                "place": AKTAU,
                "quote": "In Aktau, protesters began leaving the central square on Thursday",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKTOBE_AKIMAT,
                "quote": (
                    "Protesters stormed the regional akimat in Aktobe at about 14:00 on Wednesday"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": AKX,
                "quote": "Aktobe airport had been freed from the armed groups occupying it",
            },
            {
                # Only the day the video appeared is given, so the date is not scored.
                "kind": "event",
                "layer": "clashes",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "The regional akimat in Taldykorgan has been burned out",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "destroyed",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "The regional akimat in Taldykorgan has been burned out",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": KYZYLORDA,
                "counts": {"injured": 168},
                "metric": "injured",
                "value": 168,
                "qualifier": "exact",
                "quote": "Police in Kyzylorda said they had put down attempts at mass rioting",
            },
            {
                # The Semey administration is not in the gazetteer: the event sits on the city.
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": SEMEY,
                "quote": "Protesters occupied the city administration in Semey on Wednesday",
            },
            {
                # A crowd held back by a cordon: protests or clashes, layer left open.
                "kind": "event",
                "date": "2022-01-05",
                "place": OSKEMEN,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": (
                    "a police cordon held crowds on the "
                    "central square back from the regional akimat"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-05",
                "place": PETROPAVL,
                "quote": (
                    "On Wednesday crowds gathered outside the city administration in Petropavl"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-05",
                "place": PAVLODAR,
                "quote": (
                    "Protesters also reached the regional administration building in Pavlodar "
                    "on Wednesday"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ATYRAU,
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "at least",
                "certainty": "uncertain",
                "quote": (
                    "police opened fire on demonstrators on Wednesday and at least one person "
                    "was killed"
                ),
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Aktobe airport had been freed from the armed groups occupying it",
                "place": AKTOBE,
            },
            {
                "kind": "event",
                "quote": "The regional akimat in Taldykorgan has been burned out",
                "place": ALMATY,
            },
            {
                "kind": "event",
                "quote": "Protesters occupied the city administration in Semey on Wednesday",
                "place": OSKEMEN,
            },
            {
                "kind": "event",
                "quote": (
                    "police opened fire on demonstrators on Wednesday and at least one person "
                    "was killed"
                ),
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Mangystau region", KZ_MAN),
            ("Aktau", AKTAU),
            # "central square" (Aktau): not in the gazetteer, left out.
            ("Aktobe region", KZ_AKT),
            ("regional akimat", AKTOBE_AKIMAT),
            ("Aktobe", AKTOBE),
            # "The regional administration said": the authority speaking, not a place.
            ("Aktobe airport", AKX),
            ("Almaty region", KZ_ALM),
            ("regional akimat", TALDYKORGAN_AKIMAT),
            ("Taldykorgan", TALDYKORGAN),
            ("Kyzylorda region", KZ_KZY),
            ("Kyzylorda", KYZYLORDA),
            ("East Kazakhstan region", KZ_VOS),
            # "city administration" (Semey): not in the gazetteer, left out.
            ("Semey", SEMEY),
            ("Ust-Kamenogorsk", OSKEMEN),
            # "central square" and "regional akimat" (Ust-Kamenogorsk): not in the gazetteer.
            ("North Kazakhstan", KZ_SEV),
            ("Pavlodar regions", KZ_PAV),
            # "city administration" (Petropavl): not in the gazetteer, left out.
            ("Petropavl", PETROPAVL),
            # "regional administration building" (Pavlodar): not in the gazetteer, left out.
            ("Pavlodar", PAVLODAR),
            ("Atyrau region", KZ_ATY),
            ("Atyrau", ATYRAU),
        ],
    },
]
