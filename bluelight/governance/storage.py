"""Where uploaded papers are kept: a folder of files with generated names (never the uploaded name)."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from django.conf import settings


def upload_dir() -> Path:
    return Path(settings.BLUELIGHT["UPLOAD_DIR"])


def store(data: bytes, extension: str) -> tuple[str, str]:
    """Write the bytes under a new random name; returns (stored name, SHA-256)."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{secrets.token_hex(16)}.{extension}"
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return name, hashlib.sha256(data).hexdigest()


def path_of(stored_name: str) -> Path:
    path = (upload_dir() / stored_name).resolve()
    if path.parent != upload_dir().resolve():
        raise FileNotFoundError(stored_name)
    return path


def remove(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)


def reserve(extension: str) -> tuple[str, Path]:
    """A new random name (and its path) for a file something is about to write, such as an export."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{secrets.token_hex(16)}.{extension}"
    os.close(os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return name, folder / name
