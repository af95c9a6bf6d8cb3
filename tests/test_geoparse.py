"""The geoparser: spans, disambiguation with evidence, non-places, and the gold set's floors."""

from __future__ import annotations

import math
import random
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from pathlib import Path

import pytest
from gold_geoparse import GOLD, evaluate
from gold_geoparse_blind import GOLD as BLIND_GOLD

from geo.config import Settings
from geo.gazetteer import Gazetteer
from geo.geoparse import (
    _LOWER_WORDS,
    _NEAR_CUTOFF_KM,
    _RADIANS,
    Geoparser,
    _Anchors,
    _box,
    _CompiledAnchors,
    _km,
    _mention,
    _splitter,
)
from geo.schema import Mention

# Floors a little below what the parser achieves on the gold set (see the report / bench).
MIN_PRECISION = 0.93
MIN_RECALL = 0.93
MIN_WITHIN_25KM = 0.95


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer, settings: Settings) -> Geoparser:
    return Geoparser(gazetteer, settings)


def gold_and_brief_texts() -> list[str]:
    """The gold set's texts, then our briefs (data/articles/*.txt) whole."""
    articles = sorted((Path(__file__).parent.parent / "data" / "articles").glob("*.txt"))
    return [text for text, _ in GOLD] + [path.read_text(encoding="utf-8") for path in articles]


def ids(parser: Geoparser, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id if m.place else "") for m in parser.parse(text)]


def place_ids(parser: Geoparser, text: str) -> list[str]:
    return [place_id for _, place_id in ids(parser, text)]


def test_gold_set_is_big_enough() -> None:
    assert len(GOLD) >= 40
    assert sum(len(expected) for _, expected in GOLD) >= 100


def test_gold_set_quality_floors(parser: Geoparser) -> None:
    result = evaluate(parser.parse)
    report = "\n".join(result["errors"])
    assert result["precision"] >= MIN_PRECISION, report
    assert result["recall"] >= MIN_RECALL, report
    assert result["within_25km"] >= MIN_WITHIN_25KM, report


def test_blind_gold_set_floors(parser: Geoparser) -> None:
    """The gold set written by a helper blind to these rules (tests/gold_geoparse_blind.py):
    floors a little below what the parser achieves (P 0.918, R 0.966 when it was added)."""
    got = evaluate(parser.parse, BLIND_GOLD)
    assert got["gold"] >= 300
    assert got["precision"] >= 0.88, got["errors"]
    assert got["recall"] >= 0.93, got["errors"]


def test_offsets_point_into_the_text(parser: Geoparser) -> None:
    for text, _ in GOLD:
        for m in parser.parse(text):
            assert text[m.start : m.end] == m.text
            assert m.status in ("resolved", "ambiguous", "not_found")
            assert 0.0 <= m.confidence <= 1.0 and m.evidence


def test_longest_match_first(parser: Geoparser) -> None:
    text = (
        "From Almaty airport the convoy drove past Almaty city hall into Almaty Region, "
        "then on to Zhetygen airfield."
    )
    assert ids(parser, text) == [
        ("Almaty airport", "airport:ALA"),
        ("Almaty city hall", "site:almaty-city-hall"),
        ("Almaty Region", "admin1:KZ-ALM"),
        ("Zhetygen airfield", "site:zhetygen-airfield"),
    ]


def test_two_aktaus_by_context(parser: Geoparser) -> None:
    west = parser.parse("After Zhanaozen, Mangystau region saw crowds in Aktau.")
    assert west[-1].place.id == "gn:610612"
    assert any("KZ-MAN" in e for e in west[-1].evidence)
    central = parser.parse("Near Temirtau in Karaganda Region, the village of Aktau was calm.")
    aktau = [m for m in central if m.text == "Aktau"][0]
    assert aktau.place.id == "gn:1526269" and aktau.place.admin1 == "KZ-KAR"
    assert len(aktau.candidates) >= 2


def test_one_sense_per_name_per_text(parser: Geoparser) -> None:
    text = "Karaganda Region reported calm in Aktau. Later, Aktau saw a small rally near Temirtau."
    senses = {m.place.id for m in parser.parse(text) if m.text == "Aktau"}
    assert len(senses) == 1


def test_person_named_after_the_capital(parser: Geoparser) -> None:
    assert ids(parser, "Nursultan Nazarbayev stayed silent.") == []
    assert ids(parser, "Nursultan Nazarbayev's statement came later.") == []
    assert ids(parser, "They flew to Nursultan Nazarbayev International Airport.") == [
        ("Nursultan Nazarbayev International Airport", "airport:NQZ")
    ]
    assert ids(parser, "Vladimir Zhirinovsky commented.") == []


def test_parties_persons_channels_are_not_places(parser: Geoparser) -> None:
    text = (
        "Nur Otan, Tokayev, Kassym-Jomart Tokayev, Karim Massimov and Nazarbayev were "
        "mentioned; Mir and Khabar reported."
    )
    assert ids(parser, text) == []


def test_common_words_are_not_places(parser: Geoparser) -> None:
    text = "Police arrived. Union members met. March ended. Center staff left. Internet was cut."
    assert ids(parser, text) == []


def test_streets_are_not_their_namesake_towns(parser: Geoparser) -> None:
    assert ids(parser, "Crowds walked down Abay Avenue.") == []


def test_demonym_resolves_to_the_country_point(parser: Geoparser, gazetteer: Gazetteer) -> None:
    (m,) = parser.parse("Russian troops landed.")
    assert (m.status, m.place.kind, m.place.country_code) == ("resolved", "demonym", "RU")
    ru = gazetteer.get("country:RU")
    assert (m.place.lat, m.place.lon) == (ru.lat, ru.lon)


def test_iata_code_case(parser: Geoparser) -> None:
    assert ids(parser, "Flights to ALA resumed.") == [("ALA", "airport:ALA")]
    assert ids(parser, "Flights to Ala resumed; ala.") == []
    assert ids(parser, "The SCO summit was postponed.") == []  # an organisation, not Aktau's code


def test_generic_facilities_take_the_city_in_context(parser: Geoparser) -> None:
    text = (
        "In Taraz the akimat was attacked. In Almaty the akimat burned and the power plant "
        "kept working; later the airport closed."
    )
    assert ids(parser, text) == [
        ("Taraz", "gn:1516905"),
        ("akimat", "site:taraz-akimat"),
        ("Almaty", "gn:1526384"),
        ("akimat", "site:almaty-city-hall"),
        ("power plant", "site:almaty-chpp-2"),
        ("airport", "airport:ALA"),
    ]
    mention = parser.parse(text)[1]
    assert any("Taraz" in e for e in mention.evidence)


def test_generic_facility_follows_its_city_s_sense_in_context(parser: Geoparser) -> None:
    """Alone, "Aktau" is the city on the Caspian, which has an akimat in our data; beside
    Karaganda region it is the Aktau there, which has none: the akimat is left out."""
    assert ids(parser, "Aktau was quiet. Later the akimat burned.") == [
        ("Aktau", "gn:610612"),
        ("akimat", "site:aktau-akimat"),
    ]
    text = "In Karaganda region, workers in Aktau gathered at the akimat."
    assert ids(parser, text) == [("Karaganda region", "admin1:KZ-KAR"), ("Aktau", "gn:1526269")]


def test_generic_facility_without_a_city_is_left_out(parser: Geoparser) -> None:
    assert ids(parser, "The airport closed and the city hall burned.") == []


def test_generic_facility_of_a_city_we_lack_it_for_is_not_another_city_s(
    parser: Geoparser,
) -> None:
    """A region-by-region brief: "the city administration" in a sentence about Semey is
    Semey's (which the gazetteer lacks), never Kyzylorda's from the paragraph before; with no
    city in its sentence it is still the city of the sentences before ("the airport")."""
    text = (
        "Kyzylorda region: rioters stormed the regional akimat in Kyzylorda. East Kazakhstan "
        "region: protesters occupied the city administration in Semey. In Aktau, protesters "
        "left the central square. In Atyrau they stayed on the central square."
    )
    assert ids(parser, text) == [
        ("Kyzylorda region", "admin1:KZ-KZY"),
        ("regional akimat", "site:kyzylorda-akimat"),
        ("Kyzylorda", "gn:1519922"),
        ("East Kazakhstan region", "admin1:KZ-VOS"),
        ("Semey", "gn:1519422"),
        ("Aktau", "gn:610612"),
        ("central square", "site:aktau-square"),
        ("Atyrau", "gn:610529"),
        ("central square", "site:atyrau-square"),
    ]


def test_a_square_name_two_towns_share_is_the_town_s_in_context(parser: Geoparser) -> None:
    """Aktau and Zhanaozen each have a Yntymak Square: the name is the square of the town
    the text speaks of, and no square where neither is named."""
    text = (
        "In Aktau protesters left Yntymak Square. In Zhanaozen people stayed on Yntymak "
        "Square. Elsewhere, Yntymak Square was quiet."
    )
    found = ids(parser, text)
    assert ("Yntymak Square", "site:aktau-square") in found
    assert ("Yntymak Square", "site:zhanaozen-square") in found
    assert ids(parser, "Crowds filled Yntymak Square.") == []


