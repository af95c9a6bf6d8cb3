"""Decisions on candidates, for the review desk: accept, edit, merge or reject.

A reviewer reads a candidate (``pending``) with its ``version`` and decides on that version.
``decide`` applies the decision in one transaction that starts with a conditional update
(``WHERE id = :id AND version = :version``): if someone decided or changed the candidate since
it was read, nothing is applied and ``StaleError`` says who did what. Every decision adds one
row to ``decisions`` (who, when, action, the candidate as it was seen, the values decided, the
article), which is never updated or deleted.

- accept: the candidate becomes a record (event, state or figure) of origin ``reviewed``,
  citing the article it came from.
- edit: the same, with some values changed by the reviewer (``values``).
- merge: the candidate corroborates an existing record (``record_id``): the article is added
  to that record's sources; nothing else of the record changes.
- reject: the candidate is closed; no record.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from geo.errors import GeoError, InputError, StaleError
from geo.ingest import candidate_json
from geo.schema import (
    CERTAINTIES,
    EVENT_LAYERS,
    METRICS,
    QUALIFIERS,
    STATE_LAYERS,
    STATUSES,
)
from geo.store import Store, bump_revision
from geo.tables import (
    DECISION_ACTIONS,
    ArticleRow,
    CandidateRow,
    Decision,
    Event,
    Figure,
    RecordSource,
    SourceRow,
    State,
)

_STATUS_OF = {"accept": "accepted", "edit": "edited", "merge": "merged", "reject": "rejected"}
_MODELS = {"event": Event, "state": State, "figure": Figure}
_PREFIX = {"event": "E", "state": "S", "figure": "F"}
EDITABLE = (
    "layer", "event_type", "date", "valid_to", "status", "metric", "value", "qualifier", "part",
    "reported_by", "fatalities", "injured", "detained", "troops", "place", "site_id", "lat",
    "lon", "geo_precision", "time_precision", "actor1", "certainty",
)  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """What a decision did: the decision row, the candidate's new version, the record."""

    decision_id: int
    candidate_id: int
    action: str
    version: int
    record_id: str | None


def pending(store: Store, *, limit: int = 100) -> list[dict[str, Any]]:
    """Candidates waiting for review, oldest first, each with the version to decide on."""
    with store.read() as s:
        rows = s.scalars(
            sa.select(CandidateRow)
            .where(CandidateRow.review_status == "pending")
            .order_by(CandidateRow.id)
            .limit(limit)
        )
        return [candidate_json(r) for r in rows]


def history(store: Store, candidate_id: int) -> list[dict[str, Any]]:
    """Every decision on a candidate, oldest first."""
    with store.read() as s:
        rows = s.scalars(
            sa.select(Decision).where(Decision.candidate_id == candidate_id).order_by(Decision.id)
        )
        return [
            {
                "id": d.id,
                "action": d.action,
                "reviewer": d.reviewer,
                "decided_at": d.decided_at.isoformat(),
                "record_id": d.record_id,
                "article_id": d.article_id,
                "before": json.loads(d.before),
                "after": json.loads(d.after),
                "note": d.note,
            }  # fmt: skip
            for d in rows
        ]


