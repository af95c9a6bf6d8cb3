"""The default data set (Kazakhstan, January 2022) is consistent as a whole.

Part 1 reads the files with the stdlib ``csv`` module only, so it does not depend on the loader.
Part 2 (marked below) goes through the project's loader and layer API.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo import schema
from geo.events import load_dataset
from geo.layers import features_on, layer_counts

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = DATA / "articles"

FIRST, LAST = dt.date(2022, 1, 1), dt.date(2022, 1, 31)

# Vocabularies of data/README.md ("File formats"), as the schema holds them.
EVENT_LAYERS = set(schema.EVENT_LAYERS)
STATE_LAYERS = set(schema.STATE_LAYERS)
STATUSES = {layer: set(values) for layer, values in schema.STATUSES.items()}
CERTAINTIES = set(schema.CERTAINTIES)
SCOPES = set(schema.SCOPES)
METRICS = set(schema.METRICS)
QUALIFIERS = set(schema.QUALIFIERS)
PRECISIONS = {"1", "2", "3"}
ACLED_TYPES = {
    "Battles": {
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    },
    "Protests": {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip

EVENT_COLUMNS = list(schema.EVENT_COLUMNS)
STATE_COLUMNS = list(schema.STATE_COLUMNS)
FIGURE_COLUMNS = list(schema.FIGURE_COLUMNS)

SOURCE = re.compile(r"^(?P<publisher>[^<>;]*\S)\s+<(?P<url>https?://[^\s<>]+)>$")
ADMIN1_JAN_2022 = {
    "KZ-AKM", "KZ-AKT", "KZ-ALA", "KZ-ALM", "KZ-AST", "KZ-ATY", "KZ-KAR", "KZ-KUS", "KZ-KZY",
    "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-SHY", "KZ-VOS", "KZ-YUZ", "KZ-ZAP", "KZ-ZHA",
}  # fmt: skip
CONTINGENTS = {
    "Russian contingent", "Belarusian contingent", "Armenian contingent", "Tajik contingent",
    "Kyrgyz contingent",
}  # fmt: skip


# ==============================================================================================
# Part 1: stdlib checks (csv module only)
# ==============================================================================================


def read(name: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line, row) pairs; line is the file line, the header being line 1."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == columns, f"{name}: header differs from data/README.md"
        rows = []
        for row in reader:
            assert None not in row, f"{name}, line {reader.line_num}: too many cells"
            rows.append((reader.line_num, row))
        return rows


@pytest.fixture(scope="module")
def events() -> list[tuple[int, dict[str, str]]]:
    return read("events.csv", EVENT_COLUMNS)


@pytest.fixture(scope="module")
def states() -> list[tuple[int, dict[str, str]]]:
    return read("states.csv", STATE_COLUMNS)


@pytest.fixture(scope="module")
def figures() -> list[tuple[int, dict[str, str]]]:
    return read("figures.csv", FIGURE_COLUMNS)


@pytest.fixture(scope="module")
def all_rows(events, states, figures) -> list[tuple[str, int, dict[str, str]]]:
    return (
        [("events.csv", n, r) for n, r in events]
        + [("states.csv", n, r) for n, r in states]
        + [("figures.csv", n, r) for n, r in figures]
    )


def parse_article(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    assert sep, f"{path.name}: no '---' line"
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(": ")
        assert colon, f"{path.name}: header line {line!r} is not 'key: value'"
        header[key.strip()] = value.strip()
    return header, body


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_record_count_is_at_least_120(all_rows):
    assert len(all_rows) >= 120


def test_ids_are_unique_across_files(all_rows):
    seen: dict[str, str] = {}
    for name, line, row in all_rows:
        rid = row["id"]
        assert rid, f"{name}, line {line}: empty id"
        assert rid not in seen, f"{name}, line {line}: id {rid} already used in {seen[rid]}"
        seen[rid] = f"{name}, line {line}"


def test_every_record_has_sources_with_urls(all_rows):
    for name, line, row in all_rows:
        cell = row["sources"].strip()
        assert cell, f"{name}, line {line}: no source"
        for part in cell.split(" ; "):
            assert SOURCE.match(part.strip()), f"{name}, line {line}: bad source {part!r}"


def test_event_dates_are_in_january_2022(events):
    for line, row in events:
        assert FIRST <= day(row["date"]) <= LAST, f"events.csv, line {line}: {row['date']}"


def test_state_intervals_are_in_january_2022_and_ordered(states):
    for line, row in states:
        start = day(row["valid_from"])
        assert FIRST <= start <= LAST, f"states.csv, line {line}: valid_from {start}"
        if row["valid_to"]:
            end = day(row["valid_to"])
            assert start <= end <= LAST, f"states.csv, line {line}: valid_to {end}"


def test_figure_dates_january_or_later_revisions(figures):
    """Figures reported in January 2022, or later official revisions of the January toll."""
    for line, row in figures:
        date = day(row["date"])
        assert date >= FIRST, f"figures.csv, line {line}: {date}"
        if date > LAST:
            assert row["metric"] in METRICS, f"figures.csv, line {line}"


def test_layers_statuses_certainties_scopes(events, states, figures):
    for line, row in events:
        where = f"events.csv, line {line}"
        assert row["layer"] in EVENT_LAYERS, where
        assert row["certainty"] in CERTAINTIES, where
        assert row["scope"] in SCOPES, where
        assert row["time_precision"] in PRECISIONS, where
    for line, row in states:
        where = f"states.csv, line {line}"
        assert row["layer"] in STATE_LAYERS, where
        assert row["status"] in STATUSES[row["layer"]], where
        assert row["certainty"] in CERTAINTIES, where
        assert row["scope"] in SCOPES, where
        assert row["subject"], where
    for line, row in figures:
        where = f"figures.csv, line {line}"
        assert row["metric"] in METRICS, where
        assert row["qualifier"] in QUALIFIERS, where
        assert row["certainty"] in CERTAINTIES, where
        assert row["reported_by"], where


def test_acled_types_are_acled_vocabulary(events):
    for line, row in events:
        etype, sub = row["event_type"], row["sub_event_type"]
        where = f"events.csv, line {line}"
        if not etype:
            assert not sub, where
            continue
        assert etype in ACLED_TYPES, where
        assert sub in ACLED_TYPES[etype], where


def test_counts_are_non_negative_integers(events, states, figures):
    cells = [
        ("events.csv", n, r, c) for n, r in events for c in ("fatalities", "injured", "detained")
    ]
    cells += [("states.csv", n, r, "troops") for n, r in states]
    cells += [("figures.csv", n, r, "value") for n, r in figures]
    for name, line, row, col in cells:
        value = row[col]
        if col == "value":
            assert value, f"{name}, line {line}: figure without a value"
        if value:
            assert value.isdigit(), f"{name}, line {line}, field {col!r}: {value!r}"


def test_placement_is_consistent(events, states):
    for name, rows in (("events.csv", events), ("states.csv", states)):
        for line, row in rows:
            where = f"{name}, line {line}"
            assert bool(row["lat"]) == bool(row["lon"]), where
            if row["scope"] == "national":
                assert not row["place"] and not row["site_id"] and not row["lat"], where
                assert not row["geo_precision"], where
            else:
                assert row["place"] or row["site_id"] or row["lat"], where
                assert row["geo_precision"] in PRECISIONS, where
            if row["lat"]:
                lat, lon = float(row["lat"]), float(row["lon"])
                assert 40.0 <= lat <= 56.0 and 46.0 <= lon <= 88.0, f"{where}: not in Kazakhstan"
            if row["site_id"]:
                assert re.match(r"^(site|airport|gn|admin1):\S+$", row["site_id"]), where


def test_emergency_states_cover_each_admin1_once(states):
    codes = []
    for line, row in states:
        if row["layer"] != "emergency":
            continue
        assert row["status"] == "declared", f"states.csv, line {line}"
        site = row["site_id"]
        assert site.startswith("admin1:"), f"states.csv, line {line}"
        codes.append(site.removeprefix("admin1:"))
    assert sorted(codes) == sorted(ADMIN1_JAN_2022)


def test_no_facility_has_two_infrastructure_states_on_a_day(states):
    by_key: dict[str, list[tuple[dt.date, dt.date, int]]] = defaultdict(list)
    for line, row in states:
        if row["layer"] != "infrastructure":
            continue
        key = row["site_id"] or f"national: {row['subject']}"
        end = day(row["valid_to"]) if row["valid_to"] else dt.date.max
        by_key[key].append((day(row["valid_from"]), end, line))
    for key, spans in by_key.items():
        spans.sort()
        for (_, end, line_a), (start, _, line_b) in zip(spans, spans[1:], strict=False):
            assert start > end, f"{key}: lines {line_a} and {line_b} overlap on {start}"


def status_on(states, site_id: str, date: dt.date) -> list[str]:
    out = []
    for _, row in states:
        if row["layer"] == "infrastructure" and row["site_id"] == site_id:
            end = day(row["valid_to"]) if row["valid_to"] else dt.date.max
            if day(row["valid_from"]) <= date <= end:
                out.append(row["status"])
    return out


def test_almaty_airport_timeline(states):
    assert status_on(states, "airport:ALA", dt.date(2022, 1, 5)) == ["seized"]
    assert status_on(states, "airport:ALA", dt.date(2022, 1, 8)) in (["seized"], ["closed"])
    assert status_on(states, "airport:ALA", dt.date(2022, 1, 14)) in (
        ["operational"],
        ["disrupted"],
    )
    assert status_on(states, "airport:ALA", dt.date(2022, 1, 19)) == ["operational"]


def test_troop_contingents_and_total_on_jan_10(states):
    present = [
        row for _, row in states
        if row["layer"] == "troops"
        and day(row["valid_from"]) <= dt.date(2022, 1, 10) <= day(row["valid_to"] or "2022-01-31")
    ]  # fmt: skip
    subjects = {row["subject"] for row in present}
    assert CONTINGENTS <= subjects
    whole_force = [row for row in present if row["scope"] == "national"]
    assert [row["troops"] for row in whole_force] == ["2030"]
    present = [row for row in present if row["scope"] == "local"]
    total = sum(int(row["troops"]) for row in present if row["troops"])
    # Only Armenia (100), Kyrgyzstan (150) and Tajikistan (200) published figures; Russia and
    # Belarus did not, so the sum cannot exceed the official force total of 2,030.
    assert 0 < total <= 2030
    for row in present:
        if not row["troops"]:
            assert row["count_note"], f"{row['id']}: troops empty without a count_note"
    for _, row in states:
        if row["layer"] == "troops":
            assert day(row["valid_to"]) <= dt.date(2022, 1, 19), row["id"]


def test_disputed_figures_are_kept_side_by_side(figures):
    deaths = {
        (r["date"], r["value"], r["certainty"]) for _, r in figures if r["metric"] == "deaths"
    }
    assert ("2022-01-09", "164", "retracted") in deaths
    assert ("2022-01-15", "225", "reported") in deaths
    assert {("2022-03-14", "230"), ("2022-03-14", "238")} <= {(d, v) for d, v, _ in deaths}
    detained = {(r["date"], r["value"]) for _, r in figures if r["metric"] == "detained"}
    assert {("2022-01-10", "7939"), ("2022-01-11", "9900"), ("2022-01-12", "12000")} <= detained


# Key facts of the source audit (issue 16): each corrected record says what its cited report says.


def by_id(rows) -> dict[str, dict[str, str]]:
    return {row["id"]: row for _, row in rows}


def test_corrected_counts_follow_the_cited_reports(events, figures):
    ev, fig = by_id(events), by_id(figures)
    assert ev["E062"]["injured"] == "25"  # TASS: 25 officers wounded in Atyrau (lowest figure)
    assert "tass.com/world/1384889" in ev["E062"]["sources"]
    assert ev["E065"]["injured"] == "5"  # Kazinform: five law-enforcement officers in Taraz
    assert ev["E065"]["sources"].startswith("Kazinform <")
    # 353 injured is the Almaty commandant's count for Almaty, never a national headline
    f005 = fig["F005"]
    assert (f005["value"], f005["part"]) == ("353", "security personnel in Almaty only")
    # 18 security dead and 748 police and National Guard injured were first reported on 6 January
    assert fig["F007"]["date"] == fig["F009"]["date"] == "2022-01-06"
    assert fig["F009"]["part"] == "police and National Guard"


def test_airport_dates_follow_the_reports(states):
    assert status_on(states, "airport:SCO", dt.date(2022, 1, 8)) == ["closed"]
    assert status_on(states, "airport:SCO", dt.date(2022, 1, 9)) == ["operational"]
    assert status_on(states, "airport:AKX", dt.date(2022, 1, 8)) == ["disrupted"]
    assert status_on(states, "airport:AKX", dt.date(2022, 1, 9)) == ["operational"]
    for day_ in (8, 10, 12):
        assert status_on(states, "airport:TDK", dt.date(2022, 1, day_)) == ["closed"]
    assert status_on(states, "airport:TDK", dt.date(2022, 1, 13)) == []  # reopening not found


def test_tajik_headcount_names_its_real_source(states):
    note = by_id(states)["S021"]["count_note"]
    assert "RIA Novosti" in note and "unnamed" in note


def test_rows_on_approximate_facilities_are_not_precise(events, states):
    """A site placed at its city's centre (precision 2) never carries geo_precision 1."""
    with (DATA / "facilities.csv").open(encoding="utf-8", newline="") as handle:
        approximate = {r["site_id"] for r in csv.DictReader(handle) if r["precision"] == "2"}
    assert "site:almaty-mir-tv" in approximate
    for name, rows in (("events.csv", events), ("states.csv", states)):
        for line, row in rows:
            if row["site_id"] in approximate:
                assert row["geo_precision"] in ("2", "3"), f"{name}, line {line}: {row['id']}"


