"""The review desk (``app.py`` runs it as the "Review" page): candidates grouped by article,
newest first, a page at a time; accept, edit then accept, merge, reject; add an article.

Decisions run in button callbacks with the candidate as the reviewer saw it (its version), so
a candidate someone else decided meanwhile is refused with a message naming who did it. The
queries and decisions are geo.desk and geo.review; the HTML is dashboard.desk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from dashboard import desk as dd
from dashboard import map as cmap
from dashboard.resources import get_store
from geo import desk
from geo.articles import decode_text
from geo.config import Settings
from geo.errors import GeoError, InputError
from geo.schema import CERTAINTIES, EVENT_LAYERS, METRICS, QUALIFIERS, STATE_LAYERS
from geo.store import Store

PER_PAGE = 5  # articles per page


@st.cache_data(show_spinner=False, max_entries=4)
def choices(settings: Settings, revision: str) -> dict[str, list[Any]]:
    """The filters' options (``revision`` changes with every decision and new article)."""
    return desk.queue_choices(get_store(settings))


@st.cache_resource(show_spinner="Loading the extraction (once)…", max_entries=2)
def built_extractor(settings: Settings):  # -> Extractor: the gazetteer and parser, kept
    from geo.extract import Extractor
    from geo.gazetteer import Gazetteer

    return Extractor(Gazetteer.load(settings), settings)


@st.cache_resource(show_spinner="Reading the records to match…", max_entries=2)
def records(settings: Settings, revision: str):  # -> RecordIndex, rebuilt when records change
    from geo.ingest import record_index

    return record_index(settings, built_extractor(settings).gazetteer)


def extractor(settings: Settings, revision: str):  # -> ExtractFn, matched against the records
    """Extraction for "Add article": the extractor is built once; after a decision only the
    records to match are read again (seconds, not the gazetteer's load)."""
    from geo.ingest import extract_and_match

    return extract_and_match(built_extractor(settings), records(settings, revision))


def flash(kind: str, text: str) -> None:
    st.session_state.setdefault("desk_flash", []).append((kind, text))


def reviewer() -> str:
    return str(st.session_state.get("reviewer", ""))


# --- decision callbacks (run before the rerun, with the candidate as it was shown) --------------


def on_accept(store: Store, c: dict[str, Any]) -> None:
    _apply(lambda: desk.decide(store, c["id"], action="accept", reviewer=reviewer(),
                               version=c["version"]), c)  # fmt: skip


def on_merge(store: Store, c: dict[str, Any]) -> None:
    target = st.session_state.get(f"merge-{c['id']}")
    if not target:
        flash("error", f"Candidate {c['id']}: choose the record to merge into.")
        return
    kept = f" (the counts differ from {target}'s: both kept as a dispute)"
    _apply(lambda: desk.merge_or_keep_both(store, c, target, reviewer=reviewer()), c,
           note_if_accepted=kept)  # fmt: skip


def on_reject(store: Store, c: dict[str, Any]) -> None:
    reason = str(st.session_state.get(f"reason-{c['id']}") or "")
    _apply(lambda: desk.reject(store, c, reviewer=reviewer(), reason=reason), c)


def on_edit(store: Store, c: dict[str, Any], fields: tuple[str, ...]) -> None:
    form = {f: st.session_state.get(f"edit-{c['id']}-{f}") for f in fields}
    values = desk.edited_values(c, form)
    _apply(lambda: desk.decide(store, c["id"], action="edit", reviewer=reviewer(),
                               version=c["version"], values=values), c)  # fmt: skip


def _apply(decision, c: dict[str, Any], *, note_if_accepted: str = "") -> None:  # noqa: ANN001
    try:
        done = decision()
    except GeoError as exc:
        flash("error", str(exc))
        return
    verb = {"accept": "accepted", "edit": "edited and accepted", "merge": "merged",
            "reject": "rejected"}[done.action]  # fmt: skip
    into = f" → record {done.record_id}" if done.record_id else ""
    note = note_if_accepted if done.action == "accept" else ""
    flash("success", f"Candidate {c['id']} {verb}{into}{note}.")


def on_filter_change() -> None:
    st.session_state["desk_page"] = 0


def on_page(delta: int) -> None:
    st.session_state["desk_page"] = max(0, st.session_state.get("desk_page", 0) + delta)


# --- page ------------------------------------------------------------------------------------

st.title("Review")
try:
    settings = Settings.from_env()
    store = get_store(settings)
    revision = store.revision()
except GeoError as exc:
    st.error(f"The store could not be opened: {cmap.md_text(exc)}", icon="⚠️")
    st.stop()

for kind, text in st.session_state.pop("desk_flash", []):
    (st.success if kind == "success" else st.error)(cmap.md_text(text))

if not reviewer():
    with st.form("who"):
        st.markdown("Your name is stored with every decision you make in this session.")
        name = st.text_input("Reviewer's name", key="reviewer_input")
        if st.form_submit_button("Start reviewing", type="primary"):
            if name.strip():
                st.session_state["reviewer"] = name.strip()
                st.rerun()
            st.error("Please give your name.")
    st.stop()

