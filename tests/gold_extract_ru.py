"""Blind Russian (and Kazakh) gold set for extraction and geoparsing (issue 19).

How it was written: by a helper session that never saw the extraction or geoparser code, its
lexicons or its rules (nothing under geo/ was opened; gazetteer ids were looked up only with
`python -m geo places` and Latin spellings). The 18 articles in tests/articles_gold_ru/ were
written in our own Russian (17) and Kazakh (1) from the project's sourced facts
(data/events.csv, states.csv, figures.csv, facilities.csv, ../shared/research/*.csv); no figure
was invented. 14 use our header format (publisher "crisismap gold set (synthetic)"), 4 are plain
wire copy with a Russian dateline ("АКТАУ, 4 января -", "МОСКВА, 6 января -" about Kazakhstan).

Entry: as in tests/gold_extract.py ({"file", "published", "published_from", "expect",
"reject"}), plus "language" ("ru" | "kk") and "mentions": every place mention of the body (the
text after the "---" line, or the whole file without a header) in text order, as (surface text
exactly as written, gazetteer id), for scoring the geoparser like tests/gold_geoparse.py (exact
span and id; search each surface from the end of the previous one).

Item keys and conventions are those of tests/gold_extract.py (read its docstring): kind, layer,
status, date, time_precision (only 2), valid_to, place, counts, metric/value/qualifier,
certainty, reported_by and part (given in English, as the contract's normalised values; not
scored), quote (an exact 4-15 word substring of the body, within one sentence).

Conventions decided here for Russian and Kazakh:
- Dates against the publication day D: сегодня/бүгін D, вчера/накануне/кеше D-1, завтра D+1,
  ночью D, "в ночь на 6 января" 6 January; a past-tense weekday is the latest such day before D,
  a future one ("начнётся в четверг", "возобновит работу в четверг") the next one after D;
  "на прошлой неделе", "с прошлой недели" D-7 with time_precision 2; "в тот же день"/"сол күні"
  counts from the date in the same sentence. A sentence with no date of its own takes D, so
  every article gives each dated statement its own date word.
- "до 00:00 19 января" ends on 18 January (valid_to 2022-01-18); "до воскресенья" includes
  that Sunday.
- Counts: около/примерно/шамамен -> about; более/свыше/больше/превысило -> more than; не менее/по
  меньшей мере -> at least; до (a ceiling: "до 6 тысяч", "до 50 тысяч") -> up to; десятки /
  несколько десятков -> dozens 12; "около 2,5 тыс." -> 2500 about; numbers in words ("трое",
  "пятеро", "двух тысяч") are numbers. "Задержаны" -> detained; "арестованы по решению суда"
  -> arrested. Prices, hours, kilometres and criminal cases are never counts.
- A hedge ("по неподтверждённым данным", "полиция утверждает") makes the item uncertain, also
  when it bears only on the item's count. "Опровергли" (a denial) appears only in reject.
- Emergencies sit on admin-1 ids (the city of Almaty admin1:KZ-ALA, Nur-Sultan admin1:KZ-AST,
  Shymkent admin1:KZ-SHY), even where the clause names the city; "областной центр" and the
  centres named beside a region do not change that.
- Mentions: names in any case form and script (Алма-Аты, Жанаозене, Жаңаөзеннің, Оралда),
  region adjectives with their noun when it follows ("Алматинской области", "Маңғыстау
  облысында"); in a list sharing one noun each adjective is its own span and the noun goes with
  the last ("Западно-Казахстанской", ..., "Павлодарской областях"). City and village type words
  are left out ("посёлка Жетыбай" -> "Жетыбай"). Facilities are one span with the name or city
  inside them, without "здание" ("акимата Алматы", "аэропорту Алма-Аты", "офис партии «Нур
  Отан»", "алматинской ТЭЦ-2", "военного аэродрома Жетыген"); a bare "аэропорт" or "городского
  акимата" resolved by context is a mention. Countries inside organisation names count
  ("Минобороны России" -> "России"); demonym adjectives count as in tests/gold_geoparse.py
  ("российские" demonym:RU, "казахстанских" demonym:KZ). Persons (Токаев, Назарбаев,
  "Нурсултан Назарбаев", Масимов), parties ("Нур Отан" alone), channels («Хабар 24») and
  companies are not places. Places the gazetteer lacks (the square in Aktau or Ust-Kamenogorsk,
  the East Kazakhstan akimat) are not listed.
- Rejects never forbid what an expected item of the same kind in the same sentence has, and
  never pit a region against its own centre (they share one point), so a correct candidate
  cannot violate one.
"""

from __future__ import annotations

from typing import Any

# Gazetteer ids (checked with `python -m geo places NAME`, Latin spellings).
ALMATY = "gn:1526384"
NUR_SULTAN = "gn:1526273"
AKTAU = "gn:610612"
AKTOBE = "gn:610611"
KARAGANDA = "gn:609655"
KYZYLORDA = "gn:1519922"
ORAL = "gn:608668"
OSKEMEN = "gn:1520316"
PAVLODAR = "gn:1520240"
PETROPAVL = "gn:1520172"
SEMEY = "gn:1519422"
SHU = "gn:1519030"
SHYMKENT = "gn:1518980"
TARAZ = "gn:1516905"
ZHANAOZEN = "gn:607610"
ZHETYBAY = "gn:607551"
MOSCOW = "gn:524901"

KZ = "country:KZ"
RU = "country:RU"
AM = "country:AM"
BY = "country:BY"
TJ = "country:TJ"
KG = "country:KG"
DEM_KZ = "demonym:KZ"
DEM_RU = "demonym:RU"
DEM_AM = "demonym:AM"
DEM_BY = "demonym:BY"
DEM_TJ = "demonym:TJ"
DEM_KG = "demonym:KG"

ALA = "airport:ALA"
NQZ = "airport:NQZ"