def test_inferred_sit_in_days_are_uncertain(events):
    ev = by_id(events)
    for rid in ("E009", "E046", "E058", "E063"):
        assert ev[rid]["certainty"] == "uncertain", rid


WEAK_HOSTS = {
    "pledgetimes.com", "en.vikidia.org", "armedconflicts.com", "freetvonline.live",
    "laitimes.com", "www.laitimes.com", "plawiuk.blogspot.com", "taketonews.com", "ria24.today",
    "generico.ru", "chernayakobra.ru", "runews24.ru", "www.tellerreport.com", "earthpressnews.com",
    "www.jowhar.com", "jowhar.com", "newsbadshah.com", "24hbongdda.site", "warsawpoint.com",
    "cxtvnews.com", "gtn24.com", "yenixeber.org", "regtrends.com", "oreanda-news.com",
}  # fmt: skip


def test_rows_resting_only_on_aggregators_are_not_reported(all_rows):
    """data/README.md: a row whose every source is an aggregator or copy is `uncertain`."""
    for name, line, row in all_rows:
        hosts = {urlparse(u).hostname for u in re.findall(r"<([^>]+)>", row["sources"])}
        if hosts <= WEAK_HOSTS:
            assert row["certainty"] != "reported", f"{name}, line {line}: {row['id']} {hosts}"


