"""The plan over time as SVG: a lane a workstream across the programme's financial years, its
milestones marked by shape as well as colour (achieved, due, overdue), today a dashed line. Pure
Python, no Django; shown beside a table of the same milestones, as every chart is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape

ACHIEVED, DUE, OVERDUE = "achieved", "due", "overdue"
WORDS = {ACHIEVED: "Achieved", DUE: "Due", OVERDUE: "Overdue"}


@dataclass(frozen=True)
class Mark:
    on: datetime.date
    text: str
    state: str  # achieved, due or overdue


@dataclass(frozen=True)
class Lane:
    label: str
    stage: str
    start: datetime.date | None  # the bar, when the workstream has a span to show
    end: datetime.date | None
    marks: list[Mark] = field(default_factory=list)


def _shape(state: str, x: float, y: float) -> str:
    if state == ACHIEVED:  # a filled circle
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#00703c"/>'
    if state == OVERDUE:  # a diamond
        return (f'<polygon points="{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}" '
                'fill="#d4351c"/>')  # fmt: skip
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="#ffffff" stroke="#1d70b8" stroke-width="2.5"/>'


def _short(text: str, most: int = 34) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def timeline_svg(lanes: list[Lane], first: datetime.date, last: datetime.date, today: datetime.date, title: str,
                 width: int = 900) -> str:  # fmt: skip
    """Lanes from `first` to `last` (the cycle's first and last days); years start in April."""
    label_w, right, top, lane_h, key_h = 240, 20, 34, 28, 40
    plot_w = width - label_w - right
    height = top + lane_h * len(lanes) + key_h
    span = max(1, (last - first).days)

    def x(day: datetime.date) -> float:
        return label_w + plot_w * min(max((day - first).days, 0), span) / span

    counts = {state: sum(1 for lane in lanes for m in lane.marks if m.state == state) for state in WORDS}
    description = (f"{len(lanes)} workstreams from {first:%-d %B %Y} to {last:%-d %B %Y}; milestones: "
                   + ", ".join(f"{counts[s]} {WORDS[s].lower()}" for s in WORDS) + f"; today is {today:%-d %B %Y}.")  # fmt: skip
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="timeline-title timeline-desc" class="bl-chart" font-family="Arial, sans-serif" font-size="12">',
        f'<title id="timeline-title">{escape(title)}</title><desc id="timeline-desc">{escape(description)}</desc>',
    ]
    years = list(range(first.year, last.year + (1 if last.month >= 4 else 0)))
    for year in years:
        start = max(first, datetime.date(year, 4, 1))
        end = min(last, datetime.date(year + 1, 3, 31))
        parts.append(f'<line x1="{x(start):.1f}" x2="{x(start):.1f}" y1="{top - 6}" y2="{height - key_h}" '
                     'stroke="#b1b4b6" stroke-width="1"/>')  # fmt: skip
        if len(years) <= 12 or year % 2 == years[0] % 2:
            parts.append(f'<text x="{(x(start) + x(end)) / 2:.1f}" y="{top - 12}" text-anchor="middle" fill="#0b0c0c">'
                         f"{year}/{(year + 1) % 100:02d}</text>")  # fmt: skip
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        parts.append(f'<text x="{label_w - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#0b0c0c">'
                     f"<title>{escape(lane.label)} ({escape(lane.stage)})</title>{escape(_short(lane.label))}</text>")  # fmt: skip
        if lane.start:
            end = lane.end or last
            parts.append(f'<rect x="{x(lane.start):.1f}" y="{y - 5:.1f}" width="{max(2.0, x(end) - x(lane.start)):.1f}" '
                         'height="10" fill="#d2e2f1"/>')  # fmt: skip
        for mark in lane.marks:
            parts.append(f"<g><title>{escape(mark.text)}: {WORDS[mark.state].lower()}, {mark.on:%-d %B %Y}</title>"
                         f"{_shape(mark.state, x(mark.on), y)}</g>")  # fmt: skip
    if first <= today <= last:
        parts.append(f'<line x1="{x(today):.1f}" x2="{x(today):.1f}" y1="{top - 6}" y2="{height - key_h}" '
                     'stroke="#0b0c0c" stroke-width="2" stroke-dasharray="5 4"/>')  # fmt: skip
        parts.append(f'<text x="{x(today) + 4:.1f}" y="{height - key_h + 14}" fill="#0b0c0c">Today</text>')
    key_y = height - 12
    for n, state in enumerate(WORDS):
        kx = label_w + n * 120
        parts.append(f"{_shape(state, kx, key_y - 4)}"
                     f'<text x="{kx + 12}" y="{key_y}" fill="#0b0c0c">{WORDS[state]}</text>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)
