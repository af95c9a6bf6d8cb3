# cython: language_level=3, boundscheck=False, wraparound=False
"""The store's rows read by column over SQLite's C API (what geo._placed's fallback makes of
``zip(*cursor.fetchall())``, without a tuple per row): each column as a list of the values
Python's sqlite3 module gives (int, float, str, bytes or None) and the set of SQLite types it
holds, so the caller need not look at every value's type again.

It also tells which columns may hold a text with spaces around it (str.strip would change
it), so the loaders strip only those.

``Reader(path)`` opens the database (never creating it) and begins one read transaction;
``columns(sql)`` runs a query in it; ``close()`` ends it. Errors are sqlite3.OperationalError,
as the sqlite3 module raises them."""

import sqlite3 as _sqlite

from cpython.bytes cimport PyBytes_FromStringAndSize
from cpython.float cimport PyFloat_FromDouble
from cpython.list cimport PyList_Append
from cpython.long cimport PyLong_FromLongLong
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport memcmp


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
    int sqlite3_column_type(sqlite3_stmt *stmt, int i)
    sqlite3_int64 sqlite3_column_int64(sqlite3_stmt *stmt, int i)
    double sqlite3_column_double(sqlite3_stmt *stmt, int i)
    const unsigned char *sqlite3_column_text(sqlite3_stmt *stmt, int i)
    const void *sqlite3_column_blob(sqlite3_stmt *stmt, int i)
    int sqlite3_column_bytes(sqlite3_stmt *stmt, int i)
    const char *sqlite3_errmsg(sqlite3 *db)
    void sqlite3_free(void *p)


cdef inline bint _edge(unsigned char c) noexcept:
    """Whether a text starting or ending with byte c may change under str.strip(): ASCII
    whitespace as Python sees it, or any byte of a non-ASCII character (checked by Python)."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31 or c >= 128


cdef class Reader:
    """One read transaction on a SQLite database file, read by column."""

    cdef sqlite3 *db

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

    def columns(self, str sql):
        """The query's result as (one list per column, each column's set of SQLite types:
        a bit mask of 1 << SQLITE_INTEGER, FLOAT, TEXT, BLOB, NULL, and for each column
        whether some text in it may have spaces around it)."""
        if self.db == NULL:
            raise _sqlite.ProgrammingError("Cannot operate on a closed database.")
        cdef bytes text = sql.encode("utf-8")
        cdef sqlite3_stmt *stmt = NULL
        if sqlite3_prepare_v2(self.db, text, len(text) + 1, &stmt, NULL) != SQLITE_OK:
            raise _sqlite.OperationalError(sqlite3_errmsg(self.db).decode("utf-8", "replace"))
        cdef int n = sqlite3_column_count(stmt), i, kind, rc
        if n > 256:
            sqlite3_finalize(stmt)
            raise _sqlite.ProgrammingError("at most 256 columns")
        cdef list out = [[] for _ in range(n)]
        cdef list kinds = [0] * n
        cdef int[256] seen
        cdef bint[256] padded
        cdef object value
        cdef list last = [None] * n  # each column's previous text: a repeat is the same object
        cdef const char *data
        cdef Py_ssize_t size
        for i in range(n):
            seen[i] = 0
            padded[i] = False
        try:
            while True:
                with nogil:
                    rc = sqlite3_step(stmt)
                if rc == SQLITE_DONE:
                    break
                if rc != SQLITE_ROW:
                    raise _sqlite.OperationalError(
                        sqlite3_errmsg(self.db).decode("utf-8", "replace"))
                for i in range(n):
                    kind = sqlite3_column_type(stmt, i)
                    seen[i] |= 1 << kind
                    if kind == SQLITE_TEXT:
                        data = <const char *>sqlite3_column_text(stmt, i)
                        size = sqlite3_column_bytes(stmt, i)
                        value = last[i]
                        if not (value is not None and PyUnicode_IS_ASCII(value)
                                and PyUnicode_GET_LENGTH(value) == size
                                and memcmp(PyUnicode_1BYTE_DATA(value), data, size) == 0):
                            value = PyUnicode_DecodeUTF8(data, size, NULL)
                            last[i] = value
                            if size and (_edge(data[0]) or _edge(data[size - 1])):
                                padded[i] = True
                    elif kind == SQLITE_INTEGER:
                        value = PyLong_FromLongLong(sqlite3_column_int64(stmt, i))
                    elif kind == SQLITE_FLOAT:
                        value = PyFloat_FromDouble(sqlite3_column_double(stmt, i))
                    elif kind == SQLITE_NULL:
                        value = None
                    else:
                        value = PyBytes_FromStringAndSize(
                            <const char *>sqlite3_column_blob(stmt, i),
                            sqlite3_column_bytes(stmt, i))
                    PyList_Append(<list>out[i], value)
        finally:
            sqlite3_finalize(stmt)
        cdef list spaced = [False] * n
        for i in range(n):
            kinds[i] = seen[i]
            spaced[i] = padded[i]
        return out, kinds, spaced

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