def test_only_definite_generic_descriptions_name_a_site(parser: Geoparser) -> None:
    """ "the power plant" in an article about Almaty is its plant; "a power plant" is any."""
    text = "In Almaty troops guarded a power plant, an airport hotel and the city's airport."
    assert ids(parser, text) == [("Almaty", "gn:1526384"), ("airport", "airport:ALA")]
    text = "Almaty: the city airport, the town's city hall and the city hall."
    assert [t for t, _ in ids(parser, text)] == ["Almaty", "airport", "city hall", "city hall"]
    text = "Almaty: the crowd left the city\nhall; the mayor's office and the bathe airport."
    assert ids(parser, text) == [
        ("Almaty", "gn:1526384"),
        ("city\nhall", "site:almaty-city-hall"),
        ("mayor's office", "site:almaty-city-hall"),
    ]


def test_generic_phrase_inside_a_capitalised_run_is_the_run_s(parser: Geoparser) -> None:
    text = "In Almaty the Mayor of the city hall spoke; the city hall was guarded."
    spans = [(m.start, m.end) for m in parser.parse(text) if m.text == "city hall"]
    assert len(spans) == len(set(spans)) == 2


def test_head_noun_after_a_facility_is_not_another_facility(parser: Geoparser) -> None:
    assert ids(parser, "In Almaty the CHPP-1 power station was guarded.") == [
        ("Almaty", "gn:1526384"),
        ("CHPP-1", "site:almaty-chpp-1"),
    ]


def test_ambiguous_names_keep_candidates(parser: Geoparser) -> None:
    (m,) = parser.parse("They met in Paris.")
    assert m.place.id == "gn:2988507"
    assert len(m.candidates) >= 2 and m.candidates[0] is m.place


def test_deterministic(parser: Geoparser, gazetteer: Gazetteer, settings: Settings) -> None:
    text = GOLD[-2][0] + " " + GOLD[0][0]
    fresh = Geoparser(gazetteer, settings, run_cache_size=0)
    assert parser.parse(text) == parser.parse(text) == fresh.parse(text)


def test_fast_mention_equals_constructed(gazetteer: Gazetteer) -> None:
    place = gazetteer.get("gn:1526384")
    args = ("Almaty", 3, 9, "resolved", place, 0.9, ("only candidate",), ())
    fast, slow = _mention(*args), Mention(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    with pytest.raises(AttributeError):
        fast.start = 4  # type: ignore[misc]
    assert fast.to_json()["admin1"] == "KZ-ALA"


def test_empty_and_placeless_texts(parser: Geoparser) -> None:
    assert parser.parse("") == []
    assert parser.parse("nothing here but lower case words.") == []


def test_memos_do_not_carry_context_across_texts(gazetteer: Gazetteer, settings: Settings) -> None:
    """The per-run and per-name memos hold what a name means before context: the same parser
    reads "Aktau" by each text's own context, whichever text comes first."""
    west = "After Zhanaozen, Mangystau region saw crowds in Aktau."
    central = "Near Temirtau in Karaganda Region, the village of Aktau was calm."

    def aktau(parser: Geoparser, text: str) -> str:
        return [m.place.id for m in parser.parse(text) if m.text == "Aktau"][0]

    for order in ((west, central), (central, west)):
        parser = Geoparser(gazetteer, settings)
        got = {text: aktau(parser, text) for text in order * 2}
        assert got == {west: "gn:610612", central: "gn:1526269"}
        parser.clear_memos()
        assert aktau(parser, order[1]) == got[order[1]]


def test_warm_cold_and_unmemoised_parsers_agree(gazetteer: Gazetteer, settings: Settings) -> None:
    warm = Geoparser(gazetteer, settings)
    unmemoised = Geoparser(gazetteer, settings, run_cache_size=0)
    texts = [text for text, _ in GOLD]
    first = [warm.parse(text) for text in texts]
    again = [warm.parse(text) for text in reversed(texts)][::-1]
    assert first == again == [unmemoised.parse(text) for text in texts]
    warm.clear_memos()
    assert [warm.parse(text) for text in texts] == first


def test_generic_noun_of_a_named_city_is_one_name(parser: Geoparser) -> None:
    text = "Crowds reached the airport of Almaty, then the airport of Aktau. Aktau was calm."
    assert ids(parser, text) == [
        ("airport of Almaty", "airport:ALA"),
        ("airport of Aktau", "airport:SCO"),
        ("Aktau", "gn:610612"),
    ]


def test_almaty_sites_named_with_lower_case_words_and_organisations(parser: Geoparser) -> None:
    """Found in our own briefs: a district, a pumping station and a business chamber."""
    text = (
        "A Nur Otan office in the Auezov district burned. Armenian troops guarded the Druzhba "
        "water pumping station. Timur Kulibayev left the Atameken business chamber."
    )
    found = {m.text: m for m in parser.parse(text)}
    assert found["Auezov district"].place.id == "site:almaty-auezov-district"
    assert found["Druzhba water pumping station"].place.admin1 == "KZ-ALA"
    assert not any("Atameken" in t for t in found)  # an organisation, not the village
    assert "Nur Otan" not in found  # the party is no place (its office is a facility)


def test_ascii_split_is_the_unicode_split_on_ascii_text() -> None:
    """parse() splits ASCII text with an ASCII word class: the runs must be the same."""
    texts = gold_and_brief_texts()
    # word salads of the pieces the split reads: capitals, digits, "_", apostrophes, hyphens,
    # "No. 2", possessives, "of the", facility words, blanks, newlines, punctuation
    pieces = [
        "Almaty", "CHPP-2", "No. 2", "No.2", "Ural'sk", "Almaty's", "'s", "s", "of", "the",
        "of the", "city", "hall", "airport", "power", "plant", "region", "x_y", "A1", "9", "-",
        "'", ".", ",", " ", "  ", "\t", "\n", "said", "Tokayev", "THE", "a", "Z", "_",
    ]  # fmt: skip
    rng = random.Random(7)
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert text.isascii()
        assert _splitter(True)(text) == _splitter(False)(text), text


def test_several_names_in_one_run(parser: Geoparser) -> None:
    """One run of capitalised words may hold several names, each with its own flags."""
    assert ids(parser, "Troops from Russia Belarus Armenia arrived.") == [
        ("Russia", "country:RU"),
        ("Belarus", "country:BY"),
        ("Armenia", "country:AM"),
    ]
    # Aktau takes its sense from Karaganda region though it shares a run with Almaty
    assert ids(parser, "In Karaganda region, workers in Almaty Aktau gathered.") == [
        ("Karaganda region", "admin1:KZ-KAR"),
        ("Almaty", "gn:1526384"),
        ("Aktau", "gn:1526269"),
    ]
    # a name and a first name ("Vladimir", not a mention) in one run
    assert ids(parser, "In Almaty Vladimir Zhirinovsky spoke.") == [("Almaty", "gn:1526384")]


def test_one_parser_shared_by_threads(gazetteer: Gazetteer, settings: Settings) -> None:
    """The memos fill while several threads parse: every thread gets the sequential results."""
    texts = gold_and_brief_texts()
    expected = [Geoparser(gazetteer, settings, run_cache_size=0).parse(text) for text in texts]
    shared = Geoparser(gazetteer, settings)
    orders = [list(range(len(texts)))[::step] for step in (1, -1, 2, -3)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda order: [(i, shared.parse(texts[i])) for i in order], orders))
    for pairs in results:
        for i, got in pairs:
            assert got == expected[i], texts[i][:60]


def test_parsing_makes_no_reference_cycles(gazetteer: Gazetteer, settings: Settings) -> None:
    """The geoparse command turns the collector off while it parses (its passes over the
    growing results cost time and found nothing): a fresh parser, its memos and its results
    leave no cyclic garbage, so memory stays what reference counting frees."""
    import gc

    texts = gold_and_brief_texts()
    parser = Geoparser(gazetteer, settings)  # (compiling its regex leaves a few, once)
    gc.collect()
    gc.disable()
    try:
        results = [parser.parse(text) for text in texts]
        results += [parser.parse(text) for text in texts]  # memos filled
        assert sum(map(len, results)) > 100
        del results
        assert gc.collect() == 0
    finally:
        gc.enable()


# -- the world (issue 13): one test per rule ----------------------------------------------


def test_admin1_units_and_continents_abroad(parser: Geoparser) -> None:
    """US states are states, not towns elsewhere; continents are continents."""
    assert ids(parser, "Protests spread to Ohio, Virginia, Indiana and Missouri.") == [
        ("Ohio", "admin1:US-OH"),
        ("Virginia", "admin1:US-VA"),
        ("Indiana", "admin1:US-IN"),
        ("Missouri", "admin1:US-MO"),
    ]
    assert ids(parser, "Aid reached Africa and Asia, and the Caucasus.") == [
        ("Africa", "continent:AF"),
        ("Asia", "continent:AS"),
        ("Caucasus", "region:caucasus"),
    ]
    assert ids(parser, "U.S. officials met in B.C. today.") == [
        ("U.S.", "country:US"),
        ("B.C.", "admin1:CA-BC"),
    ]


