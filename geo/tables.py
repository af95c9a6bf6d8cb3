"""The store's schema: SQLAlchemy 2 tables, the same on SQLite and on PostGIS.

Records keep the exchange format's fields (data/README.md) in typed columns, so
``db export`` writes data/ back byte for byte. Every table with a point has ``lon``/``lat``
columns; on PostGIS it also gets a ``geom`` geometry computed from them with a GiST index.
That is the only dialect difference, and it lives here (``spatial_columns``), used by the
migrations. ``version`` columns carry optimistic locking; ``decisions`` is append-only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Tables with lon/lat that get a geometry on PostGIS.
SPATIAL_TABLES: tuple[str, ...] = ("events", "states", "mentions", "candidates")
ORIGINS: tuple[str, ...] = ("curated", "acled", "reviewed")
REVIEW_STATUSES: tuple[str, ...] = ("pending", "accepted", "edited", "merged", "rejected")
DECISION_ACTIONS: tuple[str, ...] = ("accept", "edit", "merge", "reject")


class Base(DeclarativeBase):
    """Declarative base of every store table."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Event(Base):
    """A dated event (events.csv), with its origin and a version for optimistic locking."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    position: Mapped[int] = mapped_column(sa.Integer, index=True)  # row order in the file
    source_line: Mapped[int | None] = mapped_column(sa.Integer)  # its line there (messages)
    origin: Mapped[str] = mapped_column(sa.String(16), default="curated")
    date: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    time_precision: Mapped[int | None] = mapped_column(sa.Integer)
    layer: Mapped[str] = mapped_column(sa.String(32), index=True)
    event_type: Mapped[str] = mapped_column(sa.Text, default="")
    sub_event_type: Mapped[str] = mapped_column(sa.Text, default="")
    scope: Mapped[str] = mapped_column(sa.String(16), default="")
    place: Mapped[str] = mapped_column(sa.Text, default="")
    site_id: Mapped[str] = mapped_column(sa.Text, default="")
    lat: Mapped[float | None] = mapped_column(sa.Float)
    lon: Mapped[float | None] = mapped_column(sa.Float)
    geo_precision: Mapped[int | None] = mapped_column(sa.Integer)
    fatalities: Mapped[int | None] = mapped_column(sa.Integer)
    injured: Mapped[int | None] = mapped_column(sa.Integer)
    detained: Mapped[int | None] = mapped_column(sa.Integer)
    count_note: Mapped[str] = mapped_column(sa.Text, default="")
    actor1: Mapped[str] = mapped_column(sa.Text, default="")
    actor2: Mapped[str] = mapped_column(sa.Text, default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    certainty: Mapped[str] = mapped_column(sa.String(32), default="")
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    # The placement the import made (geo.events.Placed): the place id ("" for none) and
    # admin-1 code, and the gazetteer that made it (geo.store.placement_key). Any update of
    # the row clears ``placed_by``, so a placement is never read for a row that changed.
    placed_by: Mapped[str | None] = mapped_column(sa.String(64), onupdate=sa.null())
    placed_id: Mapped[str | None] = mapped_column(sa.Text)
    placed_admin1: Mapped[str | None] = mapped_column(sa.Text)
    __mapper_args__ = {"version_id_col": version}


class State(Base):
    """A state over an interval (states.csv)."""

    __tablename__ = "states"
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    position: Mapped[int] = mapped_column(sa.Integer, index=True)
    source_line: Mapped[int | None] = mapped_column(sa.Integer)
    origin: Mapped[str] = mapped_column(sa.String(16), default="curated")
    layer: Mapped[str] = mapped_column(sa.String(32), index=True)
    subject: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(32))
    valid_from: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    valid_to: Mapped[dt.date | None] = mapped_column(sa.Date)
    scope: Mapped[str] = mapped_column(sa.String(16), default="")
    place: Mapped[str] = mapped_column(sa.Text, default="")
    site_id: Mapped[str] = mapped_column(sa.Text, default="")
    lat: Mapped[float | None] = mapped_column(sa.Float)
    lon: Mapped[float | None] = mapped_column(sa.Float)
    geo_precision: Mapped[int | None] = mapped_column(sa.Integer)
    troops: Mapped[int | None] = mapped_column(sa.Integer)
    count_note: Mapped[str] = mapped_column(sa.Text, default="")
    actor: Mapped[str] = mapped_column(sa.Text, default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    certainty: Mapped[str] = mapped_column(sa.String(32), default="")
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    # The placement the import made (geo.events.Placed): the place id ("" for none) and
    # admin-1 code, and the gazetteer that made it (geo.store.placement_key). Any update of
    # the row clears ``placed_by``, so a placement is never read for a row that changed.
    placed_by: Mapped[str | None] = mapped_column(sa.String(64), onupdate=sa.null())
    placed_id: Mapped[str | None] = mapped_column(sa.Text)
    placed_admin1: Mapped[str | None] = mapped_column(sa.Text)
    __mapper_args__ = {"version_id_col": version}


class Figure(Base):
    """A national figure as reported on a date (figures.csv)."""

    __tablename__ = "figures"
    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    position: Mapped[int] = mapped_column(sa.Integer, index=True)
    source_line: Mapped[int | None] = mapped_column(sa.Integer)
    origin: Mapped[str] = mapped_column(sa.String(16), default="curated")
    date: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    metric: Mapped[str] = mapped_column(sa.String(32))
    value: Mapped[int | None] = mapped_column(sa.Integer)
    qualifier: Mapped[str] = mapped_column(sa.String(32), default="")
    part: Mapped[str] = mapped_column(sa.Text, default="")
    reported_by: Mapped[str] = mapped_column(sa.Text, default="")
    certainty: Mapped[str] = mapped_column(sa.String(32), default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class SourceRow(Base):
    """A publisher and URL, cited by records; each pair is stored once."""

    __tablename__ = "sources"
    __table_args__ = (sa.UniqueConstraint("publisher", "url", name="uq_sources_publisher_url"),)
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    publisher: Mapped[str] = mapped_column(sa.Text)
    url: Mapped[str] = mapped_column(sa.Text)


class RecordSource(Base):
    """Which sources a record cites, in the order its ``sources`` cell lists them."""

    __tablename__ = "record_sources"
    record_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    position: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("sources.id"), index=True)
    # True when a merge decision added it: kept when the curated records are imported again
    merged: Mapped[bool] = mapped_column(sa.Boolean, default=False)


class ArticleRow(Base):
    """An article, deduplicated by URL and by the hash of its normalised text."""

    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    url: Mapped[str | None] = mapped_column(sa.Text)  # as published
    url_key: Mapped[str | None] = mapped_column(sa.Text, unique=True)  # normalised, for dedup
    text_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    filename: Mapped[str | None] = mapped_column(sa.Text)  # name under data/articles/, if any
    title: Mapped[str] = mapped_column(sa.Text, default="")
    published: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    publisher: Mapped[str] = mapped_column(sa.Text, default="")
    records: Mapped[str] = mapped_column(sa.Text, default="")  # a curated file's records: line
    body: Mapped[str] = mapped_column(sa.Text)
    origin: Mapped[str] = mapped_column(sa.String(16), default="curated")  # or "ingested"
    label: Mapped[str] = mapped_column(sa.Text, default="")  # where it was read from
    ingested_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=_now)


class MentionRow(Base):
    """A place the geoparser found in an article's body."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(sa.Integer)
    end: Mapped[int] = mapped_column(sa.Integer)
    text: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(16))
    name: Mapped[str | None] = mapped_column(sa.Text)
    kind: Mapped[str | None] = mapped_column(sa.String(16))
    lat: Mapped[float | None] = mapped_column(sa.Float)
    lon: Mapped[float | None] = mapped_column(sa.Float)
    country_code: Mapped[str | None] = mapped_column(sa.String(8))
    admin1: Mapped[str | None] = mapped_column(sa.String(16))
    confidence: Mapped[float] = mapped_column(sa.Float, default=0.0)


