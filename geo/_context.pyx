# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The compiled core of the geoparser's context resolution: the anchors of one text (its
names' clear winners) and what they say of each sense of a name (geo.geoparse._Anchors and
Geoparser._context_facts, which stay as the pure-Python fallback and give the same results
to the last bit: tested).

Built by `make setup` (Cython, then the C compiler) into geo/_context*.so; geo.geoparse uses
it when it imports. The anchor points sit in C arrays sorted by latitude, so a query is a
bisection and a scan of a band of doubles, not a walk over Python tuples. Distances are
_km's expression with CPython's own math.hypot algorithm (its vector_norm: an exact sum of
squares and a corrected square root), since the C library's hypot may differ in the last bit
and a distance is part of a memo key and of the evidence ("~12 km from Almaty")."""

from libc.math cimport cos, exp, fabs, frexp, ldexp, sqrt
from libc.stdlib cimport free, malloc, qsort

import builtins
import math

cdef double RAD = math.pi / 180.0  # geo.geoparse._RADIANS: the same double
cdef double NEAR_CUTOFF_KM = 500.0  # geo.geoparse._NEAR_CUTOFF_KM
cdef double EARTH_KM = 6371.0

cdef double KM_PER_DEGREE = 6371.0 * math.pi / 180.0  # geo.geoparse._KM_PER_DEGREE

# Row fields (geo.geoparse): id, name, kind, lat, lon, country, admin-1, population
cdef enum:
    _NAME = 1
    _KIND = 2
    _LAT = 3
    _LON = 4
    _CC = 5
    _ADMIN1 = 6

_NO_POINT = ("country", "demonym")  # kinds whose point is no context (geo.geoparse._NO_POINT)


cdef inline void _exact_product(double a, double b, double *hi, double *lo) noexcept nogil:
    """hi + lo == a * b exactly (Dekker's product with Veltkamp's split: no FMA needed)."""
    cdef double p = a * b
    cdef double c = 134217729.0 * a  # 2**27 + 1
    cdef double ah = c - (c - a)
    cdef double al = a - ah
    c = 134217729.0 * b
    cdef double bh = c - (c - b)
    cdef double bl = b - bh
    hi[0] = p
    lo[0] = ((ah * bh - p) + ah * bl + al * bh) + al * bl


cdef double _hypot(double x, double y) noexcept nogil:
    """math.hypot(x, y) of CPython 3.11 to the last bit (Modules/mathmodule.c, vector_norm) for
    finite x and y (distances between points on the globe)."""
    cdef double v[2]
    cdef double mx, scale, csum = 1.0, frac1 = 0.0, frac2 = 0.0, h, t, hi, lo, s
    cdef int e, i
    v[0] = fabs(x)
    v[1] = fabs(y)
    mx = v[0] if v[0] > v[1] else v[1]
    if mx == 0.0:
        return mx
    frexp(mx, &e)
    if e < -1023:  # subnormal: never for distances in km, kept for fidelity
        return 2.2250738585072014e-308 * _hypot(x / 2.2250738585072014e-308,
                                               y / 2.2250738585072014e-308)
    scale = ldexp(1.0, -e)
    for i in range(2):
        t = v[i] * scale
        _exact_product(t, t, &hi, &lo)
        s = csum + hi
        frac2 += (csum - s) + hi
        csum = s
        frac1 += lo
    h = sqrt(csum - 1.0 + (frac1 + frac2))
    _exact_product(-h, h, &hi, &lo)
    s = csum + hi
    frac2 += (csum - s) + hi
    csum = s
    frac1 += lo
    t = csum - 1.0 + (frac1 + frac2)
    h += t / (2.0 * h)
    return h / scale


def hypot(double x, double y):
    """The C function behind the distances, for the test that it is math.hypot's twin."""
    return _hypot(x, y)


cdef inline double _km(double lat, double lon, double la, double lo) noexcept nogil:
    """geo.geoparse._km(lat, lon, la, lo): the same operations in the same order."""
    return EARTH_KM * _hypot((lo - lon) * RAD * cos((lat + la) / 2 * RAD), (la - lat) * RAD)


cdef struct Point:
    double lat
    double lon
    int in_aoi  # its country is the area of interest
    int index  # in Anchors.points


cdef int _by_latitude(const void *a, const void *b) noexcept nogil:
    cdef double x = (<Point *> a).lat, y = (<Point *> b).lat
    return (x > y) - (x < y)