def test_source_hosts_are_the_outlets_own(all_rows):
    """No CDN mirror, staging or CMS host, no host with a trailing dot."""
    for name, line, row in all_rows:
        for url in re.findall(r"<([^>]+)>", row["sources"]):
            host = urlparse(url).hostname or ""
            where = f"{name}, line {line}: {url}"
            assert host and not host.endswith("."), where
            assert not host.startswith(("staging.", "manage.")), where
            assert not host.endswith("cloudfront.net"), where
    # the Almaty city hall report is on the English edition (interfax.com.ua is the Ukrainian one)
    by = {row["id"]: row for _, _, row in all_rows}
    for rid in ("E024", "S001", "S029"):
        assert "<https://en.interfax.com.ua/news/general/789975.html>" in by[rid]["sources"], rid


def test_missing_events_are_on_file(events, states, figures):
    ev = [row for _, row in events]

    def find(date: str, place: str, **cells: str) -> list[dict[str, str]]:
        return [
            r for r in ev
            if r["date"] == date and r["place"] == place
            and all(r[k] == v for k, v in cells.items())
        ]  # fmt: skip

    assert find("2022-01-05", "Ust-Kamenogorsk", layer="clashes")
    assert find("2022-01-05", "Petropavl")
    assert find("2022-01-06", "Almaty", site_id="site:almaty-city-hall", fatalities="1")
    assert find("2022-01-06", "Almaty", site_id="site:almaty-koktobe-tv-tower")
    assert find("2022-01-07", "Taldykorgan", layer="clashes", fatalities="2")
    assert find("2022-01-06", "Kostanay", detained="245")
    assert find("2022-01-12", "Almaty", sub_event_type="Other")
    assert find("2022-01-07", "Almaty Region", site_id="site:zhetygen-airfield")
    kyzylorda = [r for r in ev if r["place"] == "Kyzylorda" and r["certainty"] == "reported"]
    assert any(r["injured"] == "168" for r in kyzylorda)
    journalists = [r for r in ev if "Journalists" in r["actor2"]]
    assert {r["place"] for r in journalists} >= {"Almaty", "Oral", "Ust-Kamenogorsk"}
    figs = {(r["date"], r["metric"], r["value"], r["part"]) for _, r in figures}
    assert {
        ("2022-01-05", "detained", "200", ""),
        ("2022-01-05", "injured", "95", "law-enforcement officers"),
        ("2022-01-12", "detained", "10000", ""),
    } <= figs
    toll_227 = [r for _, r in figures if r["metric"] == "deaths" and r["value"] == "227"]
    assert len(toll_227) == 1 and toll_227[0]["certainty"] == "uncertain"  # date not found


