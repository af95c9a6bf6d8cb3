"""Blind Kazakh gold set for extraction and geoparsing.

How it was written: by a helper session that never saw the extraction or geoparser code, its
lexicons, its rules, its tests or the git history (nothing under geo/ was opened; gazetteer ids
were looked up only with `python -m geo places` and Latin spellings). The 8 articles in
tests/articles_gold_kk/ were written in our own Kazakh (Cyrillic) from the project's sourced facts
(data/events.csv, states.csv, figures.csv, facilities.csv, ../shared/research/*.csv); no figure
was invented. All use our header format (publisher "crisismap gold set (synthetic)").

Entry: as in tests/gold_extract_ru.py ({"file", "published", "published_from", "language",
"expect", "reject", "mentions"}); "language" is always "kk". "mentions" lists every place
mention of the body (the text after the "---" line) in text order, as (surface text exactly as
written, gazetteer id); search each surface from the end of the previous one.

Item keys and conventions are those of tests/gold_extract.py and tests/gold_extract_ru.py: kind,
layer, status, date, time_precision (only 2), valid_to, place, counts, metric/value/qualifier,
certainty, reported_by and part (in English, as normalised values; not scored), quote (an exact
4-15 word substring of the body, within one sentence). A key left out is not scored.

Conventions followed (from the RU set) and decided here for Kazakh:
- Dates against the publication day D: бүгін D, кеше D-1; a past-tense weekday ("сәрсенбі
  күні", "бейсенбі күні", "сенбі күні", "өткен жұмада") is the latest such day before D. Every
  dated statement carries its own date word; a sentence with none takes D. "Сол күні" was
  avoided where the same sentence gives no date.
- "19 қаңтар сағат 00:00-ге дейін" ends on 18 January (valid_to 2022-01-18).
- Counts: шамамен -> about; -дан/-ден астам, -тан/-тен астам, -дан асты -> more than; кемінде ->
  at least; "50 мыңға дейін" -> up to; ондаған -> dozens 12; numbers in words ("мың", "үш мың",
  "екі мың", "алты", "бес", "бір") are numbers. "Ұсталды" -> detained; "сот шешімімен қамауға
  алынды" -> arrested. Hours (curfew times, 00:00), aircraft, cars and ranges of people who
  stayed ("40-50 адам ... қалатынын айтты") are never counts here.
- A hedge ("расталмаған мәліметтерге қарағанда", "бірақ бұл ресми расталған жоқ") makes the
  item uncertain.
- Emergencies sit on admin-1 ids (the city of Almaty admin1:KZ-ALA, Nur-Sultan admin1:KZ-AST),
  also where the clause names the city. Lifting is status "lifted" dated on the day it happened.
- Troop arrivals, guard duty and departures are troops states (deployed, withdrawing,
  withdrawn), never events; a departure sits on the place it left from (airport, airfield,
  power plant, city). Contingents named only by their home country ("Армениядан",
  "Қырғызстан") have place None.
- Storming a facility: clashes event; seized -> also a "seized" state, set on fire -> also a
  "damaged" state. Reopened -> operational; "жабық" -> closed.
- An event summarised for a whole city or region in a lead sentence ("Алматыдағы наразылық
  сәрсенбі күні жаппай тәртіпсіздікке ұласты") is expected as an event on that place. A lead
  naming no place ("бірнеше облыс орталығында") is neither expected nor rejected.
- Mentions: names with their case endings as written (Алматыда, Ақтауға, Алматыдағы,
  Қазақстаннан); region names with their noun when it follows ("Маңғыстау облысында"); in a
  list sharing one noun each name is its own span and the noun goes with the last ("Батыс
  Қазақстан", "Солтүстік Қазақстан", "Павлодар облыстарында"); city type words are left out
  ("Алматы қаласы" -> "Алматы", "Нұр-Сұлтан қалаларында" -> "Нұр-Сұлтан"). Facilities are one
  span with the name or city inside them and their case ending ("Алматы халықаралық
  әуежайын", "ҰҚК-нің Алматы бойынша департаментінің" without "ғимараты", "«Нұр Отан»
  партиясының кеңсесіне", "Жетіген әскери әуеайлағынан", "Алматы ЖЭО-2-ден"); a bare
  "әуежай", "қалалық әкімдік", "облыстық әкімдік" or "орталық алаң" resolved by context is a
  mention. Countries inside organisation names count ("Ресей Қорғаныс министрлігінің" ->
  "Ресей"); demonym adjectives count ("ресейлік", "қазақстандық", "армян", "белорус",
  "қырғыз"). Persons (Тоқаев, "Нұрсұлтан Назарбаевтың", Ибағаров), organisations (ҰҚШҰ, ҰҚК
  alone), generic words (қалада, ел бойынша, облыс билігі, қала әкімі) and places the gazetteer
  lacks (the central square of Oskemen) are not listed.
- Rejects never forbid what an expected item of the same kind in the same sentence has, and
  never pit a region against its own centre.
"""

