"""Checking an uploaded file by its content before anything is stored. Pure Python: no Django.

The extension a user gives must agree with what the bytes are. Office documents are zip files, so
they are opened and their members read (with a cap) to refuse zip bombs: a small file that would
expand to a huge one.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MAX_ZIP_MEMBERS = 2_000
MAX_EXPANDED_BYTES = 200 * 1024 * 1024  # what an office document may expand to in all
MAX_RATIO = 100  # expanded size ÷ stored size; real documents are well under this

OFFICE = {
    "docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
OPEN_DOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
SIMPLE = {
    "pdf": (b"%PDF-", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
}
TEXT = {"csv": "text/csv", "txt": "text/plain"}
ALLOWED = sorted([*OFFICE, *OPEN_DOCUMENT, *SIMPLE, *TEXT])


class UploadRefused(ValueError):
    """The file was refused; the message says why in words a user can act on."""


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    size: int


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _size_words(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _expand_safely(archive: zipfile.ZipFile, stored_size: int) -> None:
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise UploadRefused(f"The file holds {len(members):,} parts, more than a document should; it was not stored.")
    limit = min(MAX_EXPANDED_BYTES, max(stored_size, 1) * MAX_RATIO)
    expanded = 0
    for member in members:
        # The sizes in a zip's directory can lie, so count the bytes as they are really expanded.
        with archive.open(member) as stream:
            while chunk := stream.read(64 * 1024):
                expanded += len(chunk)
                if expanded > limit:
                    raise UploadRefused(
                        "The file expands to far more than its size (it looks like a zip bomb), so it was not stored."
                    )


def _open_zip(data: bytes, extension: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.infolist()
        return archive
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise UploadRefused(f"The file is not a real .{extension} document: its content does not match.") from None


def _check_zip(data: bytes, extension: str) -> str:
    archive = _open_zip(data, extension)
    names = archive.namelist()
    try:
        if extension in OFFICE:
            folder, content_type = OFFICE[extension]
            matches = "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
        else:
            content_type = OPEN_DOCUMENT[extension]
            matches = (
                bool(names)
                and names[0] == "mimetype"
                and archive.read("mimetype").decode("ascii", "replace").strip() == content_type
            )
        if not matches:
            raise UploadRefused(f"The file is not a real .{extension} document: its content does not match.")
        _expand_safely(archive, len(data))
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, OSError):
        raise UploadRefused(f"The .{extension} file is damaged or encrypted, so it was not stored.") from None
    return content_type


def check_upload(filename: str, data: bytes, max_bytes: int) -> CheckedFile:
    """The file's type, judged by its content, or UploadRefused saying why it cannot be stored."""
    extension = extension_of(filename)
    if extension not in ALLOWED:
        raise UploadRefused(
            f"Files ending .{extension or '(none)'} cannot be uploaded. Upload one of: {', '.join(ALLOWED)}."
        )
    if not data:
        raise UploadRefused("The selected file is empty.")
    if len(data) > max_bytes:
        raise UploadRefused(f"The file is {_size_words(len(data))}; it must be smaller than {_size_words(max_bytes)}.")
    if extension in SIMPLE:
        magic, content_type = SIMPLE[extension]
        if not data.startswith(magic):
            raise UploadRefused(f"The file is not a real .{extension} file: its content does not match.")
    elif extension in TEXT:
        content_type = TEXT[extension]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UploadRefused(f"The .{extension} file is not UTF-8 text: its content does not match.") from None
        if "\x00" in text:
            raise UploadRefused(f"The .{extension} file is not text: its content does not match.")
    else:
        content_type = _check_zip(data, extension)
    return CheckedFile(extension, content_type, len(data))
