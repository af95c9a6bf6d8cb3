"""A throwaway PostgreSQL + PostGIS cluster for the store tests and the ingest benchmark.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user
(``runuser``); the data folder and the socket live in one temporary folder, the server
listens on a free loopback port, and ``pg_ctl stop -m fast`` ends it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("CRISISMAP_PG_BIN", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")


def missing() -> str | None:
    """Why a cluster cannot be started here, or None."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL is not installed ({PG_BIN / 'initdb'} is missing)"
    if not POSTGIS_CONTROL.exists():
        return "PostGIS is not installed (apt-get install postgresql-15-postgis-3)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def postgis_cluster(database: str = "crisismap") -> Iterator[str]:
    """Start a cluster, create a database with PostGIS, yield its SQLAlchemy URL, stop it."""
    root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="crisismap-pg-"))
    if root:
        shutil.chown(folder, "postgres", "postgres")

    def run(*cmd: str) -> None:
        full = ["runuser", "-u", "postgres", "--", *cmd] if root else list(cmd)
        subprocess.run(full, check=True, capture_output=True, cwd=folder)

    port = _free_port()
    data = folder / "data"
    run(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
        str(folder / "log"), "start")  # fmt: skip
    try:
        run(str(PG_BIN / "createdb"), "-h", str(folder), "-p", str(port), "-U", "postgres",
            database)  # fmt: skip
        run(str(PG_BIN / "psql"), "-h", str(folder), "-p", str(port), "-U", "postgres", "-d",
            database, "-c", "CREATE EXTENSION postgis")  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/{database}"
    finally:
        run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def create_database(url: str, name: str) -> str:
    """A new empty database with PostGIS on the cluster of ``url``; its URL."""
    import sqlalchemy as sa

    from geo.store import engine_url

    engine = sa.create_engine(engine_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    new = url.rsplit("/", 1)[0] + "/" + name
    engine = sa.create_engine(engine_url(new), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE EXTENSION postgis")
    engine.dispose()
    return new