from __future__ import annotations

from typing import Any

# Gazetteer ids (checked with `python -m geo places NAME`, Latin spellings).
ALMATY = "gn:1526384"
NUR_SULTAN = "gn:1526273"
AKTAU = "gn:610612"
AKTOBE = "gn:610611"
ATYRAU = "gn:610529"
KOSTANAY = "gn:1519928"
OSKEMEN = "gn:1520316"
SHYMKENT = "gn:1518980"
TALDYKORGAN = "gn:1518542"
TARAZ = "gn:1516905"
ZHANAOZEN = "gn:607610"

KZ = "country:KZ"
RU = "country:RU"
AM = "country:AM"
BY = "country:BY"
KG = "country:KG"
DEM_KZ = "demonym:KZ"
DEM_RU = "demonym:RU"
DEM_AM = "demonym:AM"
DEM_BY = "demonym:BY"
DEM_KG = "demonym:KG"

ALA = "airport:ALA"
AKX = "airport:AKX"
SCO = "airport:SCO"

CITY_HALL = "site:almaty-city-hall"
RESIDENCE = "site:almaty-presidential-residence"
REPUBLIC_SQUARE = "site:almaty-republic-square"
PROSECUTORS = "site:almaty-prosecutors-office"
KNB = "site:almaty-knb-department"
ALMATY_NUR_OTAN = "site:almaty-nur-otan-office"
CHPP2 = "site:almaty-chpp-2"
ZHETYGEN = "site:zhetygen-airfield"
AKTOBE_AKIMAT = "site:aktobe-akimat"
TARAZ_NUR_OTAN = "site:taraz-nur-otan-office"
ZHANAOZEN_SQUARE = "site:zhanaozen-square"

KZ_ALA = "admin1:KZ-ALA"
KZ_ALM = "admin1:KZ-ALM"
KZ_AST = "admin1:KZ-AST"
KZ_AKM = "admin1:KZ-AKM"
KZ_AKT = "admin1:KZ-AKT"
KZ_ATY = "admin1:KZ-ATY"
KZ_KUS = "admin1:KZ-KUS"
KZ_KZY = "admin1:KZ-KZY"
KZ_MAN = "admin1:KZ-MAN"
KZ_PAV = "admin1:KZ-PAV"
KZ_SEV = "admin1:KZ-SEV"
KZ_ZAP = "admin1:KZ-ZAP"
KZ_ZHA = "admin1:KZ-ZHA"

IM = "Interior Ministry"
PGO = "Prosecutor General's Office"
HM = "Health Ministry"

D = "tests/articles_gold_kk/"