def decide(
    store: Store,
    candidate_id: int,
    *,
    action: str,
    reviewer: str,
    version: int,
    values: dict[str, Any] | None = None,
    record_id: str | None = None,
    note: str = "",
) -> Outcome:
    """Apply one decision on the version of a candidate the reviewer read.

    Raises StaleError when the candidate changed since (nothing applied), InputError on a bad
    request (unknown action or candidate, edit values that do not make a valid record, merge
    into a record that does not exist).
    """
    if action not in DECISION_ACTIONS:
        msg = f"action {action!r} is not one of {', '.join(DECISION_ACTIONS)}"
        raise InputError(msg)
    if not reviewer.strip():
        msg = "a decision needs the reviewer's name"
        raise InputError(msg)
    if action == "merge" and not record_id:
        msg = "merge needs the id of the record the candidate corroborates"
        raise InputError(msg)
    if values and action != "edit":
        msg = f"values are only for edit, not {action}"
        raise InputError(msg)
    unknown = sorted(set(values or ()) - set(EDITABLE))
    if unknown:
        msg = f"{unknown[0]!r} cannot be edited; editable: {', '.join(EDITABLE)}"
        raise InputError(msg)
    with store.write() as s:
        claimed = s.execute(
            sa.update(CandidateRow)
            .where(
                CandidateRow.id == candidate_id,
                CandidateRow.version == version,
                CandidateRow.review_status == "pending",
            )
            .values(review_status=_STATUS_OF[action], version=CandidateRow.version + 1)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:
            raise _refusal(s, candidate_id, version)
        candidate = s.get(CandidateRow, candidate_id, populate_existing=True)
        before = candidate_json(candidate) | {"version": version, "review_status": "pending"}
        article = s.get(ArticleRow, candidate.article_id)
        after: dict[str, Any] = {}
        if action in ("accept", "edit"):
            fields = _record_fields(candidate, values or {})
            record_id = _add_record(s, candidate, fields, article)
            after = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in fields.items()}
        elif action == "merge":
            _corroborate(s, record_id, article)
        if action == "reject":
            record_id = None
        candidate.record_id = record_id
        s.flush()
        decision = Decision(
            candidate_id=candidate_id, article_id=candidate.article_id, action=action,
            reviewer=reviewer.strip(), record_id=record_id, note=note,
            before=json.dumps(before, ensure_ascii=False, default=str),
            after=json.dumps(after, ensure_ascii=False, default=str),
        )  # fmt: skip
        s.add(decision)
        bump_revision(s)
        s.flush()
        return Outcome(decision.id, candidate_id, action, version + 1, record_id)


def _refusal(s: Session, candidate_id: int, version: int) -> GeoError:
    """Why a conditional update matched nothing: no such candidate, stale, or decided."""
    current = s.get(CandidateRow, candidate_id, populate_existing=True)
    if current is None:
        msg = f"there is no candidate {candidate_id}"
        return InputError(msg)
    last = s.scalars(
        sa.select(Decision)
        .where(Decision.candidate_id == candidate_id)
        .order_by(Decision.id.desc())
        .limit(1)
    ).first()
    by = (
        f" ({last.action} by {last.reviewer} at {last.decided_at:%Y-%m-%d %H:%M} UTC)"
        if last
        else ""
    )
    if current.version != version:
        msg = (
            f"candidate {candidate_id} changed since you read it (you had version {version}, "
            f"it is now version {current.version}, {current.review_status}{by}); nothing was "
            "applied: reload it and decide again"
        )
        return StaleError(msg)
    msg = f"candidate {candidate_id} is already {current.review_status}{by}; nothing was applied"
    return StaleError(msg)


def _record_fields(candidate: CandidateRow, values: dict[str, Any]) -> dict[str, Any]:
    """The record a candidate (with a reviewer's edits) becomes; InputError if it is not valid."""
    fields = {k: getattr(candidate, k) for k in EDITABLE}
    for key, value in values.items():
        if key in ("date", "valid_to") and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value) if value else None
            except ValueError:
                msg = f"{key} {value!r} is not YYYY-MM-DD"
                raise InputError(msg) from None
        fields[key] = value
    problem = _record_problem(candidate.kind, fields)
    if problem:
        msg = f"candidate {candidate.id}: {problem}"
        raise InputError(msg)
    return fields


def _record_problem(kind: str, f: dict[str, Any]) -> str | None:
    """Why these values do not make a valid record of this kind, or None."""
    layers = STATE_LAYERS if kind == "state" else EVENT_LAYERS
    if f["date"] is None:
        return f"a {kind} needs a date"
    if kind != "figure" and f["layer"] not in layers:
        return f"layer {f['layer']!r} is not one of {', '.join(layers)}"
    if kind == "state" and f["status"] not in STATUSES[f["layer"]]:
        return f"status {f['status']!r} is not one of {', '.join(STATUSES[f['layer']])}"
    if kind == "figure" and f["metric"] not in METRICS:
        return f"metric {f['metric']!r} is not one of {', '.join(METRICS)}"
    if kind == "figure" and f["value"] is None:
        return "a figure needs a value"
    if kind == "figure" and (f["qualifier"] or "exact") not in QUALIFIERS:
        return f"qualifier {f['qualifier']!r} is not one of {', '.join(QUALIFIERS)}"
    if (f["certainty"] or "reported") not in CERTAINTIES:
        return f"certainty {f['certainty']!r} is not one of {', '.join(CERTAINTIES)}"
    return None


def _subject(f: dict[str, Any]) -> str:
    """What a reviewed state is about, as the curated states name it: "State of emergency:
    Almaty Region", "Internet: Almaty", "Public transport: Aktau", a site's name, or its layer."""
    place = f["place"] or ""
    what = "State of emergency" if f["layer"] == "emergency" else f["part"] or ""
    if what:
        return f"{what}: {place}" if place else what
    return place or f["layer"]