CITY_HALL = "site:almaty-city-hall"
RESIDENCE = "site:almaty-presidential-residence"
REPUBLIC_SQUARE = "site:almaty-republic-square"
PROSECUTORS = "site:almaty-prosecutors-office"
KNB = "site:almaty-knb-department"
ALMATY_NUR_OTAN = "site:almaty-nur-otan-office"
KOKTOBE = "site:almaty-koktobe-tv-tower"
CHPP2 = "site:almaty-chpp-2"
DRUZHBA = "site:almaty-druzhba-pumping-station"
MIL_INSTITUTE = "site:almaty-military-institute"
ZHETYGEN = "site:zhetygen-airfield"
AKTOBE_AKIMAT = "site:aktobe-akimat"
AKTAU_AKIMAT = "site:aktau-akimat"
TARAZ_NUR_OTAN = "site:taraz-nur-otan-office"
SHYMKENT_AKIMAT = "site:shymkent-akimat"
NUR_SULTAN_AKIMAT = "site:nur-sultan-akimat"
ZHANAOZEN_SQUARE = "site:zhanaozen-square"

KZ_ALA = "admin1:KZ-ALA"
KZ_ALM = "admin1:KZ-ALM"
KZ_AST = "admin1:KZ-AST"
KZ_AKM = "admin1:KZ-AKM"
KZ_AKT = "admin1:KZ-AKT"
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

D = "tests/articles_gold_ru/"

