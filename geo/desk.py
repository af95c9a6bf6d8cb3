"""The review desk's queries: the queue a page at a time, an article's places, what reviewers
decided about a record, the places the news mentions, and adding one article from the desk.

Every query reads one page (``LIMIT``/``OFFSET`` on indexed columns), never the whole queue:
the desk opens in well under a second with 10,000 pending candidates (bench/bench_review.py).
Decisions themselves are ``geo.review.decide``; ``merge_or_keep_both`` is the desk's merge,
which never overwrites a record's counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from geo.config import Settings
from geo.errors import InputError
from geo.ingest import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    Document,
    ExtractorFactory,
    Failure,
    candidate_json,
    default_extractor,
    find_duplicate,
    read_bytes_documents,
    read_text_document,
    write_article,
)
from geo.review import Outcome, decide
from geo.store import Store, bump_revision
from geo.tables import ArticleRow, CandidateRow, Decision, Event, Figure, MentionRow, State

# uploads read as a saved web page or a feed (add_upload), not as text
PAGE_SUFFIXES: tuple[str, ...] = (*HTML_SUFFIXES, *FEED_SUFFIXES)
COUNT_FIELDS: tuple[str, ...] = ("fatalities", "injured", "detained", "troops", "value")
DECISION_FILTERS: dict[str, tuple[str, ...]] = {
    "pending": ("pending",),
    "accepted": ("accepted", "edited"),
    "merged": ("merged",),
    "rejected": ("rejected",),
    "any": (),
}
_MODELS = {"E": Event, "S": State, "F": Figure}


@dataclass(frozen=True)
class QueueFilter:
    """What the desk narrows the queue to; empty means no restriction."""

    day: dt.date | None = None  # the day the article was published
    place: str = ""
    layer: str = ""
    decision: str = "pending"  # a key of DECISION_FILTERS


@dataclass(frozen=True)
class ArticleGroup:
    """One article of the queue with its candidates (contract shape) and the places it names."""

    id: int
    title: str
    publisher: str
    published: dt.date | None
    url: str | None
    body: str
    candidates: tuple[dict[str, Any], ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class QueuePage:
    """A page of the queue: its articles, and how many articles and candidates match in all."""

    groups: tuple[ArticleGroup, ...]
    articles: int
    candidates: int
    page: int
    pages: int


def _conditions(f: QueueFilter) -> list[sa.ColumnElement[bool]]:
    if f.decision not in DECISION_FILTERS:
        msg = f"decision {f.decision!r} is not one of {', '.join(DECISION_FILTERS)}"
        raise InputError(msg)
    out: list[sa.ColumnElement[bool]] = []
    statuses = DECISION_FILTERS[f.decision]
    if statuses:
        out.append(CandidateRow.review_status.in_(statuses))
    if f.place:
        out.append(CandidateRow.place == f.place)
    if f.layer:
        out.append(sa.or_(CandidateRow.layer == f.layer, CandidateRow.metric == f.layer))
    if f.day:
        out.append(ArticleRow.published == f.day)
    return out


def queue_page(store: Store, f: QueueFilter = QueueFilter(), *, page: int = 0,
               per_page: int = 5) -> QueuePage:  # fmt: skip
    """One page of the queue: articles with matching candidates, newest first (published,
    then ingested), each with those candidates in the article's order."""
    cond = _conditions(f)
    base = sa.select(CandidateRow.article_id).join(
        ArticleRow, ArticleRow.id == CandidateRow.article_id
    )
    with store.read() as s:
        n_candidates = s.scalar(
            sa.select(sa.func.count()).select_from(base.add_columns(CandidateRow.id).where(*cond).subquery())
        ) or 0  # fmt: skip
        n_articles = s.scalar(
            sa.select(sa.func.count()).select_from(base.where(*cond).distinct().subquery())
        ) or 0  # fmt: skip
        pages = max(1, -(-n_articles // per_page))
        page = min(max(page, 0), pages - 1)
        ids = list(
            s.scalars(
                sa.select(ArticleRow.id)
                .where(ArticleRow.id.in_(base.where(*cond)))
                .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())
                .limit(per_page)
                .offset(page * per_page)
            )
        )
        articles = {a.id: a for a in s.scalars(sa.select(ArticleRow).where(ArticleRow.id.in_(ids)))}
        candidates: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        rows = s.scalars(
            sa.select(CandidateRow)
            .join(ArticleRow, ArticleRow.id == CandidateRow.article_id)
            .where(CandidateRow.article_id.in_(ids), *cond)
            .order_by(CandidateRow.article_id, CandidateRow.position)
        )
        for row in rows:
            candidates[row.article_id].append(candidate_json(row))
        places: dict[int, list[str]] = {i: [] for i in ids}
        for article_id, name in s.execute(
            sa.select(MentionRow.article_id, sa.func.coalesce(MentionRow.name, MentionRow.text))
            .where(MentionRow.article_id.in_(ids))
            .order_by(MentionRow.article_id, MentionRow.start)
        ):
            if name not in places[article_id]:
                places[article_id].append(name)
    groups = tuple(
        ArticleGroup(
            a.id,
            a.title,
            a.publisher,
            a.published,
            a.url,
            a.body,
            tuple(candidates[i]),
            tuple(places[i]),
        )  # fmt: skip
        for i in ids
        if (a := articles[i])
    )
    return QueuePage(groups, n_articles, n_candidates, page, pages)


def queue_choices(store: Store) -> dict[str, list[Any]]:
    """The values the desk's filters offer: article days (newest first), places and layers."""
    with store.read() as s:
        days = list(
            s.scalars(
                sa.select(ArticleRow.published)
                .where(ArticleRow.id.in_(sa.select(CandidateRow.article_id)))
                .where(ArticleRow.published.is_not(None))
                .distinct()
                .order_by(ArticleRow.published.desc())
            )
        )
        places = list(
            s.scalars(
                sa.select(CandidateRow.place)
                .where(CandidateRow.place.is_not(None), CandidateRow.place != "")
                .distinct()
                .order_by(CandidateRow.place)
            )
        )
        layers = sorted(
            {v for v in s.scalars(sa.select(CandidateRow.layer).distinct()) if v}
            | {v for v in s.scalars(sa.select(CandidateRow.metric).distinct()) if v}
        )
    return {"days": days, "places": places, "layers": layers}


def match_labels(candidate: dict[str, Any]) -> list[str]:
    """How a candidate relates to the records: "corroborates S043", "disputes F012", or "new"."""
    labels = [f"corroborates {m}" for m in candidate.get("matches") or ()]
    labels += [f"disputes {m}" for m in candidate.get("disputes") or ()]
    return labels or ["new"]


# --- deciding -------------------------------------------------------------------------------


def record_counts(store: Store, record_id: str) -> dict[str, int | None]:
    """The counts of a record (fatalities ... troops, or a figure's value); InputError if none."""
    model = _MODELS.get(record_id[:1])
    with store.read() as s:
        row = s.get(model, record_id) if model else None
    if row is None:
        msg = f"there is no record {record_id!r} to merge into"
        raise InputError(msg)
    return {k: getattr(row, k) for k in COUNT_FIELDS if hasattr(row, k)}


def count_differences(candidate: dict[str, Any], record: dict[str, int | None]) -> list[str]:
    """Where the candidate's counts and a record's differ (both known), as "detained 40 / 60"
    (the record's first)."""
    mine = dict(candidate.get("counts") or {})
    mine["value"] = candidate.get("value")
    out = []
    for key, theirs in record.items():
        ours = mine.get(key)
        if ours is not None and theirs is not None and int(ours) != int(theirs):
            out.append(f"{key} {theirs} / {ours}")
    return out


def merge_or_keep_both(store: Store, candidate: dict[str, Any], record_id: str, *,
                       reviewer: str) -> Outcome:  # fmt: skip
    """Merge a candidate into a record it matches: the article becomes one more source.

    Where the counts differ the record is never overwritten: the candidate is accepted as its
    own record beside it (citing its article), and the decision's note names the dispute.
    """
    diffs = count_differences(candidate, record_counts(store, record_id))
    if not diffs:
        return decide(store, candidate["id"], action="merge", reviewer=reviewer,
                      version=candidate["version"], record_id=record_id)  # fmt: skip
    note = f"disputes {record_id} ({', '.join(diffs)}): both kept, the record is unchanged"
    return decide(store, candidate["id"], action="accept", reviewer=reviewer,
                  version=candidate["version"], note=note)  # fmt: skip


def reject(store: Store, candidate: dict[str, Any], *, reviewer: str, reason: str) -> Outcome:
    """Reject a candidate; a reason is required (it is kept with the decision)."""
    if not reason.strip():
        msg = "a rejection needs a reason"
        raise InputError(msg)
    return decide(store, candidate["id"], action="reject", reviewer=reviewer,
                  version=candidate["version"], note=reason.strip())  # fmt: skip


def edited_values(candidate: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    """The fields of an edit form that differ from the candidate (what ``decide`` edits)."""
    current = dict(candidate)
    current.update(candidate.get("counts") or {})
    out = {}
    for key, value in form.items():
        if isinstance(value, str):
            value = value.strip() or None
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value != current.get(key):
            out[key] = value
    return out


# --- what reviewers did, for the map ----------------------------------------------------------


@dataclass(frozen=True)
class RecordReview:
    """A reviewed or merged-into record: its origin and every decision about it, oldest first."""

    record_id: str
    origin: str
    history: tuple[str, ...]


def record_reviews(store: Store) -> dict[str, RecordReview]:
    """Record id -> what reviewers decided about it (only records a decision touched)."""
    out: dict[str, list[str]] = {}
    origin: dict[str, str] = {}
    with store.read() as s:
        for model in (Event, State, Figure):
            for rid in s.scalars(sa.select(model.id).where(model.origin == "reviewed")):
                origin[rid] = "reviewed"
        query = (
            sa.select(Decision, ArticleRow.title)
            .join(ArticleRow, ArticleRow.id == Decision.article_id)
            .where(Decision.record_id.is_not(None))
            .order_by(Decision.id)
        )
        for d, title in s.execute(query):
            verb = {"accept": "accepted", "edit": "edited and accepted", "merge": "merged",
                    "reject": "rejected"}[d.action]  # fmt: skip
            line = f"{d.decided_at:%Y-%m-%d %H:%M} {verb} by {d.reviewer} from “{title}”"
            if d.note:
                line += f" ({d.note})"
            out.setdefault(d.record_id, []).append(line)
    return {rid: RecordReview(rid, origin.get(rid, ""), tuple(lines)) for rid, lines in out.items()}


def decisions_of_article(store: Store, article_id: int) -> list[dict[str, Any]]:
    """Every decision on an article's candidates, oldest first (for the desk's history)."""
    with store.read() as s:
        rows = s.scalars(
            sa.select(Decision).where(Decision.article_id == article_id).order_by(Decision.id)
        )
        return [
            {"candidate_id": d.candidate_id, "action": d.action, "reviewer": d.reviewer,
             "decided_at": d.decided_at, "record_id": d.record_id, "note": d.note}
            for d in rows
        ]  # fmt: skip


# --- "In the news" ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsArticle:
    title: str
    publisher: str
    published: dt.date
    url: str | None


@dataclass(frozen=True)
class NewsPlace:
    """A place the articles of a day or window mention, with those articles (newest first)."""

    name: str
    lat: float
    lon: float
    articles: tuple[NewsArticle, ...]


def news_places(store: Store, day: dt.date, *, window: int | None = 1,
                limit: int = 500) -> list[NewsPlace]:  # fmt: skip
    """Resolved places mentioned in the articles published in the window ending on ``day``
    (``window`` None: everything up to it), most articles first."""
    cond = [ArticleRow.published <= day, MentionRow.status == "resolved",
            MentionRow.lat.is_not(None), MentionRow.lon.is_not(None)]  # fmt: skip
    if window is not None:
        cond.append(ArticleRow.published > day - dt.timedelta(days=window))
    query = (
        sa.select(
            sa.func.coalesce(MentionRow.name, MentionRow.text), MentionRow.lat, MentionRow.lon,
            ArticleRow.id, ArticleRow.title, ArticleRow.publisher, ArticleRow.published,
            ArticleRow.url,
        )
        .join(ArticleRow, ArticleRow.id == MentionRow.article_id)
        .where(*cond)
        .order_by(ArticleRow.published.desc(), ArticleRow.id.desc())
    )  # fmt: skip
    places: dict[tuple[str, float, float], dict[int, NewsArticle]] = {}
    with store.read() as s:
        for name, lat, lon, aid, title, publisher, published, url in s.execute(query):
            key = (name, round(lat, 3), round(lon, 3))
            places.setdefault(key, {}).setdefault(
                aid, NewsArticle(title, publisher, published, url)
            )
    out = [NewsPlace(n, la, lo, tuple(arts.values())) for (n, la, lo), arts in places.items()]
    out.sort(key=lambda p: (-len(p.articles), p.name))
    return out[:limit]


# --- adding an article from the desk ---------------------------------------------------------


def add_article(
    store: Store,
    settings: Settings,
    text: str,
    *,
    published: dt.date | None,
    publisher: str = "",
    url: str = "",
    title: str = "",
    label: str = "pasted article",
    extractor: ExtractorFactory | None = None,
) -> tuple[int, int]:
    """Ingest one pasted or uploaded article; (article id, candidates found).

    The form's date, publisher, URL and title fill what the text's own header does not say.
    InputError when it cannot be read or dated, or when the store already holds it.
    """
    doc = read_text_document(text, label=label, published=published,
                             case_years=store.case_years())  # fmt: skip
    fill = {"publisher": publisher, "url": url, "title": title}
    return _add_document(store, settings, doc, fill, extractor)


def add_upload(
    store: Store,
    settings: Settings,
    name: str,
    raw: bytes,
    *,
    published: dt.date | None,
    publisher: str = "",
    url: str = "",
    title: str = "",
    extractor: ExtractorFactory | None = None,
) -> tuple[list[tuple[int, int]], list[str]]:
    """Ingest an uploaded saved web page or feed (``geo.ingest.read_bytes_documents``); ((article
    id, candidates found) per article added, one line per entry or page that was not).

    The form's publisher fills what a page or entry does not say; its URL and title only when
    the upload holds one article (a feed's entries each have their own)."""
    docs = read_bytes_documents(raw, label=name, suffix=Path(name).suffix, published=published,
                                case_years=store.case_years())  # fmt: skip
    fill = {"publisher": publisher}
    if len(docs) == 1:
        fill |= {"url": url, "title": title}
    added: list[tuple[int, int]] = []
    problems: list[str] = []
    for doc in docs:
        if isinstance(doc, Failure):  # (the desk's date is the form's, not a --published flag)
            reason = doc.reason.replace("give --published YYYY-MM-DD", "set the form's Date")
            problems.append(f"{doc.label}: {reason}")
            continue
        try:
            added.append(_add_document(store, settings, doc, fill, extractor))
        except InputError as exc:
            problems.append(str(exc))
    return added, problems


def _add_document(
    store: Store,
    settings: Settings,
    doc: Document,
    fill: dict[str, str],
    extractor: ExtractorFactory | None,
) -> tuple[int, int]:
    """add_article's work on a read document: the form's fields fill what it does not say."""
    label = doc.label
    doc = dataclasses.replace(doc, **{k: v.strip() for k, v in fill.items() if v and v.strip()})
    if not doc.url:
        msg = f"{label}: needs a source URL (a record must cite where it comes from)"
        raise InputError(msg)
    if (found := find_duplicate(store, doc)) is not None:
        msg = f"{label}: the store already holds this article (article {found})"
        raise InputError(msg)
    extracted = (extractor or default_extractor)(settings)(doc)
    n = write_article(store, doc, extracted)
    if n is None:
        msg = f"{label}: the store already holds this article"
        raise InputError(msg)
    with store.write() as s:
        bump_revision(s)  # the map's "In the news" keys its cache on the revision
    article_id = find_duplicate(store, doc)
    return int(article_id or 0), n


def pending_ids(groups: Sequence[ArticleGroup]) -> list[int]:
    """The ids of the pending candidates on a page, in the order they are shown."""
    return [c["id"] for g in groups for c in g.candidates if c["review_status"] == "pending"]