def test_persons_and_feature_names_are_not_places(parser: Geoparser) -> None:
    """Titles, a capitalised word before a small place's name, "Camp X"; the same name later
    in the text is that person too."""
    assert ids(parser, "President Barack Obama met leaders at Camp David. Obama said so.") == []
    assert ids(parser, "Mr. Clinton spoke to reporters.") == []
    # big places keep their name after an organisation's word
    assert ids(parser, "CBC Toronto reported it.") == [("Toronto", "gn:6167865")]


def test_a_feature_word_before_a_name_leaves_the_town_elsewhere(parser: Geoparser) -> None:
    """ "Lake Balkhash" is the lake; the town of Balkhash later in the text is still a place
    (a feature word is no person's title)."""
    assert ids(parser, "Fish died in Lake Balkhash. In Balkhash, the mayor said so.") == [
        ("Balkhash", "gn:1525798")
    ]


def test_natural_features_are_not_their_namesake_towns(parser: Geoparser) -> None:
    """The gazetteer has no rivers, lakes or seas: a name before a feature word ("the Ishim
    river", "the Ili and Irtysh rivers", "the Aral Sea") is no mention of the town that
    shares it; a country or a world region keeps it ("the Kazakh steppe"), and a capitalised
    word after the feature word makes a longer proper name ("Plantation Lakes Apartments")."""
    text = (
        "The Ishim river reached Petropavl. The Ili and Irtysh rivers froze. "
        "Fishermen on the Aral Sea complained. Snow closed the Altai mountains."
    )
    assert ids(parser, text) == [("Petropavl", "gn:1520172")]
    assert ids(parser, "Herders crossed the Kazakh steppe.") == [("Kazakh", "demonym:KZ")]
    assert [t for t, _ in ids(parser, "He lived at Plantation Lakes Apartments, Florida.")][0] == (
        "Plantation"
    )


def test_units_abroad_by_name_and_unit_word(parser: Geoparser) -> None:
    """A first-level unit abroad is found by its name and the word the news writes after it
    ("Orenburg Oblast", "Osh Region", "Batken region", "Herat Province"), not as its capital;
    "State" is no unit word ("Kentucky State Police" is Kentucky's police)."""
    assert ids(
        parser,
        "Floods hit Orenburg Oblast. Clashes in Osh Region and the Batken region. Fighting in "
        "Herat Province and Aleppo Governorate.",
    ) == [
        ("Orenburg Oblast", "admin1:RU.55"),
        ("Osh Region", "admin1:KG-O"),
        ("Batken region", "admin1:KG-B"),
        ("Herat Province", "admin1:AF-HER"),
        ("Aleppo Governorate", "admin1:SY.09"),
    ]
    assert ids(parser, "The Kentucky State Police said so.") == [("Kentucky", "admin1:US-KY")]


def test_units_by_the_names_the_english_press_writes(parser: Geoparser) -> None:
    """Units whose gazetteer name is in their country's language ("Xinjiang Uygur Zizhiqu",
    "Anhui Sheng", "Viloyati Sughd") are found by the name the English-language press uses."""
    assert ids(parser, "Police in Xinjiang, Anhui and Sughd; a spill in Krasnoyarsk Krai.") == [
        ("Xinjiang", "admin1:CN-XJ"),
        ("Anhui", "admin1:CN-AH"),
        ("Sughd", "admin1:TJ.03"),
        ("Krasnoyarsk Krai", "admin1:RU-KYA"),
    ]


def test_names_listed_before_a_plural_unit_word_are_units(parser: Geoparser) -> None:
    """ "the Karaganda and Pavlodar regions": each name of the list is its region, not the
    city (lists joined by commas, "and" or "or"; "oblasts" and "provinces" too)."""
    assert ids(
        parser,
        "The state of emergency was lifted in West Kazakhstan, North Kazakhstan and Pavlodar "
        "regions. Strikes hit the Karaganda and Kostanay oblasts. Trains left Karaganda.",
    ) == [
        ("West Kazakhstan", "admin1:KZ-ZAP"),
        ("North Kazakhstan", "admin1:KZ-SEV"),
        ("Pavlodar", "admin1:KZ-PAV"),
        ("Karaganda", "admin1:KZ-KAR"),
        ("Kostanay", "admin1:KZ-KUS"),
        ("Karaganda", "gn:609655"),
    ]


def test_a_company_named_after_a_city_leaves_the_city_after_in(parser: Geoparser) -> None:
    """ "ArcelorMittal Temirtau" is a company's name, and Temirtau no place elsewhere in the text
    but right after "in" (for names in the area of interest: abroad, "in Olympic record time")."""
    text = "ArcelorMittal Temirtau owns the mine. Its steelworks in Temirtau stopped."
    assert ids(parser, text) == [("Temirtau", "gn:1518262")]
    assert ids(parser, "Hurricane Helene reached Asheville.")[0][0] == "Asheville"


def test_cyrillic_features_and_region_lists_at_a_sentence_start(parser: Geoparser) -> None:
    """Russian: a river's, lake's or sea's name is not the town's ("на реке Ишим", "озера
    Балхаш", "в Каспийском море"), while "города Алматы" and "морского порта Актау" stay the
    cities; a list of region adjectives after a capitalised preposition is regions."""
    text = (
        "Вода в реке Ишим поднялась у Петропавловска. Уровень озера Балхаш упал, жители "
        "Балхаша обеспокоены. В Каспийском море шторм, из морского порта Актау вышел танкер. "
        "Жители города Алматы вышли на площадь. В Карагандинской и Павлодарской областях "
        "объявлен режим ЧС."
    )
    assert [i for _, i in ids(parser, text)] == [
        "gn:1520172", "gn:1525798", "gn:610612", "gn:1526384",
        "site:almaty-republic-square",  # (a bare "площадь": the city's main square)
        "admin1:KZ-KAR", "admin1:KZ-PAV",
    ]  # fmt: skip


def test_regions_created_in_2022_in_english_russian_and_kazakh(parser: Geoparser) -> None:
    """Abai, Zhetisu and Ulytau Regions by their names, in a list, with the noun first as
    their official Russian names have it ("области Абай"), as adjectives and in Kazakh; the
    poet's avenue and the village of Ulytau stay what they are."""
    text = (
        "A wildfire in the Abai region killed 14 people. Floods hit the Abai and Ulytau "
        "regions. Crowds marched down Abai Avenue. The village of Ulytau was spared."
    )
    assert ids(parser, text) == [
        ("Abai region", "admin1:KZ-10"), ("Abai", "admin1:KZ-10"), ("Ulytau", "admin1:KZ-62"),
        ("Ulytau", "gn:1517743"),
    ]  # fmt: skip
    text = (
        "Пожар в области Абай. В Абайской области траур. Паводок в области Жетісу и в "
        "Улытауской области. Ұлытау облысында ЧС. Жители в Семее."
    )
    assert [i for _, i in ids(parser, text)] == [
        "admin1:KZ-10", "admin1:KZ-10", "admin1:KZ-33", "admin1:KZ-62", "admin1:KZ-62",
        "gn:1519422",
    ]  # fmt: skip
    assert ids(parser, "Пожар в области Абай.")[0][0] == "области Абай"


def test_kazakh_names_lists_facilities_and_demonyms(parser: Geoparser) -> None:
    """Kazakh: a list of regions names them as nouns ("Алматы, ... және Жамбыл облыстарында":
    the regions, not the city), two-word regions ("Батыс Қазақстан"), the facility's noun
    after the city ("Алматы халықаралық әуежайын", "Ақтөбе облыстық әкімдікке"), a bare
    "Әуежай" after it, a name with a case ending Russian morphology took for a person's
    ("Шымкентте"), Kazakh country names and demonyms ("Ресей", "ресейлік", "қырғыз")."""
    text = (
        "Алматы, Маңғыстау және Жамбыл облыстарында ТЖ енгізілді. Батыс Қазақстан облысында "
        "тыныш. Алматы халықаралық әуежайын басып алды. Әуежай жабылды. Ақтөбе облыстық "
        "әкімдікке жиналды. Шымкентте митинг. Ресей мен ресейлік және қырғыз бітімгерлер."
    )
    assert [i for _, i in ids(parser, text)] == [
        "admin1:KZ-ALM", "admin1:KZ-MAN", "admin1:KZ-ZHA", "admin1:KZ-ZAP", "airport:ALA",
        "airport:ALA", "site:aktobe-akimat", "gn:1518980", "country:RU", "demonym:RU",
        "demonym:KG",
    ]  # fmt: skip
    # Russian adjectives stay Russian's: "армянских" once, not also a Kazakh "армян..."
    assert [i for _, i in ids(parser, "Колонна армянских миротворцев.")] == ["demonym:AM"]


def test_a_two_letter_town_named_as_a_town(parser: Geoparser) -> None:
    """ "в городе Шу": Shu (too short to be a name on its own: "Шу" alone stays nothing); a
    neighbour's city of 100,000 and more is one alone or declined ("Ош", "в Оше")."""
    text = "В городе Шу Жамбылской области прошёл митинг. Шу и Ош."
    assert [i for _, i in ids(parser, text)] == ["gn:1519030", "admin1:KZ-ZHA", "gn:1527534"]