GOLD: list[dict[str, Any]] = [
    {
        # Monday 3 January.
        "file": D + "ru01-mangistau-gas-protest-second-day.txt",
        "published": "2022-01-03",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": KZ_MAN,
                "quote": "Мангистауская область второй день охвачена протестами",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-01",
                "quote": "С 1 января газ продаётся через биржевые торги",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "Акция в Жанаозене (по-казахски Жаңаөзен) началась в воскресенье",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": AKTAU,
                "quote": "в тот же день на улицы вышли водители и жители Актау",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHANAOZEN_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "протестующие в Жанаозене не уходили с центральной площади",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHETYBAY,
                "quote": "Сегодня протестующие перекрыли дорогу у посёлка Жетыбай",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": AKTAU_AKIMAT,
                "metric": "participants",
                "value": 6000,
                "qualifier": "up to",
                "certainty": "uncertain",
                "quote": "В Актау у здания городского акимата вырос палаточный лагерь",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "литр подорожал примерно вдвое, с 60 до 120 тенге"},
            {
                "kind": "event",
                "quote": "В Актау у здания городского акимата вырос палаточный лагерь",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("Мангистауская область", KZ_MAN),
            ("Жанаозене", ZHANAOZEN),
            ("Жаңаөзен", ZHANAOZEN),
            ("Актау", AKTAU),
            ("Жанаозене", ZHANAOZEN),
            ("центральной площади", ZHANAOZEN_SQUARE),
            ("Жетыбай", ZHETYBAY),
            ("Актау", AKTAU),
            ("городского акимата", AKTAU_AKIMAT),
        ],
    },
    {
        # Tuesday 4 January; dateline Aktau.
        "file": D + "ru02-aktau-dateline-gas-price-cut.txt",
        "published": "2022-01-04",
        "published_from": "dateline",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": KZ_MAN,
                "quote": "Правительственная комиссия во вторник согласилась снизить цену",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTAU_AKIMAT,
                "quote": "протестующие на площади у городского акимата не расходятся",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": AKTAU,
                "quote": "Вчера вечером полиция оцепила палаточный лагерь",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "Протест начался 2 января в Жанаозене",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": AKTAU,
                "quote": "в тот же день перекинулся на областной центр",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-04",
                "place": None,
                "quote": "по всей стране была серьёзно нарушена работа мобильного интернета",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "в Мангистауской области до 50 тенге за литр"},
            {
                "kind": "event",
                "quote": "часть полицейских отказывается действовать против толпы",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "по всей стране была серьёзно нарушена работа мобильного интернета",
                "place": AKTAU,
            },
        ],
        "mentions": [
            ("АКТАУ", AKTAU),
            ("Мангистауской области", KZ_MAN),
            ("городского акимата", AKTAU_AKIMAT),
            ("Жанаозене", ZHANAOZEN),
            ("Актау", AKTAU),
        ],
    },
    {
        # Wednesday 5 January.
        "file": D + "ru03-emergency-almaty-mangistau.txt",
        "published": "2022-01-05",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "valid_to": "2022-01-18",
                "place": KZ_ALA,
                "quote": "ввёл режим чрезвычайного положения в Алматы и Мангистауской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "valid_to": "2022-01-18",
                "place": KZ_MAN,
                "quote": "ввёл режим чрезвычайного положения в Алматы и Мангистауской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_ALM,
                "quote": "режим ЧП ввели также в Алматинской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "declared",
                "date": "2022-01-05",
                "place": KZ_AST,
                "quote": "и в Нур-Султане (с 16:00)",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-04",
                "place": REPUBLIC_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "около тысячи человек вышли на площадь Республики в Алматы",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Сегодня Токаев принял отставку правительства Аскара Мамина",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "сменил Нурсултана Назарбаева на посту председателя Совета безопасности",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 200,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-05",
                "quote": "в нескольких регионах задержаны более 200 человек",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "сменил Нурсултана Назарбаева на посту председателя Совета безопасности",
                "place": NUR_SULTAN,
            },
            {
                "kind": "figure",
                "quote": "в нескольких регионах задержаны более 200 человек",
                "metric": "arrested",
            },
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Мангистауской области", KZ_MAN),
            ("Алматинской области", KZ_ALM),
            ("Нур-Султане", NUR_SULTAN),
            ("площадь Республики", REPUBLIC_SQUARE),
            ("Алматы", ALMATY),
        ],
    },
    {
        # Tuesday 4 January.
        "file": D + "ru04-rallies-spread-regions.txt",
        "published": "2022-01-04",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHYMKENT_AKIMAT,
                "counts": {"detained": 10},
                "metric": "detained",
                "value": 10,
                "qualifier": "more than",
                "quote": "В Шымкенте люди собрались перед городским акиматом",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTOBE_AKIMAT,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "В Актобе около тысячи протестующих пришли к областному акимату",
            },
            {
                # A rally with scuffles: layer left open.
                "kind": "event",
                "date": "2022-01-04",
                "place": ORAL,
                "quote": "В Орале (Уральске) прошёл митинг в поддержку Жанаозена",
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
                "quote": "В Таразе акцию в центре города транслировал в прямом эфире",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": SHU,
                "metric": "participants",
                "value": 300,
                "qualifier": "more than",
                "quote": "В городе Шу Жамбылской области на митинг вышли более 300 активистов",
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
                "quote": "В Нур-Султане митинг прошёл у городского акимата",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": KYZYLORDA,
                "quote": "Акции также прошли в Кызылорде и Караганде",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": KARAGANDA,
                "quote": "Акции также прошли в Кызылорде и Караганде",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "полиция задержала более десяти человек"},
            {
                "kind": "event",
                "quote": "В Орале (Уральске) прошёл митинг в поддержку Жанаозена",
                "place": ZHANAOZEN,
            },
            {
                "kind": "event",
                "quote": "В городе Шу Жамбылской области на митинг вышли более 300 активистов",
                "place": KZ_ZHA,
            },
        ],
        "mentions": [
            ("Мангистау", KZ_MAN),
            ("Шымкенте", SHYMKENT),
            ("городским акиматом", SHYMKENT_AKIMAT),
            ("Актобе", AKTOBE),
            ("областному акимату", AKTOBE_AKIMAT),
            ("Орале", ORAL),
            ("Уральске", ORAL),
            ("Жанаозена", ZHANAOZEN),
            ("Таразе", TARAZ),
            ("Шу", SHU),
            ("Жамбылской области", KZ_ZHA),
            ("Нур-Султане", NUR_SULTAN),
            ("городского акимата", NUR_SULTAN_AKIMAT),
            ("Кызылорде", KYZYLORDA),
            ("Караганде", KARAGANDA),
        ],
    },
    {
        # Thursday 6 January, about Wednesday 5 January.
        "file": D + "ru05-almaty-january-5.txt",
        "published": "2022-01-06",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "толпа примерно в три тысячи человек ворвалась в здание акимата Алматы",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": CITY_HALL,
                "quote": "толпа примерно в три тысячи человек ворвалась в здание акимата Алматы",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "были подожжены также резиденция президента и городская прокуратура",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": RESIDENCE,
                "quote": "были подожжены также резиденция президента и городская прокуратура",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "были подожжены также резиденция президента и городская прокуратура",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": PROSECUTORS,
                "quote": "были подожжены также резиденция президента и городская прокуратура",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALMATY_NUR_OTAN,
                "quote": "офис партии «Нур Отан» разгромлен и подожжён",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": ALMATY_NUR_OTAN,
                "quote": "офис партии «Нур Отан» разгромлен и подожжён",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "metric": "participants",
                "value": 45,
                "qualifier": "about",
                "quote": "Вчера вечером толпа захватила аэропорт Алматы",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Вчера вечером толпа захватила аэропорт Алматы",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "вчера было захвачено и здание департамента КНБ по Алматы",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "seized",
                "date": "2022-01-05",
                "place": KNB,
                "certainty": "uncertain",
                "quote": "вчера было захвачено и здание департамента КНБ по Алматы",
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
                "quote": "5 января в Алматы застрелен 11-летний мальчик",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": None,
                "quote": "интернет по всей стране был практически отключён",
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
                "quote": "В ночь на 6 января управление полиции Алматы",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "Токаев обратился к лидерам ОДКБ с просьбой о помощи",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "офис партии «Нур Отан» разгромлен и подожжён",
                "place": TARAZ_NUR_OTAN,
            },
            {
                "kind": "state",
                "quote": "Вчера вечером толпа захватила аэропорт Алматы",
                "place": ALMATY,
            },
            {"kind": "figure", "quote": "в терминал ворвались около 45 человек"},
            {
                "kind": "event",
                "quote": "вчера было захвачено и здание департамента КНБ по Алматы",
                "certainty": "reported",
            },
            {
                "kind": "state",
                "quote": "интернет по всей стране был практически отключён",
                "place": ALMATY,
            },
            {
                "kind": "event",
                "quote": "В ночь на 6 января управление полиции Алматы",
                "certainty": "reported",
            },
            {"kind": "figure", "quote": "полиция утверждает, что уничтожены десятки нападавших"},
            {
                "kind": "event",
                "quote": "Токаев обратился к лидерам ОДКБ с просьбой о помощи",
                "place": ALMATY,
            },
        ],
        "mentions": [
            ("акимата Алматы", CITY_HALL),
            ("резиденция президента", RESIDENCE),
            ("городская прокуратура", PROSECUTORS),
            ("офис партии «Нур Отан»", ALMATY_NUR_OTAN),
            ("аэропорт Алматы", ALA),
            ("департамента КНБ по Алматы", KNB),
            ("Алматы", ALMATY),
            ("Алматы", ALMATY),
        ],
    },
    {
        # Thursday 6 January; Moscow dateline, story about Kazakhstan.
        "file": D + "ru06-moscow-dateline-csto-peacekeepers.txt",
        "published": "2022-01-06",
        "published_from": "dateline",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "направит в Казахстан миротворцев, сообщил председатель Совета",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2500,
                "qualifier": "about",
                "date": "2022-01-06",
                "quote": "по плану их численность составит около 2,5 тыс. военнослужащих",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "Сегодня в аэропорту Алма-Аты приземлились первые российские",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "аэропорт освобождён в ходе контртеррористической операции",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": ALMATY,
                "counts": {"injured": 190},
                "metric": "injured",
                "value": 190,
                "qualifier": "exact",
                "quote": "За медицинской помощью в Алма-Ате, по его словам, обратились",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 1000,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-06",
                "quote": "по всей стране пострадали более тысячи человек",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": KOKTOBE,
                "quote": "погромщики дважды пытались захватить телебашню на Коктобе",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "направит в Казахстан миротворцев, сообщил председатель Совета",
                "place": MOSCOW,
            },
            {
                "kind": "event",
                "quote": "направит в Казахстан миротворцев, сообщил председатель Совета",
                "place": AM,
            },
            {
                "kind": "state",
                "quote": "Сегодня в аэропорту Алма-Аты приземлились первые российские",
                "place": MOSCOW,
            },
            {
                "kind": "state",
                "quote": "Сегодня в аэропорту Алма-Аты приземлились первые российские",
                "place": ALMATY,
            },
            {"kind": "figure", "quote": "За медицинской помощью в Алма-Ате, по его словам"},
            {
                "kind": "state",
                "quote": "Городские власти опровергли слухи о её захвате",
                "status": "seized",
            },
            {
                "kind": "event",
                "quote": "Городские власти опровергли слухи о её захвате",
                "certainty": "reported",
            },
        ],
        "mentions": [
            ("МОСКВА", MOSCOW),
            ("Казахстан", KZ),
            ("Армении", AM),
            ("России", RU),
            ("Белоруссии", BY),
            ("Армении", AM),
            ("Таджикистана", TJ),
            ("Киргизии", KG),
            ("аэропорту Алма-Аты", ALA),
            ("российские", DEM_RU),
            ("Алма-Аты", ALMATY),
            ("аэропорт", ALA),
            ("Алма-Ате", ALMATY),
            ("Казахстана", KZ),
            ("телебашню на Коктобе", KOKTOBE),
        ],
    },
    {
        # Friday 7 January.
        "file": D + "ru07-tokayev-fire-without-warning.txt",
        "published": "2022-01-07",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": None,
                "quote": "отдал силовикам и армии приказ открывать огонь на поражение",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 26,
                "qualifier": "exact",
                "part": "armed criminals",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "ликвидированы 26 «вооружённых преступников»",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 18,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "погибли 18 сотрудников силовых структур",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 748,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "ранены 748 полицейских и военнослужащих Нацгвардии",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 3000,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-07",
                "quote": "По данным министерства, задержаны более 3 тысяч человек",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-07",
                "place": ALA,
                "quote": "миротворцы вместе с казахстанскими силами полностью контролируют",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-06",
                "place": ALA,
                "quote": "аэропорт Алматы, освобождённый в четверг",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-07",
                "valid_to": "2022-01-09",
                "place": ALA,
                "quote": "Аэропорт Алматы останется закрытым до воскресенья",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-07",
                "place": NQZ,
                "quote": "В аэропорту Нур-Султана сегодня возобновились внутренние рейсы",
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
                "quote": "прибыли около 100 армянских миротворцев",
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
                "quote": "Киргизия направила 150 бойцов спецназа",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "на Алматы напали 20 тысяч бандитов",
                "certainty": "reported",
            },
            {"kind": "figure", "quote": "на Алматы напали 20 тысяч бандитов"},
            {
                "kind": "state",
                "quote": "миротворцы вместе с казахстанскими силами полностью контролируют",
                "place": RU,
            },
            {
                "kind": "state",
                "quote": "В аэропорту Нур-Султана сегодня возобновились внутренние рейсы",
                "place": NUR_SULTAN,
            },
            {"kind": "state", "quote": "Киргизия направила 150 бойцов спецназа", "place": KG},
            {"kind": "figure", "quote": "Киргизия направила 150 бойцов спецназа"},
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("России", RU),
            ("казахстанскими", DEM_KZ),
            ("аэропорт Алматы", ALA),
            ("Аэропорт Алматы", ALA),
            ("аэропорту Нур-Султана", NQZ),
            ("Казахстан", KZ),
            ("армянских", DEM_AM),
            ("Киргизия", KG),
        ],
    },
    {
        # Saturday 8 January.
        "file": D + "ru08-masimov-detained-rallies-end.txt",
        "published": "2022-01-08",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-06",
                "place": None,
                "quote": "в четверг его бывший председатель Карим Масимов был задержан",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 4400,
                "qualifier": "more than",
                "reported_by": IM,
                "date": "2022-01-08",
                "quote": "по всей стране задержаны более 4400 человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 40,
                "qualifier": "more than",
                "reported_by": "state television",
                "date": "2022-01-08",
                "quote": "Государственное телевидение сообщило, что погибли более 40 человек",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": ZHANAOZEN_SQUARE,
                "quote": "аким города Максат Ибагаров сегодня вышел к протестующим",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-08",
                "place": AKTAU,
                "quote": "В Актау протест сегодня закончился",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-08",
                "place": TARAZ,
                "quote": "В Таразе комендантский час продлили",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-08",
                "place": TARAZ,
                "counts": {"fatalities": 6, "injured": 5},
                "quote": "в ходе спецоперации в Таразе ликвидированы шесть вооружённых нападавших",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Офис «Нур Отана» в Таразе, подожжённый 5 января",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "damaged",
                "date": "2022-01-05",
                "place": TARAZ_NUR_OTAN,
                "quote": "Офис «Нур Отана» в Таразе, подожжённый 5 января",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_KUS,
                "counts": {"detained": 650},
                "metric": "detained",
                "value": 650,
                "qualifier": "more than",
                "quote": "В Костанайской области, по словам коменданта региона",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "в четверг его бывший председатель Карим Масимов был задержан",
                "place": KNB,
            },
            {
                "kind": "event",
                "quote": "Офис «Нур Отана» в Таразе, подожжённый 5 января",
                "place": ALMATY_NUR_OTAN,
            },
            {
                "kind": "state",
                "quote": "Офис «Нур Отана» в Таразе, подожжённый 5 января",
                "place": ALMATY_NUR_OTAN,
            },
            {
                "kind": "figure",
                "quote": "в ходе спецоперации в Таразе ликвидированы шесть вооружённых нападавших",
            },
            {"kind": "figure", "quote": "В Костанайской области, по словам коменданта региона"},
        ],
        "mentions": [
            ("Жанаозене", ZHANAOZEN),
            ("центральную площадь", ZHANAOZEN_SQUARE),
            ("Актау", AKTAU),
            ("Таразе", TARAZ),
            ("Жамбылской области", KZ_ZHA),
            ("Таразе", TARAZ),
            ("Офис «Нур Отана»", TARAZ_NUR_OTAN),
            ("Таразе", TARAZ),
            ("Костанайской области", KZ_KUS),
        ],
    },
    {
        # Monday 10 January; dateline Almaty.
        "file": D + "ru09-almaty-dateline-internet-returns.txt",
        "published": "2022-01-10",
        "published_from": "dateline",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Интернет вернулся в Алматы рано утром в понедельник",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": None,
                "quote": "однако через несколько часов в ряде мест её снова отключили",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "disrupted",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": "В Нур-Султане сегодня заработал проводной интернет",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "сегодня день общенационального траура по погибшим",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "На онлайн-саммите ОДКБ Токаев сообщил",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2030,
                "qualifier": "exact",
                "reported_by": "Tokayev",
                "date": "2022-01-10",
                "quote": "в стране находятся 2030 военнослужащих коллективных сил",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-09",
                "place": None,
                "quote": "уточнил, что развёртывание завершилось в воскресенье",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": NUR_SULTAN,
                "quote": "Контингенты размещены в Нур-Султане, Алматы и городах",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": ALMATY,
                "quote": "Контингенты размещены в Нур-Султане, Алматы и городах",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": KZ_ALM,
                "quote": "Контингенты размещены в Нур-Султане, Алматы и городах",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "date": "2022-01-10",
                "place": MIL_INSTITUTE,
                "quote": "штаб сил находится в Военном институте Сухопутных войск",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 7939,
                "qualifier": "exact",
                "reported_by": IM,
                "date": "2022-01-10",
                "quote": "По данным МВД, на сегодня задержаны 7939 человек",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "после отключения, длившегося около 111 часов"},
            {
                "kind": "event",
                "quote": "сегодня день общенационального траура по погибшим",
                "place": ALMATY,
            },
            {"kind": "event", "quote": "На онлайн-саммите ОДКБ Токаев сообщил", "place": ALMATY},
            {
                "kind": "state",
                "quote": "уточнил, что развёртывание завершилось в воскресенье",
                "place": ALMATY,
            },
        ],
        "mentions": [
            ("АЛМАТЫ", ALMATY),
            ("Алматы", ALMATY),
            ("Нур-Султане", NUR_SULTAN),
            ("Казахстане", KZ),
            ("Нур-Султане", NUR_SULTAN),
            ("Алматы", ALMATY),
            ("Алматинской области", KZ_ALM),
            ("Военном институте Сухопутных войск", MIL_INSTITUTE),
        ],
    },
    {
        # Monday 10 January: the toll of Sunday 9 January withdrawn.
        "file": D + "ru10-toll-164-retracted.txt",
        "published": "2022-01-10",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 164,
                "qualifier": "at least",
                "reported_by": HM,
                "date": "2022-01-09",
                "certainty": "retracted",
                "quote": "во время беспорядков погибли не менее 164 человек",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": ALMATY,
                "counts": {"fatalities": 103},
                "certainty": "retracted",
                "quote": "из них 103 — в Алматы",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_KZY,
                "counts": {"fatalities": 21},
                "certainty": "retracted",
                "quote": "21 человек погиб в Кызылординской области",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ZHA,
                "counts": {"fatalities": 10},
                "certainty": "retracted",
                "quote": "10 — в Жамбылской области",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_ALM,
                "counts": {"fatalities": 8},
                "certainty": "retracted",
                "quote": "8 — в Алматинской области",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 2200,
                "qualifier": "more than",
                "reported_by": HM,
                "date": "2022-01-09",
                "quote": "за медицинской помощью обратились более 2200 человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 16,
                "qualifier": "exact",
                "part": "police and National Guard",
                "reported_by": IM,
                "date": "2022-01-09",
                "quote": "сообщило о гибели 16 сотрудников полиции и Национальной гвардии",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-10",
                "place": None,
                "quote": "Сегодня в стране объявлен день траура",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "Официального числа погибших власти пока не назвали"},
            {
                "kind": "figure",
                "quote": "во время беспорядков погибли не менее 164 человек",
                "certainty": "reported",
            },
            {"kind": "event", "quote": "из них 103 — в Алматы", "certainty": "reported"},
            {
                "kind": "event",
                "quote": "21 человек погиб в Кызылординской области",
                "certainty": "reported",
            },
            {"kind": "event", "quote": "8 — в Алматинской области", "place": ALMATY},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("Алматы", ALMATY),
            ("Кызылординской области", KZ_KZY),
            ("Жамбылской области", KZ_ZHA),
            ("Алматинской области", KZ_ALM),
        ],
    },
    {
        # Wednesday 12 January: the Russian counterpart of the English seed article.
        "file": D + "ru11-csto-pullout-thursday-airport.txt",
        "published": "2022-01-12",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "Вывод миротворцев ОДКБ из Казахстана начнётся в четверг",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "more than",
                "date": "2022-01-12",
                "quote": "свыше двух тысяч военнослужащих коллективных сил",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-12",
                "place": ALMATY,
                "quote": "Сегодня Токаев впервые после беспорядков приехал в Алматы",
            },
            {
                "kind": "figure",
                "metric": "detained",
                "value": 10000,
                "qualifier": "more than",
                "reported_by": "police",
                "date": "2022-01-12",
                "quote": "по всей стране задержаны более 10 тысяч человек",
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
                "quote": "Только в Алматы за последние сутки задержаны 1678 человек",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "time_precision": 2,
                "valid_to": "2022-01-12",
                "place": ALA,
                "quote": "закрытый с прошлой недели после погромов",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "возобновит работу в четверг",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "по всей стране задержаны более 10 тысяч человек",
                "metric": "arrested",
            },
            {
                "kind": "figure",
                "quote": "Только в Алматы за последние сутки задержаны 1678 человек",
            },
            {"kind": "state", "quote": "закрытый с прошлой недели после погромов", "place": ALMATY},
            {"kind": "state", "quote": "возобновит работу в четверг", "place": ALMATY},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("российские", DEM_RU),
            ("Алматы", ALMATY),
            ("Алматы", ALMATY),
            ("Аэропорт Алматы", ALA),
        ],
    },
    {
        # Thursday 13 January.
        "file": D + "ru12-withdrawal-begins-emergency-lifted.txt",
        "published": "2022-01-13",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_ZAP,
                "quote": "отменён режим ЧП в Западно-Казахстанской, Северо-Казахстанской",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_SEV,
                "quote": "отменён режим ЧП в Западно-Казахстанской, Северо-Казахстанской",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-13",
                "place": KZ_PAV,
                "quote": "Северо-Казахстанской и Павлодарской областях",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "Миротворцы ОДКБ начали покидать Казахстан",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "place": None,
                "quote": "Во вторник Токаев заявил в мажилисе",
            },
            {
                "kind": "figure",
                "metric": "troops",
                "value": 2000,
                "qualifier": "about",
                "reported_by": "Sergei Shoigu",
                "date": "2022-01-13",
                "quote": "к началу вывода в стране оставались около двух тысяч военнослужащих",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-13",
                "place": ALA,
                "quote": "Международный аэропорт Алматы сегодня утром принял первый",
            },
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "closed",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "Аэропорт был закрыт для пассажиров с 5 января",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": ALA,
                "quote": "когда в терминал ворвались погромщики",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": SHYMKENT,
                "counts": {"detained": 3500, "injured": 45},
                "quote": "В Шымкенте число задержанных превысило 3500 человек",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "позволило высвободить около 1600 казахстанских военнослужащих",
                "metric": "troops",
            },
            {
                "kind": "state",
                "quote": "Международный аэропорт Алматы сегодня утром принял первый",
                "place": NUR_SULTAN,
            },
            {
                "kind": "state",
                "quote": "Международный аэропорт Алматы сегодня утром принял первый",
                "place": NQZ,
            },
            {"kind": "figure", "quote": "В Шымкенте число задержанных превысило 3500 человек"},
        ],
        "mentions": [
            ("Западно-Казахстанской", KZ_ZAP),
            ("Северо-Казахстанской", KZ_SEV),
            ("Павлодарской областях", KZ_PAV),
            ("Уральск", ORAL),
            ("Петропавловск", PETROPAVL),
            ("Павлодар", PAVLODAR),
            ("Казахстан", KZ),
            ("России", RU),
            ("казахстанских", DEM_KZ),
            ("казахстанским", DEM_KZ),
            ("Международный аэропорт Алматы", ALA),
            ("Нур-Султана", NUR_SULTAN),
            ("Аэропорт", ALA),
            ("Шымкенте", SHYMKENT),
        ],
    },
    {
        # Friday 14 January; dateline Ust-Kamenogorsk.
        "file": D + "ru13-ust-kamenogorsk-dateline-emergency-lifted.txt",
        "published": "2022-01-14",
        "published_from": "dateline",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_VOS,
                "quote": "отменён в Восточно-Казахстанской и Карагандинской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_KAR,
                "quote": "отменён в Восточно-Казахстанской и Карагандинской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_SHY,
                "quote": "а также в Шымкенте и в Туркестанской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-14",
                "place": KZ_YUZ,
                "quote": "а также в Шымкенте и в Туркестанской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_AKM,
                "quote": "В Акмолинской и Костанайской областях режим ЧП снимут завтра",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_KUS,
                "quote": "В Акмолинской и Костанайской областях режим ЧП снимут завтра",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "date": "2022-01-05",
                "place": OSKEMEN,
                "metric": "participants",
                "value": 3000,
                "qualifier": "about",
                "quote": "5 января с середины дня в Усть-Каменогорске",
            },
            {
                "kind": "event",
                "layer": "other",
                "place": KZ_VOS,
                "counts": {"detained": 500, "injured": 25},
                "quote": "в Восточно-Казахстанской области задержаны около 500 человек",
            },
            {
                "kind": "event",
                "layer": "clashes",
                "place": SEMEY,
                "counts": {"injured": 20},
                "metric": "injured",
                "value": 20,
                "qualifier": "exact",
                "quote": "из них 20 — в Семее",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-07",
                "place": OSKEMEN,
                "counts": {"detained": 1},
                "metric": "detained",
                "value": 1,
                "qualifier": "exact",
                "quote": "7 января полицейские увезли из дома редактора",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-09",
                "place": OSKEMEN,
                "quote": "9 января суд назначил ему 15 суток административного ареста",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "5 января с середины дня в Усть-Каменогорске",
                "place": REPUBLIC_SQUARE,
            },
            {
                "kind": "event",
                "quote": "5 января с середины дня в Усть-Каменогорске",
                "place": ZHANAOZEN_SQUARE,
            },
            {
                "kind": "figure",
                "quote": "в Восточно-Казахстанской области задержаны около 500 человек",
            },
            {"kind": "figure", "quote": "О погибших в области не сообщалось"},
            {"kind": "event", "quote": "О погибших в области не сообщалось", "metric": "deaths"},
            {"kind": "figure", "quote": "9 января суд назначил ему 15 суток"},
        ],
        "mentions": [
            ("УСТЬ-КАМЕНОГОРСК", OSKEMEN),
            ("Восточно-Казахстанской", KZ_VOS),
            ("Карагандинской областях", KZ_KAR),
            ("Шымкенте", SHYMKENT),
            ("Туркестанской области", KZ_YUZ),
            ("Южно-Казахстанской", KZ_YUZ),
            ("Оңтүстік Қазақстан", KZ_YUZ),
            ("Акмолинской", KZ_AKM),
            ("Костанайской областях", KZ_KUS),
            ("Усть-Каменогорске", OSKEMEN),
            ("Өскемен", OSKEMEN),
            ("Восточно-Казахстанской области", KZ_VOS),
            ("Семее", SEMEY),
        ],
    },
    {
        # Friday 14 January.
        "file": D + "ru14-contingents-leave.txt",
        "published": "2022-01-14",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawing",
                "date": "2022-01-13",
                "place": None,
                "quote": "Вывод сил ОДКБ из Казахстана начался вчера",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ALMATY,
                "counts": {"troops": 100},
                "metric": "troops",
                "value": 100,
                "qualifier": "about",
                "quote": "сегодня вылетели из Алматы на трёх российских Ил-76",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "counts": {"troops": 200},
                "metric": "troops",
                "value": 200,
                "qualifier": "about",
                "quote": "Таджикский батальон, около 200 военнослужащих, улетел одним самолётом",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-14",
                "place": ZHETYGEN,
                "quote": "Белорусский контингент вылетел с военного аэродрома Жетыген",
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
                "quote": "Колонна из 150 киргизских военнослужащих выехала с территории",
            },
            {
                # Still in place; the day it began is not given here.
                "kind": "state",
                "layer": "troops",
                "status": "deployed",
                "place": MIL_INSTITUTE,
                "quote": "Командование сил ОДКБ пока остаётся в Военном институте",
            },
        ],
        "reject": [
            {"kind": "figure", "quote": "сегодня вылетели из Алматы на трёх российских Ил-76"},
            {"kind": "figure", "quote": "взял с собой 31 казахстанского курсанта"},
            {
                "kind": "state",
                "quote": "Белорусский контингент вылетел с военного аэродрома Жетыген",
                "place": BY,
            },
            {
                "kind": "state",
                "quote": "Белорусский контингент вылетел с военного аэродрома Жетыген",
                "place": ALMATY,
            },
            {
                "kind": "state",
                "quote": "Колонна из 150 киргизских военнослужащих выехала с территории",
                "place": KG,
            },
            {"kind": "figure", "quote": "до которой около 250 километров"},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("армянских", DEM_AM),
            ("Алматы", ALMATY),
            ("насосную станцию «Дружба»", DRUZHBA),
            ("Алматы", ALMATY),
            ("российских", DEM_RU),
            ("Таджикский", DEM_TJ),
            ("казахстанского", DEM_KZ),
            ("Белорусский", DEM_BY),
            ("военного аэродрома Жетыген", ZHETYGEN),
            ("Белоруссии", BY),
            ("киргизских", DEM_KG),
            ("алматинской ТЭЦ-2", CHPP2),
            ("киргизской", DEM_KG),
            ("казахстанские", DEM_KZ),
            ("Военном институте Сухопутных войск", MIL_INSTITUTE),
            ("Алматы", ALMATY),
        ],
    },
    {
        # Sunday 16 January, about Saturday 15 January.
        "file": D + "ru15-prosecutors-first-toll.txt",
        "published": "2022-01-16",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 225,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "в морги за время режима ЧП доставлены тела 225 человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 19,
                "qualifier": "exact",
                "part": "police officers and soldiers",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "в том числе 19 полицейских и военнослужащих",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 4353,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "сообщил, что ранены 4353 человека",
            },
            {
                "kind": "figure",
                "metric": "injured",
                "value": 3393,
                "qualifier": "exact",
                "part": "security forces",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "из них 3393 — сотрудники силовых структур",
            },
            {
                "kind": "figure",
                "metric": "arrested",
                "value": 446,
                "qualifier": "exact",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "446 человек арестованы по решению суда",
            },
            {
                "kind": "figure",
                "metric": "participants",
                "value": 50000,
                "qualifier": "up to",
                "reported_by": PGO,
                "date": "2022-01-15",
                "quote": "5 января в беспорядках участвовали до 50 тысяч человек",
            },
            {
                "kind": "figure",
                "metric": "deaths",
                "value": 175,
                "qualifier": "exact",
                "part": "died in medical facilities",
                "reported_by": HM,
                "date": "2022-01-15",
                "quote": "175 человек скончались в медицинских учреждениях",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-15",
                "place": None,
                "quote": "задержаны заместитель министра энергетики и ещё несколько чиновников",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-16",
                "place": KZ_AKT,
                "quote": "Сегодня в 07:00 режим ЧП отменён в Актюбинской области",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_AKM,
                "quote": "вчера утром его сняли в Акмолинской и Костанайской областях",
            },
            {
                "kind": "state",
                "layer": "emergency",
                "status": "lifted",
                "date": "2022-01-15",
                "place": KZ_KUS,
                "quote": "вчера утром его сняли в Акмолинской и Костанайской областях",
            },
        ],
        "reject": [
            {
                "kind": "figure",
                "quote": "446 человек арестованы по решению суда",
                "metric": "detained",
            },
            {"kind": "event", "quote": "5 января в беспорядках участвовали до 50 тысяч человек"},
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("Актюбинской области", KZ_AKT),
            ("Акмолинской", KZ_AKM),
            ("Костанайской областях", KZ_KUS),
        ],
    },
    {
        # Wednesday 19 January.
        "file": D + "ru16-emergency-over-last-russians-leave.txt",
        "published": "2022-01-19",
        "published_from": "header",
        "language": "ru",
        "expect": [
            *[
                {
                    "kind": "state",
                    "layer": "emergency",
                    "status": "lifted",
                    "date": "2022-01-19",
                    "place": unit,
                    "quote": "он прекратил действовать в последних семи регионах",
                }
                for unit in (KZ_ALA, KZ_AST, KZ_ALM, KZ_MAN, KZ_ATY, KZ_ZHA, KZ_KZY)
            ],
            {
                "kind": "state",
                "layer": "infrastructure",
                "status": "operational",
                "date": "2022-01-19",
                "place": ALA,
                "quote": "Международный аэропорт Алматы вернулся к круглосуточной работе",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": NUR_SULTAN,
                "quote": "сегодня улетели из Нур-Султана и Алматы на четырёх самолётах",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": ALMATY,
                "quote": "сегодня улетели из Нур-Султана и Алматы на четырёх самолётах",
            },
            {
                "kind": "state",
                "layer": "troops",
                "status": "withdrawn",
                "date": "2022-01-19",
                "place": None,
                "quote": "все силы ОДКБ выведены из страны",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-19",
                "place": None,
                "quote": "Политсовет партии «Нур Отан» назначил внеочередной съезд",
            },
        ],
        "reject": [
            {
                "kind": "state",
                "quote": "уровень террористической опасности сохраняется в Алматы",
                "status": "lifted",
            },
            {"kind": "state", "quote": "все силы ОДКБ выведены из страны", "place": ALMATY},
            {
                "kind": "event",
                "quote": "Политсовет партии «Нур Отан» назначил внеочередной съезд",
                "place": ALMATY_NUR_OTAN,
            },
        ],
        "mentions": [
            ("Алматы", ALMATY),
            ("Нур-Султане", NUR_SULTAN),
            ("Алматинской", KZ_ALM),
            ("Мангистауской", KZ_MAN),
            ("Атырауской", KZ_ATY),
            ("Жамбылской", KZ_ZHA),
            ("Кызылординской областях", KZ_KZY),
            ("Алматы", ALMATY),
            ("Алматинской", KZ_ALM),
            ("Жамбылской областях", KZ_ZHA),
            ("Международный аэропорт Алматы", ALA),
            ("российские", DEM_RU),
            ("Нур-Султана", NUR_SULTAN),
            ("Алматы", ALMATY),
            ("Казахстана", KZ),
        ],
    },
    {
        # Tuesday 18 January.
        "file": D + "ru17-nazarbayev-video-address.txt",
        "published": "2022-01-18",
        "published_from": "header",
        "language": "ru",
        "expect": [
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-18",
                "place": None,
                "quote": "Нурсултан Назарбаев сегодня впервые после январских беспорядков",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-05",
                "place": None,
                "quote": "5 января Токаев сменил Назарбаева на посту председателя",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "Вчера Токаев освободил от должности первого заместителя председателя КНБ",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-17",
                "place": None,
                "quote": "Тимур Кулибаев в тот же день ушёл с поста",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-11",
                "time_precision": 2,
                "place": None,
                "quote": "покинули руководящие посты в компаниях QazaqGaz и «КазТрансОйл»",
            },
        ],
        "reject": [
            {
                "kind": "event",
                "quote": "Нурсултан Назарбаев сегодня впервые после январских беспорядков",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "Он назвал себя пенсионером, который живёт в столице",
                "place": NUR_SULTAN,
            },
            {
                "kind": "event",
                "quote": "опроверг слухи о конфликте с Токаевым",
                "certainty": "reported",
            },
            {
                "kind": "event",
                "quote": "Токаев вскоре возглавит партию «Нур Отан»",
                "place": ALMATY_NUR_OTAN,
            },
            {
                "kind": "event",
                "quote": "Вчера Токаев освободил от должности первого заместителя председателя КНБ",
                "place": KNB,
            },
        ],
        "mentions": [
            ("Казахстана", KZ),
            ("Нур-Султане", NUR_SULTAN),
        ],
    },
    {
        # Tuesday 4 January; wholly in Kazakh.
        "file": D + "kk18-mangystau-protest-third-day.txt",
        "published": "2022-01-04",
        "published_from": "header",
        "language": "kk",
        "expect": [
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": KZ_MAN,
                "quote": "газ бағасының күрт өсуіне қарсы наразылық үшінші күнге созылды",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": ZHANAOZEN,
                "quote": "Наразылық 2 қаңтарда Жаңаөзенде басталып",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-02",
                "place": AKTAU,
                "quote": "сол күні Ақтауға да тарады",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHANAOZEN_SQUARE,
                "metric": "participants",
                "value": 1000,
                "qualifier": "about",
                "quote": "Жаңаөзеннің орталық алаңына шамамен мың адам жиналды",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": AKTAU_AKIMAT,
                "quote": "Ақтауда қалалық әкімдіктің жанында шатырлы лагерь пайда болды",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-03",
                "place": ZHETYBAY,
                "quote": "Кеше Жетібай ауылының маңында наразылар жолды жауып тастады",
            },
            {
                "kind": "event",
                "layer": "other",
                "date": "2022-01-04",
                "place": KZ_MAN,
                "quote": "Бүгін үкімет комиссиясы Маңғыстау облысында",
            },
            {
                "kind": "event",
                "layer": "protests",
                "date": "2022-01-04",
                "place": AKTAU_AKIMAT,
                "quote": "Ақтаудағы қалалық әкімдік алдында жиналған адамдар тарамай отыр",
            },
            *[
                {
                    "kind": "event",
                    "layer": "protests",
                    "date": "2022-01-04",
                    "place": city,
                    "quote": "бүгін Шымкентте, Ақтөбеде және Оралда митингтер өтті",
                }
                for city in (SHYMKENT, AKTOBE, ORAL)
            ],
        ],
        "reject": [
            {"kind": "figure", "quote": "60 теңгеден 120 теңгеге дейін қымбаттады"},
            {"kind": "figure", "quote": "бағасын 50 теңгеге дейін төмендетуге келісті"},
            {
                "kind": "event",
                "quote": "алғашқы күні-ақ Назарбаевқа қарсы плакаттар пайда болды",
                "place": NUR_SULTAN,
            },
        ],
        "mentions": [
            ("Маңғыстау облысында", KZ_MAN),
            ("Жаңаөзенде", ZHANAOZEN),
            ("Ақтауға", AKTAU),
            ("Жаңаөзеннің", ZHANAOZEN),
            ("орталық алаңына", ZHANAOZEN_SQUARE),
            ("Ақтауда", AKTAU),
            ("қалалық әкімдіктің", AKTAU_AKIMAT),
            ("Жетібай", ZHETYBAY),
            ("Маңғыстау облысында", KZ_MAN),
            ("Ақтаудағы", AKTAU),
            ("қалалық әкімдік", AKTAU_AKIMAT),
            ("Қазақстанның", KZ),
            ("Шымкентте", SHYMKENT),
            ("Ақтөбеде", AKTOBE),
            ("Оралда", ORAL),
        ],
    },
]