def test_readme_record_counts_match_the_files(events, states, figures):
    """The "Record counts" table of data/README.md says what the files hold."""
    text = (DATA / "README.md").read_text(encoding="utf-8")
    table = text.split("### Record counts", 1)[1].split("\n\n", 2)[1]
    stated = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip().strip("*") for c in line.strip("|").split("|")]
        stated[(cells[0], cells[1].split(" (")[0])] = int(cells[2].split(" ")[0])
    actual = {}
    for name, rows, key in (
        ("events.csv", events, "layer"), ("states.csv", states, "layer"),
        ("figures.csv", figures, "metric"),
    ):  # fmt: skip
        for _, row in rows:
            actual[(name, row[key])] = actual.get((name, row[key]), 0) + 1
    assert stated.pop(("all data files", "")) == len(events) + len(states) + len(figures)
    assert stated.pop(("articles/", "briefs")) == len(list(ARTICLES.glob("*.txt")))
    assert stated == actual


def test_articles_exist_and_are_well_formed(all_rows):
    paths = sorted(ARTICLES.glob("*.txt"))
    assert len(paths) >= 20
    ids = {row["id"] for _, _, row in all_rows}
    for path in paths:
        header, body = parse_article(path)
        for key in ("title", "date", "publisher", "url", "records"):
            assert header.get(key), f"{path.name}: header {key!r} missing or empty"
        date = day(header["date"])
        assert FIRST <= date <= LAST, path.name
        assert path.name.startswith(header["date"] + "-"), f"{path.name}: name and date differ"
        assert re.match(r"^https?://\S+$", header["url"]), path.name
        records = [r.strip() for r in header["records"].split(",")]
        assert records and all(records), path.name
        for rid in records:
            assert rid in ids, f"{path.name}: record {rid} is in no data file"
        words = len(body.split())
        assert 100 <= words <= 400, f"{path.name}: {words} words"


