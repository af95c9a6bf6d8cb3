# cython: language_level=3, boundscheck=False, wraparound=False
"""The store's rows read by column over SQLite's C API (what geo._placed's fallback makes of
``zip(*cursor.fetchall())``, without a tuple per row): each column as a list of the values
Python's sqlite3 module gives (int, float, str, bytes or None) and the set of SQLite types it
holds, so the caller need not look at every value's type again. It also tells which columns
may hold a text with spaces around it (str.strip would change it), so the loaders strip only
those.

A query is read in two steps: ``Reader.fetch`` steps through the rows without the GIL,
copying the values into C buffers, and ``Fetched.columns`` makes the Python values. So the
first step can run in a thread while the main thread imports pandas (``Prefetch``).

``Reader(path)`` opens the database (never creating it) and begins one read transaction;
``columns(sql)`` runs a query in it; ``close()`` ends it. Errors are sqlite3.OperationalError,
as the sqlite3 module raises them."""

import sqlite3 as _sqlite
import threading

from cpython.bytes cimport PyBytes_FromStringAndSize
from cpython.float cimport PyFloat_FromDouble
from cpython.list cimport PyList_Append
from cpython.long cimport PyLong_FromLongLong
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport int64_t, uint8_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcmp, memcpy


cdef extern from "Python.h":
    const unsigned char *PyUnicode_1BYTE_DATA(object)
    bint PyUnicode_IS_ASCII(object)
    Py_ssize_t PyUnicode_GET_LENGTH(object)


cdef extern from "sqlite3.h":
    ctypedef struct sqlite3
    ctypedef struct sqlite3_stmt
    ctypedef long long sqlite3_int64
    int SQLITE_OK, SQLITE_ROW, SQLITE_DONE, SQLITE_OPEN_READWRITE
    int SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
    int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs)
    int sqlite3_close_v2(sqlite3 *db)
    int sqlite3_busy_timeout(sqlite3 *db, int ms)
    int sqlite3_exec(sqlite3 *db, const char *sql, void *callback, void *arg, char **errmsg)
    int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int nbytes, sqlite3_stmt **stmt,
                           const char **tail)
    int sqlite3_step(sqlite3_stmt *stmt) nogil
    int sqlite3_finalize(sqlite3_stmt *stmt)
    int sqlite3_column_count(sqlite3_stmt *stmt)
    int sqlite3_column_type(sqlite3_stmt *stmt, int i) nogil
    sqlite3_int64 sqlite3_column_int64(sqlite3_stmt *stmt, int i) nogil
    double sqlite3_column_double(sqlite3_stmt *stmt, int i) nogil
    const unsigned char *sqlite3_column_text(sqlite3_stmt *stmt, int i) nogil
    const void *sqlite3_column_blob(sqlite3_stmt *stmt, int i) nogil
    int sqlite3_column_bytes(sqlite3_stmt *stmt, int i) nogil
    const char *sqlite3_errmsg(sqlite3 *db)
    void sqlite3_free(void *p)


