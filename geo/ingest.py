"""Ingest: read articles from files, folders, saved web pages and feeds into the store.

Each article is read (our article files, plain text dated by ``--published``, saved HTML
through trafilatura, RSS/Atom through feedparser), checked against the store for a duplicate
(same normalised URL, or same normalised text), extracted once, and written with its mentions
and candidates in one transaction (a batch of articles to a transaction, as a commit costs more
than an article's rows): a crash leaves no half article, and ingesting the same article again
changes nothing.

Extraction is injected: ``ingest(..., extractor=factory)`` where ``factory(settings)`` returns a
function ``Document -> {"candidates": [...], "mentions": [...]}`` (the issue-10 contract's
candidates, and ``Mention.to_json()`` objects). ``default_extractor`` is the one place where the
real stage is wired in. With ``workers`` (or a scheduler address) extraction runs on a Dask
cluster of processes, each loading its extractor once; the writing stays here, a batch at a
time, so every backend sees a single writer per ingest.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from geo.articles import decode_text, file_label
from geo.config import Settings
from geo.errors import DataError, GeoError, InputError
from geo.extract import Document, Extractor, read_document
from geo.language import detect_language

if TYPE_CHECKING:
    from geo.match import RecordIndex
from geo.store import Store, bump_revision, normalise_url, text_hash
from geo.tables import ArticleRow, CandidateRow, MentionRow

FEED_SUFFIXES = (".rss", ".atom", ".xml")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".text")
INGEST_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *FEED_SUFFIXES)


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or extracted, and why (one line)."""

    label: str
    reason: str


Extracted = dict[str, Any]  # {"candidates": [contract candidate], "mentions": [mention json]}
ExtractFn = Callable[[Document], Extracted]
ExtractorFactory = Callable[[Settings], ExtractFn]


# --- the extraction seam --------------------------------------------------------------------


def default_extractor(settings: Settings) -> ExtractFn:
    """The extraction stage (geo.extract) with matching against the records in the store and
    any ACLED files, loaded once per process (on a Dask worker: once per worker)."""
    from geo.gazetteer import Gazetteer

    extractor = Extractor(Gazetteer.load(settings), settings)
    return extract_and_match(extractor, record_index(settings, extractor.gazetteer))


def record_index(settings: Settings, gazetteer: Any) -> RecordIndex:
    """The records of the store (and any ACLED files) as matching reads them."""
    from geo.match import RecordIndex
    from geo.store import load_store_dataset

    ds = load_store_dataset(settings, gazetteer)
    return RecordIndex.from_frames(ds.events, ds.states, ds.figures)


def extract_and_match(extractor: Extractor, index: RecordIndex) -> ExtractFn:
    """An ExtractFn from a built extractor (the heavy part, kept while records change) and the
    records to match against (rebuilt when they change)."""
    from geo.match import match

    def extract(doc: Document) -> Extracted:
        found = extractor.extract(doc)
        return {
            "candidates": [c.to_json() for c in match(found.candidates, index)],
            "mentions": [m.to_json() for m in found.mentions],
        }

    return extract


# --- reading inputs ---------------------------------------------------------------------------


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files named, and the article-like files inside folders named (sorted, recursive)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INGEST_SUFFIXES
            )
        elif path.is_file():
            yield path
        else:
            yield Failure(str(raw), "no such file or folder")


def read_documents(
    path: Path, *, published: dt.date | None = None, case_years: tuple[int, ...] = ()
) -> list[Document | Failure]:
    """The articles one file holds: one for a text or HTML file, one per entry of a feed
    (``case_years``: where a wire dateline without a year is read)."""
    label = file_label(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [Failure(label, f"cannot be read ({exc.strerror})")]
    return read_bytes_documents(
        raw, label=label, suffix=path.suffix, published=published, case_years=case_years
    )


def read_bytes_documents(
    raw: bytes,
    *,
    label: str,
    suffix: str = "",
    published: dt.date | None = None,
    case_years: tuple[int, ...] = (),
) -> list[Document | Failure]:
    """read_documents on a file's bytes (an upload): a feed or a saved page by its name's
    suffix or its first bytes, else text in any encoding decode_text reads."""
    head = raw[:512].lstrip().lower()
    try:
        if (
            suffix.lower() in FEED_SUFFIXES
            or head.startswith((b"<rss", b"<feed"))
            or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))
        ):
            return read_feed(raw, label=label, published=published, case_years=case_years)
        if suffix.lower() in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
            return [read_html(raw, label=label, published=published, case_years=case_years)]
        text, _ = decode_text(raw, label)  # (a legacy encoding is read as it is found)
        return [read_text_document(text, label=label, published=published, case_years=case_years)]
    except InputError as exc:
        return [Failure(label, str(exc).removeprefix(f"{label}: "))]