def test_russian_oblasts_and_krais_by_their_russian_adjective(parser: Geoparser) -> None:
    """ "Оренбургской области", a list ("Курганской и Тюменской областях"), a krai: Russia's
    units, linked through their ISO 3166-2 names (Russian adjectives in Latin letters); a
    capitalised adjective before "край" that names no unit stays nothing."""
    text = (
        "Паводок затопил Орск в Оренбургской области. Вода поднялась в Курганской и Тюменской "
        "областях. В Красноярском крае горят леса. Десантники из Ивановской области. "
        "Родной край встретил нас."
    )
    got = ids(parser, text)
    assert [i for _, i in got] == [
        "gn:514734", "admin1:RU.55", "admin1:RU.40", "admin1:RU.78", "admin1:RU-KYA",
        "admin1:RU.21",
    ]  # fmt: skip
    assert got[1][0] == "Оренбургской области"


def test_names_joined_by_a_hyphen(parser: Geoparser) -> None:
    """ "Moscow-Aktobe flights", "the Russia-Kazakhstan border": each part a place; a name
    with a hyphen of its own stays whole ("Ust-Kamenogorsk", "Alma-Ata"), and "Almaty-based"
    is Almaty."""
    text = (
        "Aeroflot resumed its Moscow-Aktobe flights. Trucks queued at the Russia-Kazakhstan "
        "border. Crowds in Ust-Kamenogorsk and Alma-Ata. An Almaty-based firm."
    )
    assert ids(parser, text) == [
        ("Moscow", "gn:524901"), ("Aktobe", "gn:610611"), ("Russia", "country:RU"),
        ("Kazakhstan", "country:KZ"), ("Ust-Kamenogorsk", "gn:1520316"),
        ("Alma-Ata", "gn:1526384"), ("Almaty", "gn:1526384"),
    ]  # fmt: skip


def test_curated_sites_by_their_russian_names(parser: Geoparser) -> None:
    """The sites' Cyrillic aliases in data/facilities.csv, in any case form: "на площади
    Республики", "телебашню на Коктобе", "алматинскую ТЭЦ-2", "аэродрома Жетыген"."""
    text = (
        "На площади Республики стреляли. Телебашню на Коктобе пытались захватить, а "
        "алматинскую ТЭЦ-2 взяли под охрану. Самолёты улетели с аэродрома Жетыген."
    )
    assert ids(parser, text) == [
        ("площади Республики", "site:almaty-republic-square"),
        ("Телебашню на Коктобе", "site:almaty-koktobe-tv-tower"),
        ("ТЭЦ-2", "site:almaty-chpp-2"),
        ("аэродрома Жетыген", "site:zhetygen-airfield"),
    ]


def test_oblakimat_is_the_regional_akimat(parser: Geoparser) -> None:
    """ "облакимат", the Kazakh press's Russian word for the regional akimat: after a city,
    or on its own after the city was named ("у облакимата")."""
    text = "В Актобе протестующие поставили юрту у облакимата. Толпа штурмовала облакимат Актобе."
    assert ids(parser, text) == [
        ("Актобе", "gn:610611"),
        ("облакимата", "site:aktobe-akimat"),
        ("облакимат Актобе", "site:aktobe-akimat"),
    ]


def test_kazakh_and_russian_names_of_almaty_sites(parser: Geoparser) -> None:
    """The Kazakh press's names of the sites ("ЖЭО-2", "Жетіген әскери әуеайлағы", "ҰҚК-нің
    Алматы бойынша департаменті"), and the city's prosecutor's office and presidential
    residence named by their nouns after the city ("қалалық прокуратура", "городскую
    прокуратуру", "резиденцию президента"): in a story about another city, nothing."""
    text = (
        "Алматыда 5 қаңтарда Президент резиденциясы мен қалалық прокуратура өртелді. ҰҚК-нің "
        "Алматы бойынша департаментінің ғимараты басып алынды. Сарбаздар Алматы ЖЭО-2-ден "
        "кетті, белорустар Жетіген әскери әуеайлағынан ұшып кетті."
    )
    assert [i for _, i in ids(parser, text) if i.startswith("site:")] == [
        "site:almaty-presidential-residence",
        "site:almaty-prosecutors-office",
        "site:almaty-knb-department",
        "site:almaty-chpp-2",
        "site:zhetygen-airfield",
    ]
    text = "В Алматы подожгли городскую прокуратуру и резиденцию президента."
    assert [i for _, i in ids(parser, text)][1:] == [
        "site:almaty-prosecutors-office",
        "site:almaty-presidential-residence",
    ]
    assert ids(parser, "В Таразе подожгли городскую прокуратуру.") == [("Таразе", "gn:1516905")]


def test_cyrillic_abbreviations_bare_unit_names_and_first_names(parser: Geoparser) -> None:
    """ "РФ", "РК" and Kazakh "ҚР" (in capitals only) are countries; "в Мангистау" is the
    region, not the town of its own that shares the name; "Владимир Путин" names no city
    (a surname follows), but "из Алматы Токаев уехал" keeps Almaty (a preposition before)."""
    text = "Войска РФ вошли в РК. ҚР үкіметі. Рф и рк строчными - не страны."
    assert ids(parser, text) == [("РФ", "country:RU"), ("РК", "country:KZ"), ("ҚР", "country:KZ")]
    assert ids(parser, "Митинги в Мангистау продолжились. Маңғыстауда тыныш.") == [
        ("Мангистау", "admin1:KZ-MAN"),
        ("Маңғыстауда", "admin1:KZ-MAN"),
    ]
    text = "Президент России Владимир Путин позвонил. Из Алматы Токаев уехал во Владимир."
    assert ids(parser, text) == [
        ("России", "country:RU"),
        ("Алматы", "gn:1526384"),
        ("Владимир", "gn:473247"),
    ]


def test_regional_adjectives_and_quoted_phrases(parser: Geoparser) -> None:
    """ "The Central Asian nation" is Central Asia, not Asia (public corpora annotate "South
    East Asian" as a toponym, as they do demonyms); a quoted phrase in lower case ("при
    попытке бегства из Алматы") is read, a short quoted name («Нур Отан») is not; "Казахское
    издание" is the Kazakh demonym."""
    text = "Flights resumed in the Central Asian nation; Middle Eastern carriers stayed away."
    assert ids(parser, text) == [
        ("Central Asian", "region:central-asia"),
        ("Middle Eastern", "region:middle-east"),
    ]
    text = 'Задержаны мародёры "при попытке бегства из Алматы". Партия «Нур Отан». Казахское СМИ.'
    assert ids(parser, text) == [("Алматы", "gn:1526384"), ("Казахское", "demonym:KZ")]


def test_cyrillic_routes_and_kazakh_akimat_nouns(parser: Geoparser) -> None:
    """A route "Москва-Алматы" names both cities (a joined name, "Усть-Каменогорск", stays
    whole); Kazakh "әкімдік" and "облыс әкімдігі" are the akimat of the city just named."""
    text = "Рейс Москва-Алматы вылетел. В Усть-Каменогорск тоже."
    assert ids(parser, text) == [
        ("Москва", "gn:524901"),
        ("Алматы", "gn:1526384"),
        ("Усть-Каменогорск", "gn:1520316"),
    ]
    text = "Шымкентте туыстары әкімдік алдына жиналды. Ақтөбеде облыс әкімдігіне кірді."
    assert ids(parser, text) == [
        ("Шымкентте", "gn:1518980"),
        ("әкімдік", "site:shymkent-akimat"),
        ("Ақтөбеде", "gn:610611"),
        ("облыс әкімдігіне", "site:aktobe-akimat"),
    ]
    # a region's own noun after the region: its centre's akimat (a bare "акимата" there may
    # be a district's, and stays out)
    text = "Қызылорда облысында операция жалғасуда. Облыс әкімдігінің ғимаратына зақым келді."
    assert ids(parser, text) == [
        ("Қызылорда облысында", "admin1:KZ-KZY"),
        ("Облыс әкімдігінің", "site:kyzylorda-akimat"),
    ]
    text = "В Актюбинской области прошли митинги, люди собрались у акимата."
    assert ids(parser, text) == [("Актюбинской области", "admin1:KZ-AKT")]


def test_a_quotation_opening_with_a_name_is_read(parser: Geoparser) -> None:
    """A short quoted name («Хабар 24», «Алматы» the channel) is no place, but a quotation
    that opens with a place's name is someone's words, and its names are read."""
    text = "«Алматыда төтенше жағдай аяқталғаннан кейін әуежай жұмыс істейді», деп хабарлады."
    assert ids(parser, text) == [("Алматыда", "gn:1526384"), ("әуежай", "airport:ALA")]
    assert ids(parser, "Телеканал «Алматы» и «Хабар 24» сообщили.") == []