cdef inline bint _edge(unsigned char c) noexcept nogil:
    """Whether a text starting or ending with byte c may change under str.strip(): ASCII
    whitespace as Python sees it, or any byte of a non-ASCII character (checked by Python)."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31 or c >= 128


# One column's values as fetched: each row's SQLite type, and an 8-byte slot holding the
# integer, the double's bits, or for a text or blob the end of its bytes in ``data`` (it
# starts where the previous text or blob of the column ended).
cdef struct Column:
    uint8_t *kinds
    int64_t *slots
    char *data
    Py_ssize_t size
    Py_ssize_t room
    int seen
    bint padded


cdef class Fetched:
    """One query's rows in C buffers, by column; ``columns()`` makes the Python values once."""

    cdef Column *cols
    cdef int n
    cdef Py_ssize_t rows
    cdef Py_ssize_t room
    cdef bint made

    def __cinit__(self, int n):
        self.n = n
        self.cols = <Column *>malloc(max(n, 1) * sizeof(Column))
        if self.cols == NULL:
            raise MemoryError()
        cdef int i
        for i in range(n):
            self.cols[i].kinds = NULL
            self.cols[i].slots = NULL
            self.cols[i].data = NULL
            self.cols[i].size = 0
            self.cols[i].room = 0
            self.cols[i].seen = 0
            self.cols[i].padded = False

    cdef void _release(self) noexcept:
        cdef int i
        if self.cols == NULL:
            return
        for i in range(self.n):
            free(self.cols[i].kinds)
            free(self.cols[i].slots)
            free(self.cols[i].data)
        free(self.cols)
        self.cols = NULL

    def __dealloc__(self):
        self._release()

    cdef bint _grow(self) noexcept nogil:
        """Room for more rows in every column; False when out of memory."""
        cdef Py_ssize_t room = self.room * 2 if self.room else 4096
        cdef int i
        cdef void *kinds
        cdef void *slots
        for i in range(self.n):
            kinds = realloc(self.cols[i].kinds, room * sizeof(uint8_t))
            if kinds == NULL:
                return False
            self.cols[i].kinds = <uint8_t *>kinds
            slots = realloc(self.cols[i].slots, room * sizeof(int64_t))
            if slots == NULL:
                return False
            self.cols[i].slots = <int64_t *>slots
        self.room = room
        return True

    cdef bint _keep(self, Column *col, const char *data, Py_ssize_t size) noexcept nogil:
        cdef Py_ssize_t room
        cdef void *grown
        if col.size + size > col.room:
            room = max(col.room * 2, col.size + size, 65536)
            grown = realloc(col.data, room)
            if grown == NULL:
                return False
            col.data = <char *>grown
            col.room = room
        if size:
            memcpy(col.data + col.size, data, size)
        col.size += size
        return True

    cdef int _step(self, sqlite3_stmt *stmt, int *cancel) noexcept nogil:
        """Every row into the buffers: SQLITE_DONE, an error code, or -1 (out of memory) or
        -2 (cancelled)."""
        cdef int rc, i, kind
        cdef Column *col
        cdef const char *data
        cdef Py_ssize_t size
        cdef double real
        while True:
            if cancel[0]:
                return -2
            rc = sqlite3_step(stmt)
            if rc != SQLITE_ROW:
                return rc
            if self.rows == self.room and not self._grow():
                return -1
            for i in range(self.n):
                col = &self.cols[i]
                kind = sqlite3_column_type(stmt, i)
                col.kinds[self.rows] = <uint8_t>kind
                col.seen |= 1 << kind
                if kind == SQLITE_INTEGER:
                    col.slots[self.rows] = sqlite3_column_int64(stmt, i)
                elif kind == SQLITE_FLOAT:
                    real = sqlite3_column_double(stmt, i)
                    memcpy(&col.slots[self.rows], &real, sizeof(double))
                elif kind == SQLITE_TEXT or kind == SQLITE_BLOB:
                    if kind == SQLITE_TEXT:
                        data = <const char *>sqlite3_column_text(stmt, i)
                    else:
                        data = <const char *>sqlite3_column_blob(stmt, i)
                    size = sqlite3_column_bytes(stmt, i)
                    if not self._keep(col, data, size):
                        return -1
                    col.slots[self.rows] = col.size
                    if kind == SQLITE_TEXT and size and (
                        _edge(data[0]) or _edge(data[size - 1])
                    ):
                        col.padded = True
                else:
                    col.slots[self.rows] = 0
            self.rows += 1

    def columns(self):
        """(one list per column, each column's set of SQLite types as a bit mask of
        1 << SQLITE_INTEGER, FLOAT, TEXT, BLOB, NULL, and for each column whether some text
        in it may have spaces around it); the buffers are freed."""
        if self.made:
            raise _sqlite.ProgrammingError("the rows were read already")
        cdef list out = []
        cdef list kinds = []
        cdef list padded = []
        cdef list values
        cdef Column *col
        cdef Py_ssize_t r, start, end
        cdef int i, kind
        cdef double real
        cdef object value, last
        for i in range(self.n):
            col = &self.cols[i]
            values = []
            last = None  # the column's previous text: a repeat is the same object
            start = 0
            for r in range(self.rows):
                kind = col.kinds[r]
                if kind == SQLITE_TEXT:
                    end = col.slots[r]
                    if not (last is not None and PyUnicode_IS_ASCII(last)
                            and PyUnicode_GET_LENGTH(last) == end - start
                            and memcmp(PyUnicode_1BYTE_DATA(last), col.data + start,
                                       end - start) == 0):
                        last = PyUnicode_DecodeUTF8(col.data + start, end - start, NULL)
                    value = last
                    start = end
                elif kind == SQLITE_INTEGER:
                    value = PyLong_FromLongLong(col.slots[r])
                elif kind == SQLITE_FLOAT:
                    memcpy(&real, &col.slots[r], sizeof(double))
                    value = PyFloat_FromDouble(real)
                elif kind == SQLITE_BLOB:
                    end = col.slots[r]
                    value = PyBytes_FromStringAndSize(col.data + start, end - start)
                    start = end
                else:
                    value = None
                PyList_Append(values, value)
            out.append(values)
            kinds.append(col.seen)
            padded.append(bool(col.padded))
            free(col.kinds)
            free(col.slots)
            free(col.data)
            col.kinds, col.slots, col.data = NULL, NULL, NULL
        self.made = True
        return out, kinds, padded


