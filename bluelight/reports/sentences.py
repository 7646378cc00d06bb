"""The annual report's executive summary, written from a PeriodComparison. Pure Python: no Django.

The sentences follow the shape of a hand-written collaboration report ("10 collaborative
workstreams are reported. Of these, 7 are rated Green and 3 are rated Amber."), so a scrutiny
board reads what it is used to, but every number and name comes from the records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from bluelight.core.scales import NOT_GRADED, Scale
from bluelight.status.rag import Movement, PeriodComparison

STAGE_PHRASES = {
    "closed": ("has been completed and closed", "have been completed and closed"),
    "paused": ("is paused", "are paused"),
    "business_as_usual": ("has moved to business as usual", "have moved to business as usual"),
}


def join_names(names: list[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _workstreams(n: int) -> str:
    return f"{n} collaborative workstream{'s' if n != 1 else ''}"


def _rating_phrase(code: str, n: int, scale: Scale) -> str:
    if code == NOT_GRADED:
        return f"{n} {'is' if n == 1 else 'are'} not graded"
    return f"{n} {'is' if n == 1 else 'are'} rated {scale.label(code)}"


def reported_paragraph(
    comparison: PeriodComparison, scale: Scale, titles: Mapping[str, str], previous_label: str | None
) -> list[str]:
    n = comparison.reported
    if n == 0:
        return ["No collaborative workstreams are reported for this period."]
    sentences = [f"{_workstreams(n)} {'is' if n == 1 else 'are'} reported."]
    phrases = [_rating_phrase(code, count, scale) for code, count in comparison.counts.items()]
    sentences.append(f"Of these, {join_names(phrases)}.")
    if previous_label is None:
        return sentences

    moves: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, change in comparison.changes.items():
        if change.moved:
            moves[(change.previous, change.current)].append(titles[key])
    for (before, after), names in moves.items():
        k = len(names)
        of_total = comparison.counts.get(after, 0)
        verb = "has" if k == 1 else "have"
        sentences.append(
            f"{k} of the {of_total} rated {scale.label(after)} {verb} moved from {scale.label(before)} "
            f"to {scale.label(after)} in this reporting period: {join_names(names)}."
        )
    first_graded = [titles[k] for k in comparison.moved(Movement.FIRST_GRADED)]
    if first_graded:
        sentences.append(
            f"{join_names(first_graded)} {'was' if len(first_graded) == 1 else 'were'} not graded in "
            f"{previous_label} and {'is' if len(first_graded) == 1 else 'are'} graded this period."
        )
    ungraded = [titles[k] for k in comparison.moved(Movement.NO_LONGER_GRADED)]
    if ungraded:
        sentences.append(
            f"{join_names(ungraded)} {'was' if len(ungraded) == 1 else 'were'} graded in {previous_label} "
            f"and {'is' if len(ungraded) == 1 else 'are'} not graded this period."
        )
    new = [titles[k] for k in comparison.moved(Movement.NEW)]
    if new:
        sentences.append(f"Reported for the first time: {join_names(new)}.")
    if not moves and not first_graded and not ungraded:
        sentences.append(f"No workstream has moved between ratings since {previous_label}.")
    return sentences


def previous_paragraph(
    comparison: PeriodComparison, titles: Mapping[str, str], previous_label: str | None
) -> list[str]:
    if previous_label is None or comparison.previously_reported is None:
        return ["This is the first reporting period recorded for the programme."]
    sentences = [
        f"At the previous time of reporting ({previous_label}), we reported on "
        f"{_workstreams(comparison.previously_reported)}."
    ]
    gone = comparison.no_longer_reported
    if not gone:
        sentences.append(f"Every workstream reported in {previous_label} is reported again.")
        return sentences
    names = [titles[item.key] for item in gone]
    sentences.append(f"Those that are no longer reported on are {join_names(names)}.")
    for item in gone:
        singular, _plural = STAGE_PHRASES.get(item.stage, ("is not reported this period", ""))
        reason = f": {item.reason.rstrip('.')}" if item.reason else ""
        sentences.append(f"{titles[item.key]} {singular}{reason}.")
    return sentences