GOLD: list[dict[str, Any]] = [
    {
        # Wednesday 5 January.
        "file": D + "kk01-emergency-almaty-mangystau.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "language": "kk",
        "expect": [
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "declared",
                    "date": "2022-01-05",
                    "valid_to": "2022-01-18",
                    "place": unit,
                    "quote": "Алматы қаласы мен Маңғыстау облысында 19 қаңтар сағат 00:00-ге дейін",
                }
                for unit in (KZ_ALA, KZ_MAN)
            ],
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALM,
                "quote": "Бүгін түстен кейін төтенше жағдай Алматы облысында да жарияланды",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_AST,
                "quote": "ал сағат 16:00-ден бастап ол Нұр-Сұлтанда күшіне енді",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-04",
                "place": REPUBLIC_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "Кеше кешке Алматыдағы Республика алаңына шамамен мың адам шықты",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Асқар Мамин басқарған үкіметтің отставкасын қабылдады",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 200,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "бірнеше өңірде 200-ден астам адам ұсталғанын хабарлады",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 95,
                "qualifier": "exact",
                "part": "law-enforcement officers",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "Министрліктің дерегінше, 95 құқық қорғау қызметкері жараланды",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "Коменданттық сағат 23:00-ден 07:00-ге дейін жүреді"},
            {
                "kind": "state",
                "quote": "Бүгін түстен кейін төтенше жағдай Алматы облысында да жарияланды",
                "place": KZ_ALA,
            },
            {
                "kind": "figure",
                "quote": "бірнеше өңірде 200-ден астам адам ұсталғанын хабарлады",
                "metric": "arrested",
            },
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Маңғыстау облысында", KZ_MAN),
            ("Алматы облысында", KZ_ALM),
            ("Нұр-Сұлтанда", NUR_SULTAN),
            ("Алматыдағы", ALMATY),
            ("Республика алаңына", REPUBLIC_SQUARE),
        ],
    },
    {
        # Thursday 6 January, about Wednesday 5 January.
        "file": D + "kk02-almaty-akimat-airport-seized.txt",
        "published": "2022-01-06",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY,
                "quote": "Алматыдағы наразылық сәрсенбі күні жаппай тәртіпсіздікке ұласты",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "шамамен үш мың адамнан тұратын тобыр қалалық әкімдікке басып кіріп",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "тобыр қалалық әкімдікке басып кіріп, ғимаратты өртеп жіберді",
            },
            *[
                {
                    "kind": kind,
                    **extra,
                    "date": "2022-01-05",
                    "place": site,
                    "quote": "5 қаңтарда Президент резиденциясы мен қалалық прокуратура да өртелді",
                }
                for site in (RESIDENCE, PROSECUTORS)
                for kind, extra in (
                    ("event", {"layer": "clashes"}),
                    ("state", {"layer": "infrastructure", "status": "damaged"}),
                )
            ],
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Кеше кешке тобыр Алматы халықаралық әуежайын басып алды",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Кеше кешке тобыр Алматы халықаралық әуежайын басып алды",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "кеше ҰҚК-нің Алматы бойынша департаментінің ғимараты да басып алынған",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "кеше ҰҚК-нің Алматы бойынша департаментінің ғимараты да басып алынған",
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
                "quote": "5 қаңтарда Алматыда 11 жасар бала оққа ұшып қаза тапты",
            },
            {
                # "қалада" (in the city): the place comes only from context, so left out.
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "counts": {"injured": 500},
                "metric": "injured",
                "value": 500,
                "qualifier": "about",
                "quote": "5 қаңтарда қалада шамамен 500 бейбіт тұрғын соққыға жығылып",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Президент Тоқаев ҰҚШҰ-ға мүше елдердің басшыларына көмек сұрап жүгінді",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "Кеше кешке тобыр Алматы халықаралық әуежайын басып алды",
                "place": ALMATY,
            },
            {
                "kind": "figure",
                "quote": "басып алушылардың саны шамамен 45 адам болған",
            },
            {
                "kind": "event",
                "quote": "кеше ҰҚК-нің Алматы бойынша департаментінің ғимараты да басып алынған",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Алматыдағы", ALMATY),
            ("қалалық әкімдікке", CITY_HALL),
            ("Президент резиденциясы", RESIDENCE),
            ("қалалық прокуратура", PROSECUTORS),
            ("Алматы халықаралық әуежайын", ALA),
            ("ҰҚК-нің Алматы бойынша департаментінің", KNB),
            ("Алматыда", ALMATY),
        ],
    },
    {
        # Friday 7 January.
        "file": D + "kk03-csto-peacekeepers-arrive.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "кеңесі 6 қаңтарда Қазақстанға шамамен 2500 бітімгер жіберу",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2500,
                "qualifier": "about",
                "date": "2022-01-06",
                "quote": "кеңесі 6 қаңтарда Қазақстанға шамамен 2500 бітімгер жіберу",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "бейсенбі күні алғашқы ресейлік бөлімшелер Алматы әуежайына қонды",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "Әуежай да бейсенбі күні контртеррористік операция барысында босатылды",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "қазақстандық күштермен бірге әуежайды толық бақылауда ұстап отырғанын",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": None,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "about",
                "quote": "Бүгін Армениядан шамамен 100 бітімгер келді",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": None,
                "counts": {"troops": 150},
                "metric": "troops",
                "value": 150,
                "qualifier": "exact",
                "quote": "Қырғызстан 150 арнайы жасақ сарбазын жіберді",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "армияға ескертусіз оқ атуға бұйрық бергенін айтты",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 26,
                "qualifier": "exact",
                "part": "armed criminals",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "бүгінгі дерегінше, 26 «қарулы қылмыскер» жойылды",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 18,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "18 күштік құрылым қызметкері қаза тапты",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 3000,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "үш мыңнан астам адам ұсталды",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "бейсенбі күні алғашқы ресейлік бөлімшелер Алматы әуежайына қонды",
                "place": RU,
            },
            {
                "kind": "event",
                "quote": "Ол Алматыға 20 мың бандит шабуыл жасады деп мәлімдеді",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Қазақстанға", KZ),
            ("Ресей", RU),
            ("ресейлік", DEM_RU),
            ("Алматы әуежайына", ALA),
            ("Әуежай", ALA),
            ("қазақстандық", DEM_KZ),
            ("әуежайды", ALA),
            ("Армениядан", AM),
            ("Қырғызстан", KG),
            ("Алматыға", ALMATY),
        ],
    },
    {
        # Thursday 6 January, about Wednesday 5 January in the regions.
        "file": D + "kk04-regional-clashes-january-5.txt",
        "published": "2022-01-06",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKTOBE_AKIMAT,
                "quote": "Ақтөбеде кеше түстен кейін наразылар облыстық әкімдікке басып кірді",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TALDYKORGAN,
                "quote": "Талдықорғанда наразылар кеше Нұрсұлтан Назарбаевтың ескерткішін құлатты",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Таразда 5 қаңтарда «Нұр Отан» партиясының кеңсесіне от қойылды",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Таразда 5 қаңтарда «Нұр Отан» партиясының кеңсесіне от қойылды",
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
                "quote": "Атырауда полиция демонстранттарға оқ атып, кемінде бір адам мерт болды",
            },
            {
                # Breaking through a police cordon: layer left open.
                "kind": "event",
                "date": "2022-01-05",
                "place": KOSTANAY,
                "metric": "participants",
                "value": 12,
                "qualifier": "dozens",
                "quote": "Қостанайда кеше ондаған адам полиция кордонын бұзып өтті",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-05",
                "place": OSKEMEN,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "Өскеменде сәрсенбі күні орталық алаңға шамамен үш мың адам жиналды",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": AKX,
                "quote": "Кеше қарулы топтар Ақтөбе әуежайын басып алды",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": AKX,
                "quote": "Кеше қарулы топтар Ақтөбе әуежайын басып алды",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": AKX,
                "quote": "бүгін облыс билігі әуежайдың босатылғанын мәлімдеді",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "Зардап шеккендер бар, алайда олардың саны айтылмады"},
            {
                "kind": "event",
                "quote": "Талдықорғанда наразылар кеше Нұрсұлтан Назарбаевтың ескерткішін құлатты",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "Атырауда полиция демонстранттарға оқ атып, кемінде бір адам мерт болды",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Ақтөбеде", AKTOBE),
            ("облыстық әкімдікке", AKTOBE_AKIMAT),
            ("Талдықорғанда", TALDYKORGAN),
            ("Таразда", TARAZ),
            ("«Нұр Отан» партиясының кеңсесіне", TARAZ_NUR_OTAN),
            ("Атырауда", ATYRAU),
            ("Қостанайда", KOSTANAY),
            ("Өскеменде", OSKEMEN),
            ("Ақтөбе әуежайын", AKX),
            ("әуежайдың", AKX),
        ],
    },
    {
        # Thursday 13 January.
        "file": D + "kk05-withdrawal-begins-airport-reopens.txt",
        "published": "2022-01-13",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "ҰҚШҰ бітімгерлері бүгін Қазақстаннан кете бастады",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "about",
                "date": "2022-01-13",
                "quote": "елде шамамен екі мың шетелдік әскери болған",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "Алматы халықаралық әуежайы бүгін жолаушыларға қайта ашылды",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Әуежай 5 қаңтардан бері жолаушылар үшін жабық болған",
            },
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-13",
                    "place": unit,
                    "quote": "Батыс Қазақстан, Солтүстік Қазақстан және Павлодар облыстарында",
                }
                for unit in (KZ_ZAP, KZ_SEV, KZ_PAV)
            ],
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-12",
                "place": ALMATY,
                "quote": "Кеше Тоқаев тәртіпсіздіктен кейін алғаш рет Алматыға барып",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": SHYMKENT,
                "counts": {"detained": 3500, "injured": 45},
                "quote": "Шымкентте ұсталғандар саны 3500-ден асты",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "Батыс Қазақстан, Солтүстік Қазақстан және Павлодар облыстарында",
                "place": None,
            },
            {"kind": "figure", "quote": "Шымкентте ұсталғандар саны 3500-ден асты"},
        ],
        "mentions": [
            ("Қазақстаннан", KZ),
            ("қазақстандық", DEM_KZ),
            ("Алматы халықаралық әуежайы", ALA),
            ("Әуежай", ALA),
            ("Батыс Қазақстан", KZ_ZAP),
            ("Солтүстік Қазақстан", KZ_SEV),
            ("Павлодар облыстарында", KZ_PAV),
            ("Алматыға", ALMATY),
            ("Шымкентте", SHYMKENT),
        ],
    },
    {
        # Sunday 16 January, about Saturday 15 January.
        "file": D + "kk06-prosecutors-first-toll.txt",
        "published": "2022-01-16",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "мәйітханаларға 225 адамның денесі жеткізілгенін",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "police officers and soldiers",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "олардың 19-ы полиция қызметкерлері мен әскерилер екенін хабарлады",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 4353,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "Ведомство сенбі күні 4353 адам жараланғанын",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3393,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "оның 3393-і күштік құрылым қызметкерлері екенін мәлімдеді",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 446,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "кеше сот шешімімен 446 адамның қамауға алынғанын да хабарлады",
            },
            {
                "kind": "figure",
                "metric": "participants",
                "value": 50000,
                "qualifier": "up to",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "5 қаңтарда тәртіпсіздікке 50 мыңға дейін адам қатысқан",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 175,
                "qualifier": "exact",
                "part": "died in medical facilities",
                "reported_by": HM,
                "date": "2022-01-15",
                "quote": "кеше 175 адамның медициналық мекемелерде көз жұмғанын хабарлады",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-16",
                "place": KZ_AKT,
                "quote": "Бүгін сағат 07:00-де Ақтөбе облысында төтенше жағдай алынды",
            },
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-15",
                    "place": unit,
                    "quote": "Кеше таңертең ол Ақмола және Қостанай облыстарында тоқтатылды",
                }
                for unit in (KZ_AKM, KZ_KUS)
            ],
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "кеше сот шешімімен 446 адамның қамауға алынғанын да хабарлады",
                "metric": "detained",
            },
            {"kind": "event", "quote": "5 қаңтарда тәртіпсіздікке 50 мыңға дейін адам қатысқан"},
        ],
        "mentions": [
            ("Қазақстандағы", KZ),
            ("Ақтөбе облысында", KZ_AKT),
            ("Ақмола", KZ_AKM),
            ("Қостанай облыстарында", KZ_KUS),
        ],
    },
    {
        # Saturday 8 January.
        "file": D + "kk07-zhanaozen-aktau-protests-end.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN,
                "quote": "Жаңаөзенде бір аптаға жуық жалғасқан наразылық бәсеңдеді",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "Бүгін қала әкімі Мақсат Ибағаров орталық алаңға шығып",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": AKTAU,
                "quote": "Ақтауда да бүгін наразылық аяқталды",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-08",
                "place": SCO,
                "quote": "Ақтау әуежайы әзірге жабық тұр",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": TARAZ,
                "quote": "Таразда бүгін коменданттық сағат ұзартылды",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-08",
                "place": TARAZ,
                "counts": {"fatalities": 6, "injured": 5},
                "quote": "Таразда арнайы операция кезінде алты қарулы шабуылдаушы жойылғанын",
            },
            {
                # The day of the injuries is not given: date left out.
                "kind": "event",
                "layer": "clashes",
                "place": SHYMKENT,
                "counts": {"injured": 60},
                "metric": "injured",
                "value": 60,
                "qualifier": "about",
                "quote": "Шымкентте тәртіпсіздік кезінде шамамен 60 адам жарақат алды",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 4400,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-08",
                "quote": "ел бойынша 4400-ден астам адам ұсталғанын хабарлады",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 40,
                "qualifier": "more than",
                "reported_by": "state television",
                "date": "2022-01-08",
                "quote": "Мемлекеттік телеарна 40-тан астам адам қаза тапқанын жариялады",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "бірақ 40-50 адам сол жерде қалатынын айтты"},
            {"kind": "state", "quote": "Ақтау әуежайы әзірге жабық тұр", "place": AKTAU},
        ],
        "mentions": [
            ("Жаңаөзенде", ZHANAOZEN),
            ("орталық алаңға", ZHANAOZEN_SQUARE),
            ("Ақтауда", AKTAU),
            ("Ақтау әуежайы", SCO),
            ("Таразда", TARAZ),
            ("Жамбыл облысының", KZ_ZHA),
            ("Таразда", TARAZ),
            ("Шымкентте", SHYMKENT),
        ],
    },
    {
        # Wednesday 19 January.
        "file": D + "kk08-emergency-over-csto-gone.txt",
        "published": "2022-01-19",
        "published_from": "header",
        "language": "kk",
        "expect": [
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "төтенше жағдай мен коменданттық сағат соңғы жеті өңірде алынды",
                }
                for unit in (KZ_ALA, KZ_AST, KZ_ALM, KZ_MAN, KZ_ATY, KZ_ZHA, KZ_KZY)
            ],
            *[
                {
                    "kind": "state",
                    "layer": "troops",
                    "status": "withdrawn",
                    "date": "2022-01-19",
                    "place": city,
                    "quote": "бүгін Нұр-Сұлтан мен Алматыдан төрт ұшақпен елге қайтты",
                }
                for city in (NUR_SULTAN, ALMATY)
            ],
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "Осылайша ҰҚШҰ күштері Қазақстаннан толық шығарылды",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ALA,
                "quote": "Өткен жұмада армян бөлімшесі Алматы әуежайынан үш Ил-76 ұшағымен",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": "белорус контингенті Жетіген әскери әуеайлағынан ұшып кетті",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": CHPP2,
                "quote": "Қырғыз сарбаздары да 14 қаңтарда өздері күзеткен Алматы ЖЭО-2-ден",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "әуежайы бүгіннен бастап қайтадан тәулік бойы жұмыс істейді",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "терроризм қаупінің «қызыл» деңгейі сақталып отыр",
                "status": "lifted",
            },
            {"kind": "figure", "quote": "бүгін Нұр-Сұлтан мен Алматыдан төрт ұшақпен елге қайтты"},
            {
                "kind": "state",
                "quote": "белорус контингенті Жетіген әскери әуеайлағынан ұшып кетті",
                "place": BY,
            },
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Нұр-Сұлтан", NUR_SULTAN),
            ("Алматы", KZ_ALM),
            ("Маңғыстау", KZ_MAN),
            ("Атырау", KZ_ATY),
            ("Жамбыл", KZ_ZHA),
            ("Қызылорда облыстарында", KZ_KZY),
            ("Алматыда", ALMATY),
            ("Алматы облысы", KZ_ALM),
            ("Жамбыл облысында", KZ_ZHA),
            ("ресейлік", DEM_RU),
            ("Нұр-Сұлтан", NUR_SULTAN),
            ("Алматыдан", ALMATY),
            ("Қазақстаннан", KZ),
            ("армян", DEM_AM),
            ("Алматы әуежайынан", ALA),
            ("белорус", DEM_BY),
            ("Жетіген әскери әуеайлағынан", ZHETYGEN),
            ("Қырғыз", DEM_KG),
            ("Алматы ЖЭО-2-ден", CHPP2),
            ("Алматы халықаралық әуежайы", ALA),
        ],
    },
]