cdef class Reader:
    """One read transaction on a SQLite database file, read by column."""

    cdef sqlite3 *db
    cdef int cancel

    def __cinit__(self, path):
        cdef bytes name = str(path).encode("utf-8")
        cdef int rc = sqlite3_open_v2(name, &self.db, SQLITE_OPEN_READWRITE, NULL)
        if rc != SQLITE_OK:
            self._fail()
        sqlite3_busy_timeout(self.db, 60000)
        self._exec(b"BEGIN")

    cdef _fail(self):
        msg = "unable to open database file"
        if self.db != NULL:
            msg = sqlite3_errmsg(self.db).decode("utf-8", "replace")
            sqlite3_close_v2(self.db)
            self.db = NULL
        raise _sqlite.OperationalError(msg)

    cdef _exec(self, bytes sql):
        cdef char *err = NULL
        if sqlite3_exec(self.db, sql, NULL, NULL, &err) != SQLITE_OK:
            msg = err.decode("utf-8", "replace") if err != NULL else "error"
            sqlite3_free(err)
            raise _sqlite.OperationalError(msg)

    def fetch(self, str sql):
        """The query's rows in C buffers (Fetched); the rows are stepped without the GIL."""
        if self.db == NULL:
            raise _sqlite.ProgrammingError("Cannot operate on a closed database.")
        cdef bytes text = sql.encode("utf-8")
        cdef sqlite3_stmt *stmt = NULL
        if sqlite3_prepare_v2(self.db, text, len(text) + 1, &stmt, NULL) != SQLITE_OK:
            raise _sqlite.OperationalError(sqlite3_errmsg(self.db).decode("utf-8", "replace"))
        cdef int rc
        cdef Fetched got
        try:
            got = Fetched(sqlite3_column_count(stmt))
            with nogil:
                rc = got._step(stmt, &self.cancel)
        finally:
            sqlite3_finalize(stmt)
        if rc == -1:
            raise MemoryError()
        if rc == -2:
            raise _sqlite.OperationalError("cancelled")
        if rc != SQLITE_DONE:
            raise _sqlite.OperationalError(sqlite3_errmsg(self.db).decode("utf-8", "replace"))
        return got

    def columns(self, str sql):
        """The query's result (Fetched.columns)."""
        return self.fetch(sql).columns()

    def cancel_fetch(self):
        """Make a fetch running in another thread stop (it raises OperationalError)."""
        self.cancel = 1

    def close(self):
        """End the read transaction and close the database."""
        if self.db != NULL:
            sqlite3_exec(self.db, b"ROLLBACK", NULL, NULL, NULL)
            sqlite3_close_v2(self.db)
            self.db = NULL

    def __dealloc__(self):
        if self.db != NULL:
            sqlite3_close_v2(self.db)
            self.db = NULL


class Prefetch:
    """Queries fetched in a thread (their rows stepped without the GIL) while the caller does
    other work; then read like a Reader (``columns``), in the same read transaction. Any
    error in the thread only means nothing was fetched (``revision()`` is None)."""

    def __init__(self, path, queries):
        self._reader = None
        self._fetched = {}
        self._revision = None
        self._thread = threading.Thread(target=self._run, args=(path, list(queries)),
                                        name="store-prefetch", daemon=True)
        self._thread.start()

    def _run(self, path, queries):
        try:
            self._reader = Reader(path)
            found, _, _ = self._reader.columns(
                "SELECT value FROM store_meta WHERE key = 'revision'")
            for sql in queries:
                self._fetched[sql] = self._reader.fetch(sql)
            self._revision = found[0][0] if found[0] else None
        except (_sqlite.Error, MemoryError):
            self._revision = None

    def revision(self):
        """The store's revision the rows were fetched at (None: nothing fetched)."""
        self._thread.join()
        return self._revision

    def columns(self, str sql):
        self._thread.join()
        got = self._fetched.pop(sql, None)
        if got is not None:
            return got.columns()
        return self._reader.columns(sql)

    def close(self):
        """Stop the thread if it still runs, and end the transaction."""
        reader = self._reader
        if reader is not None:
            reader.cancel_fetch()
        self._thread.join()
        self._fetched.clear()
        if self._reader is not None:
            self._reader.close()