def read_text_document(
    text: str, *, label: str, published: dt.date | None, case_years: tuple[int, ...] = ()
) -> Document:
    """One of our article files, or plain text dated by ``published`` or a wire dateline
    (geo.extract.read_document); InputError when it is empty or cannot be dated."""
    if not text.strip():
        msg = f"{label}: is empty"
        raise InputError(msg)
    try:
        return read_document(text, published=published, label=label, case_years=case_years)
    except DataError as exc:
        raise InputError(str(exc)) from None


def read_html(
    raw: bytes, *, label: str, published: dt.date | None, case_years: tuple[int, ...] = ()
) -> Document:
    """A saved web page: main text and metadata by trafilatura; its language from its text
    (a Russian page is read as Russian: its counts, dates and places)."""
    import trafilatura

    found = trafilatura.bare_extraction(raw, with_metadata=True, favor_precision=True)
    if found is None or not (found.text or "").strip():
        msg = f"{label}: no article text found in the page"
        raise InputError(msg)
    day = _iso_day(found.date) or published  # the page's own date first
    if day is None:
        msg = f"{label}: the page gives no publication date; give --published YYYY-MM-DD"
        raise InputError(msg)
    publisher = found.sitename or found.hostname or ""
    body = found.text.strip()
    return Document(label=label, title=found.title or "", published=day, publisher=publisher,
                    url=found.url, body=body, language=detect_language(body),
                    case_years=case_years)  # fmt: skip


def read_feed(
    raw: bytes, *, label: str, published: dt.date | None, case_years: tuple[int, ...] = ()
) -> list[Document | Failure]:
    """RSS or Atom: one document per entry, dated by the entry (else ``published``), each in
    the language of its text."""
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = f"not a feed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        msg = f"{label}: {reason}"
        raise InputError(msg)
    publisher = feed.feed.get("title", "")
    out: list[Document | Failure] = []
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{label}#{number}"
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        day = dt.date(*parsed[:3]) if parsed else published
        body = _feed_text(entry)
        if day is None:
            out.append(Failure(where, "entry has no date; give --published YYYY-MM-DD"))
        elif not body:
            out.append(Failure(where, "entry has no text"))
        else:
            title = entry.get("title", "")
            out.append(Document(label=where, title=title, published=day, publisher=publisher,
                                url=entry.get("link"), body=body,
                                language=detect_language(body),
                                case_years=case_years))  # fmt: skip
    return out


_TAG = re.compile(r"<[^>]+>")


def _feed_text(entry: Any) -> str:
    """An entry's fullest text (content, else summary) as plain text."""
    import html

    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    text = "\n\n".join(p for p in parts if p)
    if "<" in text:
        text = re.sub(r"(?i)</p>|<br\s*/?>", "\n\n", text)
        text = _TAG.sub("", text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _iso_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- writing ----------------------------------------------------------------------------------


@dataclass
class IngestSummary:
    """What an ingest did; ``to_json`` is the contract scripts rely on."""

    new: int = 0
    duplicate: int = 0
    candidates: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_json(self) -> dict[str, int]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": len(self.failures),
            "candidates": self.candidates,
        }


_COUNT_KEYS = ("fatalities", "injured", "detained", "troops")
_CANDIDATE_FIELDS = (
    "kind", "layer", "event_type", "sub_event_type", "status", "metric", "value", "qualifier",
    "part", "reported_by", "place", "site_id", "lat", "lon", "admin1", "geo_precision",
    "time_precision", "actor1", "certainty", "confidence",
)  # fmt: skip