def test_region_abbreviations_region_akimats_and_streets(parser: Geoparser) -> None:
    """ "ЗКО", "БҚО", "ВКО" are their regions (in capitals); "Ақтөбе облысы әкімдігі" is the
    region's akimat, one span; a street or a road named after a person or a city is no place
    ("по проспекту Абая", "Абай даңғылы", "трасса Самара")."""
    assert ids(parser, "В ЗКО задержаны 714 человек, в ВКО спокойно. БҚО әкімдігі.") == [
        ("ЗКО", "admin1:KZ-ZAP"), ("ВКО", "admin1:KZ-VOS"), ("БҚО", "admin1:KZ-ZAP")
    ]  # fmt: skip
    assert ids(parser, "Ақтөбе облысы әкімдігінің алдына адамдар жиналды.") == [
        ("Ақтөбе облысы әкімдігінің", "site:aktobe-akimat")
    ]
    assert ids(parser, "Люди шли по проспекту Абая. Абай даңғылында. На трассе Самара.") == []


def test_possessive_international_airport_and_administration_buildings(parser: Geoparser) -> None:
    """ "Almaty’s international airport" is the airport; "the administration building" is
    the akimat of the city the text is about; the Military Institute by another name."""
    text = (
        "In Aktobe, crowds gathered outside the administration building. Almaty’s "
        "international airport stayed shut; troops camped at the Military Institute of the "
        "Kazakh Ground Forces."
    )
    assert ids(parser, text) == [
        ("Aktobe", "gn:610611"),
        ("administration building", "site:aktobe-akimat"),
        ("Almaty’s international airport", "airport:ALA"),
        ("Military Institute of the Kazakh Ground Forces", "site:almaty-military-institute"),
    ]


def test_regions_by_a_cardinal_point_squares_and_kazakh_plurals(parser: Geoparser) -> None:
    """ "Шығыс Қазақстанда", "в Западном Казахстане": East and West Kazakhstan regions, not
    the country; "Қостанай өңірінде" is the region (өңір); "площадь Абая" is a square named
    after the poet, not the town of Abay, while "площади Уральска" is the city's; a Kazakh
    plural noun ("Тулардың", the flags') is no small town abroad."""
    text = (
        "Шығыс Қазақстанда 25 полиция қызметкері зардап шеккен. Қостанай өңірінде 700 адам "
        "ұсталды. В Западном Казахстане спокойно. Жители Северного Казахстана вышли. "
        "Площадь Абая в Уральске окружена. На главной площади Уральска собрались люди. "
        "Мемлекеттік Тулардың барлығы төмен түсіріледі. Мәскеуде жиналыс өтті."
    )
    assert ids(parser, text) == [
        ("Шығыс Қазақстанда", "admin1:KZ-VOS"),
        ("Қостанай өңірінде", "admin1:KZ-KUS"),
        ("Западном Казахстане", "admin1:KZ-ZAP"),
        ("Северного Казахстана", "admin1:KZ-SEV"),
        ("Уральске", "gn:608668"),
        ("Уральска", "gn:608668"),
        ("Мәскеуде", "gn:524901"),
    ]


def test_a_list_of_cities_sharing_a_plural_airport_noun_names_their_airports(
    parser: Geoparser,
) -> None:
    """ "airports in Almaty, Aktobe and Aktau": three airports (the noun goes with the name
    beside it); a list with no airport noun stays the cities; Russian and Kazakh alike."""
    text = (
        "Flights resumed at airports in Almaty, Aktobe and Aktau. The Almaty and Shymkent "
        "airports reopened. Almaty and Aktau were calm."
    )
    assert ids(parser, text) == [
        ("airports in Almaty", "airport:ALA"), ("Aktobe", "airport:AKX"),
        ("Aktau", "airport:SCO"), ("Almaty", "airport:ALA"),
        ("Shymkent airports", "airport:CIT"), ("Almaty", "gn:1526384"), ("Aktau", "gn:610612"),
    ]  # fmt: skip
    text = (
        "Работа аэропортов Алма-Аты, Актобе и Актау была блокирована. "
        "Алматы мен Ақтау әуежайлары жабылды."
    )
    assert [i for _, i in ids(parser, text)] == [
        "airport:ALA", "airport:AKX", "airport:SCO", "airport:ALA", "airport:SCO",
    ]  # fmt: skip
    assert ids(parser, "Air Astana resumed flights.") == []  # the airline
    text = (
        "Жаңаөзенде халық алаңға жинала бастады. Представители акиматов вышли. В Алма-Ате "
        "следы беспорядков вокруг горадминистрации. Квадрат улиц Абая и Достык."
    )
    assert [i for _, i in ids(parser, text)] == [
        "gn:607610", "site:zhanaozen-square", "gn:1526384", "site:almaty-city-hall",
    ]  # fmt: skip
    assert [i for _, i in ids(parser, "Kyrgyz troops left Almaty TPS-2.")][-1] == (
        "site:almaty-chpp-2"
    )
    text = "На площадь Исатая и Махамбета в Атырау вышли люди. ЧП ввели в Алма-Атинской области."
    assert [i for _, i in ids(parser, text)] == [
        "site:atyrau-square", "gn:610529", "admin1:KZ-ALM",
    ]  # fmt: skip
    assert ids(parser, "Девять Ил-76 сели на аэродроме Алма-Аты.") == [
        ("аэродроме Алма-Аты", "airport:ALA")
    ]
    assert ids(parser, "In Aktobe the local airport closed.") == [
        ("Aktobe", "gn:610611"),
        ("airport", "airport:AKX"),
    ]


def test_russian_units_bordering_kazakhstan(parser: Geoparser) -> None:
    """Altai Krai by its adjective ("Алтайском крае"), and a republic named after the noun
    ("Республике Алтай"): the Russian units, not the Kazakh town of Altay, which "город
    Алтай" still is. "Республика Казахстан" stays the country."""
    text = (
        "Пункты пропуска в Алтайском крае и Республике Алтай закрыты. Власти Республики "
        "Татарстан и Республики Марий Эл выразили поддержку. Республика Казахстан ответила. "
        "Жители города Алтай вышли на площадь."
    )
    assert ids(parser, text) == [
        ("Алтайском крае", "admin1:RU.04"),
        ("Республике Алтай", "admin1:RU-AL"),
        ("Республики Татарстан", "admin1:RU-TA"),
        ("Республики Марий Эл", "admin1:RU-ME"),
        ("Казахстан", "country:KZ"),
        ("Алтай", "gn:1516438"),
    ]
    assert ids(parser, "Troops left Altai Krai and the Altai Republic.") == [
        ("Altai Krai", "admin1:RU.04"),
        ("Altai Republic", "admin1:RU-AL"),
    ]


def test_a_dateline_names_its_place_however_small(parser: Geoparser) -> None:
    """A small place abroad that starts a sentence is dropped ("Asheville was flooded"), but
    not the place of a dateline ("ASHEVILLE, N.C., Oct 1 (Reuters) -")."""
    assert ids(parser, "ASHEVILLE, N.C., Oct 1 (Reuters) - Floods hit.")[0] == (
        "ASHEVILLE",
        "gn:4453066",
    )
    assert ids(parser, "Asheville was flooded.") == []


def test_alternate_names_never_outrank_current_names(parser: Geoparser) -> None:
    """A historic or foreign form of a small city abroad ("Hamas" for Hamm) is no name."""
    assert ids(parser, "Fighters of Hamas fired rockets.") == []
    assert ids(parser, "Man, that was close.") == []  # a common word, not Amman or Man
    # a unit abroad named like its country's big city yields to the city
    assert ids(parser, "He flew to Washington and New York.") == [
        ("Washington", "gn:4140963"),
        ("New York", "gn:5128581"),
    ]


def test_region_named_after_a_city_picks_its_sense(parser: Geoparser) -> None:
    assert ids(parser, "She grew up in Paris, Texas, then moved to Kansas City, Kan.") == [
        ("Paris", "gn:4717560"),
        ("Texas", "admin1:US-TX"),
        ("Kansas City", "gn:4273837"),
        ("Kan.", "admin1:US-KS"),
    ]
    ontario = ids(parser, "A crash in London, Ontario, closed the road.")
    assert ontario[0] == ("London", "gn:6058560")
    assert ids(parser, "A crash in London closed the road.")[0] == ("London", "gn:2643743")


def test_other_places_in_the_text_are_context_abroad(parser: Geoparser) -> None:
    """Spatial minimality: the sense in the country of the text's other places."""
    got = ids(parser, "Toronto police said a London man was held.")
    assert got == [("Toronto", "gn:6167865"), ("London", "gn:6058560")]


def test_small_towns_abroad_need_support_in_the_text(parser: Geoparser) -> None:
    """Spatial minimality: a town of a few thousand beats a big namesake far away when the text
    names a place beside it, and a small town alone is no mention at all."""
    near_cairns = ids(
        parser, "Police in Cairns said a house in Edmonton, south of the city, burned."
    )
    assert near_cairns == [("Cairns", "gn:2172797"), ("Edmonton", "gn:2167744")]
    assert ids(parser, "Edmonton beat Calgary.")[0] == ("Edmonton", "gn:5946768")
    assert ids(parser, "Floods hit Innisfail, Queensland.") == [
        ("Innisfail", "gn:2162683"),
        ("Queensland", "admin1:AU-QLD"),
    ]
    assert ids(parser, "He met Jerome Steele in Innisfail.") == []


def test_counties_take_the_sense_of_their_state(parser: Geoparser) -> None:
    got = ids(parser, "Crews worked in Adair County and Metcalfe County, Kentucky.")
    assert got[0][1] == "admin2:US-KY:adair-county" and got[1][1] == "admin2:US-KY:metcalfe-county"