st.caption(f"Reviewing as **{cmap.md_text(reviewer())}**")

# --- add an article ---------------------------------------------------------------------------

with st.expander("Add article", expanded=False):
    with st.form("add_article", clear_on_submit=True):
        text = st.text_area(
            "Article text",
            key="add_text",
            height=160,
            placeholder="Paste the article (an article file's header is read too)",
        )
        upload = st.file_uploader(
            "…or upload a text file, a saved web page or a feed",
            type=["txt", "text", *(s.lstrip(".") for s in desk.PAGE_SUFFIXES)],
            key="add_file",
            help="A saved page (.html) is read for its main text, title, date and address; a "
            "feed (.rss, .atom, .xml) gives one article per entry.",
        )
        c1, c2, c3, c4 = st.columns([1, 1.3, 2, 2])
        published = c1.date_input("Date", value=None, key="add_date", format="YYYY-MM-DD")
        publisher = c2.text_input("Publisher", key="add_publisher")
        url = c3.text_input("Source URL", key="add_url")
        title = c4.text_input("Title", key="add_title")
        add = st.form_submit_button("Add to the queue")
    if add and upload is not None and upload.name.lower().endswith(desk.PAGE_SUFFIXES):
        with st.spinner("Reading the page or feed, finding places and candidates…"):
            added, problems = desk.add_upload(
                store, settings, upload.name, upload.getvalue(), published=published,
                publisher=publisher, url=url, title=title,
                extractor=lambda s: extractor(s, revision),
            )  # fmt: skip
        for problem in problems:
            st.error(cmap.md_text(problem))
        if added:
            n = sum(found for _, found in added)
            articles = "article" if len(added) == 1 else "articles"
            flash("success", f"{len(added)} {articles} added: {n} candidates in the queue.")
            st.rerun()
    elif add:
        body = text
        label = "pasted article"
        read_as = ""  # the encoding of an upload that is not UTF-8
        if upload is not None:
            label = upload.name
            try:
                body, encoding = decode_text(upload.getvalue(), upload.name)
            except InputError as exc:
                body = ""
                st.error(cmap.md_text(exc))
            else:
                body = body.lstrip("\ufeff")
                read_as = f" (not UTF-8: read as {cmap.md_text(encoding)})" if encoding else ""
        if body:
            try:
                with st.spinner("Finding places and candidates…"):
                    article_id, n = desk.add_article(
                        store, settings, body, published=published, publisher=publisher,
                        url=url, title=title, label=label,
                        extractor=lambda s: extractor(s, revision),
                    )  # fmt: skip
            except GeoError as exc:
                st.error(cmap.md_text(exc))
            else:
                flash(
                    "success", f"Article {article_id} added: {n} candidates in the queue{read_as}."
                )
                st.rerun()
        elif upload is None:
            st.error("Paste the article's text or upload a file.")

# --- filters ----------------------------------------------------------------------------------

options = choices(settings, revision)
with st.sidebar:
    st.header("Queue")
    decision = st.selectbox("Decision", list(desk.DECISION_FILTERS), key="f_decision",
                            on_change=on_filter_change)  # fmt: skip
    day = st.selectbox("Day (published)", options["days"], index=None, key="f_day",
                       placeholder="any day", on_change=on_filter_change,
                       format_func=lambda d: d.isoformat())  # fmt: skip
    place = st.selectbox("Place", options["places"], index=None, key="f_place",
                         placeholder="any place", on_change=on_filter_change)  # fmt: skip
    layer = st.selectbox("Layer", options["layers"], index=None, key="f_layer",
                         placeholder="any layer", on_change=on_filter_change)  # fmt: skip

queue = desk.queue_page(
    store,
    desk.QueueFilter(day=day, place=place or "", layer=layer or "", decision=decision),
    page=int(st.session_state.get("desk_page", 0)),
    per_page=PER_PAGE,
)
st.session_state["desk_page"] = queue.page

nav = st.columns([1, 1, 6], vertical_alignment="center")
nav[0].button("◀ Newer", key="page_back", on_click=on_page, args=(-1,), disabled=queue.page == 0)
nav[1].button("Older ▶", key="page_fwd", on_click=on_page, args=(1,),
              disabled=queue.page >= queue.pages - 1)  # fmt: skip
nav[2].caption(dd.page_range_text(queue.page, queue.pages, queue.articles, queue.candidates))

if not queue.groups:
    st.info("No candidates match: the queue is empty for these filters.")


def _index(options: tuple[str, ...], value: object) -> int:
    return options.index(value) if value in options else 0