def candidate_values(candidate: dict[str, Any]) -> dict[str, Any]:
    """A contract candidate (issue 10) as candidates-table columns; InputError if malformed."""
    if candidate.get("kind") not in ("event", "state", "figure"):
        msg = f"candidate kind {candidate.get('kind')!r} is not event, state or figure"
        raise InputError(msg)
    values = {k: candidate.get(k) for k in _CANDIDATE_FIELDS}
    for key in ("date", "valid_to"):
        raw = candidate.get(key)
        try:
            values[key] = dt.date.fromisoformat(raw) if raw else None
        except (TypeError, ValueError):
            msg = f"candidate {key} {raw!r} is not YYYY-MM-DD"
            raise InputError(msg) from None
    counts = candidate.get("counts") or {}
    values.update({k: counts.get(k) for k in _COUNT_KEYS})
    evidence = candidate.get("evidence") or {}
    values.update(
        evidence_start=evidence.get("start"),
        evidence_end=evidence.get("end"),
        evidence_text=evidence.get("text"),
        support=_support(candidate.get("support")),
        matches=", ".join(str(m) for m in candidate.get("matches") or ()),
        disputes=", ".join(str(m) for m in candidate.get("disputes") or ()),
    )
    return values


def _support(raw: Any) -> list[list[Any]] | None:
    """A contract candidate's support (its other sentences) as stored; InputError if
    malformed."""
    if not raw:
        return None
    try:
        return [[int(s["start"]), int(s["end"]), str(s["text"])] for s in raw]
    except (TypeError, KeyError, ValueError):
        msg = "candidate support is not a list of {start, end, text} sentences"
        raise InputError(msg) from None


def candidate_json(row: CandidateRow) -> dict[str, Any]:
    """A stored candidate back in the contract's shape (plus its id, version and review)."""
    out: dict[str, Any] = {k: getattr(row, k) for k in _CANDIDATE_FIELDS}
    out["date"] = row.date.isoformat() if row.date else None
    out["valid_to"] = row.valid_to.isoformat() if row.valid_to else None
    out["counts"] = {k: getattr(row, k) for k in _COUNT_KEYS}
    out["evidence"] = {"start": row.evidence_start, "end": row.evidence_end,
                       "text": row.evidence_text}  # fmt: skip
    out["support"] = [{"start": a, "end": b, "text": t} for a, b, t in row.support or ()]
    out["matches"] = [m for m in row.matches.split(", ") if m]
    out["disputes"] = [m for m in (row.disputes or "").split(", ") if m]
    out.update(id=row.id, article_id=row.article_id, version=row.version,
               review_status=row.review_status, record_id=row.record_id)  # fmt: skip
    return out


_MENTION_FIELDS = ("text", "start", "end", "status", "name", "kind", "lat", "lon",
                   "country_code", "admin1", "confidence")  # fmt: skip


def find_duplicate(store: Store, doc: Document) -> int | None:
    """The id of a stored article with the same normalised URL or text, or None."""
    url_key, digest = normalise_url(doc.url), text_hash(doc.body)
    cond = ArticleRow.text_hash == digest
    if url_key:
        cond = sa.or_(cond, ArticleRow.url_key == url_key)
    with store.read() as s:
        return s.scalar(sa.select(ArticleRow.id).where(cond).limit(1))


