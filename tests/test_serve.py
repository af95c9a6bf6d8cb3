"""The dashboard server on its own: it listens on this machine only and asks no one anything.

The server runs with a ``sitecustomize`` that writes down every host name resolved and every
address connected to that is not this machine (issue 18.4: Streamlit looked up its external IP
at checkip.amazonaws.com on every start, and listened on all interfaces).
"""

from __future__ import annotations

import os
from pathlib import Path

from dashboard.serve import running_app
from dashboard.synthetic import write_dataset

PROBE = """
import os, socket

_LOG = os.environ["CRISISMAP_NET_PROBE"]
_HERE = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "", "None"}


def _outside(host):
    host = str(host)
    return host not in _HERE and not host.startswith("127.") and not host.startswith("/")


def _note(what):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(what + "\\n")


_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host, *args, **kwargs):
    if _outside(host):
        _note(f"resolve {host}")
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = getaddrinfo
for _name in ("connect", "connect_ex"):
    _real = getattr(socket.socket, _name)

    def _wrapped(self, address, _real=_real):
        if isinstance(address, tuple) and _outside(address[0]):
            _note(f"connect {address[0]}")
        return _real(self, address)

    setattr(socket.socket, _name, _wrapped)
"""


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port`` (Linux /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        lines = Path(table).read_text().splitlines()[1:] if Path(table).exists() else []
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1, as /proc shows


def test_the_server_listens_on_this_machine_only_and_makes_no_outside_request(tmp_path: Path):
    probe_dir = tmp_path / "probe"
    probe_dir.mkdir()
    (probe_dir / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    log = tmp_path / "outside.log"
    log.touch()
    env = {
        "PYTHONPATH": str(probe_dir),
        "CRISISMAP_NET_PROBE": str(log),
        "CRISISMAP_DATA_DIR": str(write_dataset(tmp_path / "data", n_events=20)),
        "CRISISMAP_CACHE_DIR": os.environ.get("CRISISMAP_CACHE_DIR", str(tmp_path / "cache")),
    }
    with (tmp_path / "streamlit.log").open("w") as out, running_app(env, log=out) as (url, _):
        port = int(url.rsplit(":", 1)[1])
        listening = _listening_addresses(port)
    assert log.read_text(encoding="utf-8") == ""
    assert listening and listening <= LOOPBACK, listening
    assert "External URL" not in (tmp_path / "streamlit.log").read_text(encoding="utf-8")
