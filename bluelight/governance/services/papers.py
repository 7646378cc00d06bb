"""Writes for papers: business cases, reviews, closure reports, agreements and uploaded files."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from bluelight.core import files, history
from bluelight.core.history import Actor
from bluelight.core.services import validate
from bluelight.core.uploads import UploadRefused, check_upload
from bluelight.governance.models import (
    Document,
)
from bluelight.governance.services.common import DOCUMENT_FIELDS, check_workstream, created
from bluelight.programmes.models import Programme


def _check_document(document: Document) -> None:
    errors = {}
    if document.kind == Document.Kind.AGREEMENT and not document.agreement_type:
        errors["agreement_type"] = "Choose the kind of agreement: MoU, section 22A or information-sharing."
    if document.kind == Document.Kind.FILE and not document.has_file:
        errors["upload"] = "Select a file to upload."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def document_create(
    *, actor: Actor, programme: Programme, parties=(), upload: tuple[str, bytes] | None = None, **fields
) -> Document:
    """Add a paper. An uploaded file is checked by its content first; if anything is refused nothing is kept."""
    check_workstream(programme, fields.get("workstream"))
    document = Document(programme=programme, **fields)
    checked = None
    if upload is not None:
        filename, data = upload
        try:
            checked = check_upload(filename, data, settings.BLUELIGHT["UPLOAD_MAX_BYTES"])
        except UploadRefused as refusal:
            raise ValidationError({"upload": str(refusal)}) from None
        document.file_name = filename.replace("\\", "/").rsplit("/", 1)[-1][:255]
        document.content_type, document.size = checked.content_type, checked.size
        document.stored_name = "pending"
    validate(document, exclude=["stored_name"])
    _check_document(document)
    if checked is not None:
        document.stored_name, document.sha256 = files.store(upload[1], checked.extension)
    try:
        document.save()
        document.parties.set(parties)
        created(document, actor, DOCUMENT_FIELDS)
    except BaseException:
        if checked is not None:
            files.remove(document.stored_name)  # nothing is kept of a refused or failed upload
        raise
    return document


@transaction.atomic
def document_update(
    *, actor: Actor, document: Document, expected_version: int | None, parties=None, **values
) -> Document:
    """Change a paper's text. Its file cannot be replaced: upload a new paper, so what a board saw is kept."""
    check_workstream(document.programme, values.get("workstream"))
    if parties is not None:
        values["parties"] = parties
    history.update(document, actor, expected_version, values, DOCUMENT_FIELDS, check=validate)
    _check_document(document)
    return document