def test_distances_are_the_equirectangular_formula_bit_for_bit() -> None:
    """_km multiplies by _RADIANS where it used math.radians: the same product in CPython, so
    the same distances (and evidence, confidences and outputs) to the last bit."""
    rng = random.Random(7)
    for _ in range(20_000):
        lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        lat2, lon2 = lat + rng.uniform(-9, 9), lon + rng.uniform(-9, 9)
        assert math.radians(lon2 - lon) == (lon2 - lon) * _RADIANS
        assert _km(lat, lon, lat2, lon2) == 6371.0 * math.hypot(
            math.radians(lon2 - lon) * math.cos(math.radians((lat + lat2) / 2)),
            math.radians(lat2 - lat),
        )


def compiled_anchors() -> type:
    """The compiled core's anchors (geo/_context.pyx); a failure, not a skip, when it is not
    built: `make setup` builds it, and the suite tests it."""
    assert _CompiledAnchors is not None, "geo/_context.pyx is not built: run make setup"
    return _CompiledAnchors


def test_compiled_distances_are_math_hypot_bit_for_bit() -> None:
    """The compiled core computes math.hypot with CPython's own algorithm (the C library's
    hypot may differ in the last bit): the same distances, evidence and memo keys."""
    from geo._context import hypot

    compiled_anchors()
    rng = random.Random(19)
    for _ in range(200_000):
        x = rng.uniform(-1.0, 1.0) * 10 ** rng.uniform(-8, 1)
        y = rng.uniform(-1.0, 1.0) * 10 ** rng.uniform(-8, 1)
        assert hypot(x, y) == math.hypot(x, y), (x, y)
    for x, y in ((0.0, 0.0), (0.0, -2.5), (3.0, 4.0), (1e-310, 3e-310), (-0.0, 1e300)):
        assert hypot(x, y) == math.hypot(x, y), (x, y)


@pytest.mark.parametrize("compiled", [False, True], ids=["python", "compiled"])
@pytest.mark.parametrize("n_points", [5, 300])  # a scan of them all, and the grid
def test_anchor_search_finds_exactly_the_points_within_reach(n_points: int, compiled: bool) -> None:
    rng = random.Random(n_points)
    centres = [
        (43.0, 77.0),
        (51.0, 71.0),
        (80.0, 20.0),
        (87.0, -40.0),
        (-60.0, 179.0),
        (0.0, -179.5),
    ]

    def around(spread: float) -> tuple[float, float]:
        lat, lon = rng.choice(centres)
        return (
            max(-90.0, min(90.0, lat + rng.uniform(-spread, spread))),
            lon + rng.uniform(-spread, spread),
        )

    rows = [
        ("x", f"p{i}", "city", *around(9.0), rng.choice(("XX", "KZ")), "", 0)
        for i in range(n_points)
    ]
    rows.append(("x", "land", "country", 43.0, 77.0, "", "", 0))  # a country's point: no anchor
    anchors = (compiled_anchors() if compiled else _Anchors)(rows, set(range(len(rows))), "KZ")
    found = 0
    for _ in range(400):
        lat, lon = around(7.0)
        for km in (60.0, 500.0):
            expected = sorted(
                (_km(lat, lon, r[3], r[4]), r[1])
                for r in rows
                if r[2] != "country" and _km(lat, lon, r[3], r[4]) <= km
            )
            near = anchors.near(lat, lon, km)
            assert sorted((d, nm) for d, nm, _, _ in near) == expected
            found += len(expected)
        # what the context of a name reads: the least of near() and whether one is in the AOI
        near = anchors.near(lat, lon, _NEAR_CUTOFF_KM)
        assert anchors.nearest(lat, lon, *_box(lat, _NEAR_CUTOFF_KM), "KZ") == (
            min(near)[:2] if near else None,
            any(cc == "KZ" for _, _, cc, _ in near),
        )
    assert found > 50  # the points are near enough for the test to test something


def varied_texts(gazetteer: Gazetteer, count: int) -> list[str]:
    """Texts naming many places of the gazetteer at random (ambiguous names, many anchors,
    towns abroad, units after cities): what context resolution reads."""
    rng = random.Random(19)
    rows = gazetteer.rows
    names = [rows[i][1] for i in rng.sample(range(len(rows)), 3000)]
    texts = []
    for k in range(count):
        words = []
        for _ in range(5 + k * 3):
            a, b = rng.choice(names), rng.choice(names)
            words.append(
                rng.choice(
                    (
                        f"Crowds gathered in {a} and {b}.",
                        f"Police in {a}, {b} said the airport was closed.",
                        f"From {a} to {b} the roads were calm.",
                        f"{a} was quiet, unlike {b}.",
                    )
                )
            )
        texts.append(" ".join(words))
    return texts


def test_compiled_and_pure_python_parsers_agree(gazetteer: Gazetteer, settings: Settings) -> None:
    """The compiled core (geo/_context.pyx, geo/_scan.pyx) and its pure-Python fallback give
    the same mentions, to the last bit of every confidence and distance."""
    compiled_anchors()
    texts = gold_and_brief_texts() + varied_texts(gazetteer, 40)
    compiled = Geoparser(gazetteer, settings)
    python = Geoparser(gazetteer, settings, compiled=False)
    assert compiled._anchors is _CompiledAnchors and python._anchors is _Anchors
    assert compiled._scan is not None and python._scan is None
    got = [compiled.parse(text) for text in texts]
    assert got == [python.parse(text) for text in texts]
    assert sum(len(m) for m in got) > 2000  # the texts name enough places to test something
    # the same facts of context, memo key by memo key
    assert compiled._in_context.keys() == python._in_context.keys()


def test_compiled_name_facts_are_the_python_ones_for_every_name(
    gazetteer: Gazetteer, settings: Settings
) -> None:
    """geo/_rows.pyx's NameFacts (priors from the index's columns, and the flags _name reads)
    gives what Geoparser._name_facts works out from the rows, to the last bit of every score,
    for every name of the gazetteer (and the parser uses it when built)."""
    compiled_anchors()
    compiled = Geoparser(gazetteer, settings)
    python = Geoparser(gazetteer, settings, compiled=False)
    assert compiled._facts_of is not None and python._facts_of is None
    values = {v for v in gazetteer.names.values() if v}
    values |= {(code,) for v in list(values)[:2000] for code in v}  # aliases on their own too
    assert len(values) > 10_000
    for value in values:
        assert compiled._facts_of(value) == python._name_facts(value), value
    with pytest.raises(ValueError):
        compiled._facts_of(())
    with pytest.raises(IndexError):
        compiled._facts_of((len(gazetteer),))


def test_compiled_best_sense_is_the_python_one(gazetteer: Gazetteer, settings: Settings) -> None:
    """Without evidence, geo/_context.pyx's best_sense chooses a name's sense (with context
    facts or without) as Geoparser._sense_in and _sense do in Python: the same row and the
    same confidence to the last bit; and the parsers give the same mentions."""
    compiled_anchors()
    compiled = Geoparser(gazetteer, settings, evidence=False)
    python = Geoparser(gazetteer, settings, evidence=False, compiled=False)
    assert compiled._compiled_best and not python._compiled_best
    assert not Geoparser(gazetteer, settings)._compiled_best  # (evidence is written in Python)
    rng = random.Random(3)
    values = [v for v in gazetteer.names.values() if len(v) > 1][:4000]
    assert len(values) == 4000
    for value in values:
        priors = python._priors(value)
        facts = tuple(
            (
                rng.random() < 0.3,
                rng.random() < 0.3,
                None if rng.random() < 0.5 else (rng.uniform(0.0, 500.0), "x"),
            )
            for _ in priors[:6]
        )
        want, got = python._sense_in(priors, facts), compiled._best_sense(priors, facts)
        assert (got.row, got.confidence) == (want.row, want.confidence), value
        want, got = python._sense(priors), compiled._best_sense(priors, None)
        assert (got.row, got.confidence) == (want.row, want.confidence), value
    texts = gold_and_brief_texts() + varied_texts(gazetteer, 40)
    assert [compiled.parse(t) for t in texts] == [python.parse(t) for t in texts]


def test_parser_without_evidence_finds_the_same_mentions(
    gazetteer: Gazetteer, settings: Settings
) -> None:
    """evidence=False (the geoparse command, whose output has neither) leaves out the
    evidence of senses chosen by score and their candidates; every other field is the same."""
    texts = gold_and_brief_texts() + varied_texts(gazetteer, 40)
    full = Geoparser(gazetteer, settings)
    lean = Geoparser(gazetteer, settings, evidence=False)
    got = [full.parse(text) for text in texts]
    lean_got = [lean.parse(text) for text in texts]
    assert [[m[:6] for m in ms] for ms in got] == [[m[:6] for m in ms] for ms in lean_got]
    lean_mentions = [m for ms in lean_got for m in ms]
    assert not any(m.candidates for m in lean_mentions)
    assert any(not m.evidence for m in lean_mentions)
    assert sum(len(m) for m in got) > 2000