def test_article_url_is_among_its_records_sources(all_rows):
    """Each brief cites the report its facts come from: its url is a source of a linked record."""
    by_id = {row["id"]: row for _, _, row in all_rows}
    for path in sorted(ARTICLES.glob("*.txt")):
        header, _ = parse_article(path)
        urls = set()
        for rid in (r.strip() for r in header["records"].split(",")):
            urls |= set(re.findall(r"<([^>]+)>", by_id[rid]["sources"]))
        assert header["url"] in urls, f"{path.name}: url is not a source of its records"


# ==============================================================================================
# Part 2: through the loader and the layer API, as the dashboard and exports see the data
# ==============================================================================================


@pytest.fixture(scope="module")
def dataset(settings, gazetteer):
    return load_dataset(settings.with_(data_dir=DATA), gazetteer)


def test_api_dataset_loads_and_places_everything(dataset, all_rows):
    assert not dataset.unplaced
    assert len(dataset.events) + len(dataset.states) + len(dataset.figures) == len(all_rows)
    for frame in (dataset.events, dataset.states):
        local = frame[frame["scope"] == "local"]
        assert local.geometry.notna().all(), "every local record is placed"
        assert (local["admin1"].str.match(r"^KZ-[A-Z]{3}$")).all(), "and has its admin-1"
        national = frame[frame["scope"] == "national"]
        assert national.geometry.isna().all(), "national records have no point"


