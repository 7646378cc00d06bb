"""Where files are kept: uploaded papers, uploaded workbooks and generated exports, under generated names
(never the uploaded name), through Django's default storage (STORAGES["default"]).

The default is a folder on this machine (BLUELIGHT_FILES_DIR, else the data folder's `uploads`); any
S3-compatible store is a matter of configuration (docs/configuration.md), so that every web server and
worker sees the same files. Code that needs a file on disk (a workbook to read, an export being
written) works on a local copy and hands the result to the storage.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

# What Bluelight names a file: 32 hex digits and an extension. Anything else is not ours to open.
_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]{1,8}$")


def _checked(name: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise FileNotFoundError(name)
    return name


def new_name(extension: str) -> str:
    return f"{secrets.token_hex(16)}.{extension}"


def store(data: bytes, extension: str) -> tuple[str, str]:
    """Keep the bytes under a new random name; returns (stored name, SHA-256)."""
    name = default_storage.save(new_name(extension), ContentFile(data))
    return _checked(name), hashlib.sha256(data).hexdigest()


def store_from(path: Path, extension: str) -> str:
    """Keep a file written on this machine (an export) under a new random name."""
    with path.open("rb") as handle:
        return _checked(default_storage.save(new_name(extension), File(handle)))


def open_file(name: str):
    """The stored file, opened for reading; FileNotFoundError when it is not (or no longer) kept."""
    if not default_storage.exists(_checked(name)):
        raise FileNotFoundError(name)
    return default_storage.open(name, "rb")


def size(name: str) -> int:
    return default_storage.size(_checked(name))


def exists(name: str) -> bool:
    return bool(_NAME.fullmatch(name or "")) and default_storage.exists(name)


def remove(name: str) -> None:
    if exists(name):
        default_storage.delete(name)


def names() -> list[str]:
    """Every file kept, by stored name."""
    try:
        return sorted(n for n in default_storage.listdir("")[1] if _NAME.fullmatch(n))
    except FileNotFoundError:
        return []


@contextmanager
def local_copy(name: str) -> Iterator[Path]:
    """The stored file as a path on this machine: the file itself where the storage is a folder here,
    else a private temporary copy removed afterwards."""
    try:
        here = Path(default_storage.path(_checked(name)))
    except NotImplementedError:  # not a folder on this machine: S3 and the like
        here = None
    if here is not None:
        if not here.is_file():
            raise FileNotFoundError(name)
        yield here
        return
    with open_file(name) as source, tempfile.TemporaryDirectory(prefix="bluelight-") as folder:
        copy = Path(folder) / name
        with copy.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield copy
