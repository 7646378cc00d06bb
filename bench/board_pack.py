"""Benchmark: the board pack for a small and a large risk register and action log.

Uses the portfolio of bench/dashboard_report.py (its largest programme and a small one), gives
each a board with two meetings, and RISKS risks (each reviewed once between the meetings) and
ACTIONS actions, then times building the pack, rendering it as HTML and as PDF, with the SQL query
count. Building the pack should take the same number of queries however many risks there are.

    .venv/bin/python bench/board_pack.py [--risks 500] [--actions 500]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard_report import build, measure, setup  # noqa: E402 -- after the path is set


def add_governance(programme, risks: int, actions: int):
    from bluelight.core.history import Actor
    from bluelight.governance import services
    from bluelight.governance.models import Action, Risk, RiskReview

    actor = Actor.system()
    board = services.board_create(actor=actor, programmes=[programme], name=f"Board {programme.slug}",
                                  key=f"board-{programme.slug}")  # fmt: skip
    first = services.meeting_create(actor=actor, board=board, programme=programme, held_on=datetime.date(2025, 1, 16))
    second = services.meeting_create(actor=actor, board=board, programme=programme, held_on=datetime.date(2025, 3, 20))
    made = Risk.objects.bulk_create(
        [
            Risk(programme=programme, number=n + 1, title=f"Risk {n + 1}", cause="c", event="e", effect="f",
                 owner="o", inherent_likelihood=5, inherent_impact=5, residual_likelihood=1 + n % 5,
                 residual_impact=1 + (n // 5) % 5)
            for n in range(risks)
        ],
        batch_size=1000,
    )  # fmt: skip
    RiskReview.objects.bulk_create(
        [
            RiskReview(risk=r, reviewed_on=day, inherent_likelihood=5, inherent_impact=5, residual_likelihood=lk,
                       residual_impact=r.residual_impact, status="open")
            for r in made
            for day, lk in ((datetime.date(2025, 1, 2), max(1, r.residual_likelihood - 1)),
                            (datetime.date(2025, 2, 1), r.residual_likelihood))
        ],
        batch_size=2000,
    )  # fmt: skip
    today = datetime.date.today()
    Action.objects.bulk_create(
        [
            Action(programme=programme, number=n + 1, meeting=first, description=f"Action {n + 1}", owner="o",
                   due_on=today + datetime.timedelta(days=n % 60 - 30), status="done" if n % 4 == 0 else "open",
                   completed_on=today if n % 4 == 0 else None)
            for n in range(actions)
        ],
        batch_size=1000,
    )  # fmt: skip
    for n in range(10):
        services.agenda_item_add(actor=actor, meeting=second, title=f"Item {n + 1}")
    return second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=500)
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from bluelight.governance.pack import build_pack, render_pdf, render_standalone_html

    created, _admin = build(programmes=4, workstreams=400, periods=4)
    (large, _, large_size), (small, _, small_size) = created[0], created[1]
    cases = [
        (small, small_size, max(1, args.risks // 50), max(1, args.actions // 50)),
        (large, large_size, args.risks, args.actions),
    ]
    print(
        f"{'workstreams':>11} {'risks':>6} {'actions':>8} {'build ms':>9} {'queries':>8} {'html ms':>8} {'pdf ms':>8}"
    )
    rows = []
    for programme, size, risks, actions in cases:
        meeting = add_governance(programme, risks, actions)
        build_time, queries = measure(lambda meeting=meeting: build_pack(meeting), args.repeats)
        pack = build_pack(meeting)
        html_time, _ = measure(lambda pack=pack: render_standalone_html(pack), args.repeats)
        pdf_time, _ = measure(lambda pack=pack: render_pdf(pack), 1)
        rows.append((risks, build_time, queries))
        print(f"{size:>11} {risks:>6} {actions:>8} {build_time * 1000:>9.1f} {queries:>8} {html_time * 1000:>8.1f} "
              f"{pdf_time * 1000:>8.1f}")  # fmt: skip
    (s_risks, s_time, s_queries), (l_risks, l_time, l_queries) = rows
    print(f"ratio large/small: {l_risks / s_risks:.0f}x risks -> build {l_time / s_time:.1f}x time; "
          f"queries {s_queries}->{l_queries}")  # fmt: skip
    if l_queries != s_queries:
        print("QUERY COUNT GREW WITH THE NUMBER OF RISKS", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
