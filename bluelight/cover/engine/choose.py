"""Choosing stations: the maximal covering location problem (MCLP: the best k candidates to add to
the open stations, covering the most demand within the standard) and partial set covering (the
fewest candidates that bring a stated share of demand within the standard).

Church and ReVelle (1974) for the MCLP; Toregas et al. (1971) for set covering. Both are solved
exactly as mixed-integer programmes by HiGHS (scipy.optimize.milp) on a sparse model in which
incidents with the same set of covering candidates are one row, weighted by their demand. For large
cases `greedy` adds the candidate with the most new cover, then swaps while a swap gains, and states
its gap to the bound of the linear relaxation, which no answer can beat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp


@dataclass(frozen=True)
class Problem:
    """Rows are groups of incidents with the same covering candidates; columns are candidates."""

    cover: sparse.csr_matrix  # [group, candidate] 1 where the candidate covers the group
    weight: np.ndarray  # demand in each group
    already: float  # demand the open stations already cover


def problem(covers: np.ndarray, demand: np.ndarray, covered_already: np.ndarray) -> Problem:
    """From a [incident, candidate] boolean cover matrix, each incident's demand, and whether the
    open stations already cover it."""
    covers = np.asarray(covers, bool)
    demand = np.asarray(demand, float)
    already = float(demand[covered_already].sum())
    open_rows = ~np.asarray(covered_already, bool) & covers.any(axis=1)
    rows, inverse = np.unique(covers[open_rows], axis=0, return_inverse=True)
    weight = np.bincount(inverse.ravel(), weights=demand[open_rows], minlength=len(rows))
    return Problem(sparse.csr_matrix(rows.astype(float)), weight, already)


def _model(p: Problem, k: int, relax: bool):
    groups, candidates = p.cover.shape
    cost = np.concatenate([np.zeros(candidates), -p.weight])
    link = sparse.hstack([-p.cover, sparse.identity(groups)]).tocsr()  # y_g − Σ x_j ≤ 0
    choose = sparse.csr_matrix(np.concatenate([np.ones(candidates), np.zeros(groups)])[None, :])
    constraints = [LinearConstraint(link, -np.inf, 0), LinearConstraint(choose, k, k)]
    integrality = np.concatenate([np.zeros(candidates) if relax else np.ones(candidates), np.zeros(groups)])
    return cost, constraints, integrality, Bounds(0, 1)


@dataclass(frozen=True)
class Choice:
    chosen: list[int]  # candidate indexes
    covered: float  # demand covered, the open stations' included
    bound: float | None = None  # the linear relaxation's cover: no choice of k does better
    method: str = "exact"

    @property
    def gap(self) -> float | None:
        """How much more demand the best choice could at most cover (0 for an exact answer)."""
        return None if self.bound is None else max(self.bound - self.covered, 0.0)


def mclp_exact(p: Problem, k: int) -> Choice:
    candidates = p.cover.shape[1]
    k = min(k, candidates)
    cost, constraints, integrality, bounds = _model(p, k, relax=False)
    solved = milp(cost, constraints=constraints, integrality=integrality, bounds=bounds,
                  options={"mip_rel_gap": 0})  # fmt: skip
    if not solved.success:
        raise ValueError(f"the covering model could not be solved: {solved.message}")
    chosen = sorted(int(j) for j in np.flatnonzero(solved.x[:candidates] > 0.5))
    return Choice(chosen, p.already + covered_by(p, chosen), p.already - solved.fun, "exact")


def lp_bound(p: Problem, k: int) -> float:
    cost, constraints, integrality, bounds = _model(p, min(k, p.cover.shape[1]), relax=True)
    solved = milp(cost, constraints=constraints, integrality=integrality, bounds=bounds)
    return p.already - solved.fun


def covered_by(p: Problem, chosen) -> float:
    if not len(chosen):
        return 0.0
    hit = np.asarray(p.cover[:, list(chosen)].sum(axis=1)).ravel() > 0
    return float(p.weight[hit].sum())


def greedy(p: Problem, k: int, *, swaps: int = 50) -> Choice:
    """Add the candidate with the most new cover k times, then swap one chosen for one not chosen
    while that gains; the gap to the linear relaxation's bound is stated."""
    by_candidate = p.cover.T.tocsr()
    count = np.zeros(p.cover.shape[0])
    chosen: list[int] = []
    for _ in range(min(k, p.cover.shape[1])):
        gain = by_candidate @ (p.weight * (count == 0))
        gain[chosen] = -1
        best = int(np.argmax(gain))
        chosen.append(best)
        count += p.cover[:, best].toarray().ravel()
    for _ in range(swaps):
        improved = False
        for position, out in enumerate(list(chosen)):
            without = count - p.cover[:, out].toarray().ravel()
            loss = float(p.weight[(count > 0) & (without == 0)].sum())
            gain = by_candidate @ (p.weight * (without == 0))
            gain[chosen] = -1
            best = int(np.argmax(gain))
            if gain[best] > loss + 1e-9:
                chosen[position] = best
                count = without + p.cover[:, best].toarray().ravel()
                improved = True
        if not improved:
            break
    return Choice(sorted(chosen), p.already + covered_by(p, chosen), lp_bound(p, k), "greedy with swaps")


def fewest_for(p: Problem, share: float, total_demand: float) -> Choice:
    """The fewest candidates that bring at least `share` of all demand within the standard."""
    need = share * total_demand - p.already
    if need <= 1e-9:
        return Choice([], p.already, method="exact")
    if p.weight.sum() + 1e-9 < need:
        raise ValueError(f"even every candidate together brings only {(p.already + p.weight.sum()) / total_demand:.1%} "
                         f"of demand within the standard, short of {share:.0%}")  # fmt: skip
    groups, candidates = p.cover.shape
    cost = np.concatenate([np.ones(candidates), np.zeros(groups)])
    link = sparse.hstack([-p.cover, sparse.identity(groups)]).tocsr()
    reach = sparse.csr_matrix(np.concatenate([np.zeros(candidates), p.weight])[None, :])
    constraints = [LinearConstraint(link, -np.inf, 0), LinearConstraint(reach, need - 1e-9, np.inf)]
    integrality = np.concatenate([np.ones(candidates), np.zeros(groups)])
    solved = milp(cost, constraints=constraints, integrality=integrality, bounds=Bounds(0, 1), options={"mip_rel_gap": 0})
    chosen = sorted(int(j) for j in np.flatnonzero(solved.x[:candidates] > 0.5))
    return Choice(chosen, p.already + covered_by(p, chosen), method="exact")
