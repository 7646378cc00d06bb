"""SVG charts. Pure Python: no Django. Every chart is shown beside a table of the same numbers;
the SVG carries a title and description for assistive technology, and its own colours (as
presentation attributes) so it looks the same in a page, a standalone report or a document."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Series:
    name: str
    points: list[tuple[str, float]]  # (x label, y)
    colour: str = "#1d70b8"  # GOV.UK blue


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _money_label(value: float) -> str:
    if value >= 1_000_000:
        return f"£{value / 1_000_000:g}m"
    if value >= 1_000:
        return f"£{value / 1_000:g}k"
    return f"£{value:g}"


def line_chart(
    title: str, description: str, series: list[Series], target: float | None = None, target_label: str = "Target",
    width: int = 640, height: int = 320,
) -> str:  # fmt: skip
    """A line chart of money against financial years, with an optional horizontal target line."""
    left, right, top, bottom = 70, 40, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    labels = [x for x, _ in series[0].points] if series else []
    top_value = _nice_max(max([y for s in series for _, y in s.points] + [target or 0]))
    n = max(1, len(labels) - 1)

    def x(i: int) -> float:
        return left + plot_w * i / n

    def y(v: float) -> float:
        return top + plot_h * (1 - v / top_value)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title chart-desc" class="bl-chart" font-family="Arial, sans-serif" font-size="13">',
        f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(description)}</desc>',
    ]
    for k in range(5):
        value = top_value * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#b1b4b6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#0b0c0c">{_money_label(value)}</text>'
        )
    for i, name in enumerate(labels):
        if len(labels) <= 12 or i % 2 == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 20}" text-anchor="middle" fill="#0b0c0c">{escape(name)}</text>'
            )
    if target is not None:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(target):.1f}" y2="{y(target):.1f}" stroke="#d4351c" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{width - right}" y="{y(target) - 6:.1f}" text-anchor="end" fill="#0b0c0c">{escape(target_label)}</text>'
        )
    for s in series:
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(s.points))
        parts.append(f'<polyline points="{path}" fill="none" stroke="{s.colour}" stroke-width="3"/>')
        for i, (_, v) in enumerate(s.points):
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{s.colour}"/>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(rows: list[tuple[str, float]], title: str, unit: str, width: int = 640) -> str:
    """Horizontal bars, one a row, each labelled with its name and value (counts, not money)."""
    label_w, right, bar_h, gap, top = 210, 50, 18, 6, 10
    height = top * 2 + len(rows) * (bar_h + gap)
    top_value = _nice_max(max(v for _, v in rows)) if rows else 1.0
    plot_w = width - label_w - right
    description = "; ".join(f"{name}: {value:g} {unit}" for name, value in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="bar-title bar-desc" class="bl-chart" font-family="Arial, sans-serif" font-size="13">',
        f'<title id="bar-title">{escape(title)}</title><desc id="bar-desc">{escape(description)}</desc>',
    ]
    for i, (name, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        length = plot_w * value / top_value
        parts.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" fill="#0b0c0c">{escape(name)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="#1d70b8"/>')
        parts.append(f'<text x="{label_w + length + 6:.1f}" y="{y + 13}" fill="#0b0c0c">{value:g}</text>')
    parts.append("</svg>")
    return "".join(parts)
