"""Row counts and checksums of every table, on SQLite or PostgreSQL, in a canonical form that is the
same on either, so a backup can be verified against the database it was restored into.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from django.conf import settings


def database_settings() -> dict:
    return settings.DATABASES["default"]


def engine() -> str:
    return "postgresql" if "postgresql" in database_settings()["ENGINE"] else "sqlite"


def _canonical(value) -> str:
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, default=str)
    return repr(value)


def _digest(cursor, table: str, order: list[str], quote) -> dict:
    # Table and column names come from the database catalogue itself, quoted.
    cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {', '.join(quote(c) for c in order)}")  # noqa: S608
    digest, rows = hashlib.sha256(), 0
    while batch := cursor.fetchmany(2000):
        for row in batch:
            digest.update("\x1f".join(_canonical(v) for v in row).encode() + b"\x1e")
            rows += 1
    return {"rows": rows, "sha256": digest.hexdigest()}


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_checksums(path: Path, progress=None) -> dict[str, dict]:
    """Every table's row count and checksum, read with the plain sqlite3 module (no type conversion)."""
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        cursor = db.cursor()
        tables = [r[0] for r in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )]  # fmt: skip
        result = {}
        for number, table in enumerate(tables, start=1):
            columns = cursor.execute(f"PRAGMA table_info({_sqlite_quote(table)})").fetchall()
            keys = [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]] or [c[1] for c in columns]
            result[table] = _digest(cursor, table, keys, _sqlite_quote)
            if progress:
                progress(number, len(tables), f"Checked {table}")
        return result
    finally:
        db.close()


def pg_connect():
    import psycopg

    db = database_settings()
    return psycopg.connect(
        dbname=db["NAME"], user=db["USER"] or None, password=db["PASSWORD"] or None,
        host=db["HOST"] or None, port=db["PORT"] or None,
    )  # fmt: skip


def pg_environment() -> dict:
    db = database_settings()
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if db[key]:
            env[variable] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _pg_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def pg_checksums(connection, progress=None) -> dict[str, dict]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [r[0] for r in cursor.fetchall()]
        result = {}
        for number, table in enumerate(tables, start=1):
            cursor.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY a.attnum",
                [_pg_quote(table)],
            )
            keys = [r[0] for r in cursor.fetchall()]
            if not keys:
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = %s ORDER BY ordinal_position",
                    [table],
                )
                keys = [r[0] for r in cursor.fetchall()]
            result[table] = _digest(cursor, table, keys, _pg_quote)
            if progress:
                progress(number, len(tables), f"Checked {table}")
        return result


def current_checksums(progress=None) -> dict[str, dict]:
    """The live database's tables, as `restore --verify` and the tests compare them."""
    if engine() == "sqlite":
        return sqlite_checksums(Path(database_settings()["NAME"]), progress)
    with pg_connect() as connection:
        return pg_checksums(connection, progress)