def edit_form(c: dict[str, Any]) -> None:
    """Edit then accept: the candidate's values in a form (Enter submits)."""
    cid = c["id"]
    counts = c.get("counts") or {}
    fields: list[str] = []
    with st.form(f"edit-{cid}"):
        cols = st.columns(4)
        if c["kind"] == "figure":
            cols[0].selectbox("Metric", METRICS, key=f"edit-{cid}-metric",
                              index=_index(METRICS, c["metric"]))  # fmt: skip
            cols[1].number_input("Value", value=c.get("value"), step=1, key=f"edit-{cid}-value")
            cols[2].selectbox("Qualifier", QUALIFIERS, key=f"edit-{cid}-qualifier",
                              index=_index(QUALIFIERS, c["qualifier"]))  # fmt: skip
            cols[3].text_input("Part", value=c.get("part") or "", key=f"edit-{cid}-part")
            fields += ["metric", "value", "qualifier", "part"]
        else:
            layers = STATE_LAYERS if c["kind"] == "state" else EVENT_LAYERS
            cols[0].selectbox("Layer", layers, key=f"edit-{cid}-layer",
                              index=_index(layers, c["layer"]))  # fmt: skip
            cols[1].text_input("Place", value=c.get("place") or "", key=f"edit-{cid}-place")
            fields += ["layer", "place"]
            if c["kind"] == "state":
                cols[2].text_input("Status", value=c.get("status") or "", key=f"edit-{cid}-status")
                cols[3].number_input("Troops", value=counts.get("troops"), step=1,
                                     key=f"edit-{cid}-troops")  # fmt: skip
                fields += ["status", "troops"]
            else:
                cols[2].text_input("Event type", value=c.get("event_type") or "",
                                   key=f"edit-{cid}-event_type")  # fmt: skip
                cols[3].number_input("Deaths", value=counts.get("fatalities"), step=1,
                                     key=f"edit-{cid}-fatalities")  # fmt: skip
                fields += ["event_type", "fatalities"]
                cols = st.columns(4)
                cols[0].number_input("Injured", value=counts.get("injured"), step=1,
                                     key=f"edit-{cid}-injured")  # fmt: skip
                cols[1].number_input("Detained", value=counts.get("detained"), step=1,
                                     key=f"edit-{cid}-detained")  # fmt: skip
                fields += ["injured", "detained"]
        day_value = dt.date.fromisoformat(c["date"]) if c.get("date") else None
        cols[-2].date_input("Date", value=day_value, key=f"edit-{cid}-date", format="YYYY-MM-DD")
        cols[-1].selectbox("Certainty", CERTAINTIES, key=f"edit-{cid}-certainty",
                           index=_index(CERTAINTIES, c.get("certainty") or "reported"))  # fmt: skip
        fields += ["date", "certainty"]
        st.form_submit_button("Save and accept", type="primary", on_click=on_edit,
                              args=(store, c, tuple(fields)))  # fmt: skip


for group in queue.groups:
    with st.container(border=True):
        st.markdown(
            cmap.article_head_html(group.title or "(untitled)", group.published or dt.date.min,
                                   group.publisher, group.url or ""),
            unsafe_allow_html=True,
        )  # fmt: skip
        if group.places:
            st.caption("Places found: " + cmap.md_text(", ".join(group.places)))
        decided: dict[int, list[dict[str, Any]]] = {}
        if any(c["review_status"] != "pending" for c in group.candidates):
            for d in desk.decisions_of_article(store, group.id):
                decided.setdefault(d["candidate_id"], []).append(d)
        for c in group.candidates:
            cid = c["id"]
            st.markdown(f"{dd.candidate_summary(c)} · candidate {cid}")
            st.markdown(dd.match_tags_html(desk.match_labels(c)), unsafe_allow_html=True)
            text_col, act_col = st.columns([3, 2])
            start, end = (
                (c.get("evidence") or {}).get("start"),
                (c.get("evidence") or {}).get("end"),
            )
            support = [(s["start"], s["end"]) for s in c.get("support") or ()]
            text_col.markdown(dd.evidence_html(group.body, start, end, support=support),
                              unsafe_allow_html=True)  # fmt: skip
            if c["review_status"] != "pending":
                into = f" → record {cmap.md_text(c['record_id'])}" if c.get("record_id") else ""
                act_col.caption(f"**{cmap.md_text(c['review_status'])}**{into}")
                for line in dd.decision_lines(decided.get(cid, [])):
                    act_col.caption(cmap.md_text(line))
                continue
            with act_col:
                targets = [*c.get("matches", []), *c.get("disputes", [])]
                with st.form(f"decide-{cid}", border=False):
                    if targets:
                        st.selectbox("Merge into", targets, key=f"merge-{cid}")
                    b1, b2 = st.columns(2)
                    b1.form_submit_button("Accept", type="primary", on_click=on_accept,
                                          args=(store, c), key=f"accept-{cid}")  # fmt: skip
                    b2.form_submit_button("Merge", on_click=on_merge, args=(store, c),
                                          disabled=not targets, key=f"mergeb-{cid}")  # fmt: skip
                # A form of its own: Enter in the reason rejects, it never accepts.
                with st.form(f"reject-form-{cid}", border=False):
                    r1, r2 = st.columns([3, 1], vertical_alignment="bottom")
                    r1.text_input("Reason (to reject)", key=f"reason-{cid}")
                    r2.form_submit_button("Reject", on_click=on_reject, args=(store, c),
                                          key=f"reject-{cid}")  # fmt: skip
                with st.expander("Edit then accept"):
                    edit_form(c)
