"""Article files: a ``key: value`` header, a ``---`` line, then the body.

The lowest reader of the pipeline: the geoparser's CLI, the extraction stage and the data set
all read articles through it, so it imports nothing above errors.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataError, InputError


@dataclass(frozen=True)
class Article:
    """A dated brief: metadata, the records it supports, and its body text."""

    path: Path
    title: str
    date: dt.date
    publisher: str
    url: str
    records: tuple[str, ...]
    body: str

    @property
    def id(self) -> str:
        return self.path.stem


def read_article(path: Path, *, label: str | None = None) -> Article:
    """One article file: ``key: value`` header, a ``---`` line, the body."""
    label = label or file_label(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(label, None, None, f"is not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise DataError(label, None, None, f"cannot be read ({exc.strerror})") from None
    return parse_article(text, path=path, label=label)


def parse_article(text: str, *, path: Path, label: str) -> Article:
    """An article from its text; raises DataError naming the line of a bad header field."""
    lines = text.splitlines(keepends=True)
    meta: dict[str, tuple[str, int]] = {}
    body_start = None
    offset = 0
    for number, raw in enumerate(lines, start=1):
        offset += len(raw)
        line = raw.strip()
        if line == "---":
            body_start = offset
            break
        if not line:
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise DataError(label, number, None, "header line is not 'key: value'")
        meta[key.strip().lower()] = (value.strip(), number)
    if body_start is None:
        raise DataError(label, None, None, "has no '---' line between header and body")
    for key in ("title", "date", "publisher", "url"):
        if not meta.get(key, ("", 0))[0]:
            raise DataError(label, None, key, "is missing from the header")
    date_text, date_line = meta["date"]
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        raise DataError(label, date_line, "date", f"{date_text!r} is not YYYY-MM-DD") from None
    url, url_line = meta["url"]
    if not url.startswith(("http://", "https://")):
        raise DataError(label, url_line, "url", f"{url!r} is not an http(s) URL")
    records = tuple(r.strip() for r in meta.get("records", ("", 0))[0].split(",") if r.strip())
    return Article(
        path=path,
        title=meta["title"][0],
        date=day,
        publisher=meta["publisher"][0],
        url=url,
        records=records,
        body=text[body_start:].strip("\n"),
    )


def read_input_text(name: str, *, label: str | None = None) -> tuple[str, str]:
    """(label, text) of a FILE argument, "-" being standard input (read as bytes and decoded
    here: the locale's decoding would fail with a traceback or let bad bytes through); text
    that is not UTF-8 is decoded as decode_text does, with a one-line note on stderr naming
    the encoding; an InputError with one line when it cannot be read or is no text."""
    if name == "-":
        label, data = "-", sys.stdin.buffer.read()
        where = "standard input"
    else:
        label = where = label or name
        try:
            with open(name, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            msg = f"{label}: cannot be read ({exc.strerror})"
            raise InputError(msg) from None
    # bytes decoded at once, then text mode's newlines: what Path.read_text returns, in half
    # its time (its text layer cost 0.035 s of a geoparse run on 2,000 files)
    text, encoding = decode_text(data, where)
    if encoding is not None:
        print(f"note: {where}: not UTF-8: read as {encoding}", file=sys.stderr)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return label, text


# Legacy encodings an article may come in (saved pages and archives of the Russian-language
# press are often Windows-1251 or KOI8-R; PT154 and KZ-1048 are Kazakh), as charset-normalizer
# names them
_LEGACY_ENCODINGS = frozenset(
    """
    cp1251 koi8_r koi8_u mac_cyrillic cp866 cp1125 ptcp154 kz1048 iso8859_5 cp1252 cp1250 cp1254
    cp1257 cp850 latin_1 iso8859_2 iso8859_9 iso8859_15
    """.split()
)
# What a decoded article may hold: Latin and Cyrillic letters, digits, punctuation (a wrong
# guess gives CJK characters or Arabic presentation forms instead)
_OUR_SCRIPTS = re.compile(
    r"[\t\n\r\x20-\x7e\xa0-\u024f\u0400-\u052f\u2000-\u206f\u20ac\u2116\ufeff]"
)
# KZ-1048, the Kazakh code page, puts Kazakh letters where Windows-1251 has Serbian and
# Macedonian ones
_SERBIAN = re.compile("[ЂђЃѓЉљЊњЋћЌќЏџЈј]")
_KAZAKH = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһ]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")  # a word of a single-byte Cyrillic encoding


def _reads_as_text(text: str) -> bool:
    """Whether decoded text is what an article holds (see _OUR_SCRIPTS), 98 % of it."""
    return bool(text) and len(_OUR_SCRIPTS.findall(text)) >= 0.98 * len(text)


_LATIN_ENCODINGS = frozenset(
    "cp1250 cp1254 cp1257 cp850 latin_1 iso8859_2 iso8859_9 iso8859_15".split()
)


def _same_in_cp1252(data: bytes, text: str) -> bool:
    try:
        return data.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def _short_guess(data: bytes) -> str:
    """The encoding of text too short for charset-normalizer to tell: Cyrillic when most of
    its bytes above 127 come in runs (whole words), Windows-1251 when most of them are its
    lower-case letters (0xE0 and above: Russian text is mostly lower case), else KOI8-R
    (whose lower case is 0xC0-0xDF); Windows-1252 when they are single letters in Latin words
    ("café")."""
    high = [b for b in data if b > 127]
    in_runs = sum(len(m) for m in _HIGH_RUN.findall(data))
    if in_runs * 2 < len(high):
        return "cp1252"
    return "cp1251" if sum(b >= 0xE0 for b in high) * 2 >= len(high) else "koi8_r"


def decode_text(data: bytes, where: str) -> tuple[str, str | None]:
    """(text, None) of UTF-8 bytes (a byte-order mark kept, as Path.read_text keeps it), else
    (text, encoding): UTF-16 or UTF-32 with their mark, the legacy encoding charset-normalizer
    recognises in the text's language (Windows-1251, KOI8-R, ...), else for a text too short
    for that, _short_guess's; an InputError naming where the bytes came from when none of
    these reads them as Latin or Cyrillic text."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        error = f"{exc.reason} at byte {exc.start}"
    tries: list[str] = []
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        tries.append("utf_32" if data[:4] == b"\xff\xfe\x00\x00" else "utf_16")
    elif b"\x00" not in data:
        from charset_normalizer import from_bytes  # (only for input that is not UTF-8)

        found = from_bytes(data)
        tries += [m.encoding for m in found if m.coherence > 0 and m.encoding in _LEGACY_ENCODINGS]
        tries.append(_short_guess(data))
    for encoding in tries:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1251" and _SERBIAN.search(text):  # Kazakh letters, read as Windows-1251
            kazakh = data.decode("kz1048", errors="replace")
            if _KAZAKH.search(kazakh) and "\ufffd" not in kazakh:
                text, encoding = kazakh, "kz1048"
        if _reads_as_text(text):
            if encoding in _LATIN_ENCODINGS and _same_in_cp1252(data, text):
                encoding = "cp1252"  # (named as the one Western text most often comes in)
            return text, encoding
    msg = f"{where}: is neither UTF-8 text ({error}) nor Latin or Cyrillic text in another encoding"
    raise InputError(msg)


def looks_like_article(text: str) -> bool:
    """True when the text starts with a ``title:`` header and has a ``---`` line."""
    head = text.lstrip("\ufeff").lstrip()
    # (the first six characters lowered, not the whole text: a copy of every input as big as
    # it was 3.6 MB of memory, 900 page faults, in a geoparse run on 2,000 files)
    return head[:6].lower() == "title:" and "\n---" in head


def file_label(path: Path) -> str:
    """A file's name as errors show it: relative to the working folder where possible."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
