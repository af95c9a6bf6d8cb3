# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled reader of the gazetteer index's rows (geo._indexfile, whose _PythonRows stays
as the pure-Python fallback and gives the same tuples: tested).

A row is read from the index file's columns (memory-mapped): its id, name and aliases decoded
from UTF-8, its kind, country, admin-1 unit, city and source taken from the header's tables
(shared strings), its point and population read as C numbers. About a tenth of the
instructions of unpickling a row, and only the bytes of the row are touched."""

from cpython.float cimport PyFloat_FromDouble
from cpython.long cimport PyLong_FromLongLong
from libc.math cimport log10
from libc.stdlib cimport free, malloc, qsort


cdef extern from "Python.h":
    object PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)


cdef packed struct Record:
    # the fixed-width head of a row (geo._indexfile._RECORD: 56 bytes, native byte order),
    # followed by its id, name and aliases in UTF-8
    double lat
    double lon
    long long pop
    int kind, cc, admin1, city, source
    int id_size, name_size, alias_size


cdef class RowReader:
    """row(i): the tuple of row i, from the index's rows section (see geo._indexfile)."""

    cdef const unsigned char[:] rows
    cdef const long long[:] at
    cdef readonly tuple kinds, ccs, admin1s, cities, sources
    cdef readonly Py_ssize_t count

    def __init__(self, rows, at, tables):
        self.rows, self.at = rows, at
        self.kinds, self.ccs, self.admin1s, self.cities, self.sources = tables
        if sizeof(Record) != 56:
            raise ValueError("a row's head is not 56 bytes")
        self.count = self.at.shape[0] - 1

    cdef const Record *record(self, Py_ssize_t i) except NULL:
        """The head of row i (0 <= i < count), checked to lie inside the section with its
        texts."""
        cdef long long a = self.at[i], b = self.at[i + 1]
        cdef const Record *r
        if not (0 <= a and a + 56 <= b <= self.rows.shape[0]):
            raise ValueError(f"the index's row {i} is out of range")
        r = <const Record *> &self.rows[a]
        if not (
            r.id_size >= 0 and r.name_size >= 0 and r.alias_size >= 0
            and a + 56 + <long long> r.id_size + r.name_size + r.alias_size <= b
        ):
            raise ValueError(f"the index's row {i} is damaged")
        return r

    cdef object _coded(self, tuple table, int code):
        if not 0 <= code < len(table):
            raise ValueError(f"the index's code {code} is out of range")
        return table[code]

    def row(self, Py_ssize_t i):
        """The tuple of row i (an IndexError outside the rows)."""
        if not 0 <= i < self.count:
            raise IndexError(f"row {i} out of range")
        cdef const Record *r = self.record(i)
        cdef const char *text = <const char *> r + 56
        return (
            PyUnicode_DecodeUTF8(text, r.id_size, "surrogatepass"),
            PyUnicode_DecodeUTF8(text + r.id_size, r.name_size, "surrogatepass"),
            self._coded(self.kinds, r.kind),
            PyFloat_FromDouble(r.lat),
            PyFloat_FromDouble(r.lon),
            self._coded(self.ccs, r.cc),
            self._coded(self.admin1s, r.admin1),
            PyLong_FromLongLong(r.pop),
            self._coded(self.cities, r.city),
            PyUnicode_DecodeUTF8(text + r.id_size + r.name_size, r.alias_size, "surrogatepass"),
            self._coded(self.sources, r.source),
        )


cdef struct _Scored:
    double score
    Py_ssize_t row
    bint own


cdef int _by_score(const void *a, const void *b) noexcept nogil:
    """Best first: the higher score, then the lower row (the order of geo.geoparse's sort)."""
    cdef const _Scored *x = <const _Scored *> a
    cdef const _Scored *y = <const _Scored *> b
    if x.score > y.score:
        return -1
    if x.score < y.score:
        return 1
    return -1 if x.row < y.row else (1 if x.row > y.row else 0)


