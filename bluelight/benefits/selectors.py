"""Reads for benefits: the summary against the target, the simulation, and what benefits give the
suggested rating and the annual report (the register as engine inputs is lines.py)."""

from __future__ import annotations

from copy import copy

import numpy as np

from bluelight.benefits.lines import Method, NotConfigured, benefit_lines, benefits_of, settings_of
from bluelight.benefits.models import WorkstreamCost
from bluelight.benefits.summary import Summary
from bluelight.benefits.valuation.profile import (
    BenefitLine,
)  # fmt: skip
from bluelight.benefits.valuation.simulation import SimulationResult, simulate
from bluelight.programmes.models import Programme
from bluelight.programmes.scope import Scope


def summary(programme: Programme, scope: Scope | None = None) -> Summary:
    """Totals of just the benefits and costs `scope` sees: a partner's dashboard never counts what it may not see."""
    scope = scope or Scope.everything()
    benefits = list(benefits_of(programme, scope))
    costs = list(scope.filter(WorkstreamCost.objects.filter(workstream__programme=programme)))
    return _summary_of(programme, settings_of(programme), benefits, costs)


def _summary_of(programme: Programme, settings, benefits: list, costs: list) -> Summary:
    method = Method.of(programme, settings)
    return Summary(
        programme, settings, benefit_lines(programme, benefits, method), benefits, costs, method.series.published
    )


def simulation(
    programme: Programme,
    draws: int,
    seed: int,
    distribution: str = "triangular",
    lines: list[BenefitLine] | None = None,
) -> SimulationResult:
    lines = benefit_lines(programme) if lines is None else lines
    years = sorted({y for line in lines for y in line.years})
    shape = (len(lines), len(years))
    low, central, high = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    for i, line in enumerate(lines):
        for j, year in enumerate(years):
            # A dis-benefit's "low" is its largest loss: order each triple so low <= central <= high.
            trio = sorted(float(line.value(year, case)) for case in ("low", "central", "high"))
            low[i, j], central[i, j], high[i, j] = trio
    return simulate(low, central, high, draws=draws, seed=seed, distribution=distribution)


def case_appraisal(workstream, year_0: int | None, scope: Scope) -> Summary | None:
    """A business case's workstream appraised from the case's own year 0 (the programme's where the case
    sets none). None before the programme has a benefits target, or when the workstream has no benefits."""
    programme = workstream.programme
    try:
        settings = copy(settings_of(programme))  # a copy, never saved: the case's year 0 is not the programme's
    except NotConfigured:
        return None
    if year_0 is not None:
        settings.appraisal_year = year_0
    benefits = list(benefits_of(programme, scope).filter(workstream=workstream))
    if not benefits:
        return None
    return _summary_of(programme, settings, benefits, list(scope.filter(WorkstreamCost.objects.filter(workstream=workstream))))


def report_section(programme: Programme, scope: Scope) -> Summary | None:
    """The annual report's benefits section (registered in BenefitsConfig.ready): None before the
    programme has a target."""
    try:
        return summary(programme, scope)
    except NotConfigured:
        return None
