# cython: language_level=3, boundscheck=False, wraparound=False
"""The compiled scan of an ASCII text for capitalised runs: what geo.geoparse._ASCII_RUN_SPLIT
finds (the regex stays for other texts and as the fallback; the same runs, tested on random
and real text), as the runs and their starts, without the strings of the gaps between them.

The regex, read as a scan (w: [0-9A-Z_a-z]; every capital that no run has taken starts one):

    run  = cap ( ("'s" blanks | blanks) (word | "of" blanks ["the" blanks] word) )*
    cap  = [A-Z] ( "." ([A-Z] ".")+  |  w* ( ['-] (not "s" + boundary) w+ )* )
    word = "No." [" "] digits  |  cap  |  facility word + boundary

Every repetition is greedy and possessive, each alternative is tried in this order, and what
follows a repetition never fails, so the first alternative that matches is the one taken."""

from libc.string cimport memcmp


cdef extern from "Python.h":
    const unsigned char *PyUnicode_1BYTE_DATA(object)
    bint PyUnicode_IS_ASCII(object)
    Py_ssize_t PyUnicode_GET_LENGTH(object)


cdef inline bint _w(unsigned char c) noexcept nogil:
    return (
        (b"a"[0] <= c <= b"z"[0]) or (b"A"[0] <= c <= b"Z"[0]) or (b"0"[0] <= c <= b"9"[0])
        or c == b"_"[0]
    )


cdef inline bint _upper(unsigned char c) noexcept nogil:
    return b"A"[0] <= c <= b"Z"[0]


cdef inline bint _digit(unsigned char c) noexcept nogil:
    return b"0"[0] <= c <= b"9"[0]


cdef inline bint _blank(unsigned char c) noexcept nogil:
    return c == b" "[0] or c == b"\t"[0]


cdef class RunScanner:
    """The runs of an ASCII text; words: the lower-case facility words (ASCII apostrophes)."""

    cdef list by_first  # first letter - "a" -> [the words starting with it (bytes), longest first]

    def __init__(self, words):
        self.by_first = [[] for _ in range(26)]
        for word in sorted(set(words), key=len, reverse=True):
            data = word.encode("ascii")
            if not (b"a"[0] <= data[0] <= b"z"[0]):
                raise ValueError(f"a facility word starts with a lower-case letter: {word!r}")
            self.by_first[data[0] - b"a"[0]].append(data)

    cdef Py_ssize_t _cap(self, const unsigned char *t, Py_ssize_t n, Py_ssize_t i) noexcept:
        """The end of the capitalised word at i (t[i] is a capital)."""
        cdef Py_ssize_t k = i + 1, m
        if k < n and t[k] == b"."[0]:  # initials: "U.S."
            m = k + 1
            while m + 1 < n and _upper(t[m]) and t[m + 1] == b"."[0]:
                m += 2
            if m > k + 1:
                return m
        while k < n and _w(t[k]):
            k += 1
        while k + 1 < n and (t[k] == b"'"[0] or t[k] == b"-"[0]) and _w(t[k + 1]):
            if t[k + 1] == b"s"[0] and (k + 2 >= n or not _w(t[k + 2])):
                break  # a possessive "'s" (or "-s") ends the word
            k += 1
            while k < n and _w(t[k]):
                k += 1
        return k

    cdef Py_ssize_t _word(self, const unsigned char *t, Py_ssize_t n, Py_ssize_t s) noexcept:
        """The end of a word of a run at s (a number, a capitalised word, a facility word),
        or -1."""
        cdef Py_ssize_t u, size
        cdef const unsigned char *w
        if s >= n:
            return -1
        if s + 2 < n and t[s] == b"N"[0] and t[s + 1] == b"o"[0] and t[s + 2] == b"."[0]:
            u = s + 3
            if u + 1 < n and t[u] == b" "[0] and _digit(t[u + 1]):
                u += 1
            if u < n and _digit(t[u]):
                while u < n and _digit(t[u]):
                    u += 1
                return u
        if _upper(t[s]):
            return self._cap(t, n, s)
        if b"a"[0] <= t[s] <= b"z"[0]:
            for word in <list> self.by_first[t[s] - b"a"[0]]:
                size = len(<bytes> word)
                w = <bytes> word
                if s + size <= n and memcmp(t + s, w, size) == 0 and (
                    s + size == n or not _w(t[s + size])
                ):
                    return s + size
        return -1

    cdef Py_ssize_t _run(self, const unsigned char *t, Py_ssize_t n, Py_ssize_t i) noexcept:
        """The end of the run that starts at the capital at i."""
        cdef Py_ssize_t end = self._cap(t, n, i), s, u, got
        while end < n:
            if (
                t[end] == b"'"[0] and end + 2 < n and t[end + 1] == b"s"[0]
                and _blank(t[end + 2])
            ):
                s = end + 2
            elif _blank(t[end]):
                s = end
            else:
                break
            while s < n and _blank(t[s]):
                s += 1
            got = self._word(t, n, s)
            if got < 0 and s + 2 < n and t[s] == b"o"[0] and t[s + 1] == b"f"[0] and _blank(
                t[s + 2]
            ):
                u = s + 2
                while u < n and _blank(t[u]):
                    u += 1
                if (
                    u + 3 < n and t[u] == b"t"[0] and t[u + 1] == b"h"[0]
                    and t[u + 2] == b"e"[0] and _blank(t[u + 3])
                ):
                    s = u + 3
                    while s < n and _blank(t[s]):
                        s += 1
                    got = self._word(t, n, s)
                if got < 0:
                    got = self._word(t, n, u)
            if got < 0:
                break
            end = got
        return end

    def runs(self, str text):
        """(runs, their starts) of an ASCII text, in order: the runs of
        _ASCII_RUN_SPLIT(text)[1::2] and where each starts."""
        return self._scan(text, None)

    def runs_and_gaps(self, str text, list connectors):
        """(runs, their starts, gaps): runs(text), and the indexes of the runs that one of
        the connectors (lower-case words, as bytes) follows, between single blanks, right
        before the next run ("Rio" in "Rio de Janeiro")."""
        return self._scan(text, connectors)

    cdef tuple _scan(self, str text, list connectors):
        cdef Py_ssize_t n, i = 0, end, size
        cdef const unsigned char *t
        cdef list runs = [], starts = [], gaps = []
        cdef bytes conn
        if not PyUnicode_IS_ASCII(text):
            raise ValueError("the compiled scan reads ASCII text only")
        n = PyUnicode_GET_LENGTH(text)
        t = PyUnicode_1BYTE_DATA(text)
        while i < n:
            if not _upper(t[i]):
                i += 1
                continue
            end = self._run(t, n, i)
            runs.append(text[i:end])
            starts.append(i)
            i = end
            if (
                connectors is not None and end + 3 < n and t[end] == b" "[0]
                and b"a"[0] <= t[end + 1] <= b"z"[0]
            ):
                # a lower-case word of at most five letters, a blank and a capital
                size = 1
                while size < 6 and end + 1 + size < n and b"a"[0] <= t[end + 1 + size] <= b"z"[0]:
                    size += 1
                if (
                    size < 6 and end + size + 2 < n and t[end + size + 1] == b" "[0]
                    and _upper(t[end + size + 2])
                ):
                    for conn in connectors:
                        if len(<bytes> conn) == size and memcmp(
                            t + end + 1, <const char *> conn, size
                        ) == 0:
                            gaps.append(len(runs) - 1)
                            break
        if connectors is None:
            return runs, starts
        return runs, starts, gaps
