"""Decisions on candidates: accept, edit, merge, reject; stale versions refused; two writers."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from fakes import fake_extractor

from geo.config import PROJECT_ROOT, Settings
from geo.errors import InputError, StaleError
from geo.ingest import ingest
from geo.review import decide, history, pending
from geo.store import Store
from geo.tables import ArticleRow, CandidateRow, Decision, Event

STORY = """title: Rally in Zhanaozen
date: 2022-01-03
publisher: Example News
url: https://news.example/zhanaozen
---
About a thousand people stayed on the square in Zhanaozen through the night.
"""


@pytest.fixture
def store(store_url: str, tmp_path: Path):
    """A store with the bundled data set and one ingested article (one pending candidate)."""
    with Store(store_url) as s:
        s.migrate()
        s.import_dataset(PROJECT_ROOT / "data")
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
        settings = Settings(cache_dir=tmp_path / "cache")
        ingest(s, [tmp_path / "in"], settings, extractor=fake_extractor, progress=False)
        yield s


def _only(store: Store) -> dict:
    (candidate,) = pending(store)
    return candidate


def test_accept_makes_a_reviewed_record_citing_the_article(store: Store, tmp_path: Path) -> None:
    c = _only(store)
    done = decide(store, c["id"], action="accept", reviewer="alice", version=c["version"])
    assert done.record_id == f"E-C{c['id']}" and done.version == c["version"] + 1
    with store.read() as s:
        event = s.get(Event, done.record_id)
    assert (event.origin, event.layer, event.place, event.detained) == (
        "reviewed", "protests", "Zhanaozen", 40
    )  # fmt: skip
    assert pending(store) == []
    (entry,) = history(store, c["id"])
    assert (entry["action"], entry["reviewer"], entry["record_id"]) == ("accept", "alice", event.id)
    assert entry["before"]["review_status"] == "pending" and entry["after"]["place"] == "Zhanaozen"
    # the reviewed record reaches the exchange format with its source
    store.export_dataset(tmp_path / "out")
    row = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert row.startswith(f"E-C{c['id']},2022-01-03,1,protests,")
    assert row.endswith("Example News <https://news.example/zhanaozen>")


def test_a_merged_candidate_shows_and_keeps_every_sentence(store: Store) -> None:
    """A candidate drawn from two sentences (its support) keeps both through the store, and
    the record it becomes quotes both, in the article's order."""
    c = _only(store)
    extra = " Police detained forty of them at dawn."
    with store.write() as s:
        row = s.get(CandidateRow, c["id"])
        article = s.get(ArticleRow, row.article_id)
        article.body += extra
        start = len(article.body) - len(extra) + 1
        row.support = [[start, len(article.body), extra.strip()]]
        row.evidence_start, row.evidence_end = 0, start - 1
        row.evidence_text = article.body[: start - 1]
    c = _only(store)
    assert [s["text"] for s in c["support"]] == ["Police detained forty of them at dawn."]
    done = decide(store, c["id"], action="accept", reviewer="alice", version=c["version"])
    with store.read() as s:
        description = s.get(Event, done.record_id).description
    assert description.endswith("through the night. … Police detained forty of them at dawn.")


def test_edit_keeps_before_and_after(store: Store) -> None:
    c = _only(store)
    done = decide(store, c["id"], action="edit", reviewer="bo", version=c["version"],
                  values={"detained": None, "date": "2022-01-04"})  # fmt: skip
    with store.read() as s:
        event = s.get(Event, done.record_id)
    assert event.detained is None and event.date.isoformat() == "2022-01-04"
    (entry,) = history(store, c["id"])
    assert entry["before"]["counts"]["detained"] == 40 and entry["after"]["detained"] is None


def test_edit_into_an_invalid_record_is_refused_and_changes_nothing(store: Store) -> None:
    c = _only(store)
    with pytest.raises(InputError, match="layer 'troops' is not one of protests"):
        decide(store, c["id"], action="edit", reviewer="bo", version=c["version"],
               values={"layer": "troops"})  # fmt: skip
    assert _only(store)["version"] == c["version"] and history(store, c["id"]) == []


def test_merge_adds_the_article_to_an_existing_record(store: Store, tmp_path: Path) -> None:
    c = _only(store)
    with store.read() as s:
        before = s.get(Event, "E004").version
        n_events = s.scalar(sa.select(sa.func.count()).select_from(Event))
    decide(store, c["id"], action="merge", reviewer="cy", version=c["version"], record_id="E004")
    out = tmp_path / "merged"
    store.export_dataset(out)
    e004 = next(r for r in (out / "events.csv").read_text().splitlines() if r.startswith("E004"))
    assert e004.endswith(" ; Example News <https://news.example/zhanaozen>")
    with store.read() as s:
        assert s.get(Event, "E004").version == before + 1
        assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == n_events  # none new


def test_merge_into_a_missing_record_is_refused(store: Store) -> None:
    c = _only(store)
    with pytest.raises(InputError, match="there is no record 'E999'"):
        decide(store, c["id"], action="merge", reviewer="cy", version=c["version"],
               record_id="E999")  # fmt: skip
    assert pending(store) != []


