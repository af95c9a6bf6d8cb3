# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled reader of the gazetteer index's rows (geo._indexfile, whose _PythonRows stays
as the pure-Python fallback and gives the same tuples: tested).

A row is read from the index file's columns (memory-mapped): its id, name and aliases decoded
from UTF-8, its kind, country, admin-1 unit, city and source taken from the header's tables
(shared strings), its point and population read as C numbers. About a tenth of the
instructions of unpickling a row, and only the bytes of the row are touched."""

from cpython.float cimport PyFloat_FromDouble
from cpython.long cimport PyLong_FromLongLong


cdef extern from "Python.h":
    object PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)


cdef class RowReader:
    """row(i): the tuple of row i, from the column sections (see geo._indexfile)."""

    cdef const double[:] lat, lon
    cdef const long long[:] pop
    cdef const int[:] codes
    cdef const unsigned char[:] id_text, name_text, alias_text
    cdef const long long[:] id_at, name_at, alias_at
    cdef tuple kinds, ccs, admin1s, cities, sources
    cdef Py_ssize_t count

    def __init__(self, lat, lon, pop, codes, texts, ats, tables):
        self.lat, self.lon, self.pop, self.codes = lat, lon, pop, codes
        self.id_text, self.name_text, self.alias_text = [t.cast("B") for t in texts]
        self.id_at, self.name_at, self.alias_at = ats
        self.kinds, self.ccs, self.admin1s, self.cities, self.sources = tables
        self.count = self.lat.shape[0]
        if not (
            self.lon.shape[0] == self.pop.shape[0] == self.count
            and self.codes.shape[0] == 5 * self.count
            and self.id_at.shape[0] == self.name_at.shape[0] == self.alias_at.shape[0]
            == self.count + 1
        ):
            raise ValueError("the index's columns differ in length")

    cdef object _text(self, const unsigned char[:] text, const long long[:] at, Py_ssize_t i):
        cdef long long a = at[i], b = at[i + 1]
        if not 0 <= a <= b <= text.shape[0]:
            raise ValueError(f"the index's text of row {i} is out of range")
        if a == b:
            return ""
        return PyUnicode_DecodeUTF8(<const char *> &text[a], b - a, "surrogatepass")

    cdef object _coded(self, tuple table, Py_ssize_t k):
        cdef int code = self.codes[k]
        if not 0 <= code < len(table):
            raise ValueError(f"the index's code {code} (row {k // 5}) is out of range")
        return table[code]

    def row(self, Py_ssize_t i):
        """The tuple of row i (an IndexError outside the rows)."""
        if not 0 <= i < self.count:
            raise IndexError(f"row {i} out of range")
        cdef Py_ssize_t k = 5 * i
        return (
            self._text(self.id_text, self.id_at, i),
            self._text(self.name_text, self.name_at, i),
            self._coded(self.kinds, k),
            PyFloat_FromDouble(self.lat[i]),
            PyFloat_FromDouble(self.lon[i]),
            self._coded(self.ccs, k + 1),
            self._coded(self.admin1s, k + 2),
            PyLong_FromLongLong(self.pop[i]),
            self._coded(self.cities, k + 3),
            self._text(self.alias_text, self.alias_at, i),
            self._coded(self.sources, k + 4),
        )
