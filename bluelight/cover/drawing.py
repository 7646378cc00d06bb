"""The cover map, drawn from a scenario's result with no tiles: SVG for pages and reports, PNG for
documents. Each kind of incident and station has a shape as well as a colour, and a key in words, so
the map reads without colour; the numbers are in the tables beside it.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from html import escape

from PIL import Image, ImageDraw

from bluelight.evidence.engines import Figure
from bluelight.reports.raster import _font, rgb


@dataclass(frozen=True)
class Key:
    name: str
    words: str
    colour: str
    shape: str  # circle, square, cross, triangle, diamond, hollow-diamond


INCIDENT_KEYS = (
    Key("outside", "Incident outside the standard", "#d4351c", "cross"),
    Key("within", "Incident within the standard already", "#1d70b8", "circle"),
    Key("newly", "Incident brought within the standard", "#00703c", "square"),
)
STATION_KEYS = (
    Key("open", "Station open now", "#0b0c0c", "triangle"),
    Key("chosen", "Candidate station chosen", "#00703c", "diamond"),
    Key("candidate", "Candidate station not chosen", "#505a5f", "hollow-diamond"),
)
KEYS = INCIDENT_KEYS + STATION_KEYS


class _Frame:
    """Longitude and latitude to a picture's x and y: an equirectangular projection scaled by the cosine
    of the middle latitude, which at a county's size is true to within a fraction of a percent."""

    def __init__(self, points: list[tuple[float, float]], width: float, margin: float):
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        self.lat0 = (min(lats) + max(lats)) / 2
        self.squash = math.cos(math.radians(self.lat0))
        self.west, self.north = min(lons), max(lats)
        span_x = max((max(lons) - self.west) * self.squash, 1e-6)
        span_y = max(self.north - min(lats), 1e-6)
        self.scale = (width - 2 * margin) / span_x
        self.margin = margin
        self.width, self.height = width, span_y * self.scale + 2 * margin

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.margin + (lon - self.west) * self.squash * self.scale, self.margin + (self.north - lat) * self.scale)


def _marks(result: dict) -> list[tuple[Key, float, float, float]]:
    """(key, lat, lon, size) for every incident drawn and every station, stations last (on top)."""
    marks = [(INCIDENT_KEYS[state], lat, lon, 1.0) for lat, lon, state in result["points"]["rows"]]
    for s in result["station_rows"]:
        key = STATION_KEYS[0] if s["role"] == "open" else STATION_KEYS[1] if s["chosen"] else STATION_KEYS[2]
        marks.append((key, s["lat"], s["lon"], 2.6))
    return marks


def _svg_shape(key: Key, x: float, y: float, r: float) -> str:
    c = key.colour
    if key.shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{c}"/>'
    if key.shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{c}"/>'
    if key.shape == "cross":
        return (f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},'
                f'{y - r:.1f}" stroke="{c}" stroke-width="{r / 1.6:.1f}"/>')  # fmt: skip
    if key.shape == "triangle":
        return (f'<path d="M{x:.1f},{y - r * 1.2:.1f}L{x + r:.1f},{y + r * 0.8:.1f}L{x - r:.1f},{y + r * 0.8:.1f}Z" '
                f'fill="{c}" stroke="#ffffff" stroke-width="1"/>')  # fmt: skip
    fill = "#ffffff" if key.shape == "hollow-diamond" else c
    return (f'<path d="M{x:.1f},{y - r * 1.3:.1f}L{x + r:.1f},{y:.1f}L{x:.1f},{y + r * 1.3:.1f}L{x - r:.1f},{y:.1f}Z" '
            f'fill="{fill}" stroke="{c}" stroke-width="1.5"/>')  # fmt: skip


def swatch_svg(key: Key, size: int = 20) -> str:
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true" focusable="false">'
            f"{_svg_shape(key, size / 2, size / 2, size / 3.2)}</svg>")  # fmt: skip


