"""Consistent online backups, and restores checked against the backup's own manifest.

A backup is one .tar.gz holding `manifest.json`, the database (a copy made with SQLite's backup
API, or `pg_dump --format=custom` of one exported snapshot) and the uploaded files. The manifest
has the row count and SHA-256 of every table, read from that same snapshot, and the SHA-256 of
every file, so `restore --verify` can prove the restored data is the data that was backed up.
A backup restores into the engine it came from; move between engines with the workbook export.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connections

from bluelight.core import versions
from bluelight.core.checksums import (
    current_checksums,
    database_settings,
    engine,
    pg_checksums,
    pg_connect,
    pg_environment,
    sqlite_checksums,
)

FORMAT = 1


MANIFEST = "manifest.json"


SQLITE_FILE = "database.sqlite3"


PG_FILE = "database.pgdump"


SKIPPED_UPLOADS = ("progress",)  # a running task's progress, not data


class RestoreRefused(Exception):
    """The restore was not started: nothing was changed."""


@dataclass
class Verification:
    tables: int = 0
    rows: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _uploads() -> Path:
    return Path(settings.BLUELIGHT["UPLOAD_DIR"])


def _upload_files() -> list[Path]:
    root = _uploads()
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] not in SKIPPED_UPLOADS
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def backup(out: Path, progress=None) -> dict:
    """Write the backup archive to `out`; returns its manifest."""
    out = Path(out)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if engine() == "sqlite":
            database = work / SQLITE_FILE
            source, copy = sqlite3.connect(database_settings()["NAME"]), sqlite3.connect(database)
            try:
                source.backup(copy)  # one consistent copy, taken while others may be writing
            finally:
                copy.close()
                source.close()
            tables = sqlite_checksums(database, progress)
        else:
            database = work / PG_FILE
            with pg_connect() as connection:
                # The dump and the checksums read the same exported snapshot: what the manifest
                # describes is exactly what the dump holds, however busy the database is.
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
                subprocess.run(
                    ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                     f"--file={database}"],
                    env=pg_environment(), check=True, capture_output=True,
                )  # fmt: skip
                tables = pg_checksums(connection, progress)
        files = {str(p.relative_to(_uploads())): _sha256(p) for p in _upload_files()}
        manifest = {
            "format": FORMAT,
            "engine": engine(),
            "made_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": database.name,
            "tables": tables,
            "files": files,
        }
        partial = out.with_name(out.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(database, arcname=database.name)
            for name in files:
                archive.add(_uploads() / name, arcname=f"uploads/{name}")
        partial.replace(out)  # a reader never sees half an archive
    return manifest


def read_manifest(path: Path) -> dict:
    try:
        with tarfile.open(path, "r:*") as archive:
            return json.load(archive.extractfile(MANIFEST))
    except (tarfile.TarError, KeyError, OSError, ValueError) as error:
        raise RestoreRefused(f"{path} is not a Bluelight backup ({error}).") from None


def _sqlite_tables(path: Path) -> int:
    if not path.exists() or path.stat().st_size == 0:
        return 0
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    finally:
        db.close()


def _pg_tables() -> int:
    with pg_connect() as connection:
        return connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


def _empty_target(replace: bool) -> None:
    if engine() == "sqlite":
        path = Path(database_settings()["NAME"])
        if _sqlite_tables(path) and not replace:
            raise RestoreRefused(
                f"The database {path} is not empty. Restore into a new database file (set DATABASE_URL), "
                "or add --replace to remove what is there first."
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    tables = _pg_tables()
    if tables and not replace:
        raise RestoreRefused(
            f"The database {database_settings()['NAME']} is not empty ({tables} tables). Restore into a new, empty "
            "database (createdb), or add --replace to drop what is there first."
        )
    if tables:
        with pg_connect() as connection:
            connection.execute("DROP SCHEMA public CASCADE")
            connection.execute("CREATE SCHEMA public")


def restore(path: Path, *, verify: bool = True, replace: bool = False, progress=None) -> Verification:
    """Restore the backup at `path` into the (empty) configured database and upload folder."""
    path = Path(path)
    manifest = read_manifest(path)
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(f"{path} is a backup of format {manifest.get('format')}; this Bluelight reads {FORMAT}.")
    if manifest["engine"] != engine():
        raise RestoreRefused(
            f"{path} is a backup of a {manifest['engine']} database, but DATABASE_URL points at {engine()}. "
            "Restore it into the same kind of database (use the workbook export to move between them)."
        )
    _empty_target(replace)
    connections.close_all()
    with tempfile.TemporaryDirectory() as folder, tarfile.open(path, "r:*") as archive:
        archive.extractall(folder, filter="data")
        database = Path(folder) / manifest["database"]
        if engine() == "sqlite":
            source, target = sqlite3.connect(database), sqlite3.connect(database_settings()["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            subprocess.run(
                ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={database_settings()['NAME']}",
                 str(database)],
                env=pg_environment(), check=True, capture_output=True,
            )  # fmt: skip
        uploads = Path(folder) / "uploads"
        if uploads.is_dir():
            shutil.copytree(uploads, _uploads(), dirs_exist_ok=True)
    versions.changed()  # what was cached before the restore describes other data
    return verify_against(manifest, progress) if verify else Verification()


def verify_against(manifest: dict, progress=None) -> Verification:
    result = Verification()
    now = current_checksums(progress)
    for table, expected in sorted(manifest["tables"].items()):
        found = now.get(table)
        result.tables += 1
        result.rows += expected["rows"]
        if found is None:
            result.problems.append(f"Table {table} is missing.")
        elif found["rows"] != expected["rows"]:
            result.problems.append(f"Table {table} has {found['rows']} rows; the backup had {expected['rows']}.")
        elif found["sha256"] != expected["sha256"]:
            result.problems.append(f"Table {table} has {found['rows']} rows as the backup had, but different data.")
    for table in sorted(set(now) - set(manifest["tables"])):
        result.problems.append(f"Table {table} is not in the backup.")
    for name, expected in sorted(manifest["files"].items()):
        result.files += 1
        file = _uploads() / name
        if not file.is_file():
            result.problems.append(f"Uploaded file {name} is missing.")
        elif _sha256(file) != expected:
            result.problems.append(f"Uploaded file {name} differs from the backup.")
    return result
