"""Results kept by key and shared by the server's sessions, some of them worked out ahead.

A step of the dashboard sends the map the next day's layer, so that the map's own ▶ shows it
at once. Building that layer (the day's frames, then the layer's script) was half of a step's
server time, and it sat in the middle of the rerun the analyst waits for (issue 17). Now, when
a rerun is done, the layer of the day after is built in a background thread, and the next
step finds it ready.

``Memo.get`` gives a key's value: kept, being worked out (it waits for it, so nothing is worked
out twice), or worked out at once in the caller's thread. ``Memo.ahead`` starts the same work in
the background thread. The functions given are plain Python (no Streamlit call: Streamlit's
API is not for other threads), and a failure there is not kept: the caller that asks for the
key later works it out again and gets the error itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _background() -> ThreadPoolExecutor:
    """The one background thread (started on first use): work ahead is done one at a time,
    so it takes at most one core's share from the reruns."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisismap-ahead")
        return _pool


class Memo(Generic[T]):
    """The last ``size`` values by key, each worked out once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, Future[T]] = OrderedDict()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._entries

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``key``'s value; ``compute()`` runs here only when the key is neither kept nor
        being worked out."""
        with self._lock:
            future = self._entries.get(key)
            mine = future is None
            if future is None:
                future = self._entries[key] = Future()
                self._trim()
            else:
                self._entries.move_to_end(key)
        if mine:
            self._work(key, future, compute)
        return future.result()

    def ahead(self, key: Hashable, compute: Callable[[], T]) -> None:
        """Work ``key``'s value out in the background thread, unless it is kept already."""
        with self._lock:
            if key in self._entries:
                return
            future = self._entries[key] = Future()
            self._trim()
        _background().submit(self._work, key, future, compute)

    def _trim(self) -> None:
        # the oldest go (one being worked out still ends for whoever waits on it)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def _work(self, key: Hashable, future: Future[T], compute: Callable[[], T]) -> None:
        future.set_running_or_notify_cancel()
        try:
            value = compute()
        except BaseException as exc:  # handed to whoever waits, then forgotten
            with self._lock:
                if self._entries.get(key) is future:
                    del self._entries[key]
            future.set_exception(exc)
        else:
            future.set_result(value)


# What the map page keeps (dashboard/map_page.py runs as a script: its own globals last one run).
# FRAMES: the day shown, the next day (its layer is sent ahead) and the day after it (built
# ahead when a run is done), so the steps to them find their frames. A cumulative view at 100k
# events holds ~40 MB of frames; eight entries pushed the server well past 1 GB.
# DAY_LAYERS: the map's day layers (scripts) built lately; PANELS: the day panels (the feed
# and the national figures beside the map);
# COUNTS: each layer's counts under its switch (by the frames' key); NATIONAL: the whole
# force's totals beside the map's caption (national records have no point); NEWS: the places
# in the day's articles (from the store); FIGURES: the national figures as reported by a day
# (the same on every day until the next report).
FRAMES: Memo = Memo(size=3)
DAY_LAYERS: Memo = Memo(size=8)
PANELS: Memo = Memo(size=8)
COUNTS: Memo = Memo(size=3)
NATIONAL: Memo = Memo(size=8)
NEWS: Memo = Memo(size=8)
FIGURES: Memo = Memo(size=8)
