"""Ingest: readers for each input kind, dedup, one transaction per article, crash, CLI, Dask."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from fakes import fake_extractor

import geo.cli
import geo.ingest
from geo.config import PROJECT_ROOT, Settings
from geo.ingest import Document, Failure, ingest, read_documents
from geo.store import Store
from geo.tables import ArticleRow, CandidateRow, MentionRow

DAY = dt.date(2022, 1, 9)
PLACES = ("Almaty", "Zhanaozen", "Aktau")

HTML = """<!doctype html><html><head><title>Airport reopens | Kazinform</title>
<meta property="og:title" content="Almaty airport reopens">
<meta property="og:site_name" content="Kazinform">
<link rel="canonical" href="https://inform.kz/en/airport_a1">
<meta property="article:published_time" content="2022-01-13T09:00:00+06:00"></head>
<body><nav>Home | News | Sport</nav><article><h1>Almaty airport reopens</h1>
<p>Almaty International Airport resumed service on Thursday after being closed since last
week, the airport operator said in a statement published on its website this morning.</p>
<p>Flights to Nur-Sultan and Moscow were the first to leave, according to the schedule that
the operator of the airport published for the rest of the week.</p></article>
<footer>Copyright Kazinform</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<link>https://wire.example</link>
<item><title>Rally in Aktau</title><link>https://wire.example/1</link>
<pubDate>Wed, 05 Jan 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;A rally in Aktau went on through the night.&lt;/p&gt;</description></item>
<item><title>Undated</title><link>https://wire.example/2</link>
<description>Zhanaozen was calm.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Desk</title><id>urn:desk</id><updated>2022-01-07T00:00:00Z</updated>
<entry><title>Troops in Almaty</title><link href="https://desk.example/a"/><id>urn:a</id>
<updated>2022-01-07T08:00:00Z</updated>
<content type="html">&lt;p&gt;Troops took up posts in Almaty.&lt;/p&gt;</content></entry>
</feed>"""


def article_file(folder: Path, n: int, *, place: str = "Almaty", url: str | None = None) -> Path:
    """An article file of ours, different text for each n."""
    path = folder / f"2022-01-0{1 + n % 9}-story-{n}.txt"
    url = url or f"https://news.example/{n}"
    path.write_text(
        f"title: Story {n}\ndate: 2022-01-0{1 + n % 9}\npublisher: Example News\nurl: {url}\n"
        f"---\nCrowd number {n} gathered in {place}. Police watched from a distance.\n",
        encoding="utf-8",
    )
    return path


def articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        article_file(folder, n, place=PLACES[n % 3])
    return folder


@pytest.fixture
def store(store_url: str):
    with Store(store_url) as s:
        s.migrate()
        yield s


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "no-data", cache_dir=tmp_path / "cache")


# --- readers ----------------------------------------------------------------------------------


def test_article_file_gives_its_header(tmp_path: Path) -> None:
    (doc,) = read_documents(article_file(tmp_path, 3))
    assert (doc.title, doc.published, doc.publisher, doc.url) == (
        "Story 3",
        dt.date(2022, 1, 4),
        "Example News",
        "https://news.example/3",
    )
    assert doc.body.startswith("Crowd number 3")


def test_plain_text_needs_published(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Protesters gathered in Aktau.\n", encoding="utf-8")
    (failure,) = read_documents(path)
    assert isinstance(failure, Failure) and "--published" in failure.reason
    (doc,) = read_documents(path, published=DAY)
    assert doc.published == DAY and doc.url is None and doc.title.startswith("Protesters")


def test_saved_html_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (doc,) = read_documents(path, published=DAY)
    assert doc.title == "Almaty airport reopens"
    assert doc.published == dt.date(2022, 1, 13)  # the page's own date wins over --published
    assert doc.url == "https://inform.kz/en/airport_a1" and doc.publisher == "Kazinform"
    assert "resumed service on Thursday" in doc.body
    assert "Copyright" not in doc.body and "Sport" not in doc.body


def test_russian_pages_and_feed_entries_are_read_as_russian(tmp_path: Path) -> None:
    """A saved Russian page or feed entry was read as English (the default): its Russian counts
    were never found. Both now take their text's language, and the case's years (an
    anniversary piece keeps the crisis' events)."""
    from geo.extract import Extractor
    from geo.gazetteer import Gazetteer

    page = HTML.replace("Almaty airport reopens</h1>", "Задержания в Алматы</h1>").replace(
        HTML[HTML.index("<p>Almaty International") : HTML.index("</article>")],
        "<p>По данным полиции, в Алматы за сутки задержали более 1600 человек, сообщили "
        "в департаменте полиции города в четверг утром на брифинге для журналистов.</p>"
        "<p>Ещё 120 человек получили ранения, добавили в ведомстве, уточнив число "
        "пострадавших.</p>",
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "wire.rss").write_text(
        RSS.replace("A rally in Aktau went on through the night.", "В Актау митинг шёл всю ночь."),
        encoding="utf-8",
    )
    (doc,) = read_documents(tmp_path / "page.html", case_years=(2022,))
    rally, _ = read_documents(tmp_path / "wire.rss", case_years=(2022,))
    assert (doc.language, rally.language) == ("ru", "ru")  # type: ignore[union-attr]
    assert doc.case_years == (2022,)  # type: ignore[union-attr]
    settings = Settings.from_env()
    got = Extractor(Gazetteer.load(settings), settings).extract(doc)  # type: ignore[arg-type]
    found = {(c.kind, c.metric, c.value, c.counts) for c in got.candidates}
    assert any(1600 in (value, dict(counts).get("detained")) for _, _, value, counts in found)


def test_rss_and_atom_give_one_document_per_entry(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "desk.atom").write_text(ATOM, encoding="utf-8")
    rally, undated = read_documents(tmp_path / "wire.rss")
    assert isinstance(rally, Document) and rally.published == dt.date(2022, 1, 5)
    assert rally.body == "A rally in Aktau went on through the night." and rally.publisher == "Wire"
    assert isinstance(undated, Failure) and undated.label.endswith("wire.rss#2")
    (troops,) = read_documents(tmp_path / "desk.atom")
    assert troops.url == "https://desk.example/a" and troops.published == dt.date(2022, 1, 7)
    assert troops.body == "Troops took up posts in Almaty."


def test_unreadable_inputs_fail_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "empty.rss").write_text("<rss version='2.0'><channel/></rss>", encoding="utf-8")
    (bad,) = read_documents(tmp_path / "binary.txt", published=DAY)
    (empty,) = read_documents(tmp_path / "empty.rss")
    assert bad.reason.startswith("is neither UTF-8 text") and "no entries" in empty.reason


