"""Analyses run by the task worker (core.worker) outside any request, one shape for every evidence app.

A page starts an analysis (services.analysis_start): its files are kept, the Analysis is recorded as
waiting and `run_analysis` is enqueued in the same transaction. The worker that claims it marks it
running under its own id, reads the files, runs the kind's engine (engines.py) and keeps the result
with its method; progress goes to the cache, where every web server reads it. A refused file leaves a
failed analysis saying why, with no result and no file kept. A worker that stops beating has its
analysis failed by the next sweep.
"""

from __future__ import annotations

import traceback

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task as background_task

from bluelight.core import files, jobs, worker
from bluelight.evidence import engines
from bluelight.evidence.models import Analysis

BROKEN = "The analysis stopped because of an error in Bluelight. Nothing was kept; start it again."
LOST = ("The worker running this analysis stopped before it finished (it was stopped, or its machine went down). "
        "Nothing was kept: start it again.")  # fmt: skip


def _progress_key(analysis_id: int) -> str:
    return f"bluelight:analysis-progress:{analysis_id}"


def progress_of(analysis: Analysis) -> dict:
    """How far an analysis has got, as a percentage and its current step, from the cache."""
    return jobs.progress(analysis, _progress_key(analysis.pk), total=100)


def claim(analysis_id: int) -> Analysis | None:
    won = jobs.claim(Analysis, analysis_id)
    return Analysis.objects.select_related("programme").get(pk=analysis_id) if won else None


@background_task()
def run_analysis(analysis_id: int) -> str:
    found = claim(analysis_id)
    if found is None:
        return "not queued"
    return run(found).status


def enqueue(analysis: Analysis) -> Analysis:
    analysis.job = str(run_analysis.enqueue(analysis.pk).id)
    analysis.save(update_fields=["job"])
    return analysis


def _uploads(analysis: Analysis) -> list[tuple[str, bytes]]:
    read = []
    for kept in analysis.inputs["files"]:
        with files.open_file(kept["stored"]) as handle:
            read.append((kept["name"], handle.read()))
    return read


def run(analysis: Analysis) -> Analysis:
    """Run a claimed analysis to its end, done or failed."""
    key = _progress_key(analysis.pk)

    def progress(step: str, percent: int) -> None:
        worker.report(key, {"done": percent, "total": 100, "stage": step})

    inputs = analysis.inputs
    try:
        progress("Reading the files", 0)
        outcome = engines.engine_for(analysis.kind)(_uploads(analysis), inputs.get("parameters", {}), progress)
    except engines.Refused as refused:
        _forget_files(inputs)
        analysis.status, analysis.result = Analysis.Status.FAILED, {"ok": False, "problems": refused.problems}
        analysis.message = "The files were refused: nothing was kept."
    except FileNotFoundError:
        analysis.status, analysis.message = Analysis.Status.FAILED, "The uploaded files are no longer kept; upload them again."
        analysis.result = {"ok": False, "problems": [analysis.message]}
    except Exception:  # an analysis that breaks must say so on its page, not stay "running" for ever
        analysis.status, analysis.result = Analysis.Status.FAILED, {"ok": False, "problems": [BROKEN]}
        analysis.message = traceback.format_exc(limit=5)
    else:
        read = {f["name"]: f for f in outcome.files}
        inputs["files"] = [kept | read.get(kept["name"], {}) for kept in inputs["files"]]
        analysis.status, analysis.result, analysis.method = Analysis.Status.DONE, outcome.result, outcome.method
    analysis.inputs = inputs
    analysis.finished_at = timezone.now()
    analysis.save()
    cache.delete(key)
    return analysis


def _forget_files(inputs: dict) -> None:
    for kept in inputs.get("files", []):
        if kept.get("stored"):
            files.remove(kept["stored"])
            kept["stored"] = ""


def lost_analyses_fail(now=None) -> int:
    """Mark failed the running analyses whose worker has stopped beating. Returns how many."""
    return jobs.fail_lost(Analysis, LOST, now)