cdef class Anchors:
    """geo.geoparse._Anchors, compiled: admin1s, countries, aoi_admin1s, aoi_points, points;
    near(), nearest() and context_facts() (Geoparser._context_facts without the memo of
    spots)."""

    cdef public set admin1s, countries, aoi_admin1s
    cdef public bint aoi_points
    cdef public list points
    cdef str aoi
    cdef Point *sorted_points  # by latitude
    cdef Py_ssize_t n

    def __cinit__(self):
        self.sorted_points = NULL
        self.n = 0

    def __init__(self, rows, anchors, str aoi):
        cdef Py_ssize_t k
        cdef list points = []
        self.admin1s = set()
        self.countries = set()
        self.aoi_admin1s = set()
        self.aoi_points = False
        self.aoi = aoi
        for a in anchors:
            row = rows[a]
            admin1, cc = row[_ADMIN1], row[_CC]
            if admin1:
                self.admin1s.add(admin1)
            if cc:
                self.countries.add(cc)
                if cc == aoi and admin1:
                    self.aoi_admin1s.add(admin1)
            if row[_KIND] not in _NO_POINT:
                points.append((row[_LAT], row[_LON], row[_NAME], cc, row[_KIND]))
                if cc == aoi:
                    self.aoi_points = True
        self.points = points
        self.n = len(points)
        if not self.n:
            return
        self.sorted_points = <Point *> malloc(self.n * sizeof(Point))
        if self.sorted_points == NULL:
            raise MemoryError()
        for k in range(self.n):
            p = points[k]
            self.sorted_points[k].lat = p[0]
            self.sorted_points[k].lon = p[1]
            self.sorted_points[k].in_aoi = p[3] == aoi
            self.sorted_points[k].index = k
        qsort(self.sorted_points, self.n, sizeof(Point), _by_latitude)

    def __dealloc__(self):
        free(self.sorted_points)

    cdef Py_ssize_t _first_at(self, double lat) noexcept:
        """The first point (by latitude) at or above lat."""
        cdef Py_ssize_t lo = 0, hi = self.n, mid
        while lo < hi:
            mid = (lo + hi) >> 1
            if self.sorted_points[mid].lat < lat:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def near(self, double lat, double lon, double km):
        """(distance, name, country, kind) of the anchor points within km of a point, by _km
        (no wrap at the antimeridian, like _km); in no particular order."""
        cdef double dlat, dlon, edge, d
        cdef Point *p
        cdef Py_ssize_t k
        dlat = km / KM_PER_DEGREE + 0.01  # geo.geoparse._box
        edge = fabs(lat) + dlat / 2
        dlon = 360.0 if edge >= 89.0 else dlat / math.cos(math.radians(edge))
        out = []
        # (the band is a little wider than the box: the box test below decides, as in Python)
        for k in range(self._first_at(lat - dlat - 1e-6), self.n):
            p = &self.sorted_points[k]
            if p.lat - lat > dlat:
                break
            if -dlat <= p.lat - lat <= dlat and -dlon <= p.lon - lon <= dlon:
                d = _km(lat, lon, p.lat, p.lon)
                if d <= km:
                    _, _, nm, cc, kind = self.points[p.index]
                    out.append((d, nm, cc, kind))
        return out

    cdef tuple _nearest(self, double lat, double lon, double dlat, double dlon, bint *in_aoi):
        """The nearest anchor point within NEAR_CUTOFF_KM as (distance, name), or None; sets
        in_aoi when one within it is in the area of interest (see _Anchors.nearest)."""
        cdef double bound = NEAR_CUTOFF_KM, d, best_d = -1.0
        cdef Py_ssize_t k, best = -1
        cdef Point *p
        cdef bint aoi_found = False
        for k in range(self._first_at(lat - dlat - 1e-6), self.n):
            p = &self.sorted_points[k]
            if p.lat - lat > dlat:
                break
            if not (-dlat <= p.lat - lat <= dlat and -dlon <= p.lon - lon <= dlon):
                continue
            # hypot(x, y) >= |y|: a point this far in latitude alone is no nearer than the best
            # so far; skipped unless it may still be the first in the area of interest
            if EARTH_KM * fabs((p.lat - lat) * RAD) > bound and (aoi_found or not p.in_aoi):
                continue
            d = _km(lat, lon, p.lat, p.lon)
            if d <= NEAR_CUTOFF_KM:
                if p.in_aoi:
                    aoi_found = True
                if best < 0 or d < best_d:
                    best, best_d, bound = p.index, d, d
                elif d == best_d and self.points[p.index][2:] < self.points[best][2:]:
                    best = p.index  # a tie: the least (distance, name, country, kind)
        in_aoi[0] = aoi_found
        if best < 0:
            return None
        return (best_d, self.points[best][2])

    def nearest(self, double lat, double lon, double dlat, double dlon, str aoi):
        """As geo.geoparse._Anchors.nearest (aoi: the one the anchors were built for)."""
        cdef bint in_aoi = False
        if aoi != self.aoi:
            msg = f"anchors built for {self.aoi!r}, asked about {aoi!r}"
            raise ValueError(msg)
        found = self._nearest(lat, lon, dlat, dlon, &in_aoi)
        return found, in_aoi

    def context_facts(self, tuple spots):
        """Geoparser._context_facts for a name's spots (its senses' admin-1 unit, country,
        point and box): per sense (same country, same admin-1 unit, nearest anchor), or None
        when no anchor bears on the name."""
        cdef str aoi = self.aoi
        cdef set admin1s = self.admin1s, countries = self.countries
        cdef set aoi_admin1s = self.aoi_admin1s
        cdef bint has_points = self.n > 0, bears = False, aoi_bears = False
        cdef bint same_admin1, same_country, in_aoi
        cdef list facts = []
        cdef list countries_of = []
        for admin1, cc, lat, lon, dlat, dlon in spots:
            same_admin1 = bool(admin1) and admin1 in admin1s
            if admin1 and admin1 in aoi_admin1s:
                aoi_bears = True
            nearest = None
            if has_points:
                in_aoi = False
                nearest = self._nearest(lat, lon, dlat, dlon, &in_aoi)
                if in_aoi:
                    aoi_bears = True
            same_country = bool(cc) and cc != aoi and cc in countries
            if same_admin1 or same_country or nearest is not None:
                bears = True
            facts.append((same_country, same_admin1, nearest))
            countries_of.append(cc)
        if not bears:
            return None
        if aoi_bears and aoi in countries:  # an anchor in the area of interest bears on it
            return tuple([
                (f[0] or cc == aoi, f[1], f[2]) for f, cc in zip(facts, countries_of)
            ])
        return tuple(facts)