class CandidateRow(Base):
    """A record proposed by extraction (the issue-10 contract), waiting for review."""

    __tablename__ = "candidates"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(sa.Integer)  # order within the article
    kind: Mapped[str] = mapped_column(sa.String(16))  # event, state, figure
    layer: Mapped[str | None] = mapped_column(sa.String(32))
    event_type: Mapped[str | None] = mapped_column(sa.Text)
    sub_event_type: Mapped[str | None] = mapped_column(sa.Text)
    date: Mapped[dt.date | None] = mapped_column(sa.Date, index=True)
    valid_to: Mapped[dt.date | None] = mapped_column(sa.Date)
    status: Mapped[str | None] = mapped_column(sa.String(32))
    metric: Mapped[str | None] = mapped_column(sa.String(32))
    value: Mapped[int | None] = mapped_column(sa.Integer)
    qualifier: Mapped[str | None] = mapped_column(sa.String(32))
    part: Mapped[str | None] = mapped_column(sa.Text)
    reported_by: Mapped[str | None] = mapped_column(sa.Text)
    fatalities: Mapped[int | None] = mapped_column(sa.Integer)
    injured: Mapped[int | None] = mapped_column(sa.Integer)
    detained: Mapped[int | None] = mapped_column(sa.Integer)
    troops: Mapped[int | None] = mapped_column(sa.Integer)
    place: Mapped[str | None] = mapped_column(sa.Text)
    site_id: Mapped[str | None] = mapped_column(sa.Text)
    lat: Mapped[float | None] = mapped_column(sa.Float)
    lon: Mapped[float | None] = mapped_column(sa.Float)
    admin1: Mapped[str | None] = mapped_column(sa.String(16))
    geo_precision: Mapped[int | None] = mapped_column(sa.Integer)
    time_precision: Mapped[int | None] = mapped_column(sa.Integer)
    actor1: Mapped[str | None] = mapped_column(sa.Text)
    certainty: Mapped[str | None] = mapped_column(sa.String(32))
    evidence_start: Mapped[int | None] = mapped_column(sa.Integer)
    evidence_end: Mapped[int | None] = mapped_column(sa.Integer)
    evidence_text: Mapped[str | None] = mapped_column(sa.Text)
    # the other sentences a merged candidate draws on: [[start, end, text], ...] or None
    support: Mapped[list[Any] | None] = mapped_column(sa.JSON)
    confidence: Mapped[float | None] = mapped_column(sa.Float)
    matches: Mapped[str] = mapped_column(sa.Text, default="")  # record ids, comma-separated
    disputes: Mapped[str] = mapped_column(sa.Text, default="", server_default="")  # ids too
    review_status: Mapped[str] = mapped_column(sa.String(16), default="pending", index=True)
    record_id: Mapped[str | None] = mapped_column(sa.String(64))  # the record it became
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Decision(Base):
    """One reviewer decision on a candidate; rows are only ever added, never changed."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    candidate_id: Mapped[int] = mapped_column(sa.ForeignKey("candidates.id"), index=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(16))
    reviewer: Mapped[str] = mapped_column(sa.Text)
    decided_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=_now)
    record_id: Mapped[str | None] = mapped_column(sa.String(64))
    before: Mapped[str] = mapped_column(sa.Text)  # JSON of the candidate as the reviewer saw it
    after: Mapped[str] = mapped_column(sa.Text)  # JSON of the values decided
    note: Mapped[str] = mapped_column(sa.Text, default="")


@sa.event.listens_for(Decision, "before_update")
@sa.event.listens_for(Decision, "before_delete")
def _decisions_are_append_only(_mapper: object, _connection: object, target: Decision) -> None:
    msg = f"decision {target.id} is history: add a new decision instead of changing this one"
    raise PermissionError(msg)


class ReferenceFile(Base):
    """A data-set file that is not records (README, boundaries, facilities, names), verbatim."""

    __tablename__ = "reference_files"
    name: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)


class Meta(Base):
    """Key/value facts about the store (where it was filled from, a fingerprint of that)."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)


# --- the one dialect difference ---------------------------------------------------------------


def is_postgis(dialect_name: str) -> bool:
    """True for PostgreSQL, where the store keeps PostGIS geometry beside lon/lat."""
    return dialect_name == "postgresql"


def spatial_columns(table: str) -> tuple[sa.Column, sa.Index]:
    """The PostGIS-only geometry of a table with lon/lat, and its GiST index.

    The geometry is computed by the database from lon/lat, so no code path can let the two
    disagree; SQLite keeps lon/lat alone (SpatiaLite cannot be installed with pip).
    """
    from geoalchemy2 import Geometry

    column = sa.Column(
        "geom",
        Geometry("POINT", srid=4326, spatial_index=False),
        sa.Computed("ST_SetSRID(ST_MakePoint(lon, lat), 4326)", persisted=True),
    )
    index = sa.Index(f"ix_{table}_geom", "geom", postgresql_using="gist")
    return column, index


def geom(table: str) -> sa.ColumnElement:
    """The geometry column of a spatial table, for PostGIS queries (ST_DWithin and friends)."""
    from geoalchemy2 import Geometry

    return sa.table(table, sa.column("geom", Geometry("POINT", srid=4326))).c.geom