def stored_keys(store: Store, docs: Sequence[Document]) -> set[str]:
    """Which of the documents' dedup keys (``_keys``) the store already holds: one query."""
    urls = [k for d in docs if (k := normalise_url(d.url))]
    hashes = [text_hash(d.body) for d in docs]
    query = sa.select(ArticleRow.url_key, ArticleRow.text_hash).where(
        sa.or_(ArticleRow.text_hash.in_(hashes), ArticleRow.url_key.in_(urls))
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return {"u:" + u for u, _ in rows if u} | {"h:" + h for _, h in rows}


def _keys(doc: Document) -> set[str]:
    keys = {"h:" + text_hash(doc.body)}
    if url_key := normalise_url(doc.url):
        keys.add("u:" + url_key)
    return keys


# Built once: SQLAlchemy caches the compiled form of a statement object it sees again.
_INSERT_ARTICLES = sa.insert(ArticleRow.__table__).returning(
    ArticleRow.__table__.c.id, sort_by_parameter_order=True
)
_INSERT_MENTIONS = sa.insert(MentionRow.__table__)
_INSERT_CANDIDATES = sa.insert(CandidateRow.__table__)
_CANDIDATE_DEFAULTS = {"review_status": "pending", "record_id": None, "version": 1}
WRITE_BATCH = 100  # articles per write transaction (a commit costs more than an article's rows)


@dataclass(frozen=True)
class ArticleRows:
    """One article's rows, checked and ready to insert (the ids come at insert time)."""

    doc: Document
    article: dict[str, Any]
    mentions: list[dict[str, Any]]
    candidates: list[dict[str, Any]]


def article_rows(doc: Document, extracted: Extracted) -> ArticleRows:
    """An article and its extraction as table rows; InputError if the output is malformed."""
    candidates = [candidate_values(c) for c in extracted.get("candidates") or ()]
    mentions = [{k: m.get(k) for k in _MENTION_FIELDS} for m in extracted.get("mentions") or ()]
    article = {
        "url": doc.url,
        "url_key": normalise_url(doc.url),
        "text_hash": text_hash(doc.body),
        "filename": None,
        "title": doc.title or "",
        "published": doc.published,
        "publisher": doc.publisher or "",
        "records": "",
        "body": doc.body,
        "origin": "ingested",
        "label": doc.label,
        "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
    }
    return ArticleRows(doc, article, mentions, candidates)


def write_articles(store: Store, batch: Sequence[ArticleRows]) -> list[int | None]:
    """Store articles with their mentions and candidates in one transaction: all or none.

    Returns each article's number of candidates, or None for one that turned out to be a
    duplicate (another writer stored it first; the batch is then written one article at a
    time, so the others still go in).
    """
    if not batch:
        return []
    try:
        with store.write_engine.begin() as conn:
            ids = conn.execute(_INSERT_ARTICLES, [a.article for a in batch]).scalars().all()
            mentions = [{**m, "article_id": i} for a, i in zip(batch, ids, strict=True)
                        for m in a.mentions]  # fmt: skip
            if mentions:
                conn.execute(_INSERT_MENTIONS, mentions)
            candidates = [
                {**c, **_CANDIDATE_DEFAULTS, "article_id": i, "position": n}
                for a, i in zip(batch, ids, strict=True)
                for n, c in enumerate(a.candidates)
            ]
            if candidates:
                conn.execute(_INSERT_CANDIDATES, candidates)
    except sa.exc.IntegrityError:
        if len(batch) > 1:
            return [n for a in batch for n in write_articles(store, [a])]
        if find_duplicate(store, batch[0].doc) is not None:
            return [None]
        raise
    return [len(a.candidates) for a in batch]


def write_article(store: Store, doc: Document, extracted: Extracted) -> int | None:
    """Store one article with its mentions and candidates in one transaction.

    Returns the number of candidates, or None when the article turned out to be a duplicate
    (another writer stored it first). Malformed extraction output raises InputError and
    nothing is written.
    """
    return write_articles(store, [article_rows(doc, extracted)])[0]


# --- the run ----------------------------------------------------------------------------------


def ingest(
    store: Store,
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    published: dt.date | None = None,
    extractor: ExtractorFactory | None = None,
    workers: int = 0,
    scheduler: str | None = None,
    progress: bool | None = None,
    write_batch: int = WRITE_BATCH,
) -> IngestSummary:
    """Ingest every article the paths hold into the store; a summary of what happened.

    ``extractor`` defaults to ``default_extractor``. ``workers`` > 0 starts a local Dask
    cluster of that many processes; ``scheduler`` uses a running one. ``progress`` None shows
    a bar on stderr only when it is a terminal. Articles are written ``write_batch`` to a
    transaction: a crash loses the batch in hand, never part of an article.
    """
    from tqdm import tqdm

    extractor = extractor or default_extractor
    summary = IngestSummary()
    case_years = store.case_years()
    files: list[Path] = []
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            summary.failures.append(item)
        else:
            files.append(item)
    bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=None if progress is None
               else not progress, desc="ingest")  # fmt: skip

    def fresh_documents() -> Iterator[Document]:
        """Readable, not yet stored, not seen earlier in this run (checked in batches)."""
        seen: set[str] = set()
        batch: list[Document] = []

        def fresh(batch: list[Document]) -> Iterator[Document]:
            stored = stored_keys(store, batch)
            for doc in batch:
                keys = _keys(doc)
                if any(k in seen or k in stored for k in keys):
                    summary.duplicate += 1
                    continue
                seen.update(keys)
                yield doc

        for path in files:
            for item in read_documents(path, published=published, case_years=case_years):
                if isinstance(item, Failure):
                    summary.failures.append(item)
                else:
                    batch.append(item)
            if len(batch) >= DEDUP_BATCH:
                yield from fresh(batch)
                batch = []
            bar.update(1)
        yield from fresh(batch)

    pending: list[ArticleRows] = []  # written WRITE_BATCH articles to a transaction

    def flush() -> None:
        for n in write_articles(store, pending):
            if n is None:
                summary.duplicate += 1
            else:
                summary.new += 1
                summary.candidates += n
        pending.clear()

    def record(doc: Document, extracted: Extracted | Failure) -> None:
        if isinstance(extracted, Failure):
            summary.failures.append(extracted)
            return
        try:
            pending.append(article_rows(doc, extracted))
        except InputError as exc:
            summary.failures.append(Failure(doc.label, f"extraction output: {exc}"))
            return
        if len(pending) >= write_batch:
            flush()

    try:
        if workers > 0 or scheduler:
            _run_on_dask(fresh_documents(), record, extractor, settings, workers, scheduler)
        else:
            extract = extractor(settings)
            for doc in fresh_documents():
                record(doc, _extract_one(extract, doc))
        flush()
    finally:
        bar.close()
        if summary.new:  # readers' caches (the map's "In the news") key on the revision
            with store.write() as s:
                bump_revision(s)
    return summary