def test_reject_then_a_stale_accept_is_refused_with_who_did_it(store: Store) -> None:
    c = _only(store)
    decide(store, c["id"], action="reject", reviewer="dana", version=c["version"])
    with pytest.raises(StaleError) as refused:
        decide(store, c["id"], action="accept", reviewer="eli", version=c["version"])
    message = str(refused.value)
    assert f"you had version {c['version']}" in message
    assert "rejected (reject by dana at" in message and "reload it" in message
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Decision)) == 1
        assert s.scalar(sa.select(sa.func.count()).where(Event.origin == "reviewed")) == 0


def test_deciding_twice_on_the_current_version_is_refused(store: Store) -> None:
    c = _only(store)
    done = decide(store, c["id"], action="reject", reviewer="dana", version=c["version"])
    with pytest.raises(StaleError, match="is already rejected"):
        decide(store, c["id"], action="accept", reviewer="dana", version=done.version)


def test_two_writers_on_one_candidate_one_wins_one_is_refused(store: Store) -> None:
    c = _only(store)
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def reviewer(name: str, action: str) -> None:
        with Store(store.url) as own:  # each reviewer has their own connection
            start.wait()
            try:
                results[name] = decide(own, c["id"], action=action, reviewer=name,
                                       version=c["version"])  # fmt: skip
            except StaleError as exc:
                results[name] = exc

    threads = [threading.Thread(target=reviewer, args=a) for a in (("ann", "accept"),
                                                                   ("ben", "reject"))]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refused = [n for n, r in results.items() if isinstance(r, StaleError)]
    assert len(results) == 2 and len(refused) == 1
    (winner,) = set(results) - set(refused)
    assert "changed since you read it" in str(results[refused[0]])
    assert f"by {winner}" in str(results[refused[0]])
    (entry,) = history(store, c["id"])
    assert entry["reviewer"] == winner
    with store.read() as s:
        reviewed = s.scalar(sa.select(sa.func.count()).where(Event.origin == "reviewed"))
    assert reviewed == (1 if winner == "ann" else 0)


def test_bad_requests_are_named(store: Store) -> None:
    c = _only(store)
    with pytest.raises(InputError, match="action 'approve' is not one of accept"):
        decide(store, c["id"], action="approve", reviewer="x", version=1)
    with pytest.raises(InputError, match="reviewer's name"):
        decide(store, c["id"], action="accept", reviewer=" ", version=1)
    with pytest.raises(InputError, match="there is no candidate 999"):
        decide(store, 999, action="accept", reviewer="x", version=1)
    with pytest.raises(InputError, match="'matches' cannot be edited"):
        decide(store, c["id"], action="edit", reviewer="x", version=1, values={"matches": []})


def test_history_cannot_be_rewritten_through_the_orm(store: Store) -> None:
    c = _only(store)
    decide(store, c["id"], action="reject", reviewer="dana", version=c["version"])
    with pytest.raises(PermissionError, match="is history"), store.write() as s:
        s.scalars(sa.select(Decision)).one().reviewer = "someone else"
    with pytest.raises(PermissionError, match="is history"), store.write() as s:
        s.delete(s.scalars(sa.select(Decision)).one())
    assert history(store, c["id"])[0]["reviewer"] == "dana"


def test_a_merge_survives_importing_the_curated_data_again(store: Store, tmp_path: Path) -> None:
    c = _only(store)
    decide(store, c["id"], action="merge", reviewer="cy", version=c["version"], record_id="E004")
    store.import_dataset(PROJECT_ROOT / "data")
    store.export_dataset(tmp_path / "out")
    lines = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8").splitlines()
    e004 = next(r for r in lines if r.startswith("E004,"))
    assert e004.endswith(" ; Example News <https://news.example/zhanaozen>")


def test_an_ingested_article_that_joins_the_curated_data_keeps_its_candidates(
    store: Store, tmp_path: Path
) -> None:
    c = _only(store)
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", folder)
    (folder / "articles" / "2022-01-03-rally.txt").write_text(STORY, encoding="utf-8")
    store.import_dataset(folder)
    with store.read() as s:
        article = s.get(ArticleRow, c["article_id"])
    assert (article.origin, article.filename) == ("curated", "2022-01-03-rally.txt")
    assert pending(store)[0]["id"] == c["id"]


def test_a_reviewed_state_is_named_as_the_curated_ones_are() -> None:
    from geo.review import _subject

    def f(layer: str, place: str | None, part: str | None = None) -> dict:
        return {"layer": layer, "place": place, "part": part}

    assert _subject(f("emergency", "Almaty Region")) == "State of emergency: Almaty Region"
    assert _subject(f("emergency", None)) == "State of emergency"
    assert _subject(f("infrastructure", "Almaty", "Internet")) == "Internet: Almaty"
    assert _subject(f("infrastructure", "Aktau", "Public transport")) == "Public transport: Aktau"
    assert _subject(f("infrastructure", "Almaty International Airport")) == (
        "Almaty International Airport"
    )
    assert _subject(f("troops", None)) == "troops"