def test_a_text_in_a_legacy_encoding_is_read(tmp_path: Path) -> None:
    """A saved article in Windows-1251 is read as such, not failed (geo.articles.decode_text)."""
    text = "Протестующие захватили аэропорт Алматы, погибли восемь человек."
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    (doc,) = read_documents(tmp_path / "ru.txt", published=DAY)
    assert doc.body == text


# --- into the store ---------------------------------------------------------------------------


def _ingested(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {
            "articles": s.scalar(sa.select(sa.func.count()).where(ArticleRow.origin == "ingested")),
            "mentions": s.scalar(sa.select(sa.func.count()).select_from(MentionRow)),
            "candidates": s.scalar(sa.select(sa.func.count()).select_from(CandidateRow)),
        }


def test_ingest_stores_articles_mentions_and_candidates(store, settings, tmp_path) -> None:
    folder = articles(tmp_path / "in", 6)
    (folder / "wire.rss").write_text(RSS, encoding="utf-8")
    summary = ingest(store, [folder], settings, extractor=fake_extractor, progress=False)
    assert summary.to_json() == {"new": 7, "duplicate": 0, "failed": 1, "candidates": 7}
    assert _ingested(store) == {"articles": 7, "mentions": 7, "candidates": 7}
    with store.read() as s:
        c = s.scalars(sa.select(CandidateRow).order_by(CandidateRow.id)).first()
        article = s.get(ArticleRow, c.article_id)
    assert article.body[c.evidence_start : c.evidence_end] == c.evidence_text
    assert (c.review_status, c.version, c.detained) == ("pending", 1, 40)


def test_a_candidates_support_is_kept_or_refused_in_one_line() -> None:
    from fakes import fake_candidate

    from geo.errors import InputError
    from geo.ingest import candidate_values

    doc = Document("t", None, dt.date(2022, 1, 5), None, None, "Clashes in Taraz. Six killed.")
    place = type("P", (), {"name": "Taraz", "id": "gn:1516905", "lat": 42.9, "lon": 71.4,
                           "admin1": "KZ-ZHA"})  # fmt: skip
    c = fake_candidate(doc, place, 0, 17)
    assert candidate_values(c)["support"] is None
    c["support"] = [{"start": 18, "end": 29, "text": "Six killed."}]
    assert candidate_values(c)["support"] == [[18, 29, "Six killed."]]
    c["support"] = [{"start": "x"}]
    with pytest.raises(InputError, match="support is not a list"):
        candidate_values(c)


def test_reingesting_changes_nothing_and_extracts_nothing(store, settings, tmp_path) -> None:
    folder = articles(tmp_path / "in", 5)
    ingest(store, [folder], settings, extractor=fake_extractor, progress=False)
    before = _ingested(store)
    calls: list[str] = []

    def counting(settings):
        extract = fake_extractor(settings)
        return lambda doc: calls.append(doc.label) or extract(doc)

    again = ingest(store, [folder, folder], settings, extractor=counting, progress=False)
    assert again.to_json() == {"new": 0, "duplicate": 10, "failed": 0, "candidates": 0}
    assert calls == [] and _ingested(store) == before


def test_duplicates_by_url_and_by_text(store, settings, tmp_path) -> None:
    a = tmp_path / "a"
    a.mkdir()
    article_file(a, 1, url="https://news.example/story/")
    b = tmp_path / "b"
    b.mkdir()
    article_file(b, 2, url="https://NEWS.example/story#comments")  # same URL, other text
    c = tmp_path / "c"
    c.mkdir()
    same_text = article_file(c, 1, url="https://mirror.example/copy")  # same text, other URL
    same_text.write_text(same_text.read_text().replace("Crowd", "crowd  "), encoding="utf-8")
    summary = ingest(store, [a, b, c], settings, extractor=fake_extractor, progress=False)
    assert (summary.new, summary.duplicate) == (1, 2)


def test_bad_extraction_output_fails_the_article_and_writes_nothing(store, settings, tmp_path):
    folder = articles(tmp_path / "in", 3)

    def broken(settings):
        extract = fake_extractor(settings)

        def run(doc):
            out = extract(doc)
            if "number 1" in doc.body:
                out["candidates"][0]["date"] = "5 January"
            return out

        return run

    summary = ingest(store, [folder], settings, extractor=broken, progress=False)
    assert summary.to_json()["new"] == 2
    (failure,) = summary.failures
    assert "story-1" in failure.label and "'5 January' is not YYYY-MM-DD" in failure.reason
    assert _ingested(store) == {"articles": 2, "mentions": 2, "candidates": 2}


CRASHING_INGEST = """
import os, sys
sys.path[:0] = [{root!r}, {tests!r}]
import sqlalchemy as sa
from fakes import fake_extractor
from geo.config import Settings
from geo.ingest import ingest
from geo.store import Store

store = Store({url!r})
seen = []

@sa.event.listens_for(store.write_engine, "before_cursor_execute")
def crash(conn, cursor, statement, parameters, context, executemany):
    # the third batch (articles 5 and 6) dies after its article and mention rows, before its
    # candidates
    if statement.lstrip().upper().startswith("INSERT INTO CANDIDATES"):
        seen.append(1)
        if len(seen) == 3:
            os._exit(9)

ingest(store, [{folder!r}], Settings(cache_dir={cache!r}), extractor=fake_extractor,
       progress=False, write_batch=2)
"""


def test_an_ingest_killed_midway_leaves_no_half_article(store, settings, tmp_path) -> None:
    folder = articles(tmp_path / "in", 6)
    script = CRASHING_INGEST.format(
        root=str(PROJECT_ROOT), tests=str(PROJECT_ROOT / "tests"), url=store.url,
        folder=str(folder), cache=str(tmp_path / "cache"),
    )  # fmt: skip
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 9, done.stderr
    assert _ingested(store) == {"articles": 4, "mentions": 4, "candidates": 4}
    summary = ingest(store, [folder], settings, extractor=fake_extractor, progress=False)
    assert summary.to_json() == {"new": 2, "duplicate": 4, "failed": 0, "candidates": 2}
    assert _ingested(store) == {"articles": 6, "mentions": 6, "candidates": 6}


def test_a_batch_meeting_another_writers_article_stores_the_rest(store, settings) -> None:
    """Another writer stored one of the batch's articles after the dedup check: that one is a
    duplicate, the others go in."""
    from geo.ingest import article_rows, write_articles

    def row(n: int) -> geo.ingest.ArticleRows:
        url, body = f"https://batch.example/{n}", f"Batch story {n} in Almaty."
        doc = Document(label=f"b{n}", title=f"B{n}", published=DAY, publisher="P", url=url,
                       body=body)  # fmt: skip
        return article_rows(doc, fake_extractor(settings)(doc))

    assert write_articles(store, [row(2)]) == [1]  # the other writer
    assert write_articles(store, [row(1), row(2), row(3)]) == [1, None, 1]
    assert _ingested(store) == {"articles": 3, "mentions": 3, "candidates": 3}


# --- the command ------------------------------------------------------------------------------


def test_cli_json_summary_is_one_object(monkeypatch, tmp_path, capsys) -> None:
    folder = articles(tmp_path / "in", 3)
    (folder / "note.txt").write_text("Police stood by in Aktau all day.\n", encoding="utf-8")
    monkeypatch.setenv("CRISISMAP_DATABASE_URL", f"sqlite:///{tmp_path / 's.sqlite'}")
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(tmp_path / "empty-data"))
    (tmp_path / "empty-data").mkdir()
    monkeypatch.setattr(geo.ingest, "default_extractor", fake_extractor)
    assert geo.cli.main(["ingest", str(folder), "--format", "json"]) == 1  # note.txt: no date
    out, err = capsys.readouterr()
    assert json.loads(out) == {"new": 3, "duplicate": 0, "failed": 1, "candidates": 3}
    assert "note.txt: no publication date to resolve dates against" in err
    argv = ["ingest", str(folder), "--published", "2022-01-09", "--format", "json"]
    assert geo.cli.main(argv) == 0
    assert json.loads(capsys.readouterr().out) == {
        "new": 1, "duplicate": 3, "failed": 0, "candidates": 1,
    }  # fmt: skip