# Pieces of text that the run regex treats each in its own way: initials, possessives, hyphens,
# "-s", numbers, "of (the)", facility words and their prefixes, blanks and tabs, underscores.
_PIECES = (
    "A", "B", "N", "No", "No.", "No. ", "5", "12", "U.", "S.", "x", "s", "'", "'s", "-", "-s",
    " ", "  ", "\t", "\n", ".", ",", "of", "of ", "the ", "the", "Almaty", "Mc", "'t", "_", "z",
    "Z", "o", "t", " of the ", " of ", "T.V.", "C.", "air", "mayor", "hall", *_LOWER_WORDS,
)  # fmt: skip


def test_compiled_scan_finds_the_runs_of_the_regex() -> None:
    """geo/_scan.pyx reads an ASCII text as _splitter(True) does: the same runs at the same
    starts, on random strings of tricky pieces and on the gold and brief texts."""
    compiled_anchors()
    from geo._scan import RunScanner

    scan = RunScanner(_LOWER_WORDS).runs
    rng = random.Random(19)
    texts = [t for t in gold_and_brief_texts() if t.isascii()]
    texts += ["".join(rng.choices(_PIECES, k=rng.randint(1, 14))) for _ in range(60_000)]
    for text in texts:
        parts = _splitter(True)(text)
        runs, starts = scan(text)
        ends = list(accumulate(map(len, parts)))
        assert (runs, starts) == (parts[1::2], ends[:-1:2]), text
    with pytest.raises(ValueError, match="ASCII"):
        scan("Алматы")


def test_the_cyrillic_check_is_geo_cyrillics_and_ascii_commands_leave_it_unimported() -> None:
    """geoparse tells a Cyrillic text by its own copy of geo.cyrillic's pattern (importing
    geo.cyrillic cost every geoparse command 12 ms); the copy must not drift, and parsing
    Latin text must not import geo.cyrillic."""
    import subprocess
    import sys

    from geo import cyrillic, geoparse

    assert geoparse._HAS_CYRILLIC.__self__.pattern == cyrillic.CYRILLIC.pattern
    code = (
        "import sys; from geo.config import Settings; from geo.gazetteer import Gazetteer; "
        "from geo.geoparse import Geoparser; s = Settings.from_env(); "
        "p = Geoparser(Gazetteer.load(s), s); p.parse('Protests in Almaty – and in Aktau.'); "
        "print('geo.cyrillic' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_the_air_harbour_and_a_quoted_airport(parser: Geoparser) -> None:
    """ "Воздушная гавань" and Kazakh "әуе айлағы" (the air harbour) are the city's airport,
    as "аэропорт" is; an airport named in quotes after the noun is that one: «Чкаловский» is
    no airport of Almaty, while «Алматы» is Almaty's."""

    def found(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.place.id if m.place else None) for m in parser.parse(text)]

    assert found("В Алматы воздушная гавань закрыта.") == [
        ("Алматы", "gn:1526384"), ("воздушная гавань", "airport:ALA")
    ]  # fmt: skip
    assert ("әуе айлағы", "airport:ALA") in found("Алматыда әуе айлағы жабылды.")
    assert found("Миротворцы вылетели из Алматы в аэропорт «Чкаловский».") == [
        ("Алматы", "gn:1526384")
    ]
    assert ("аэропорт «Алматы»", "airport:ALA") in found(
        "В Шымкенте говорят, что аэропорт «Алматы» закрыт."
    )


def test_a_feminine_name_in_the_accusative_and_shu_after_a_preposition(parser: Geoparser) -> None:
    """ "в Астану" is Astana (the accusative of a name in -а); "из Шу" is the town of Shu, as
    "в городе Шу" is (its two letters are no Russian word)."""
    assert ids(parser, "Родственники приехали в Астану из Шу.") == [
        ("Астану", "gn:1526273"), ("Шу", "gn:1519030")
    ]  # fmt: skip


def test_the_ruling_party_office_in_russian_and_kazakh(parser: Geoparser) -> None:
    """ "здание партии «Нур Отан»" and '"Нұр Отан" ғимараты' are the party's office in the
    town the text is about (where the gazetteer has one); the party's name alone is no
    place."""
    assert ids(parser, "В Таразе горит здание партии «Нур Отан».") == [
        ("Таразе", "gn:1516905"), ("здание партии «Нур Отан»", "site:taraz-nur-otan-office")
    ]  # fmt: skip
    assert ids(parser, 'Алматыда "Нұр Отан" ғимараты өртеніп жатыр.')[-1] == (
        '"Нұр Отан" ғимараты',
        "site:almaty-nur-otan-office",
    )
    assert ids(parser, "В Таразе «Нур Отан» провела съезд.") == [("Таразе", "gn:1516905")]


def test_squares_by_name_shared_names_and_the_soviet_taldy_kurgan(parser: Geoparser) -> None:
    """ "площадь Ынтымак" is the square of the town named before it (Aktau's or Zhanaozen's
    share the name); a bare "площади" followed by a lower-case word is the town's main square
    ("на площади остались"), its adjective in the span ("центральной площади"); "площади
    имени Исатая и Махамбета" is Atyrau's; "Талды-Кургане" is Taldykorgan (the data set's
    Cyrillic variant); 'аэропорт "Алматы"' is one span."""
    assert ids(parser, "В Актау на площади Ынтымак собрались люди. На площади остались.") == [
        ("Актау", "gn:610612"), ("площади Ынтымак", "site:aktau-square"),
        ("площади", "site:aktau-square"),
    ]  # fmt: skip
    assert ids(parser, "В Жанаозене на центральной площади Ынтымак.")[-1] == (
        "площади Ынтымак",
        "site:zhanaozen-square",
    )
    assert ids(parser, "В Жанаозене на центральной площади пришёл аким.")[-1] == (
        "центральной площади",
        "site:zhanaozen-square",
    )
    assert ids(parser, "В Атырау на площади имени Исатая и Махамбета.")[-1] == (
        "площади имени Исатая и Махамбета",
        "site:atyrau-square",
    )
    assert ids(parser, "В городе Талды-Кургане снесли памятник.") == [
        ("Талды-Кургане", "gn:1518542")
    ]
    assert ids(parser, 'На аэропорт "Алматы" напали.') == [('аэропорт "Алматы"', "airport:ALA")]


def test_a_city_before_its_own_region_in_a_list_of_regions(parser: Geoparser) -> None:
    """ "in Almaty, Almaty and Mangystau regions": the first Almaty is the city, the second
    the region (a list names a unit once), as Russian "в Алматы, Алматинской и ...
    областях" does."""
    assert ids(parser, "An emergency was declared in Almaty, Almaty and Mangystau regions.") == [
        ("Almaty", "gn:1526384"), ("Almaty", "admin1:KZ-ALM"), ("Mangystau", "admin1:KZ-MAN")
    ]  # fmt: skip


def test_a_bare_akimat_after_a_region_or_its_akimat(parser: Geoparser) -> None:
    """With no town named before it, "акимат" is the akimat named before ("В акимате
    Актюбинской области ... перед акиматом"), else the named region's where the text says it
    is in the regional centre (a bare one elsewhere in a region may be a district's)."""
    assert ids(parser, "В акимате Актюбинской области заявили, что люди стоят перед акиматом.") == [
        ("акимате Актюбинской области", "site:aktobe-akimat"), ("акиматом", "site:aktobe-akimat")
    ]  # fmt: skip
    text = "В Мангистауской области люди собрались в областном центре у акимата."
    assert ids(parser, text)[-1] == ("акимата", "site:aktau-akimat")


def test_a_name_after_imeni_is_a_persons(parser: Geoparser) -> None:
    """ "площади имени Абая" is a square named after the poet, not the town of Abay."""
    assert ids(parser, "Жители Уральска добрались до площади имени Абая.") == [
        ("Уральска", "gn:608668")
    ]


