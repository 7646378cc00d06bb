"""How a sheet's columns follow from the model fields they hold: the cell parser, whether the cell must
be filled, and how records of a sheet are found and scoped to the programme being imported."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from bluelight.exchange import cells
from bluelight.exchange.schema import Value
from bluelight.governance.models import (
    Board,
    BoardMember,
)

SHARES = {"optimism_bias", "deadweight", "attribution", "share"}


def _parser(field: models.Field):
    if field.choices:
        return cells.choice([(str(code), str(label)) for code, label in field.choices])
    if isinstance(field, models.BooleanField):
        return cells.yes_no
    if isinstance(field, models.DateTimeField):
        return cells.date_time
    if isinstance(field, models.DateField):
        return cells.date
    if isinstance(field, models.DecimalField):
        return cells.share if field.name in SHARES else cells.number(field.decimal_places)
    if isinstance(field, (models.IntegerField, models.PositiveIntegerField)):
        return cells.whole_number
    if isinstance(field, models.SlugField):
        return cells.key
    return cells.text


def fields(model, *pairs, **overrides) -> list[Value]:
    """Columns for (header, attribute) pairs, typed and required as the model field is. A blank cell
    of a field with a default takes the default (a workbook without a Marking column is OFFICIAL)."""
    columns = []
    for header, attr in pairs:
        field = model._meta.get_field(attr)
        required = not field.blank and not field.null and not field.has_default()
        empty = "" if isinstance(field, (models.CharField, models.TextField)) and not field.null else None
        if field.has_default() and not field.null:
            empty = field.get_default()
        parse = overrides.get(attr, _parser(field))
        columns.append(Value(header, attr, parse, required, show=getattr(parse, "show", None), blank=empty))
    return columns


def numbered(header: str, prefix: str) -> Value:
    return Value(
        header, "number", cells.reference_number(prefix), True, show=lambda number: f"{prefix}{number}"
    )  # fmt: skip


def _scoped(model, path: str, *related):
    """Existing records of the programme reached through `path` (nothing when the programme is new)."""

    def records(programme, keys):
        if programme is None:
            return model.objects.none()
        return model.objects.filter(**{path: programme}).select_related(*related)

    return records


def _set_programme(record, programme):
    record.programme = programme


def _link_board(board, programme):
    board.programmes.add(programme)


def _boards(programme, keys):
    wanted = Q(key__in=[k[0] for k in keys])
    if programme is not None:
        wanted |= Q(programmes=programme)
    return Board.objects.filter(wanted).distinct()


def _members(programme, keys):
    wanted = Q(board__key__in=[k[0] for k in keys])
    if programme is not None:
        wanted |= Q(board__programmes=programme)
    return BoardMember.objects.filter(wanted).distinct().select_related("board", "organisation")


def _decision_meeting(decision, programme):
    decision.meeting = decision.agenda_item.meeting


MEETING = ("Board", "Meeting date")

