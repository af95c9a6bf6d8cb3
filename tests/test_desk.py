"""The review desk: the queue a page at a time, merge that keeps disputes, the news layer's
places, adding an article, the escaped markup, and the Review page run headless (AppTest),
including two sessions deciding the same candidate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import fake_extractor
from streamlit.testing.v1 import AppTest

from dashboard import desk as dd
from dashboard.synthetic import write_dataset
from geo import desk
from geo.config import PROJECT_ROOT, Settings
from geo.errors import InputError
from geo.ingest import ingest
from geo.review import decide
from geo.store import Store
from geo.tables import Event, RecordSource

APP = str(PROJECT_ROOT / "dashboard" / "app.py")
HOSTILE = '<img src=x onerror="alert(1)">**bold** {{7*7}}'


def story(slug: str, day: str, text: str, title: str = "") -> str:
    return (
        f"title: {title or slug}\ndate: {day}\npublisher: Example News\n"
        f"url: https://news.example/{slug}\n---\n{text}\n"
    )


STORIES = {
    "zhanaozen.txt": story("zhanaozen", "2022-01-03",
                           "About a thousand people stayed on the square in Zhanaozen."),
    "almaty.txt": story("almaty", "2022-01-05",
                        "Crowds gathered in Almaty. Later, Aktau saw a rally too.",
                        title=f"Almaty {HOSTILE}"),
}  # fmt: skip


def fill(store: Store, tmp_path: Path, stories: dict[str, str] = STORIES) -> None:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(cache_dir=tmp_path / "cache")
    ingest(store, [folder], settings, extractor=fake_extractor, progress=False)


@pytest.fixture
def store(tmp_path: Path):
    """The bundled data set and two ingested articles (1 + 2 candidates, fake extraction)."""
    with Store(f"sqlite:///{tmp_path / 'store.sqlite'}") as s:
        s.migrate()
        s.import_dataset(PROJECT_ROOT / "data")
        fill(s, tmp_path)
        yield s


def test_queue_groups_by_article_newest_first_and_pages(store: Store) -> None:
    page = desk.queue_page(store)
    assert (page.articles, page.candidates, page.pages) == (2, 3, 1)
    assert [g.title.split()[0] for g in page.groups] == ["Almaty", "zhanaozen"]
    almaty = page.groups[0]
    assert [c["place"] for c in almaty.candidates] == ["Almaty", "Aktau"]
    assert almaty.places == ("Almaty", "Aktau")
    second = desk.queue_page(store, page=1, per_page=1)
    assert (second.page, second.pages, second.groups[0].title) == (1, 2, "zhanaozen")
    assert desk.queue_page(store, page=99, per_page=1).page == 1  # past the end: the last page


def test_queue_filters_by_day_place_layer_and_decision(store: Store) -> None:
    f = desk.QueueFilter
    assert desk.queue_page(store, f(day=dt.date(2022, 1, 3))).candidates == 1
    assert desk.queue_page(store, f(place="Aktau")).candidates == 1
    assert desk.queue_page(store, f(layer="clashes")).candidates == 0
    (c,) = desk.queue_page(store, f(place="Aktau")).groups[0].candidates
    decide(store, c["id"], action="reject", reviewer="ann", version=c["version"], note="dup")
    assert desk.queue_page(store).candidates == 2
    assert desk.queue_page(store, f(decision="rejected")).candidates == 1
    assert desk.queue_page(store, f(decision="any")).candidates == 3
    with pytest.raises(InputError, match="decision 'maybe' is not one of pending"):
        desk.queue_page(store, f(decision="maybe"))
    options = desk.queue_choices(store)
    assert options["days"] == [dt.date(2022, 1, 5), dt.date(2022, 1, 3)]
    assert options["places"] == ["Aktau", "Almaty", "Zhanaozen"] and options["layers"] == [
        "protests"
    ]


def test_match_labels() -> None:
    assert desk.match_labels({"matches": ["S043"], "disputes": ["F012"]}) == [
        "corroborates S043", "disputes F012"
    ]  # fmt: skip
    assert desk.match_labels({"matches": [], "disputes": []}) == ["new"]


def _candidate(store: Store, place: str) -> dict:
    (c,) = desk.queue_page(store, desk.QueueFilter(place=place)).groups[0].candidates
    return c


def test_merge_with_the_same_counts_adds_the_source(store: Store) -> None:
    c = _candidate(store, "Zhanaozen")
    with store.write() as s:
        s.get(Event, "E004").detained = 40  # the candidate says 40 too
    done = desk.merge_or_keep_both(store, c, "E004", reviewer="ann")
    assert (done.action, done.record_id) == ("merge", "E004")
    with store.read() as s:
        assert s.query(RecordSource).filter_by(record_id="E004", merged=True).count() == 1


def test_merge_where_counts_differ_keeps_both_as_a_dispute(store: Store) -> None:
    c = _candidate(store, "Zhanaozen")
    with store.write() as s:
        s.get(Event, "E004").detained = 12
    done = desk.merge_or_keep_both(store, c, "E004", reviewer="ann")
    assert done.action == "accept" and done.record_id == f"E-C{c['id']}"
    with store.read() as s:
        assert s.get(Event, "E004").detained == 12  # never overwritten
        assert s.get(Event, done.record_id).detained == 40
    reviews = desk.record_reviews(store)
    assert "disputes E004 (detained 12 / 40)" in reviews[done.record_id].history[0]
    assert reviews[done.record_id].origin == "reviewed"


def test_reject_needs_a_reason_and_keeps_it(store: Store) -> None:
    c = _candidate(store, "Aktau")
    with pytest.raises(InputError, match="needs a reason"):
        desk.reject(store, c, reviewer="ann", reason="  ")
    desk.reject(store, c, reviewer="ann", reason="a rally elsewhere")
    assert desk.decisions_of_article(store, c["article_id"])[0]["note"] == "a rally elsewhere"


def test_edited_values_are_what_changed() -> None:
    c = {"layer": "protests", "date": "2022-01-03", "place": "Zhanaozen",
         "counts": {"detained": 40, "fatalities": None}}  # fmt: skip
    form = {"layer": "protests", "date": dt.date(2022, 1, 4), "place": " Zhanaozen ",
            "detained": 60, "fatalities": None}  # fmt: skip
    assert desk.edited_values(c, form) == {"date": "2022-01-04", "detained": 60}


def test_news_places_for_a_day_and_a_window(store: Store) -> None:
    day5 = desk.news_places(store, dt.date(2022, 1, 5))
    assert sorted(p.name for p in day5) == ["Aktau", "Almaty"]
    assert day5[0].articles[0].url == "https://news.example/almaty"
    assert desk.news_places(store, dt.date(2022, 1, 4)) == []
    window = desk.news_places(store, dt.date(2022, 1, 5), window=3)
    assert sorted(p.name for p in window) == ["Aktau", "Almaty", "Zhanaozen"]
    assert len(desk.news_places(store, dt.date(2022, 1, 31), window=None)) == 3


def test_the_desk_takes_a_saved_page_and_a_feed(store: Store, tmp_path: Path) -> None:
    """An analyst drops a saved web page or a feed on the desk: the page's main text, title,
    date and address are read (the form fills what it lacks); a feed gives one article per
    entry, and an entry that cannot be read is named in a one-line message."""
    from test_ingest import HTML, RSS

    settings = Settings(cache_dir=tmp_path / "cache")
    added, problems = desk.add_upload(
        store, settings, "page.html", HTML.encode(), published=None, publisher="",
        extractor=fake_extractor,
    )  # fmt: skip
    assert problems == [] and len(added) == 1
    newest = desk.queue_page(store).groups[0]
    assert (newest.title, newest.publisher) == ("Almaty airport reopens", "Kazinform")
    added, problems = desk.add_upload(
        store, settings, "wire.rss", RSS.encode(), published=None, extractor=fake_extractor
    )
    assert len(added) == 1 and problems == ["wire.rss#2: entry has no date; set the form's Date"]
    _, problems = desk.add_upload(
        store, settings, "page.html", HTML.encode(), published=None, extractor=fake_extractor
    )
    assert problems and "already holds this article" in problems[0]


def test_add_article_puts_its_candidates_in_the_queue(store: Store, tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    text = "Police detained protesters in Almaty city hall."
    with pytest.raises(InputError, match="needs a source URL"):
        desk.add_article(store, settings, text, published=dt.date(2022, 1, 6),
                         extractor=fake_extractor)  # fmt: skip
    before = store.revision()
    article_id, n = desk.add_article(
        store, settings, text, published=dt.date(2022, 1, 6), publisher="Wire",
        url="https://wire.example/a", title="City hall", extractor=fake_extractor,
    )  # fmt: skip
    assert n == 2 and store.revision() != before
    newest = desk.queue_page(store).groups[0]
    assert (newest.id, newest.title, newest.publisher) == (article_id, "City hall", "Wire")
    with pytest.raises(InputError, match="already holds this article"):
        desk.add_article(store, settings, text, published=dt.date(2022, 1, 6),
                         url="https://wire.example/a", extractor=fake_extractor)  # fmt: skip
    with pytest.raises(InputError, match="is empty"):
        desk.add_article(store, settings, " ", published=None, url="https://x.example",
                         extractor=fake_extractor)  # fmt: skip


# --- markup ----------------------------------------------------------------------------------


def test_evidence_is_marked_and_everything_escaped() -> None:
    body = f"Before {HOSTILE}. Police fired on the square. After <script>x()</script>"
    start = body.index("Police")
    end = body.index("square.") + len("square.")
    out = dd.evidence_html(body, start, end, context=200)
    assert '<mark class="cm-evidence">Police fired on the square.</mark>' in out
    assert "<img" not in out and "<script>" not in out and "&lt;img" in out
    assert "…" not in out
    cut = dd.evidence_html(body, start, end, context=5)
    assert cut.count("…") == 2
    assert "<mark" not in dd.evidence_html(body, 10, 5)  # offsets that do not fit: no mark


def test_a_merged_candidates_other_sentences_are_marked_in_order() -> None:
    filler = "Nothing happened here. " * 40
    body = f"Clashes broke out in Taraz. {filler}Six <b>were</b> killed in Taraz. {filler}End."
    first = (0, body.index(" Nothing"))
    second = (body.index("Six"), body.index("Taraz. Nothing", 30) + len("Taraz."))
    out = dd.evidence_html(body, *first, support=[second, (5, 10_000)], context=100)
    assert out.count("<mark") == 2  # (a support span that does not fit is left out)
    assert '<mark class="cm-evidence">Clashes broke out in Taraz.</mark>' in out
    assert '<mark class="cm-evidence cm-support">Six &lt;b&gt;were&lt;/b&gt; killed' in out
    assert out.index("cm-support") > out.index("Clashes")  # in the article's order
    assert out.count("<br><br>") == 1 and out.count("…") == 3  # two stretches, cut between
    near = dd.evidence_html(body, *second, support=[first], context=2_000)
    assert near.count("<mark") == 2 and "<br><br>" not in near  # one stretch
    assert near.index("cm-support") < near.index('"cm-evidence">Six')


def test_candidate_summary_and_tags_are_escaped() -> None:
    c = {"kind": "event", "layer": "protests", "place": HOSTILE, "date": "2022-01-03",
         "counts": {"detained": 1200}, "value": None, "confidence": 0.8}  # fmt: skip
    text = dd.candidate_summary(c)
    assert "detained 1,200" in text and "\\*\\*bold\\*\\*" in text and "\\<img" in text
    assert "sentences" not in text
    assert "from 3 sentences" in dd.candidate_summary({**c, "support": [{}, {}]})
    assert "Public transport" in dd.candidate_summary({**c, "part": "Public transport"})
    tags = dd.match_tags_html(["corroborates S043", f"disputes {HOSTILE}", "new"])
    assert "cm-disputes" in tags and "cm-new" in tags and "<img" not in tags


def test_news_symbols_are_sized_by_articles_and_popups_escaped() -> None:
    a = desk.NewsArticle(HOSTILE, "Pub <b>", dt.date(2022, 1, 5), "javascript:alert(1)")
    b = desk.NewsArticle("Two", "Wire", dt.date(2022, 1, 5), "https://wire.example/2")
    one, two = dd.news_symbols([desk.NewsPlace("Almaty", 43.2, 76.9, (a, b)),
                                desk.NewsPlace(HOSTILE, 43.6, 51.1, (b,))])  # fmt: skip
    assert one.radius > two.radius and one.colour == dd.NEWS_COLOUR and one.count == 2
    assert "<img" not in one.popup + two.popup + two.tooltip
    assert "javascript:" not in one.popup  # only http(s) links
    assert 'href="https://wire.example/2"' in one.popup and "2022-01-05" in one.popup
    assert "Pub &lt;b&gt;" in one.popup


def test_reviewed_records_get_their_origin_and_history(store: Store, tmp_path: Path) -> None:
    c = _candidate(store, "Zhanaozen")
    decide(store, c["id"], action="accept", reviewer="ann <b>", version=c["version"])
    reviews = desk.record_reviews(store)
    rid = f"E-C{c['id']}"
    assert reviews[rid].origin == "reviewed" and "accepted by ann <b>" in reviews[rid].history[0]
    from dashboard.markup import feature_html

    row = {"layer": "protests", "name": "Zhanaozen", "place": "Zhanaozen",
           "date": "2022-01-03", "origin": "reviewed", "history": reviews[rid].history,
           "sources": "Example News <https://news.example/zhanaozen>"}  # fmt: skip
    html = feature_html(row)
    assert "origin: reviewed" in html and "accepted by ann &lt;b&gt;" in html
    assert 'href="https://news.example/zhanaozen"' in html


# --- the Review page, headless ----------------------------------------------------------------


@pytest.fixture
def desk_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory) -> Path:
    """A synthetic data set in a store with the two articles ingested; the app points at it."""
    data = write_dataset(tmp_path / "data", n_events=40)
    url = f"sqlite:///{tmp_path / 'desk.sqlite'}"
    cache = tmp_path_factory.getbasetemp() / "desk-cache"
    with Store.open(Settings(data_dir=data, database_url=url, cache_dir=cache)) as s:
        fill(s, tmp_path)
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(data))
    monkeypatch.setenv("CRISISMAP_DATABASE_URL", url)
    monkeypatch.setenv("CRISISMAP_CACHE_DIR", str(cache))
    return data


def review_page(name: str | None = "ann") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("review_page.py").run()
    assert not at.exception, [e.message for e in at.exception]
    if name:
        at.text_input(key="reviewer_input").input(name)
        at.button[0].click().run()
    return at


def test_review_asks_the_name_once_then_shows_the_queue(desk_env) -> None:
    at = review_page(name=None)
    assert at.title[0].value == "Review" and len(at.text_input) == 1
    at.text_input(key="reviewer_input").input("ann")
    at.button[0].click().run()
    assert not at.exception
    assert any("Reviewing as **ann**" in c.value for c in at.caption)
    assert any("Page 1 of 1 · 2 articles · 3 candidates" in c.value for c in at.caption)
    html = " ".join(m.value for m in at.markdown)
    assert '<mark class="cm-evidence">Almaty</mark>' in html
    assert "<img" not in html and "new" in html


def test_accept_edit_and_reject_from_the_page(desk_env) -> None:
    at = review_page()
    store = Store(f"sqlite:///{desk_env.parent / 'desk.sqlite'}")
    groups = desk.queue_page(store).groups
    ids = desk.pending_ids(groups)  # Almaty, Aktau, Zhanaozen
    at.button(key=f"accept-{ids[0]}").click().run()
    assert "accepted → record E\\-C" in at.success[0].value
    at.number_input(key=f"edit-{ids[1]}-detained").set_value(60)
    at.button(key=f"FormSubmitter:edit-{ids[1]}-Save and accept").click().run()
    assert "edited and accepted" in at.success[0].value
    at.button(key=f"reject-{ids[2]}").click().run()
    assert "needs a reason" in at.error[0].value
    at.text_input(key=f"reason-{ids[2]}").input("not a protest")
    at.button(key=f"reject-{ids[2]}").click().run()
    assert "rejected" in at.success[0].value
    assert any("the queue is empty" in i.value for i in at.info)
    with store.read() as s:
        edited = s.get(Event, f"E-C{ids[1]}")
    assert (edited.detained, edited.origin) == (60, "reviewed")
    decided = desk.decisions_of_article(store, groups[0].id)
    assert [(d["action"], d["reviewer"]) for d in decided] == [("accept", "ann"), ("edit", "ann")]
    store.close()


def test_two_sessions_deciding_one_candidate_one_wins_one_is_told(desk_env) -> None:
    ann, ben = review_page("ann"), review_page("ben")
    store = Store(f"sqlite:///{desk_env.parent / 'desk.sqlite'}")
    group = desk.queue_page(store).groups[0]
    first = group.candidates[0]["id"]
    ann.button(key=f"accept-{first}").click().run()
    assert "accepted" in ann.success[0].value
    ben.button(key=f"accept-{first}").click().run()  # ben's page still shows version 1
    assert not ben.success
    (message,) = [e.value for e in ben.error]
    assert f"candidate {first} changed since you read it" in message
    assert "accept by ann" in message and "nothing was applied" in message
    assert [d["reviewer"] for d in desk.decisions_of_article(store, group.id)] == ["ann"]
    store.close()


def test_news_layer_is_drawn_beneath_the_records_and_counted() -> None:
    import folium

    from dashboard.leaflet import SymbolLayer

    a = desk.NewsArticle("One", "Wire", dt.date(2022, 1, 5), "https://wire.example/1")
    places = [desk.NewsPlace("Almaty", 43.2, 76.9, (a,)), desk.NewsPlace("Aktau", 43.6, 51.1, (a,))]
    group = folium.FeatureGroup(name="day")
    group.add_child(SymbolLayer("protests", []))
    dd.add_news_layer(group, dd.news_symbols(places))
    first = next(iter(group._children.values()))
    assert first.layer == dd.NEWS_LAYER and len(group._children) == 2
    assert dd.news_caption(places) == "<b>2</b> places · 1 article"
    dd.add_news_layer(group, [])
    assert len(group._children) == 2


def test_the_map_shows_reviewed_records_and_the_news_layer(desk_env) -> None:
    store = Store(f"sqlite:///{desk_env.parent / 'desk.sqlite'}")
    almaty = desk.queue_page(store).groups[0]  # 2022-01-05: Almaty and Aktau
    c = almaty.candidates[0]
    decide(store, c["id"], action="accept", reviewer="ann", version=c["version"])
    store.close()
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["date"] = "2022-01-05"
    at.query_params["news"] = "true"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    group = _day_layer(at)
    assert "origin: reviewed" in group and "accepted by ann from" in group
    assert dd.NEWS_COLOUR in group and "news.example/almaty" in group
    assert "<img" not in group  # the hostile title is escaped in the news popups
    assert "reviewed" in at.multiselect(key="origin").options
    assert any("<b>2</b> places · 1 article" in h.proto.body for h in at.html)  # the counts row
    at.toggle(key="news").set_value(False).run()
    assert dd.NEWS_COLOUR not in _day_layer(at)


def _day_layer(at: AppTest) -> str:
    from test_dashboard import day_layer

    return day_layer(at)