def test_the_cyrillic_names_are_cached_beside_the_index(
    gazetteer: Gazetteer, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cyrillic_names builds the Cyrillic tables once (GeoNames' alternate names: about 1 s
    and 100 MB) and leaves them in the cache folder; a later run reads them and finds the
    same mentions in every Russian and Kazakh gold article. A file it cannot read, or one
    written for other inputs, is built again, not an error."""
    import dataclasses

    from geo import cyrillic

    here = Gazetteer(gazetteer._file, dataclasses.replace(settings, cache_dir=tmp_path),
                     from_cache=True)  # fmt: skip
    built = cyrillic.cyrillic_names(here)
    (written,) = tmp_path.glob("cyrillic-*.json")

    def never_built(self: object, gazetteer: object) -> None:
        raise AssertionError("built again")

    with monkeypatch.context() as m:
        m.setattr(cyrillic.CyrillicNames, "_build", never_built)
        read = cyrillic.cyrillic_names(here)
    texts = [
        p.read_text(encoding="utf-8")
        for folder in ("articles_gold_ru", "articles_gold_ru2", "articles_gold_kk")
        for p in sorted((Path(__file__).parent / folder).glob("*.txt"))
    ]
    assert len(texts) >= 30
    assert read.to_tables() == built.to_tables()
    for text in texts:
        assert read.find(text) == built.find(text)

    for bad in (b"{not json", b'{"key": "another"}', b"[]"):
        written.write_bytes(bad)
        assert cyrillic.cyrillic_names(here).to_tables() == built.to_tables()
        assert written.read_bytes().startswith(b'{"key": "')


def test_small_towns_of_the_area_by_their_cyrillic_names(parser: Geoparser) -> None:
    """The area's towns below 15,000 people have their Cyrillic GeoNames names too (the
    gazetteer's index keeps them): railway stations in a Russian story."""
    text = "Движение поездов восстановлено через станции Макат и Бейнеу, а также через Кеген."
    found = {m.text: m.place.id for m in parser.parse(text) if m.place}
    assert found == {"Макат": "gn:608872", "Бейнеу": "gn:610298", "Кеген": "gn:1522818"}


def test_a_city_by_its_own_name_of_several_words(parser: Geoparser) -> None:
    """ "New Delhi" is New Delhi, not Delhi (GeoNames gives Delhi, of 11 million, that name
    too): a city of note's own name of several words is no alias of another town of its
    country. A city abroad keeps its alias ("St Petersburg" is Russia's, not Florida's)."""
    found = {m.text: m.place.id for m in parser.parse("NEW DELHI - Officials in New Delhi said.")}
    assert found == {"NEW DELHI": "gn:1261481", "New Delhi": "gn:1261481"}
    (m,) = parser.parse("Flights to St Petersburg resumed.")
    assert m.place.country_code == "RU"


def test_the_governors_office_is_the_akimat(parser: Geoparser) -> None:
    """Kazakhstan's akims are called governors in much of the foreign press: "the governor's
    office" in Almaty is its akimat, "the regional governor's office" in Taraz the region's."""
    text = "Protesters stormed the governor's office in the southeastern city of Almaty."
    assert {m.text: m.place.id for m in parser.parse(text)}["governor's office"] == (
        "site:almaty-city-hall"
    )
    text = "In Taraz, the regional governor's office was set on fire."
    assert {m.text: m.place.id for m in parser.parse(text)}["regional governor's office"] == (
        "site:taraz-akimat"
    )


def test_names_with_a_lower_case_word_inside(parser: Geoparser) -> None:
    """Runs of capitalised words break at lower-case words; a connector that continues a name
    of the gazetteer joins them: "Rio de Janeiro", "Bosnia and Herzegovina", "Mato Grosso do
    Sul" (was "Mato Grosso"), "Newcastle upon Tyne". Names that only stand side by side stay
    apart ("Almaty and Taraz"), and so do a non-ASCII text's (read by the regex, not the
    compiled scan)."""

    assert ids(parser, "Floods hit Rio de Janeiro and Mato Grosso do Sul.") == [
        ("Rio de Janeiro", "gn:3451190"), ("Mato Grosso do Sul", "admin1:BR-MS"),
    ]  # fmt: skip
    assert ids(parser, "Teams from Bosnia and Herzegovina and Trinidad and Tobago met.") == [
        ("Bosnia and Herzegovina", "country:BA"), ("Trinidad and Tobago", "country:TT"),
    ]  # fmt: skip
    assert ids(parser, "Almaty and Taraz saw protests.") == [
        ("Almaty", "gn:1526384"), ("Taraz", "gn:1516905"),
    ]  # fmt: skip
    assert ids(parser, "Gunmen struck in Coyuca de Benítez, in Mexico's Guerrero state.")[0] == (
        "Coyuca de Benítez", "gn:4012608",
    )  # fmt: skip
    assert ("Newcastle upon Tyne", "gn:2641673") in ids(
        parser, "Fans travelled to Newcastle upon Tyne."
    )


def test_the_compiled_scan_finds_the_gaps_the_python_one_does(parser: Geoparser) -> None:
    """The runs a connector follows (geo/_scan.pyx's runs_and_gaps) are those that
    Geoparser._gaps finds on the same runs."""
    from geo.geoparse import _splitter

    texts = [
        "Rio de Janeiro and Sao Paulo; Bosnia and  Herzegovina; Santiago de Cuba and Almaty on",
        "Trinidad and Tobago and Antigua and Barbuda, Vila Nova de Gaia and the Isle of Man.",
        "de Gaulle and Herzegovina and x and Y del Z and",
    ]
    for text in texts:
        runs, starts, gaps = parser._scan(text)
        parts = _splitter(True)(text)
        assert runs == parts[1::2]
        assert gaps == parser._gaps(text, runs, starts)


def test_states_and_counties_by_their_unit_word(parser: Geoparser) -> None:
    """Outside the United States, Britain and Ireland (whose counties are second-level
    units here) a first-level unit is also named with "state" or "county" after it, in any
    case: "Guerrero state", "Zamfara State", "Kisumu county"; "NSW" and "Qld" are Australia's
    states. An American "State" stays out ("Kentucky State University" names Kentucky)."""

    assert ids(parser, "Violence in Guerrero state and Zamfara State.") == [
        ("Guerrero state", "admin1:MX-GRO"), ("Zamfara State", "admin1:NG-ZA"),
    ]  # fmt: skip
    assert ids(parser, "Floods in Kisumu county and Homa Bay County.") == [
        ("Kisumu county", "admin1:KE-17"), ("Homa Bay County", "admin1:KE-08"),
    ]  # fmt: skip
    assert ids(parser, "Bushfires in NSW and Qld.") == [
        ("NSW", "admin1:AU-NSW"), ("Qld", "admin1:AU-QLD"),
    ]  # fmt: skip
    assert ids(parser, "He studied at Kentucky State University.") == [("Kentucky", "admin1:US-KY")]


def test_a_feature_named_after_a_word_is_no_place(parser: Geoparser) -> None:
    """A capitalised feature noun after a word ("the Sandy Creek fire", "Nymboida State
    Forest") makes a feature's name: neither word is a place (Creek was Baytown's alias, Sandy
    a town in Utah); a place's own name with one stays ("Rhode Island", "Homa Bay")."""
    text = "Crews fought the Sandy Creek fire in Nymboida State Forest, far from Forest Hill."
    assert [m.text for m in parser.parse(text)] == ["Forest Hill"]
    assert [m.text for m in parser.parse("From Rhode Island to Homa Bay.")] == [
        "Rhode Island", "Homa Bay",
    ]  # fmt: skip


def test_a_british_borough_by_its_citys_name_is_the_city(parser: Geoparser) -> None:
    """ "Manchester", "Sheffield" and "Bradford" are the cities, not the metropolitan boroughs
    that share their names (the boroughs were found first); counties keep theirs."""
    text = "From Manchester to Sheffield and Bradford, and on to Cornwall."
    assert [(m.text, m.place.id) for m in parser.parse(text)] == [
        ("Manchester", "gn:2643123"), ("Sheffield", "gn:2638077"), ("Bradford", "gn:2654993"),
        ("Cornwall", "admin2:GB-ENG:cornwall"),
    ]  # fmt: skip


def test_a_state_keeps_its_name_from_a_smaller_citys_alias(parser: Geoparser) -> None:
    """GeoNames gives Oklahoma City the alias "Oklahoma" and Salvador "Bahia": the state keeps
    its name where the city is neither one of the world's largest nor a large share of its
    people; "New York" stays New York City."""

    assert ids(parser, "Tornadoes hit Kansas and Oklahoma.")[1] == ("Oklahoma", "admin1:US-OK")
    assert ids(parser, "Floods in Bahia.") == [("Bahia", "admin1:BR-BA")]
    assert ids(parser, "Flights to New York resumed.") == [("New York", "gn:5128581")]


def test_argentines_and_bosnia(parser: Geoparser) -> None:
    """ "Argentine" is the demonym the press writes (countryinfo has only "Argentinean"), not a
    town in Michigan; "Bosnia" and "BiH" are Bosnia and Herzegovina."""
    text = "Two Argentine players and three Argentines flew to Bosnia (BiH)."
    assert [(m.text, m.place.id) for m in parser.parse(text)] == [
        ("Argentine", "demonym:AR"), ("Argentines", "demonym:AR"), ("Bosnia", "country:BA"),
        ("BiH", "country:BA"),
    ]  # fmt: skip


def test_the_units_of_a_list_after_a_plural_unit_word(parser: Geoparser) -> None:
    """ "The regions of Almaty, Zhambyl and Mangystau" are three regions, as "the Almaty,
    Zhambyl and Mangystau regions" are (Almaty was the city); "the provinces of Yala and
    Pattani", "the states of Kaduna and Zamfara" too. Names with no such unit stay as they are
    ("the regions of Russia and Kazakhstan")."""

    assert place_ids(parser, "Emergency rule in the regions of Almaty, Zhambyl and Mangystau.") == [
        "admin1:KZ-ALM", "admin1:KZ-ZHA", "admin1:KZ-MAN",
    ]  # fmt: skip
    assert place_ids(parser, "Attacks in the provinces of Yala and Pattani.") == [
        "admin1:TH-95",
        "admin1:TH-94",
    ]
    assert place_ids(parser, "Gunmen in the states of Kaduna and Zamfara.") == [
        "admin1:NG-KD",
        "admin1:NG-ZA",
    ]
    assert place_ids(parser, "Trade between the regions of Russia and Kazakhstan.") == [
        "country:RU",
        "country:KZ",
    ]