def map_svg(result: dict, title: str, *, ident: str = "cover-map", width: int = 640) -> str:
    marks = _marks(result)
    frame = _Frame([(lat, lon) for _, lat, lon, _ in marks], width, 16)
    shapes = "".join(_svg_shape(key, *frame.xy(lat, lon), 2.2 * size) for key, lat, lon, size in marks)
    counts = {k.name: 0 for k in INCIDENT_KEYS}
    for state in (row[2] for row in result["points"]["rows"]):
        counts[INCIDENT_KEYS[state].name] += 1
    every = result["points"]["every"]
    sample = f" (one in {every} drawn)" if every > 1 else ""
    desc = (f"{result['stations']} stations ({result['open']} open, {result['candidates']} candidates) and "
            f"{result['incidents']:,} incidents{sample}: {counts['within']} within the standard already, "
            f"{counts['newly']} brought within it, {counts['outside']} outside it.")  # fmt: skip
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bl-map" id="{ident}" viewBox="0 0 {frame.width:.0f} '
            f'{frame.height:.0f}" aria-labelledby="{ident}-title {ident}-desc"><title id="{ident}-title">{escape(title)}'
            f'</title><desc id="{ident}-desc">{escape(desc)}</desc><rect width="100%" height="100%" fill="#ffffff"/>'
            f"{shapes}</svg>")  # fmt: skip


def map_png(result: dict, title: str, *, width: int = 1600) -> bytes:
    marks = _marks(result)
    frame = _Frame([(lat, lon) for _, lat, lon, _ in marks], width, 40)
    image = Image.new("RGB", (width, int(frame.height) + 50), "white")
    draw = ImageDraw.Draw(image)
    scale = width / 640
    for key, lat, lon, size in marks:
        x, y = frame.xy(lat, lon)
        y += 50
        r = 2.2 * size * scale
        colour = rgb(key.colour)
        if key.shape == "circle":
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        elif key.shape == "square":
            draw.rectangle([x - r, y - r, x + r, y + r], fill=colour)
        elif key.shape == "cross":
            draw.line([x - r, y - r, x + r, y + r], fill=colour, width=max(1, int(r / 1.6)))
            draw.line([x - r, y + r, x + r, y - r], fill=colour, width=max(1, int(r / 1.6)))
        elif key.shape == "triangle":
            draw.polygon([(x, y - r * 1.2), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], fill=colour, outline="white")
        else:
            fill = "white" if key.shape == "hollow-diamond" else colour
            draw.polygon([(x, y - r * 1.3), (x + r, y), (x, y + r * 1.3), (x - r, y)], fill=fill, outline=colour)
    draw.text((40, 12), title, fill="black", font=_font(int(22 * scale / 2.5) + 10))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _minutes(value) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def comparison_rows(result: dict) -> list[list[str]]:
    """Before and after, overall and by district: incidents, share within the standard, mean, 90th centile."""
    rows = []
    after = result.get("after") or result["before"]
    for label, b, a in [("All incidents", result["before"]["overall"], after["overall"])] + [
        (name, result["before"]["district"][name], after["district"][name]) for name in result["before"]["district"]
    ]:  # fmt: skip
        rows.append([label, f"{b['incidents']:,}", f"{b['share_within']:.1%}", f"{a['share_within']:.1%}",
                     _minutes(b["mean"]), _minutes(a["mean"]), _minutes(b["centile_90"]), _minutes(a["centile_90"])])  # fmt: skip
    return rows


HEADERS = ["Area", "Incidents", "Within the standard, before", "After", "Mean minutes, before", "After",
           "90th centile minutes, before", "After"]  # fmt: skip


def figure(analysis) -> Figure:
    """The map and its before-and-after table, as the annual report and the board pack show them."""
    result = analysis.result
    alt = (f"Map of {result['incidents']:,} incidents and {result['stations']} stations, marking which incidents "
           "are within the response standard; the table after it gives the figures by district.")  # fmt: skip
    return Figure(
        svg=map_svg(result, analysis.title, ident=f"cover-map-{analysis.pk}"),
        png=lambda: map_png(result, analysis.title, width=1200),
        alt=alt, headers=HEADERS, rows=comparison_rows(result),
    )  # fmt: skip
