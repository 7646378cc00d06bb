"""Writes for what the programme office writes into its reports: the executive summary and the
recommendations (reports.models.ReportText)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from bluelight.core import history
from bluelight.core.history import Actor, StaleEdit
from bluelight.core.models import HistoryEntry
from bluelight.programmes.access import office_only
from bluelight.programmes.models import Programme
from bluelight.reports.models import ReportText


def texts_of(programme: Programme, document: str) -> dict[str, ReportText]:
    return {t.part: t for t in ReportText.objects.filter(programme=programme, document=document)}


@transaction.atomic
def report_text_save(*, actor: Actor, programme: Programme, document: str, part: str, text: str,
                     expected_version: int | None) -> ReportText | None:  # fmt: skip
    """The office's own text for a part of a report; blank goes back to the text Bluelight works out.
    `expected_version` is the version the form showed (None when it showed the worked-out text)."""
    office_only(actor, programme, "Only the programme office can change what its reports say.")
    text = text.strip().replace("\r\n", "\n")
    found = ReportText.objects.select_for_update().filter(programme=programme, document=document, part=part).first()
    if found is None:
        if not text:
            return None
        made = ReportText.objects.create(programme=programme, document=document, part=part, text=text,
                                         edited_by=actor.user)  # fmt: skip
        history.record(made, HistoryEntry.Action.CREATED, actor, {"text": [None, text]})
        return made
    if not text:
        history.record(found, HistoryEntry.Action.DELETED, actor, {"text": [found.text, None]},
                       note="Back to the text Bluelight works out")  # fmt: skip
        found.delete()
        return None
    if expected_version is None:  # the form showed the worked-out text, but someone has saved theirs since
        raise StaleEdit(found, 0)
    if text == found.text:
        return found
    before = found.text
    found.text, found.edited_by, found.edited_at = text, actor.user, timezone.now()
    history.save_versioned(found, expected_version, ["text", "edited_by", "edited_at"])
    history.record(found, HistoryEntry.Action.CHANGED, actor, {"text": [before, text]})
    return found
