"""Throwaway databases for work run in another process (a backup, an import that is killed).

A database with the demo programme is made once per test session (migrated and loaded through
the `bluelight` command, as an operator would) and copied for each test: a file copy on SQLite,
CREATE DATABASE ... TEMPLATE on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings

from bluelight.core import checksums

ROOT = Path(__file__).resolve().parents[2]
BLUELIGHT = [str(Path(sys.executable).parent / "bluelight")]  # the installed command, as an operator runs it


def on_postgresql() -> bool:
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


def _server_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def _admin(sql: str) -> None:
    import psycopg

    url = urlparse(_server_url())
    with psycopg.connect(dbname="postgres", user=url.username, password=url.password, host=url.hostname,
                         port=url.port, autocommit=True) as connection:  # fmt: skip
        connection.execute(sql)


@dataclass
class Scratch:
    url: str
    data_dir: Path

    @property
    def env(self) -> dict:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("BLUELIGHT_", "DJANGO_", "DATABASE_"))}
        return {**clean, "BLUELIGHT_ENV": "test", "BLUELIGHT_DATA_DIR": str(self.data_dir), "DATABASE_URL": self.url,
                "BLUELIGHT_SECRET_KEY": "scratch-" + "x" * 50, "PYTHONPATH": str(ROOT)}  # fmt: skip

    @property
    def sqlite_path(self) -> Path:
        return Path("/" + urlparse(self.url).path.lstrip("/"))

    def run(self, *args, check=True, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([*BLUELIGHT, *args], cwd=ROOT, env=self.env, capture_output=True, text=True,
                              check=check, **kwargs)  # fmt: skip

    @contextlib.contextmanager
    def serving(self, workers: int = 2, env: dict | None = None):
        """`bluelight serve` (gunicorn) on a free loopback port, started as the load bench starts it;
        yields its address and stops it after. `env` stands for another machine (its own data folder)."""
        env = {**(env or self.env), "BLUELIGHT_SECURE_COOKIES": "0"}
        log = Path(env["BLUELIGHT_DATA_DIR"]) / "server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        server, url = _load_bench().serve(env, workers, log)
        try:
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)

    def checksums(self) -> dict:
        """Every table's row count and SHA-256, read as `restore --verify` reads them."""
        if not on_postgresql():
            # A plain open first: SQLite rolls back what a killed writer left in its journal.
            sqlite3.connect(self.sqlite_path).execute("SELECT count(*) FROM sqlite_master").fetchone()
            return checksums.sqlite_checksums(self.sqlite_path)
        import psycopg

        url = urlparse(self.url)
        with psycopg.connect(dbname=url.path.lstrip("/"), user=url.username, password=url.password,
                             host=url.hostname, port=url.port) as connection:  # fmt: skip
            return checksums.pg_checksums(connection)

    def wipe(self) -> None:
        """Everything gone: the database emptied to nothing and the uploaded files removed."""
        if on_postgresql():
            name = urlparse(self.url).path.lstrip("/")
            _admin(f'DROP DATABASE "{name}" WITH (FORCE)')
            _admin(f'CREATE DATABASE "{name}"')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(self.data_dir / "uploads", ignore_errors=True)


def _load_bench():
    spec = importlib.util.spec_from_file_location("web_load", ROOT / "bench" / "web_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_template(folder: Path) -> Scratch:
    if on_postgresql():
        name = f"bluelight_template_{uuid.uuid4().hex[:8]}"
        _admin(f'CREATE DATABASE "{name}"')
        template = Scratch(f"{_server_url()}/{name}", folder)
    else:
        template = Scratch(f"sqlite:///{folder / 'template.sqlite3'}", folder)
    template.run("migrate")
    template.run("load-demo")
    return template


def copy_of(template: Scratch, folder: Path) -> Scratch:
    folder.mkdir(parents=True, exist_ok=True)
    if on_postgresql():
        name = f"bluelight_scratch_{uuid.uuid4().hex[:8]}"
        _admin(f'CREATE DATABASE "{name}" TEMPLATE "{urlparse(template.url).path.lstrip("/")}"')
        return Scratch(f"{_server_url()}/{name}", folder)
    path = folder / "scratch.sqlite3"
    source, target = sqlite3.connect(template.sqlite_path), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return Scratch(f"sqlite:///{path}", folder)


def drop(scratch: Scratch) -> None:
    if on_postgresql():
        _admin(f'DROP DATABASE IF EXISTS "{urlparse(scratch.url).path.lstrip("/")}" WITH (FORCE)')