def _extract_one(extract: ExtractFn, doc: Document) -> Extracted | Failure:
    try:
        return extract(doc)
    except GeoError as exc:
        return Failure(doc.label, str(exc).removeprefix(f"{doc.label}: "))


# --- Dask -------------------------------------------------------------------------------------

DEDUP_BATCH = 200  # documents checked against the store in one query
BATCH = 64  # documents per task: big enough to hide scheduling, small enough to stream


@functools.lru_cache(maxsize=4)
def _worker_extractor(factory: ExtractorFactory, settings: Settings) -> ExtractFn:
    """One extractor per worker process (the gazetteer is loaded once, not per task)."""
    return factory(settings)


def extract_batch(
    factory: ExtractorFactory, settings: Settings, docs: list[Document]
) -> list[Extracted | Failure]:
    """Run on a worker: the extraction of a batch of documents, in order."""
    extract = _worker_extractor(factory, settings)
    return [_extract_one(extract, doc) for doc in docs]


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_on_dask(
    docs: Iterator[Document],
    record: Callable[[Document, Extracted | Failure], None],
    factory: ExtractorFactory,
    settings: Settings,
    workers: int,
    scheduler: str | None,
) -> None:
    """Extract on a Dask cluster, a few batches in flight per worker; write as results come."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        )  # fmt: skip
        client = Client(cluster)
    try:
        in_flight = max(2, 2 * max(workers, len(client.scheduler_info()["workers"])))
        batches = _batches(docs, BATCH)
        pending = {}
        for batch in batches:
            pending[client.submit(extract_batch, factory, settings, batch, pure=False)] = batch
            if len(pending) >= in_flight:
                break
        queue = as_completed(list(pending))
        for future in queue:
            batch = pending.pop(future)
            for doc, result in zip(batch, future.result(), strict=True):
                record(doc, result)
            nxt = next(batches, None)
            if nxt is not None:
                new = client.submit(extract_batch, factory, settings, nxt, pure=False)
                pending[new] = nxt
                queue.add(new)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
