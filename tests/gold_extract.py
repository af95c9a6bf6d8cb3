"""Blind gold set for the extraction stage (article -> candidate records).

How it was written: by a helper session that never saw the extraction code, its lexicons or its
rules (geo/extract.py and its modules were not opened), working only from the project's sourced
facts (data/events.csv, states.csv, figures.csv, facilities.csv and
../shared/research/kz2022_events.csv). It covers the 28 briefs in data/articles/ and 17 new
synthetic articles in tests/articles_gold/ (publisher "crisismap gold set (synthetic)"), written
in our own words from those facts: 7 in our header format, 5 plain wire copy with a dateline
("AKTAU, Jan 4 (Reuters) -", "MOSCOW, Jan 6 -" about Kazakhstan), 5 plain text with no date.

Entry: {"file": path from the repo root, "published": the publication day the dates resolve
against, "published_from": "header" | "dateline" | "none" ("none": pass --published),
"expect": [items], "reject": [items]}.

Item keys (a key left out is not scored, except "certainty", whose default is "reported"):
- kind: event | state | figure; layer (events protests/clashes/other, states
  infrastructure/troops/emergency, figures None); status (states only).
- date: the day an event happened, a figure was reported (the publication day unless the text
  dates the statement) or a state began; time_precision only when 2; valid_to only when the
  sentence itself says until when (the last day the state held).
- place: gazetteer id ("site:...", "airport:ALA", "admin1:KZ-MAN", "gn:<geonames id>"), or None
  for national scope (also when the clause names only Kazakhstan). Left out where the clause
  names no place and only the surrounding text tells (coreference).
- counts (events, and troop states): {"fatalities", "injured", "detained", "troops"}, only those
  stated; metric/value/qualifier: a figure's number, or an event's one number (its crowd size
  as "participants", else its single count; left out when an event has several counts).
- certainty: uncertain (unconfirmed, hedged, "claimed", "could not be verified") | retracted.
  Denials are only in "reject" (no candidate and a "denied" one are both acceptable).
- reported_by, part: as worded in the text. quote: exact 5-15 word substring of the body; items
  stated in one clause (a list of regions) may share it.

Conventions decided here (the brief left them open):
- Relative dates against the publication day D: today D, yesterday D-1, tomorrow D+1,
  "overnight" D (the night ending on D), "last week" / "since last week" D-7 with
  time_precision 2; a weekday in the past tense is the latest such day before D (D itself for
  "on Wednesday" in a Wednesday story), in the future tense ("set to begin", "due to resume",
  "will") the next one after D. "The same day", "the next day", "in two days" count from the
  date in the same sentence, else from D.
- nearly/almost -> up to; some/about/around -> about; over -> more than; dozens/hundreds/
  thousands -> 12/100/1000 with that qualifier; "a dozen"/"half a dozen" -> 12/6 about; "more
  than a dozen" -> 12 more than. "Police arrested N" is metric detained; arrested only for
  formal (court-ordered) arrest.
- National tolls, detention totals, whole-force troop numbers and participants in nationwide
  unrest are figures; counts for one place go on that place's event (never a figure).
- An attack on a facility is a clashes event; seized/overrun/occupied also gives an
  infrastructure state "seized", set on fire/ransacked/wrecked "damaged", burned out
  "destroyed" (states only for facilities the gazetteer has). Storming alone: event only.
- Troop arrivals, guard duty and departures are troops states only (deployed, withdrawing,
  withdrawn), not events. A contingent's size goes in counts["troops"].
- Emergencies sit on admin-1 ids (the city of Almaty is admin1:KZ-ALA, Shymkent
  admin1:KZ-SHY); lifting is a new state "lifted" from the day it happened (00:00 on 19 January
  -> 2022-01-19). Reopened/resumed -> operational; partly restored (domestic only, fixed lines
  only) -> disrupted.
- Political decisions and appeals are national (place None) even in a datelined story; one
  about a single city (the Almaty mayor's dismissal) takes that city.

Reject items: a candidate aligned with the quote that has every other field given is wrong; an
item with only kind and quote means no candidate of that kind should come from that clause.
"""

from __future__ import annotations

from typing import Any

# Gazetteer ids (checked with `python -m geo places NAME`).
ALMATY = "gn:1526384"
NUR_SULTAN = "gn:1526273"
AKTAU = "gn:610612"
AKTOBE = "gn:610611"
ATYRAU = "gn:610529"
KARAGANDA = "gn:609655"
KOSTANAY = "gn:1519928"
KYZYLORDA = "gn:1519922"
ORAL = "gn:608668"
OSKEMEN = "gn:1520316"
PAVLODAR = "gn:1520240"
SHU = "gn:1519030"
SHYMKENT = "gn:1518980"
TALDYKORGAN = "gn:1518542"
TARAZ = "gn:1516905"
TURKISTAN = "gn:1517945"
ZHANAOZEN = "gn:607610"
ZHETYBAY = "gn:607551"
AQSAY = "gn:610613"  # West Kazakhstan town; not Almaty's Aksai district
AUEZOV_TOWN = "gn:1526021"  # East Kazakhstan town; not Almaty's Auezov district
MOSCOW = "gn:524901"
MINSK = "gn:625144"
IVANOVO = "gn:555312"
TOKMOK = "gn:1527199"
VITEBSK = "gn:620127"
ARMENIA = "country:AM"

ALA = "airport:ALA"
NQZ = "airport:NQZ"
SCO = "airport:SCO"
AKX = "airport:AKX"

CITY_HALL = "site:almaty-city-hall"
RESIDENCE = "site:almaty-presidential-residence"
REPUBLIC_SQUARE = "site:almaty-republic-square"
PROSECUTORS = "site:almaty-prosecutors-office"
KNB = "site:almaty-knb-department"
ALMATY_NUR_OTAN = "site:almaty-nur-otan-office"
MIR_TV = "site:almaty-mir-tv"
KHABAR = "site:almaty-khabar-tv"
KAZAKHSTAN_TV = "site:almaty-kazakhstan-tv"
CHPP1 = "site:almaty-chpp-1"
CHPP2 = "site:almaty-chpp-2"
DRUZHBA = "site:almaty-druzhba-pumping-station"
MIL_INSTITUTE = "site:almaty-military-institute"
ZHETYGEN = "site:zhetygen-airfield"
AKTOBE_AKIMAT = "site:aktobe-akimat"
AKTAU_AKIMAT = "site:aktau-akimat"
TARAZ_AKIMAT = "site:taraz-akimat"
TARAZ_NUR_OTAN = "site:taraz-nur-otan-office"
TALDYKORGAN_AKIMAT = "site:taldykorgan-akimat"
SHYMKENT_AKIMAT = "site:shymkent-akimat"
NUR_SULTAN_AKIMAT = "site:nur-sultan-akimat"
ZHANAOZEN_SQUARE = "site:zhanaozen-square"
ATYRAU_SQUARE = "site:atyrau-square"