def test_cli_db_export_round_trips(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setenv("CRISISMAP_DATABASE_URL", f"sqlite:///{tmp_path / 's.sqlite'}")
    data = PROJECT_ROOT / "data"
    assert geo.cli.main(["db", "import", str(data)]) == 0
    assert geo.cli.main(["db", "export", str(tmp_path / "out")]) == 0
    with (data / "events.csv").open(encoding="utf-8", newline="") as handle:
        n_events = sum(1 for _ in csv.DictReader(handle))
    assert f"imported {n_events} events" in capsys.readouterr().err
    assert (tmp_path / "out" / "events.csv").read_bytes() == (data / "events.csv").read_bytes()


def test_cli_bad_published_is_one_line(capsys) -> None:
    assert geo.cli.main(["ingest", "x", "--published", "9 Jan"]) == 2
    assert capsys.readouterr().err.strip().endswith("--published '9 Jan' is not YYYY-MM-DD")


# --- Dask -------------------------------------------------------------------------------------


def test_workers_on_a_local_process_cluster_give_the_same_store(tmp_path, settings) -> None:
    folder = articles(tmp_path / "in", 150)
    with Store(f"sqlite:///{tmp_path / 'one.sqlite'}") as one:
        one.migrate()
        ingest(one, [folder], settings, extractor=fake_extractor, progress=False)
        expected = _ingested(one)
    with Store(f"sqlite:///{tmp_path / 'two.sqlite'}") as two:
        two.migrate()
        summary = ingest(two, [folder], settings, extractor=fake_extractor, workers=2)
        assert summary.to_json() == {"new": 150, "duplicate": 0, "failed": 0, "candidates": 150}
        assert _ingested(two) == expected
        with two.read() as s:
            where = set(s.scalars(sa.select(CandidateRow.reported_by).distinct()))
    assert where and f"process {os.getpid()}" not in where  # extracted in worker processes


def test_scheduler_address_uses_a_running_cluster(tmp_path, settings) -> None:
    from distributed import LocalCluster

    folder = articles(tmp_path / "in", 20)
    with (
        LocalCluster(n_workers=1, processes=True, threads_per_worker=1, host="127.0.0.1",
                     dashboard_address=None) as cluster,
        Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store,
    ):  # fmt: skip
        store.migrate()
        summary = ingest(store, [folder], settings, extractor=fake_extractor,
                         scheduler=cluster.scheduler_address, progress=False)  # fmt: skip
        assert summary.to_json() == {"new": 20, "duplicate": 0, "failed": 0, "candidates": 20}
        assert len(cluster.scheduler.workers) == 1  # the cluster outlives the ingest


def test_the_real_extraction_stores_candidates_matched_against_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default extractor is geo.extract: candidates with dates and places, each compared
    with the records the store holds (the bundled data set, filled on first use)."""
    from geo.review import pending

    monkeypatch.setenv("CRISISMAP_DATABASE_URL", f"sqlite:///{tmp_path / 's.sqlite'}")
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(PROJECT_ROOT / "data"))
    seed = (
        PROJECT_ROOT / "tests" / "articles_gold" / "g01-almaty-csto-pullout-airport-reopening.txt"
    )
    assert geo.cli.main(["ingest", str(seed), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["new"] == 1 and summary["candidates"] >= 4
    with Store.open(Settings.from_env(), fill=False) as store:
        waiting = pending(store)
    closed = [c for c in waiting if c["status"] == "closed" and c["site_id"] == "airport:ALA"]
    assert closed and closed[0]["valid_to"] == "2022-01-12"
    assert "S039" in closed[0]["matches"]  # the closure on file corroborates it
    reopening = [c for c in waiting if c["status"] == "operational"]
    assert reopening and reopening[0]["date"] == "2022-01-13"