def _quoted(candidate: CandidateRow) -> str:
    """The words a record comes from: its evidence sentence and, for a candidate merged from
    several, the others (its support), in the article's order, joined by " … "."""
    sentences = [(candidate.evidence_start or 0, candidate.evidence_text or "")]
    sentences += [(start, text) for start, _end, text in candidate.support or ()]
    return " … ".join(text for _start, text in sorted(sentences) if text)


def _add_record(s: Session, candidate: CandidateRow, f: dict[str, Any], article: ArticleRow) -> str:
    """Insert the reviewed record and its source (the article); its id."""
    kind = candidate.kind
    model = _MODELS[kind]
    record_id = f"{_PREFIX[kind]}-C{candidate.id}"  # unique by construction, no race on numbers
    position = (s.scalar(sa.select(sa.func.max(model.position))) or 0) + 1
    scope = "local" if (f["place"] or f["site_id"] or f["lat"] is not None) else "national"
    common = {"id": record_id, "position": position, "origin": "reviewed",
              "certainty": f["certainty"] or "reported"}  # fmt: skip
    evidence = _quoted(candidate)
    if kind == "event":
        row = Event(
            **common, date=f["date"], time_precision=f["time_precision"] or 1, layer=f["layer"],
            event_type=f["event_type"] or "", sub_event_type="", scope=scope,
            place=f["place"] or "", site_id=f["site_id"] or "", lat=f["lat"], lon=f["lon"],
            geo_precision=f["geo_precision"], fatalities=f["fatalities"], injured=f["injured"],
            detained=f["detained"], count_note="", actor1=f["actor1"] or "", actor2="",
            description=evidence,
        )  # fmt: skip
    elif kind == "state":
        row = State(
            **common, layer=f["layer"], subject=_subject(f), status=f["status"],
            valid_from=f["date"], valid_to=f["valid_to"], scope=scope, place=f["place"] or "",
            site_id=f["site_id"] or "", lat=f["lat"], lon=f["lon"],
            geo_precision=f["geo_precision"], troops=f["troops"], count_note="",
            actor=f["actor1"] or "", description=evidence,
        )  # fmt: skip
    else:
        row = Figure(
            **common, date=f["date"], metric=f["metric"], value=f["value"],
            qualifier=f["qualifier"] or "exact", part=f["part"] or "",
            reported_by=f["reported_by"] or "", note=evidence,
        )  # fmt: skip
    s.add(row)
    s.flush()
    _cite(s, record_id, article)
    return record_id


def _corroborate(s: Session, record_id: str | None, article: ArticleRow) -> None:
    """Add the article to an existing record's sources (once) and bump the record's version."""
    for model in _MODELS.values():
        if s.get(model, record_id) is not None:
            _cite(s, record_id, article)
            s.execute(
                sa.update(model)
                .where(model.id == record_id)
                .values(version=model.version + 1)
                .execution_options(synchronize_session=False)
            )
            return
    msg = f"there is no record {record_id!r} to merge into"
    raise InputError(msg)


def _cite(s: Session, record_id: str, article: ArticleRow) -> None:
    """The article as one more source of a record: every record cites where it comes from."""
    if not article.url:
        msg = f"article {article.id} ({article.label}) has no URL, so a record cannot cite it"
        raise InputError(msg)
    publisher = article.publisher or (article.url.split("/")[2] if "//" in article.url else "")
    source_id = s.scalar(
        sa.select(SourceRow.id).where(
            SourceRow.publisher == publisher, SourceRow.url == article.url
        )
    )
    if source_id is None:
        try:
            with s.begin_nested():  # another reviewer may add the same source meanwhile
                source = SourceRow(publisher=publisher, url=article.url)
                s.add(source)
            source_id = source.id
        except sa.exc.IntegrityError:
            source_id = s.scalar(
                sa.select(SourceRow.id).where(
                    SourceRow.publisher == publisher, SourceRow.url == article.url
                )
            )
    cited = s.execute(sa.select(RecordSource.source_id).where(RecordSource.record_id == record_id))
    ids = [r[0] for r in cited]
    if source_id not in ids:
        s.add(RecordSource(record_id=record_id, position=len(ids), source_id=source_id,
                           merged=bool(ids)))  # fmt: skip
