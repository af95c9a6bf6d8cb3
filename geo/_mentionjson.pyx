# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled writer of `geoparse --format json` (geo.cli.geoparse_json_parts, which stays as
the pure-Python fallback and gives the same text: tested).

The Python writer joins a string per mention and encodes the whole at the end; most of its
time went to building those strings. This one copies the encoded pieces of each mention (its
text's line, its place's fields, its confidence and status lines, each encoded once per
distinct value) and its offsets, written as C integers, into one C buffer per file."""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.long cimport PyLong_AsLongLongAndOverflow
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy

from json.encoder import encode_basestring as _string  # the C function the encoder uses


cdef class _Buffer:
    """A growing C buffer of bytes, taken out as one bytes object per file."""

    cdef char *data
    cdef Py_ssize_t size, cap

    def __cinit__(self):
        self.cap = 1 << 16
        self.size = 0
        self.data = <char *> malloc(self.cap)
        if self.data == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.data)

    cdef int add(self, const char *s, Py_ssize_t n) except -1:
        cdef Py_ssize_t cap = self.cap
        cdef char *grown
        if self.size + n > cap:
            while self.size + n > cap:
                cap *= 2
            grown = <char *> realloc(self.data, cap)
            if grown == NULL:
                raise MemoryError()
            self.data, self.cap = grown, cap
        memcpy(self.data + self.size, s, n)
        self.size += n
        return 0

    cdef inline int add_bytes(self, bytes b) except -1:
        return self.add(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b))

    cdef int add_int(self, object value) except -1:
        """str(value) of an int (of anything else too, through str)."""
        cdef char digits[24]
        cdef int k = 24
        cdef long long v
        cdef unsigned long long u
        cdef int overflow = 0
        if type(value) is not int:
            return self.add_bytes(str(value).encode("ascii"))
        v = PyLong_AsLongLongAndOverflow(value, &overflow)  # (no Python comparisons)
        if overflow:
            return self.add_bytes(str(value).encode("ascii"))
        u = (0ULL - <unsigned long long> v) if v < 0 else <unsigned long long> v
        while True:
            k -= 1
            digits[k] = <char> (48 + u % 10)
            u //= 10
            if u == 0:
                break
        if v < 0:
            k -= 1
            digits[k] = b"-"
        return self.add(digits + k, 24 - k)

    cdef bytes take(self):
        out = PyBytes_FromStringAndSize(self.data, self.size)
        self.size = 0
        return out


cdef str _value(object v):
    """What the JSON encoder writes for a place's field, or None for a value it writes
    otherwise (the caller then asks the encoder)."""
    cdef double d
    if v is None:
        return "null"
    if type(v) is str:
        return _string(v)
    if type(v) is float:
        d = v
        if d - d == 0.0:  # finite (inf - inf and nan - nan are nan)
            return float.__repr__(v)
    return None


cdef str _fields_of(object place):
    """The encoded fields of a place (geo.cli._place_fields without the encoder), or None
    when one of its values is not a string, a finite float or None."""
    cdef str name, kind, lat, lon, cc, admin1
    if place is None:
        return (
            '"name": null,\n    "kind": null,\n    "lat": null,\n    "lon": null,\n    '
            '"country_code": null,\n    "admin1": null'
        )
    name, kind = _value(place.name), _value(place.kind)
    lat, lon = _value(place.lat), _value(place.lon)
    cc, admin1 = _value(place.country_code), _value(place.admin1 or None)
    if name is None or kind is None or lat is None or lon is None or cc is None or admin1 is None:
        return None
    return (
        f'"name": {name},\n    "kind": {kind},\n    "lat": {lat},\n    "lon": {lon},\n    '
        f'"country_code": {cc},\n    "admin1": {admin1}'
    )


def place_fields(place):
    """_fields_of, for the test that it is the encoder's."""
    return _fields_of(place)


def mention_json_parts(found, place_fields, str errors="strict"):
    """geo.cli.geoparse_json_parts(found) encoded in UTF-8 (with errors), one bytes object
    per file (found: any iterable, read once). A place's fields are written once per
    distinct place; place_fields(mention) gives those of a place with a value other than a
    string, a finite float or None."""
    cdef dict places = {}  # id() of a Place -> the Place and its fields
    cdef dict scores = {}  # confidence -> (status, its confidence and status lines)
    cdef dict texts = {}  # a mention's text -> its line and the start of the next
    cdef _Buffer out = _Buffer()
    cdef bint first_file = True, first
    cdef bytes head, fields
    cdef tuple score
    for label, mentions in found:
        out.add_bytes(b"[\n " if first_file else b",\n ")
        first_file = False
        out.add_bytes(b'{\n  "file": ')
        out.add_bytes(_string(label).encode("utf-8", errors))
        out.add_bytes(b',\n  "mentions": ')
        first = True
        for m in mentions:
            if not isinstance(m, tuple):
                raise TypeError(f"a Mention (a tuple), not {type(m).__name__}")
            text, start, end, status, place, confidence = (<tuple> m)[:6]
            head = texts.get(text)
            if head is None:
                head = f'{{\n    "text": {_string(text)},\n    "start": '.encode("utf-8", errors)
                texts[text] = head
            out.add_bytes(b"[\n   " if first else b",\n   ")
            first = False
            out.add_bytes(head)
            out.add_int(start)
            out.add_bytes(b',\n    "end": ')
            out.add_int(end)
            # (not the place id: 34 admin-1 ids name two rows each)
            known = places.get(id(place))
            if known is None:
                encoded = _fields_of(place)
                if encoded is None:
                    encoded = place_fields(m)
                fields = f",\n    {encoded},\n    ".encode("utf-8", errors)
                places[id(place)] = (place, fields)  # (holding it: its id() stays its own)
            else:
                fields = (<tuple> known)[1]
            out.add_bytes(fields)
            score = scores.get(confidence)
            if score is None or score[0] != status:
                score = scores[confidence] = (
                    status,
                    (
                        f'"confidence": {float(round(confidence, 3))!r},\n'
                        f'    "status": {_string(status)}\n   }}'
                    ).encode("utf-8", errors),
                )
            out.add_bytes(score[1])
        out.add_bytes(b"[]\n }" if first else b"\n  ]\n }")
        yield out.take()
    yield b"[]" if first_file else b"\n]"