KZ_ALA = "admin1:KZ-ALA"
KZ_ALM = "admin1:KZ-ALM"
KZ_AST = "admin1:KZ-AST"
KZ_AKM = "admin1:KZ-AKM"
KZ_ATY = "admin1:KZ-ATY"
KZ_KAR = "admin1:KZ-KAR"
KZ_KUS = "admin1:KZ-KUS"
KZ_KZY = "admin1:KZ-KZY"
KZ_MAN = "admin1:KZ-MAN"
KZ_PAV = "admin1:KZ-PAV"
KZ_SEV = "admin1:KZ-SEV"
KZ_SHY = "admin1:KZ-SHY"
KZ_VOS = "admin1:KZ-VOS"
KZ_YUZ = "admin1:KZ-YUZ"
KZ_ZAP = "admin1:KZ-ZAP"
KZ_ZHA = "admin1:KZ-ZHA"

IM = "Interior Ministry"
PGO = "Prosecutor General's Office"
HM = "Health Ministry"

GOLD: list[dict[str, Any]] = [
    # ---------------------------------------------------------------- new articles (synthetic)
    {
        # THE SEED ARTICLE (issue 10): Wednesday 12 January.
        "file": "tests/articles_gold/g01-almaty-csto-pullout-airport-reopening.txt",
        "published": "2022-01-12",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": (
                    "Collective Security Treaty Organization contingent is set to begin Thursday"
                ),
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "more than",
                "date": "2022-01-12",
                "quote": "The force numbers more than 2,000 troops",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "told the Majilis that the mission had essentially been accomplished",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "deputies confirmed Alikhan Smailov as prime minister",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 10000,
                "qualifier": "more than",
                "date": "2022-01-12",
                "quote": "Police have arrested more than 10,000 people across the country",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-12",
                "place": ALMATY,
                "counts": {"detained": 1678},
                "metric": "detained",
                "value": 1678,
                "qualifier": "exact",
                "quote": "In Almaty alone 1,678 people were detained in the previous 24 hours",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "place": ALA,
                "date": "2022-01-05",
                "time_precision": 2,
                "valid_to": "2022-01-12",
                "quote": "closed since last week after being ransacked",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "place": ALA,
                "date": "2022-01-13",
                "quote": "is due to resume service Thursday",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "Police have arrested more than 10,000 people across the country",
                "metric": "arrested",
            },
            {
                "kind": "state",
                "quote": "closed since last week after being ransacked",
                "place": ALMATY,
            },
            {"kind": "state", "quote": "is due to resume service Thursday", "place": ALMATY},
        ],
    },
    {
        "file": "tests/articles_gold/g02-tokayev-fire-without-warning-airport-retaken.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "he had authorised the police and the army to",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 18,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "eighteen members of the security forces had been killed",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 26,
                "qualifier": "exact",
                "part": "armed criminals",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "twenty-six people it called armed criminals",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 748,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "It put the number of injured at 748",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 3000,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "more than 3,000 people had been detained",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "Troops on Thursday retook Almaty airport",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "which rioters had held since Wednesday evening",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-07",
                "valid_to": "2022-01-09",
                "place": ALA,
                "quote": "Almaty airport remained closed on Friday and will stay shut",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "landed at Almaty airport on Thursday and have taken it under guard",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": ATYRAU,
                "counts": {"detained": 104, "injured": 35},
                "quote": "In Atyrau police said they had detained 104 protesters",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "he claimed that twenty thousand bandits had attacked Almaty",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "Almaty airport remained closed on Friday and will stay shut",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "landed at Almaty airport on Thursday and have taken it under guard",
                "place": ALMATY,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g03-akimats-stormed-in-the-regions.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKTOBE_AKIMAT,
                "quote": "In Aktobe protesters stormed the regional akimat in the afternoon",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_AKIMAT,
                "quote": "in Taraz a crowd tried to force its way into the regional administration",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "set the local Nur Otan party office on fire",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "set the local Nur Otan party office on fire",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TALDYKORGAN,
                "quote": (
                    "In Taldykorgan demonstrators pulled down a statue of Nursultan Nazarbayev"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "The Taldykorgan akimat was set on fire late in the day",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "The Taldykorgan akimat was set on fire late in the day",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-05",
                "place": KOSTANAY,
                "metric": "participants",
                "value": 12,
                "qualifier": "dozens",
                "quote": "In Kostanay dozens of people pushed through a police barrier",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-05",
                "place": PAVLODAR,
                "quote": (
                    "Protesters in Pavlodar forced their way "
                    "to the regional administration building"
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
                "quote": "officers had opened fire on demonstrators there on Wednesday",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 8,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "eight members of the police and National Guard had been killed",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 317,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "317 police officers and guardsmen were wounded",
            },
        ],
        "reject": [
            {"kind": "event", "quote": "but no clashes were reported", "layer": "clashes"},
            {
                "kind": "event",
                "quote": "but no clashes were reported",
                "place": KOSTANAY,
                "layer": "clashes",
            },
            {
                "kind": "event",
                "quote": (
                    "In Taldykorgan demonstrators pulled down a statue of Nursultan Nazarbayev"
                ),
                "place": NUR_SULTAN,
            },
            {
                "kind": "state",
                "quote": "set the local Nur Otan party office on fire",
                "place": ALMATY_NUR_OTAN,
            },
            {
                "kind": "event",
                "quote": "officers had opened fire on demonstrators there on Wednesday",
                "certainty": "reported",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g04-aktau-dateline-fuel-concession.txt",
        "published": "2022-01-04",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTAU_AKIMAT,
                "quote": (
                    "Protesters stayed outside the city administration for a third day on Tuesday"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": KZ_MAN,
                "quote": (
                    "A government commission agreed on Tuesday to cut the price of liquefied gas"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "The protests began on 2 January in Zhanaozen",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": AKTAU,
                "quote": "spread to this regional capital the same day",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": ZHANAOZEN_SQUARE,
                "metric": "participants",
                "value": 100,
                "qualifier": "hundreds",
                "quote": (
                    "Hundreds of people were still camped on Zhanaozen's central square on Tuesday"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHETYBAY,
                "quote": "on Monday villagers blocked the road near Zhetybay",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": AKTAU,
                "quote": "Police ringed the tent camp here yesterday evening",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-04",
                "place": None,
                "quote": (
                    "Mobile internet was severely disrupted across the country on Tuesday evening"
                ),
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "The protests began on 2 January in Zhanaozen",
                "place": AKTAU,
            },
            {
                "kind": "event",
                "quote": "Some officers were filmed appearing to side with the crowd",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": (
                    "Mobile internet was severely disrupted across the country on Tuesday evening"
                ),
                "place": AKTAU,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g05-moscow-dateline-csto-sends-troops.txt",
        "published": "2022-01-06",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "said on Thursday it would send peacekeepers to Kazakhstan",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "President Kassym-Jomart Tokayev asked the bloc for help on Wednesday",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2500,
                "qualifier": "about",
                "reported_by": "Stanislav Zas",
                "date": "2022-01-06",
                "quote": "The force will number some 2,500 troops",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALMATY,
                "quote": (
                    "The first Russian transport planes carrying "
                    "paratroopers landed in Almaty today"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "the deputy mayor said the city airport had been freed",
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
                "quote": "their Almaty headquarters was attacked repeatedly",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": ALMATY,
                "counts": {"fatalities": 12},
                "metric": "deaths",
                "value": 12,
                "qualifier": "more than",
                "quote": "more than a dozen members of the security forces had died in Almaty",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 1000,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-06",
                "quote": "more than 1,000 people had been injured nationwide",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 2000,
                "qualifier": "about",
                "reported_by": IM,
                "date": "2022-01-06",
                "quote": "The Interior Ministry said about two thousand people had been detained",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 350,
                "qualifier": "more than",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-06",
                "quote": "It counted more than 350 injured among its own personnel",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "said on Thursday it would send peacekeepers to Kazakhstan",
                "place": MOSCOW,
            },
            {
                "kind": "event",
                "quote": "President Kassym-Jomart Tokayev asked the bloc for help on Wednesday",
                "place": MOSCOW,
            },
            {
                "kind": "state",
                "quote": (
                    "The first Russian transport planes carrying "
                    "paratroopers landed in Almaty today"
                ),
                "place": MOSCOW,
            },
            {
                "kind": "event",
                "quote": "their Almaty headquarters was attacked repeatedly",
                "certainty": "reported",
            },
            {
                "kind": "figure",
                "quote": "more than a dozen members of the security forces had died in Almaty",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g06-shymkent-dateline-counting-the-cost.txt",
        "published": "2022-01-09",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "place": SHYMKENT,
                "counts": {"injured": 60},
                "metric": "injured",
                "value": 60,
                "qualifier": "about",
                "quote": "About 60 people were injured in the unrest",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": SHYMKENT,
                "quote": "Rioters wrecked the Korme exhibition centre, a drama theatre",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHYMKENT_AKIMAT,
                "counts": {"detained": 10},
                "metric": "detained",
                "value": 10,
                "qualifier": "more than",
                "quote": (
                    "police detained more than ten people at a "
                    "rally in front of the city administration"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": SHYMKENT_AKIMAT,
                "quote": (
                    "the Interior Ministry reported an attempted attack on the city administration"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-08",
                "place": TARAZ,
                "counts": {"fatalities": 6, "injured": 7},
                "quote": "had been killed in a special operation and seven police officers injured",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": TARAZ,
                "quote": "Taraz has also lengthened its curfew",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5969,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "the Interior Ministry said on Sunday that 5,969 people had been detained",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5800,
                "qualifier": "about",
                "reported_by": "president's office",
                "date": "2022-01-09",
                "quote": "the president's office put the figure at about 5,800",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 16,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "16 police officers and National Guard members had been killed",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Rioters wrecked the Korme exhibition centre, a drama theatre",
                "place": PROSECUTORS,
            },
            {
                "kind": "state",
                "quote": "Rioters wrecked the Korme exhibition centre, a drama theatre",
                "place": PROSECUTORS,
            },
            {
                "kind": "event",
                "quote": "had been killed in a special operation and seven police officers injured",
                "place": SHYMKENT,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g07-toll-withdrawn.txt",
        "published": "2022-01-10",
        "published_from": "none",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 164,
                "qualifier": "at least",
                "reported_by": HM,
                "date": "2022-01-09",
                "certainty": "retracted",
                "quote": "at least 164 people had been killed",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": ALMATY,
                "counts": {"fatalities": 103},
                "certainty": "retracted",
                "quote": "103 people died in Almaty",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_KZY,
                "counts": {"fatalities": 21},
                "certainty": "retracted",
                "quote": "21 died in Kyzylorda region",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ZHA,
                "counts": {"fatalities": 10},
                "certainty": "retracted",
                "quote": "10 died in Zhambyl region",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ALM,
                "counts": {"fatalities": 8},
                "certainty": "retracted",
                "quote": "eight died in Almaty region",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2200,
                "qualifier": "more than",
                "date": "2022-01-09",
                "quote": "also said more than 2,200 people had sought medical help",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 16,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "16 police officers and National Guard servicemen had died",
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
                "quote": "an eleven-year-old boy had been shot dead in Almaty on 5 January",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Today the country observes a national day of mourning",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "at least 164 people had been killed",
                "certainty": "reported",
            },
            {"kind": "event", "quote": "103 people died in Almaty", "certainty": "reported"},
            {"kind": "event", "quote": "eight died in Almaty region", "place": ALMATY},
        ],
    },
    {
        "file": "tests/articles_gold/g08-almaty-dateline-internet-returns.txt",
        "published": "2022-01-10",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Internet access returned in Almaty overnight after a blackout",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Leaders of the Russia-led CSTO met by video link on Monday",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "numbered 2,030 troops with 250 pieces of equipment",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-09",
                "place": None,
                "quote": "said deployment had been completed on Sunday",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 8000,
                "qualifier": "up to",
                "reported_by": IM,
                "date": "2022-01-10",
                "quote": "Nearly 8,000 people have been detained over the unrest",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": (
                    "fixed-line internet came back today while mobile data remained switched off"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Kazakhstan marked a national day of mourning for the victims",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Leaders of the Russia-led CSTO met by video link on Monday",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "said deployment had been completed on Sunday",
                "place": ALMATY,
            },
            {
                "kind": "event",
                "quote": "Kazakhstan marked a national day of mourning for the victims",
                "place": ALMATY,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g09-four-contingents-fly-home.txt",
        "published": "2022-01-14",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "The Russia-led force began its withdrawal from Kazakhstan yesterday",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ALA,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "about",
                "quote": "flew out of Almaty airport on three Russian Il-76 transports",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "quote": "The Tajik battalion left on a single aircraft",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": CHPP2,
                "counts": {"troops": 150},
                "metric": "troops",
                "value": 150,
                "qualifier": "exact",
                "quote": "drove out of the grounds of the CHPP-2 power station in Almaty",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": "took off from the Zhetygen military airfield north of Almaty",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": (
                    "Yesterday Almaty International Airport "
                    "reopened to passengers for the first time"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "since it was stormed on 5 January",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_SHY,
                "quote": "At 18:00 today the state of emergency ended in Shymkent",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_VOS,
                "quote": "East Kazakhstan region was released at the same hour",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_KAR,
                "quote": "Karaganda region was released at the same time",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_YUZ,
                "quote": "and so was Turkistan region",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_AKM,
                "quote": "Akmola region will be released at 07:00 tomorrow",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_KUS,
                "quote": "and Kostanay region at the same time",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "flew out of Almaty airport on three Russian Il-76 transports",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "drove out of the grounds of the CHPP-2 power station in Almaty",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "took off from the Zhetygen military airfield north of Almaty",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "took off from the Zhetygen military airfield north of Almaty",
                "place": MINSK,
            },
            {
                "kind": "state",
                "quote": "Karaganda region was released at the same time",
                "place": KARAGANDA,
            },
            {"kind": "state", "quote": "and so was Turkistan region", "place": TURKISTAN},
        ],
    },
    {
        "file": "tests/articles_gold/g10-nazarbayev-video-address.txt",
        "published": "2022-01-18",
        "published_from": "none",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-18",
                "place": None,
                "quote": "broke more than two weeks of silence today with a video address",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "Yesterday Tokayev dismissed Nazarbayev's nephew Samat Abish",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "stepped down as head of the Atameken business chamber on the same day",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "quote": "left the top jobs at the pipeline companies QazaqGaz and KazTransOil",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "broke more than two weeks of silence today with a video address",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "He dismissed rumours that he had fled the country",
                "certainty": "reported",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g11-almaty-airport-reopens-paratroopers-leave.txt",
        "published": "2022-01-13",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": (
                    "Almaty International Airport took its first passengers in more than a week"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Almaty airport had been closed to passengers since it was overrun",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "since it was overrun by rioters on Jan. 5",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "The Russia-led peacekeeping force began its withdrawal today",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_ZAP,
                "quote": "the state of emergency was lifted in West Kazakhstan region",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_SEV,
                "quote": "North Kazakhstan region was released at the same hour",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_PAV,
                "quote": "at the same hour, as was Pavlodar region",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": SHYMKENT,
                "counts": {"detained": 3500, "injured": 45},
                "quote": "more than 3,500 people have now been detained in Shymkent",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": (
                    "Almaty International Airport took its first passengers in more than a week"
                ),
                "place": NUR_SULTAN,
            },
            {
                "kind": "state",
                "quote": (
                    "Almaty International Airport took its first passengers in more than a week"
                ),
                "place": NQZ,
            },
            {
                "kind": "state",
                "quote": "flew the first paratroopers home to Ivanovo",
                "place": IVANOVO,
            },
            {
                "kind": "state",
                "quote": "the state of emergency was lifted in West Kazakhstan region",
                "place": ORAL,
            },
            {
                "kind": "figure",
                "quote": "more than 3,500 people have now been detained in Shymkent",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g12-almaty-city-hall-stormed.txt",
        "published": "2022-01-06",
        "published_from": "none",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "stormed the city hall in Almaty yesterday afternoon and set it on fire",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "set it on fire after the police guarding the building withdrew",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "the crowd overran the presidential residence nearby",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "and set it ablaze as well",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KHABAR,
                "quote": "Rioters also ransacked the Khabar studios on Wednesday",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": KHABAR,
                "quote": "Rioters also ransacked the Khabar studios on Wednesday",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "the city prosecutor's office was set alight",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "the city prosecutor's office was set alight",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "By Wednesday evening rioters had seized Almaty airport",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "metric": "participants",
                "value": 45,
                "qualifier": "about",
                "quote": "some 45 people forced their way into the terminal",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "the Almaty building of the National Security Committee had been captured",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY,
                "counts": {"injured": 500},
                "metric": "injured",
                "value": 500,
                "qualifier": "about",
                "quote": "about 500 civilians had been beaten across Almaty on Wednesday",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "stormed the city hall in Almaty yesterday afternoon and set it on fire",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "By Wednesday evening rioters had seized Almaty airport",
                "place": ALMATY,
            },
            {
                "kind": "event",
                "quote": "the Almaty building of the National Security Committee had been captured",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "the Almaty building of the National Security Committee had been captured",
                "certainty": "reported",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g13-massimov-held-zhanaozen-crowd-leaves.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "has been in custody since Thursday",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 4400,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-08",
                "quote": "the number of people detained across the country at more than 4,400",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 40,
                "qualifier": "more than",
                "reported_by": "state television",
                "date": "2022-01-08",
                "quote": "state television reported more than 40 deaths",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "the town's mayor came to the central square this afternoon",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": AKTAU,
                "quote": "In Aktau the last protesters left Yntymak square",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": TARAZ,
                "quote": "Taraz lengthened its curfew to run from 19:00 to 07:00",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "the Nur Otan building there, set on fire on 5 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "the Nur Otan building there, set on fire on 5 January",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "In Aktau the last protesters left Yntymak square",
                "place": ZHANAOZEN_SQUARE,
            },
            {
                "kind": "state",
                "quote": "the Nur Otan building there, set on fire on 5 January",
                "place": ALMATY_NUR_OTAN,
            },
            {
                "kind": "event",
                "quote": "the Nur Otan building there, set on fire on 5 January",
                "place": ALMATY_NUR_OTAN,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g14-nur-sultan-dateline-withdrawal-announced.txt",
        "published": "2022-01-11",
        "published_from": "dateline",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "President Kassym-Jomart Tokayev told parliament on Tuesday",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "would begin a phased withdrawal in two days",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "Lawmakers in the Majilis confirmed Alikhan Smailov as prime minister",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 9900,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-11",
                "quote": "The Interior Ministry said 9,900 people had now been detained",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-11",
                "place": NQZ,
                "quote": (
                    "Nursultan Nazarbayev International Airport resumed international flights today"
                ),
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "place": ALMATY,
                "quote": "said his troops had taken five more sites under guard",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "President Kassym-Jomart Tokayev told parliament on Tuesday",
                "place": NUR_SULTAN,
            },
            {
                "kind": "state",
                "quote": "would begin a phased withdrawal in two days",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "Lawmakers in the Majilis confirmed Alikhan Smailov as prime minister",
                "place": NUR_SULTAN,
            },
            {
                "kind": "state",
                "quote": (
                    "Nursultan Nazarbayev International Airport resumed international flights today"
                ),
                "place": NUR_SULTAN,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g15-emergency-over-last-russians-leave.txt",
        "published": "2022-01-19",
        "published_from": "none",
        "expect": [
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "the cities of Almaty and Nur-Sultan",
                }
                for unit in (KZ_ALA, KZ_AST)
            ],
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "the Almaty, Atyrau, Zhambyl, Kyzylorda and Mangistau regions",
                }
                for unit in (KZ_ALM, KZ_ATY, KZ_ZHA, KZ_KZY, KZ_MAN)
            ],
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": NUR_SULTAN,
                "quote": "took off from Nur-Sultan and Almaty on four aircraft",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": ALMATY,
                "quote": "took off from Nur-Sultan and Almaty on four aircraft",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "said all CSTO forces had now left the country",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "place": ALA,
                "date": "2022-01-12",
                "time_precision": 2,
                "valid_to": "2022-01-18",
                "quote": "which had run daytime flights only since last week",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "returned to round-the-clock operation today",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "the Almaty, Atyrau, Zhambyl, Kyzylorda and Mangistau regions",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "remains in force in Almaty, Almaty region and Zhambyl region",
                "layer": "emergency",
            },
        ],
    },
    {
        "file": "tests/articles_gold/g16-airports-return-to-normal.txt",
        "published": "2022-01-16",
        "published_from": "none",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": SCO,
                "quote": "Aktau International Airport stopped operating on 5 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-08",
                "place": SCO,
                "certainty": "uncertain",
                "quote": "flights at Aktau airport were scheduled to resume on Jan. 8",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": AKX,
                "quote": "Aktobe airport was occupied by armed groups on Jan. 5",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKX,
                "quote": "Aktobe airport was occupied by armed groups on Jan. 5",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": AKX,
                "quote": "and was freed the next day",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-11",
                "place": NQZ,
                "quote": "resumed international flights on January 11, 2022",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "has taken passengers again since Thursday",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "flights at Aktau airport were scheduled to resume on Jan. 8",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "resumed international flights on January 11, 2022",
                "place": NUR_SULTAN,
            },
        ],
    },
    {
        "file": "tests/articles_gold/g17-prosecutors-first-official-toll.txt",
        "published": "2022-01-15",
        "published_from": "header",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "the first official death toll of the unrest today: 225 people",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "police officers and soldiers",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "19 of them police officers and soldiers",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 4353,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "4,353 people had been wounded",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3393,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "including 3,393 members of the security forces",
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
            {
                "kind": "figure",
                "metric": "participants",
                "value": 50000,
                "qualifier": "up to",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "up to 50,000 people had taken part in the riots",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 175,
                "qualifier": "exact",
                "part": "died in hospital",
                "reported_by": HM,
                "date": "2022-01-15",
                "quote": "The Health Ministry said 175 of the dead had died in hospital",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "quote": (
                    "the authorities detained a deputy energy minister and several other officials"
                ),
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_AKM,
                "quote": "lifted at 07:00 this morning in Akmola region",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_KUS,
                "quote": "this morning in Akmola region and in Kostanay region",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "446 people had been formally arrested",
                "metric": "detained",
            },
            {"kind": "figure", "quote": "19 of them police officers and soldiers", "part": None},
        ],
    },
    # ------------------------------------------------------------ the 28 briefs in data/articles
    {
        "file": "data/articles/2022-01-02-zhanaozen-fuel-protest-begins.txt",
        "published": "2022-01-02",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-01",
                "place": None,
                "quote": (
                    "From 1 January the government stopped "
                    "capping the price of liquefied petroleum gas"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "blocked a road and gathered to demand that the region's governor",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": AKTAU,
                "quote": "The same day crowds also formed in Aktau",
            },
        ],
        "reject": [
            {"kind": "event", "quote": "The same day crowds also formed in Aktau", "place": KZ_MAN},
        ],
    },
    {
        "file": "data/articles/2022-01-03-aktau-tent-camp-and-zhanaozen-square.txt",
        "published": "2022-01-03",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHANAOZEN_SQUARE,
                "quote": "spent the night on the central square",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": AKTAU_AKIMAT,
                "quote": "In Aktau a tent camp went up next to the city administration",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHETYBAY,
                "quote": "protesters closed the road near the village of Zhetybay",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "protesters closed the road near the village of Zhetybay",
                "place": AKTAU,
            },
            {
                "kind": "event",
                "quote": "protesters closed the road near the village of Zhetybay",
                "place": ZHANAOZEN,
            },
            {
                "kind": "figure",
                "quote": "Estimates of the crowd by evening ran as high as six thousand",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-04-almaty-republic-square-clashes.txt",
        "published": "2022-01-04",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "date": "2022-01-04",
                "place": REPUBLIC_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "About a thousand people converged on Republic Square in Alma-Ata",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "quote": "Police used stun grenades and tear gas to push the crowd off",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": None,
                "quote": "President Kassym-Jomart Tokayev went on television the same evening",
            },
        ],
        "reject": [],
    },
    {
        "file": "data/articles/2022-01-04-protests-spread-across-kazakhstan.txt",
        "published": "2022-01-04",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": AKTAU,
                "quote": (
                    "a government commission agreed with activists in Aktau to fix liquefied gas"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTOBE_AKIMAT,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "In Aktobe about a thousand people gathered outside the regional akimat",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": ORAL,
                "quote": "a rally in support of Zhanaozen ended in scuffles with police",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": ATYRAU_SQUARE,
                "quote": (
                    "In Atyrau demonstrators broke through a police line to reach the main square"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": TARAZ,
                "quote": "police in Taraz dragged protesters into buses after a rally",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHYMKENT_AKIMAT,
                "counts": {"detained": 10},
                "metric": "detained",
                "value": 10,
                "qualifier": "more than",
                "quote": (
                    "in Shymkent more than ten people were "
                    "detained in front of the city administration"
                ),
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHU,
                "metric": "participants",
                "value": 300,
                "qualifier": "more than",
                "quote": "Over 300 activists rallied in the small town of Shu",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": NUR_SULTAN_AKIMAT,
                "counts": {"detained": 3},
                "metric": "detained",
                "value": 3,
                "qualifier": "at least",
                "quote": (
                    "a crowd assembled near the city hall; at least three people were detained"
                ),
            },
            *[
                {
                    "kind": "event",
                    "layer": "protests",
                    "date": "2022-01-04",
                    "place": city,
                    "quote": (
                        "also named Kyzylorda, Karaganda, Kostanay and Taldykorgan among the cities"
                    ),
                }
                for city in (KYZYLORDA, KARAGANDA, KOSTANAY, TALDYKORGAN)
            ],
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "a rally in support of Zhanaozen ended in scuffles with police",
                "place": ZHANAOZEN,
            },
            {
                "kind": "event",
                "quote": (
                    "a government commission agreed with activists in Aktau to fix liquefied gas"
                ),
                "layer": "protests",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-05-almaty-airport-seized.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": (
                    "On the evening of 5 January the unrest reached Almaty International Airport"
                ),
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "attackers had seized the airport together with five aircraft",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": MIR_TV,
                "quote": (
                    "Reports named Mir, Khabar and the state channel Kazakhstan among five stations"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KHABAR,
                "quote": (
                    "Reports named Mir, Khabar and the state channel Kazakhstan among five stations"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KAZAKHSTAN_TV,
                "quote": (
                    "Reports named Mir, Khabar and the state channel Kazakhstan among five stations"
                ),
            },
            *[
                {
                    "kind": "state",
                    "layer": "infrastructure",
                    "status": "damaged",
                    "date": "2022-01-05",
                    "place": site,
                    "quote": "among five stations whose premises were wrecked",
                }
                for site in (MIR_TV, KHABAR, KAZAKHSTAN_TV)
            ],
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "the city department of the National Security Committee had been taken",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "it was retaken the next day",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "the city department of the National Security Committee had been taken",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "the city department of the National Security Committee had been taken",
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": (
                    "Reports named Mir, Khabar and the state channel Kazakhstan among five stations"
                ),
                "place": None,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-05-almaty-city-hall-stormed.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "forced its way into the city hall on Republic Square",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "and the building was soon on fire",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "the presidential residence nearby had also been overrun and set alight",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "the presidential residence nearby had also been overrun and set alight",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "The Almaty prosecutor's office was set on fire",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "The Almaty prosecutor's office was set on fire",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY_NUR_OTAN,
                "quote": "in the Auezov district was ransacked and burned",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": ALMATY_NUR_OTAN,
                "quote": "in the Auezov district was ransacked and burned",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "counts": {"injured": 500},
                "metric": "injured",
                "value": 500,
                "qualifier": "about",
                "quote": (
                    "The commandant's office later counted about five hundred civilians beaten"
                ),
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "forced its way into the city hall on Republic Square",
                "place": REPUBLIC_SQUARE,
            },
            {
                "kind": "event",
                "quote": "in the Auezov district was ransacked and burned",
                "place": AUEZOV_TOWN,
            },
            {
                "kind": "state",
                "quote": "in the Auezov district was ransacked and burned",
                "place": AUEZOV_TOWN,
            },
            {"kind": "figure", "quote": "hundreds of shops, cafes and offices looted"},
        ],
    },
    {
        "file": "data/articles/2022-01-05-government-resigns-tokayev-takes-security-council.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "accepted the resignation of Prime Minister Askar Mamin's cabinet",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "he himself was taking over as chairman of the Security Council",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "He asked the heads of the Russia-led bloc's member states for help",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "he himself was taking over as chairman of the Security Council",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "Tokayev turned to the Collective Security Treaty Organization",
                "place": ALMATY,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-05-internet-blackout.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-04",
                "place": None,
                "quote": "From the evening of 4 January mobile data on the main operators",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": None,
                "quote": "On the afternoon of 5 January, at around five o'clock local time",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "Service briefly came back while Tokayev addressed the nation",
                "status": "operational",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-05-regional-akimats-attacked.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKTOBE_AKIMAT,
                "quote": "In Aktobe protesters stormed the regional akimat at about two",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_AKIMAT,
                "quote": "In Taraz, in the south, there was an attempt to storm the administration",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "the local Nur Otan party headquarters was set on fire",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "the local Nur Otan party headquarters was set on fire",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": SHYMKENT_AKIMAT,
                "quote": "an attempted attack on the city administration in Shymkent",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TALDYKORGAN,
                "quote": "protesters toppled a statue of Nursultan Nazarbayev",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "and the regional akimat was burned out",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "destroyed",
                "place": TALDYKORGAN_AKIMAT,
                "quote": "and the regional akimat was burned out",
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
                "quote": "local media reported that police opened fire on demonstrators",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "protesters toppled a statue of Nursultan Nazarbayev",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "protesters toppled a statue of Nursultan Nazarbayev",
                "place": KZ_ALM,
            },
            {
                "kind": "event",
                "quote": "local media reported that police opened fire on demonstrators",
                "certainty": "reported",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-05-state-of-emergency-declared.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_MAN,
                "quote": "covered Mangistau region and the city of Almaty",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALA,
                "quote": "covered Mangistau region and the city of Almaty",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALM,
                "quote": "Almaty Region, whose centre at the time was Taldykorgan",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_AST,
                "quote": "and the capital Nur-Sultan from 16:00",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ZAP,
                "quote": "from West Kazakhstan with its centre Uralsk",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_VOS,
                "quote": "to East Kazakhstan around Oskemen, and to the city of Shymkent",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_SHY,
                "quote": "to East Kazakhstan around Oskemen, and to the city of Shymkent",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_ALA,
                "quote": "including Almaty, the capital and Mangistau, at midnight on 19 January",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-19",
                "place": KZ_MAN,
                "quote": "including Almaty, the capital and Mangistau, at midnight on 19 January",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "Almaty Region, whose centre at the time was Taldykorgan",
                "place": TALDYKORGAN,
            },
            {
                "kind": "state",
                "quote": "from West Kazakhstan with its centre Uralsk",
                "place": ORAL,
            },
            {
                "kind": "state",
                "quote": "to East Kazakhstan around Oskemen, and to the city of Shymkent",
                "place": OSKEMEN,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-06-almaty-airport-retaken-gunfire-on-square.txt",
        "published": "2022-01-06",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "the city airport had been freed in a counter-terrorist operation",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "counts": {"fatalities": 12},
                "metric": "deaths",
                "value": 12,
                "qualifier": "dozens",
                "certainty": "uncertain",
                "quote": "Police said their city headquarters was attacked 27 times",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": REPUBLIC_SQUARE,
                "metric": "participants",
                "value": 200,
                "qualifier": "about",
                "quote": (
                    "soldiers in armoured vehicles moved onto the central square and traded fire"
                ),
            },
            {
                "kind": "event",
                "layer": "clashes",
                "counts": {"fatalities": 13},
                "metric": "deaths",
                "value": 13,
                "qualifier": "exact",
                "quote": "put the number of security personnel killed in the city at thirteen",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "though back under government control, stayed shut",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Police said their city headquarters was attacked 27 times",
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": (
                    "soldiers in armoured vehicles moved onto the central square and traded fire"
                ),
                "place": ZHANAOZEN_SQUARE,
            },
            {
                "kind": "event",
                "quote": (
                    "soldiers in armoured vehicles moved onto the central square and traded fire"
                ),
                "place": ATYRAU_SQUARE,
            },
            {
                "kind": "figure",
                "quote": "put the number of security personnel killed in the city at thirteen",
            },
            {"kind": "figure", "quote": "190 people in the city had asked doctors for help"},
            {
                "kind": "state",
                "quote": "Khabar-24 said it would remain closed at least until 9 January",
                "place": KHABAR,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-06-csto-decides-to-send-peacekeepers.txt",
        "published": "2022-01-06",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "agreed to send its Collective Peacekeeping Forces to Kazakhstan",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2500,
                "qualifier": "about",
                "reported_by": "Stanislav Zas",
                "date": "2022-01-06",
                "quote": "said the contingent would number about 2,500",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALMATY,
                "quote": "The first Russian transport aircraft landed in Almaty on 6 January",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "from airborne formations based in Ivanovo and Ulyanovsk",
                "place": IVANOVO,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-07-csto-contingents-take-up-posts.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "expect": [
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
                "quote": "were flown to Almaty on Russian aircraft and guarded the city's CHPP-2",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "about",
                "quote": "Armenia sent about one hundred troops.",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "place": DRUZHBA,
                "quote": (
                    "a bread factory in the Aksai district and the Druzhba water pumping station"
                ),
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "counts": {"troops": 200},
                "metric": "troops",
                "value": 200,
                "qualifier": "exact",
                "quote": "Tajikistan's defence ministry spoke of a battalion of two hundred",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": CHPP1,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "more than",
                "quote": "more than a hundred Tajik soldiers helped guard the CHPP-1 power station",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "quote": "guarded a Kazakh military airfield near Almaty and set up a roadblock",
            },
        ],
        "reject": [
            {"kind": "state", "quote": "Armenia sent about one hundred troops.", "place": ARMENIA},
            {
                "kind": "state",
                "quote": (
                    "a bread factory in the Aksai district and the Druzhba water pumping station"
                ),
                "place": AQSAY,
            },
            {
                "kind": "state",
                "quote": "Belarus sent a company of the 103rd airborne brigade from Vitebsk",
                "place": VITEBSK,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-07-tokayev-shoot-to-kill.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "he had ordered the police and army to open fire without warning",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "Kazakh forces had the Almaty airport fully under control",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": ATYRAU,
                "counts": {"detained": 104, "injured": 35},
                "quote": "Police in Atyrau said they had detained 104 protesters",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "some twenty thousand attackers had descended on Almaty",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "Kazakh forces had the Almaty airport fully under control",
                "place": ALMATY,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-08-massimov-detained-for-treason.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "The arrest had in fact taken place two days earlier, on 6 January",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 4400,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-08",
                "quote": (
                    "The Interior Ministry said on 8 January that more than 4,400 had been detained"
                ),
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 5969,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "a day later it gave 5,969",
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
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "had been detained on suspicion of high treason",
                "date": "2022-01-08",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-08-zhanaozen-and-aktau-rallies-end.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": AKTAU,
                "quote": "participants left Yntymak square on 8 January",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-06",
                "quote": "The crowd had already begun to thin two days earlier",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "came to the central square in the afternoon and promised",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "participants left Yntymak square on 8 January",
                "place": ZHANAOZEN_SQUARE,
            },
            {
                "kind": "event",
                "quote": "participants left Yntymak square on 8 January",
                "place": KZ_MAN,
            },
            {
                "kind": "event",
                "quote": "held the square for five days without rioting",
                "layer": "clashes",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-09-toll-164-retracted.txt",
        "published": "2022-01-09",
        "published_from": "header",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 164,
                "qualifier": "exact",
                "reported_by": HM,
                "date": "2022-01-09",
                "certainty": "retracted",
                "quote": "that 164 people had died in the unrest",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": ALMATY,
                "counts": {"fatalities": 103},
                "certainty": "retracted",
                "quote": "A regional breakdown gave 103 deaths in Almaty",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_KZY,
                "counts": {"fatalities": 21},
                "certainty": "retracted",
                "quote": "Almaty, 21 in Kyzylorda region",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ZHA,
                "counts": {"fatalities": 10},
                "certainty": "retracted",
                "quote": "region, 10 in Zhambyl region",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ALM,
                "counts": {"fatalities": 8},
                "certainty": "retracted",
                "quote": "and 8 in Almaty region",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2200,
                "qualifier": "more than",
                "date": "2022-01-09",
                "quote": "More than 2,200 people were said to have sought medical treatment",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 16,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "a separate count of 16 police and National Guard members killed",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 3,
                "qualifier": "exact",
                "part": "minors",
                "reported_by": "children's ombudsman",
                "date": "2022-01-09",
                "quote": "The children's ombudsman said three minors were among the dead",
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
                "quote": "an eleven-year-old boy shot in Alma-Ata on 5 January",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "counts": {"fatalities": 1},
                "metric": "deaths",
                "value": 1,
                "qualifier": "exact",
                "quote": "a four-year-old girl killed in a car",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "that 164 people had died in the unrest",
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": "A regional breakdown gave 103 deaths in Almaty",
                "certainty": "reported",
            },
            {"kind": "event", "quote": "and 8 in Almaty region", "place": ALMATY},
        ],
    },
    {
        "file": "data/articles/2022-01-10-almaty-internet-returns.txt",
        "published": "2022-01-10",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Internet access began to return in Almaty early on 10 January",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": "In Nur-Sultan fixed-line internet came back the same morning",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": None,
                "quote": "NetBlocks saw national connectivity largely restored after 08:00",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "place": ALMATY,
                "valid_to": "2022-01-11",
                "quote": "Almaty had no stable connection until 11 January",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "a short window on 5 January when it was switched on",
                "status": "operational",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-10-csto-summit-2030-troops.txt",
        "published": "2022-01-10",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Kazakhstan marked a national day of mourning on 10 January",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "leaders of the Russia-led CSTO met by video link",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "numbered 2,030 personnel with 250 pieces of equipment",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-09",
                "place": None,
                "quote": "said deployment had finished on 9 January",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": "Contingents were stationed in Nur-Sultan, in Almaty",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Contingents were stationed in Nur-Sultan, in Almaty",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": KZ_ALM,
                "quote": "in Almaty and in towns of Almaty region",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": MIL_INSTITUTE,
                "quote": "set up at the Military Institute of the Land Forces in Almaty",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 7939,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-10",
                "quote": "7,939 people had been detained nationwide",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "account for only a few hundred of them"},
            {
                "kind": "state",
                "quote": "set up at the Military Institute of the Land Forces in Almaty",
                "place": ALMATY,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-11-tokayev-announces-withdrawal.txt",
        "published": "2022-01-11",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "Addressing the Majilis on 11 January, President Tokayev said",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "would start a phased withdrawal in two days' time",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "The lower house confirmed Alikhan Smailov as prime minister",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "place": ALMATY,
                "quote": "his troops had taken another five socially important sites under guard",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 9900,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-11",
                "quote": "The Interior Ministry put the number of people detained at 9,900",
            },
        ],
        "reject": [],
    },
    {
        "file": "data/articles/2022-01-12-detentions-near-12000.txt",
        "published": "2022-01-12",
        "published_from": "header",
        "expect": [
            {
                "kind": "figure",
                "metric": "detained",
                "value": 12000,
                "qualifier": "about",
                "date": "2022-01-12",
                "quote": "reached about twelve thousand by 12 January",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-12",
                "place": ALMATY,
                "counts": {"detained": 1678},
                "metric": "detained",
                "value": 1678,
                "qualifier": "exact",
                "quote": "1,678 more people had been taken in over the previous 24 hours",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-13",
                "place": SHYMKENT,
                "counts": {"detained": 3500, "injured": 45},
                "quote": "By 13 January more than 3,500 people had been detained in Shymkent",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "more than three hundred criminal cases had been opened"},
            {
                "kind": "event",
                "quote": "Families waited outside police stations in Alma-Ata",
                "layer": "protests",
            },
            {
                "kind": "figure",
                "quote": "By 13 January more than 3,500 people had been detained in Shymkent",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-13-almaty-airport-reopens-withdrawal-begins.txt",
        "published": "2022-01-13",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "Almaty International Airport took passengers again on 13 January",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "since it was overrun on 5 January",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "The same day the CSTO began to pull out",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "about",
                "date": "2022-01-13",
                "quote": "About two thousand troops were still in the country",
            },
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-13",
                    "place": unit,
                    "quote": "lifted in West Kazakhstan, North Kazakhstan and Pavlodar regions",
                }
                for unit in (KZ_ZAP, KZ_SEV, KZ_PAV)
            ],
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "the first flight from Nur-Sultan landed in the morning",
                "place": NUR_SULTAN,
            },
            {"kind": "figure", "quote": "freeing some 1,600 Kazakh personnel", "metric": "troops"},
            {
                "kind": "state",
                "quote": "The first four Russian Il-76s flew paratroopers home to Ivanovo",
                "place": IVANOVO,
            },
            {
                "kind": "state",
                "quote": "lifted in West Kazakhstan, North Kazakhstan and Pavlodar regions",
                "place": PAVLODAR,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-14-armenian-tajik-kyrgyz-belarusian-units-leave.txt",
        "published": "2022-01-14",
        "published_from": "header",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ALA,
                "quote": "three Russian Il-76 transports at Almaty airport and flew home",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "quote": (
                    "The Tajik unit, which had brought no heavy equipment, needed only one aircraft"
                ),
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "quote": "The Kyrgyz contingent left by road.",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": CHPP2,
                "quote": "Its convoy drove out of the grounds of the CHPP-2 power station",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": "flew out of the Zhetygen military airfield north of Almaty",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_SHY,
                "quote": "the state of emergency ended at 18:00 in Shymkent",
            },
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-14",
                    "place": unit,
                    "quote": "in East Kazakhstan, Karaganda and Turkistan regions",
                }
                for unit in (KZ_VOS, KZ_KAR, KZ_YUZ)
            ],
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "three Russian Il-76 transports at Almaty airport and flew home",
                "place": ALMATY,
            },
            {"kind": "figure", "quote": "took 31 Kazakh military cadets home for the holidays"},
            {
                "kind": "state",
                "quote": "arriving back at its base in Tokmok later in the day",
                "place": TOKMOK,
            },
            {
                "kind": "state",
                "quote": "flew out of the Zhetygen military airfield north of Almaty",
                "place": ALMATY,
            },
            {"kind": "state", "quote": "landed at Machulishchy near Minsk", "place": MINSK},
            {
                "kind": "state",
                "quote": "in East Kazakhstan, Karaganda and Turkistan regions",
                "place": KARAGANDA,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-15-prosecutor-225-dead.txt",
        "published": "2022-01-15",
        "published_from": "header",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "225 bodies had been brought to morgues during the emergency",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "police officers and soldiers",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "19 of them police officers and soldiers",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 175,
                "qualifier": "exact",
                "part": "died in hospitals",
                "reported_by": HM,
                "date": "2022-01-15",
                "quote": "The health ministry said 175 of the dead had died in hospitals",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 4353,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "4,578 victims in all, 4,353 of them wounded",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3393,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "including 3,393 members of the security forces",
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
            {
                "kind": "figure",
                "metric": "participants",
                "value": 50000,
                "qualifier": "up to",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "up to 50,000 people had taken part in the disturbances",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "quote": "announced that two of Nursultan Nazarbayev's sons-in-law",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "quote": "A deputy energy minister and other officials were detained",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "Nearly a week after the withdrawn figure of 164",
                "certainty": "reported",
            },
            {
                "kind": "figure",
                "quote": "446 people had been formally arrested",
                "metric": "detained",
            },
            {"kind": "figure", "quote": "It had opened 546 criminal cases"},
            {
                "kind": "event",
                "quote": "announced that two of Nursultan Nazarbayev's sons-in-law",
                "place": NUR_SULTAN,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-18-nazarbayev-breaks-silence.txt",
        "published": "2022-01-18",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-18",
                "place": None,
                "quote": "Nursultan Nazarbayev released a short video address on 18 January",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "On 17 January Tokayev dismissed Nazarbayev's nephew Samat Abish",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": (
                    "Timur Kulibayev gave up the chairmanship of the Atameken business chamber"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-19",
                "place": None,
                "quote": "A day after the video, Nur Otan scheduled an extraordinary congress",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Nursultan Nazarbayev released a short video address on 18 January",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "rejected rumours that he had left the country",
                "certainty": "reported",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-19-emergency-ends-last-russians-leave.txt",
        "published": "2022-01-19",
        "published_from": "header",
        "expect": [
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "the cities of Almaty and Nur-Sultan",
                }
                for unit in (KZ_ALA, KZ_AST)
            ],
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "the Almaty, Atyrau, Zhambyl, Kyzylorda and Mangistau regions",
                }
                for unit in (KZ_ALM, KZ_ATY, KZ_ZHA, KZ_KZY, KZ_MAN)
            ],
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "Almaty airport went back to working around the clock",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "The last Russian troops left the same day.",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": NUR_SULTAN,
                "quote": "took off from Nur-Sultan and Almaty",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": ALMATY,
                "quote": "took off from Nur-Sultan and Almaty",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-20",
                "place": None,
                "quote": "reported to the bloc's leaders that the mission had ended without losses",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "the Almaty, Atyrau, Zhambyl, Kyzylorda and Mangistau regions",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "stayed in force in Almaty, Almaty region and Zhambyl region",
                "layer": "emergency",
            },
        ],
    },
    {
        "file": "data/articles/2022-01-28-tokayev-elected-nur-otan-chairman.txt",
        "published": "2022-01-28",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-28",
                "place": None,
                "quote": (
                    "unanimously elected President Kassym-Jomart "
                    "Tokayev as its chairman on 28 January"
                ),
            },
            {
                "kind": "event",
                "layer": "other",
                "place": None,
                "quote": "Tokayev had already taken his place at the head of the Security Council",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-28",
                "place": None,
                "quote": "the party removed Nazarbayev's eldest daughter, Dariga Nazarbayeva",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "The nomination came from Nursultan Nazarbayev",
                "place": NUR_SULTAN,
            },
        ],
    },
    {
        "file": "data/articles/2022-01-31-almaty-mayor-dismissed.txt",
        "published": "2022-01-31",
        "published_from": "header",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-31",
                "place": ALMATY,
                "quote": "President Tokayev dismissed the mayor of Almaty, Bakytzhan Sagintayev",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "the burning of the city hall on Republic Square",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "had all left Kazakhstan by 19 January",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "the burning of the city hall on Republic Square",
                "place": REPUBLIC_SQUARE,
            },
            {"kind": "figure", "quote": "had gathered more than 26,000 signatures"},
        ],
    },
]