cdef class NameFacts:
    """What geo.geoparse.Geoparser._name works out from a name's candidate codes (its pure-Python
    code is the reference; the same values, tested on every name of the gazetteer): the priors
    (score, row, own name) best first, and whether every sense is a small town abroad, whether
    every sense is a small place abroad (weak), whether the best sense is prone to be a
    person's name (title_prone), whether a unit named after it may choose (regional). Read
    from the columns, without building the rows."""

    cdef RowReader rows
    cdef double[::1] kind_bonus  # by kind code
    cdef int city, admin1, aoi
    cdef double aoi_bonus, alias_penalty, own_bonus
    cdef long long support_below, small_pop, person_max_pop

    def __init__(
        self, RowReader rows, str aoi, dict kind_bonus, double aoi_bonus, double alias_penalty,
        double own_bonus, long long support_below, long long small_pop, long long person_max_pop,
    ):
        self.rows = rows
        self.kind_bonus = array_of([float(kind_bonus.get(k, 0.0)) for k in rows.kinds])
        self.city = _code_of(rows.kinds, "city")
        self.admin1 = _code_of(rows.kinds, "admin1")
        self.aoi = _code_of(rows.ccs, aoi)
        self.aoi_bonus, self.alias_penalty, self.own_bonus = aoi_bonus, alias_penalty, own_bonus
        self.support_below, self.small_pop = support_below, small_pop
        self.person_max_pop = person_max_pop

    def of(self, tuple value):
        """(priors, small, weak, title_prone, regional) of a name's candidate codes (row, or
        ~row for an alias; at least one)."""
        cdef Py_ssize_t n = len(value), k, i
        cdef long long code, pop
        cdef int kind, cc
        cdef double score
        cdef const Record *r
        cdef bint small = True, weak = True, abroad, title_prone, regional
        cdef RowReader rows = self.rows
        if n == 0:
            raise ValueError("a name without candidates")
        cdef _Scored *scored = <_Scored *> malloc(n * sizeof(_Scored))
        if scored == NULL:
            raise MemoryError()
        try:
            for k in range(n):
                code = value[k]
                i = code if code >= 0 else ~code
                if not 0 <= i < rows.count:
                    raise IndexError(f"row {i} out of range")
                r = rows.record(i)
                kind, cc, pop = r.kind, r.cc, r.pop
                if pop + 10 <= 0 or pop > 9007199254740992:  # (math.log10's domain; exact)
                    raise ValueError(f"row {i}: population {pop}")
                if not 0 <= kind < self.kind_bonus.shape[0]:
                    raise ValueError(f"the index's code {kind} (row {i}) is out of range")
                score = log10(<double> (pop + 10)) + self.kind_bonus[kind]
                if cc == self.aoi:
                    score += self.aoi_bonus
                elif code < 0 and kind == self.admin1:
                    score -= self.alias_penalty
                if code >= 0:
                    score += self.own_bonus
                scored[k].score, scored[k].row, scored[k].own = score, i, code >= 0
                if not (kind == self.city and cc != self.aoi and pop < self.support_below):
                    small = False
                if not (kind == self.city and cc != self.aoi and pop < self.small_pop):
                    weak = False
            qsort(scored, n, sizeof(_Scored), _by_score)
            priors = [(scored[k].score, scored[k].row, scored[k].own) for k in range(n)]
            i = scored[0].row
            r = rows.record(i)
            kind, cc, pop = r.kind, r.cc, r.pop
            abroad = cc != self.aoi
            title_prone = abroad and (
                not scored[0].own or (kind == self.city and pop < self.person_max_pop)
            )
            regional = abroad and n > 1
        finally:
            free(scored)
        return priors, small, weak, title_prone, regional


cdef int _code_of(tuple table, str value):
    """The index of value in a table of the index's header, or -1."""
    try:
        return table.index(value)
    except ValueError:
        return -1


cdef double[::1] array_of(list values):
    from array import array

    return array("d", values) if values else array("d", [0.0])


def make_place(tuple row, type cls, tuple fields, dict precision, str sep):
    """The Place (cls) of a row as geo.gazetteer.Gazetteer._python_place builds it: its fields
    (named by fields) the row's, but the aliases split at sep into a tuple and the precision
    from precision (by id; 1 when not there); the instance dictionary filled at once, without
    the frozen dataclass's __init__ (the same object: tested)."""
    if len(fields) != 12 or len(row) != 11:
        raise ValueError("a place has 12 fields, a row 11")
    place = cls.__new__(cls)
    cdef dict d = place.__dict__
    cdef Py_ssize_t k
    for k in range(9):
        d[fields[k]] = row[k]
    aliases = row[9]
    d[fields[9]] = tuple(aliases.split(sep)) if aliases else ()
    d[fields[10]] = row[10]
    d[fields[11]] = precision.get(row[0], 1)
    return place


cdef object _UNSEEN = object()


cdef class NameCodes:
    """get(key, default): the candidate codes of a normalised name, from the index's trie and
    its int32 offsets and values, kept once read (geo._indexfile.Names's lookup in C; its
    _PythonNameCodes is the pure-Python path, the same tuples: tested)."""

    cdef object _trie_get
    cdef const int[:] _offsets, _values
    cdef dict _seen

    def __init__(self, trie, offsets, values):
        self._trie_get = trie.get
        self._offsets, self._values = offsets, values
        self._seen = {}
        if self._offsets.shape[0] < 1 or self._offsets[self._offsets.shape[0] - 1] > self._values.shape[0]:
            raise ValueError("the index's name values are shorter than their offsets")

    def get(self, key, default=None):
        """The candidate codes of a name (() for a name that is no place), else default."""
        cdef Py_ssize_t key_id, a, b, k
        value = self._seen.get(key, _UNSEEN)
        if value is _UNSEEN:
            found = self._trie_get(key)
            if found is None:
                value = None
            else:
                key_id = found
                if not 0 <= key_id < self._offsets.shape[0] - 1:
                    raise ValueError(f"the index's name {key_id} is out of range")
                a, b = self._offsets[key_id], self._offsets[key_id + 1]
                if not 0 <= a <= b <= self._values.shape[0]:
                    raise ValueError(f"the index's codes of name {key_id} are out of range")
                value = tuple([self._values[k] for k in range(a, b)])
            self._seen[key] = value
        return default if value is None else value