def test_api_almaty_airport_on_8_and_14_january(dataset):
    on_8 = features_on(dataset, "infrastructure", "2022-01-08")
    on_14 = features_on(dataset, "infrastructure", "2022-01-14")
    assert list(on_8[on_8["place_id"] == "airport:ALA"]["status"]) in (["seized"], ["closed"])
    assert list(on_14[on_14["place_id"] == "airport:ALA"]["status"]) in (
        ["operational"],
        ["disrupted"],  # open again, on reduced hours (08:00-21:00) until 19 January
    )


def test_api_csto_force_present_on_10_january_and_gone_by_21(dataset):
    on_10 = features_on(dataset, "troops", "2022-01-10", include_national=True)
    whole = on_10[on_10.geometry.isna()]
    assert list(whole["troops"]) == [2030]  # the official whole-force figure, kept as reported
    contingents = on_10[on_10.geometry.notna()]
    assert {"Russia", "Belarus", "Armenia", "Tajikistan", "Kyrgyzstan"} <= {
        country for actor in contingents["actor"] for country in
        ("Russia", "Belarus", "Armenia", "Tajikistan", "Kyrgyzstan") if country in actor
    }  # fmt: skip
    published = layer_counts(contingents)["troops"]
    assert 0 < published <= 2030  # only some contingents published their size
    assert features_on(dataset, "troops", "2022-01-21", include_national=True).empty


def test_api_clashes_in_almaty_on_5_january(dataset):
    clashes = features_on(dataset, "clashes", "2022-01-05")
    assert (clashes["admin1"] == "KZ-ALA").sum() >= 3
    assert layer_counts(clashes[clashes["admin1"] == "KZ-ALA"])["features"] >= 3


def test_api_protests_in_zhanaozen_on_2_january(dataset):
    protests = features_on(dataset, "protests", "2022-01-02")
    assert "Zhanaozen" in set(protests["place"])
    assert (protests["admin1"] == "KZ-MAN").all()


def test_api_emergency_everywhere_on_6_january_nowhere_on_19(dataset):
    assert len(features_on(dataset, "emergency", "2022-01-06")) == 17
    assert len(features_on(dataset, "emergency", "2022-01-19")) == 0


def test_api_headline_figures_are_whole_counts(dataset):
    """Partial counts (security forces only) and court arrests never stand in for the toll."""
    from geo.layers import national_figures

    def headline(day: str) -> dict[str, tuple[int, str]]:
        figs = national_figures(dataset, day)
        return {r.metric: (int(r.value), r.qualifier) for r in figs[figs.latest].itertuples()}

    on_10 = headline("2022-01-10")
    assert on_10["deaths"] == (40, "more than")  # not the retracted 164, not 16 police only
    assert on_10["detained"] == (7939, "exact")
    on_16 = headline("2022-01-16")
    assert on_16["deaths"] == (225, "exact") and on_16["detained"] == (12000, "about")
    assert on_16["arrested"] == (446, "exact")


def test_api_aktau_and_taldykorgan_airports(dataset):
    on_8 = features_on(dataset, "infrastructure", "2022-01-08").set_index("place_id")
    on_9 = features_on(dataset, "infrastructure", "2022-01-09").set_index("place_id")
    assert on_8.loc["airport:SCO", "status"] == "closed"
    assert on_9.loc["airport:SCO", "status"] == "operational"
    assert on_9.loc["airport:TDK", "status"] == "closed"
    assert on_9.loc["airport:TDK", "admin1"] == "KZ-ALM"


def test_api_almaty_commandant_count_is_never_the_injured_headline(dataset):
    from geo.layers import national_figures

    figs = national_figures(dataset, "2022-01-06")
    latest = figs[figs.latest].set_index("metric")
    assert int(latest.loc["injured", "value"]) == 1000  # Health Ministry, everyone
    assert 353 in set(figs[figs.metric == "injured"]["value"].astype(int))  # kept, not headline