_sum = builtins.sum  # (Python's own summation, whatever its version: not a C loop)


cdef struct _Rescored:
    double score
    Py_ssize_t row


cdef int _best_first(const void *a, const void *b) noexcept nogil:
    """The higher score first, then the lower row (geo.geoparse's key (-score, row))."""
    cdef const _Rescored *x = <const _Rescored *> a
    cdef const _Rescored *y = <const _Rescored *> b
    if x.score > y.score:
        return -1
    if x.score < y.score:
        return 1
    return -1 if x.row < y.row else (1 if x.row > y.row else 0)


def best_sense(
    list cands, facts, double country_bonus, double admin1_bonus, double near_bonus,
    double near_km, Py_ssize_t max_senses,
):
    """(row, confidence) of the sense whose score leads among a name's best max_senses
    candidates (cands: its priors (score, row, own), best first), rescored by what context
    says of each (facts: (same country, same admin-1 unit, nearest anchor (distance, name) or
    None) per sense; None: no context): what geo.geoparse.Geoparser._sense_in and _sense
    give without evidence (the same values to the last bit: tested). The confidence is
    1 / the sum of exp(score - best score), summed by Python's sum as there."""
    cdef Py_ssize_t n = min(len(cands), max_senses), k
    cdef double score, top
    if n == 0:
        raise ValueError("a name without candidates")
    if facts is not None and len(facts) != n:
        raise ValueError("one fact per sense")
    cdef _Rescored *rescored = <_Rescored *> malloc(n * sizeof(_Rescored))
    if rescored == NULL:
        raise MemoryError()
    try:
        for k in range(n):
            cand = cands[k]
            score = cand[0]
            if facts is not None:
                same_country, same_admin1, nearest = facts[k]
                if same_country:
                    score += country_bonus
                if same_admin1:
                    score += admin1_bonus
                if nearest is not None:
                    score += near_bonus * exp(-(<double> nearest[0]) / near_km)
            rescored[k].score, rescored[k].row = score, cand[1]
        qsort(rescored, n, sizeof(_Rescored), _best_first)
        top = rescored[0].score
        total = _sum([exp(rescored[k].score - top) for k in range(n)])
        return rescored[0].row, 1.0 / total
    finally:
        free(rescored)
