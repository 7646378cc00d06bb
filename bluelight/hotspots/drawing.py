"""The hotspot map, drawn from an analysis's result with no tiles: as SVG for pages and reports, as PNG
for documents. Every class has a colour and a pattern (lines for hot, dots for cold, denser at higher
confidence) and a legend in words, so the map reads without colour; the same cells are in a table.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from html import escape

import numpy as np
from PIL import Image, ImageDraw

from bluelight.evidence.engines import Figure
from bluelight.reports.raster import _font, rgb


@dataclass(frozen=True)
class Key:
    level: int
    words: str
    colour: str
    pattern: str  # what the pattern is, in words


KEYS = (
    Key(99, "Hot spot, 99% confidence", "#942514", "criss-cross lines"),
    Key(95, "Hot spot, 95% confidence", "#d4351c", "diagonal lines"),
    Key(90, "Hot spot, 90% confidence", "#f47738", "sparse diagonal lines"),
    Key(0, "Not significant (cells with any crime)", "#dee0e2", "no pattern"),
    Key(-90, "Cold spot, 90% confidence", "#5694ca", "sparse dots"),
    Key(-95, "Cold spot, 95% confidence", "#1d70b8", "dots"),
    Key(-99, "Cold spot, 99% confidence", "#003078", "dense dots"),
)
KEY = {k.level: k for k in KEYS}


def _pattern_id(level: int) -> str:
    return f"bl-hatch-{'h' if level > 0 else 'c'}{abs(level)}"


def _pattern_svg(level: int, ident: str) -> str:
    if level > 0:
        step = {99: 0.5, 95: 0.5, 90: 1.0}[level]
        lines = f'<path d="M0,{step} L{step},0" stroke="#0b0c0c" stroke-width="0.12"/>'
        if level == 99:
            lines += f'<path d="M0,0 L{step},{step}" stroke="#0b0c0c" stroke-width="0.12"/>'
        return (f'<pattern id="{ident}" width="{step}" height="{step}" patternUnits="userSpaceOnUse">{lines}'
                "</pattern>")  # fmt: skip
    step = {-99: 0.4, -95: 0.6, -90: 1.0}[level]
    return (f'<pattern id="{ident}" width="{step}" height="{step}" patternUnits="userSpaceOnUse">'
            f'<circle cx="{step / 2}" cy="{step / 2}" r="0.12" fill="#ffffff"/></pattern>')  # fmt: skip


def swatch_svg(level: int, size: int = 24) -> str:
    """A legend swatch: the class's colour with its pattern, as a small inline SVG."""
    key = KEY[level]
    overlay = "" if level == 0 else f'<rect width="2" height="2" fill="url(#sw-{level})"/>'
    pattern = "" if level == 0 else _pattern_svg(level, f"sw-{level}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 2 2" aria-hidden="true" '
            f'focusable="false"><defs>{pattern}</defs><rect width="2" height="2" fill="{key.colour}" stroke="#0b0c0c" '
            f'stroke-width="0.08"/>{overlay}</svg>')  # fmt: skip


def _side(result: dict) -> int:
    """How many grid cells wide each place is drawn: one for a grid cell, three for an LSOA's place."""
    return 3 if result["grid"].get("units") == "lsoa" else 1


def _labels(result: dict) -> list[tuple[str, float, float]]:
    """Each district's name at the median of its cells with points (grid units)."""
    places = defaultdict(list)
    for cell in result["cells"]:
        if cell["count"]:
            places[cell["district"]].append((cell["column"], cell["row"]))
    labels = []
    for name, cells in sorted(places.items()):
        columns, rows = zip(*cells, strict=True)
        labels.append((name, float(np.median(columns)), float(np.median(rows))))
    return labels


def map_svg(result: dict, title: str, *, ident: str = "hotspot-map") -> str:
    """The map as SVG: one path per class, north up, district names over it."""
    columns, rows = result["grid"]["columns"], result["grid"]["rows"]
    paths = defaultdict(list)
    side = _side(result)
    for cell in result["cells"]:
        x, y = cell["column"] - side // 2, rows - 1 - cell["row"] - side // 2
        paths[cell["level"]].append(f"M{x},{y}h{side}v{side}h-{side}z")
    hot = sum(1 for c in result["cells"] if c["level"] > 0)
    cold = sum(1 for c in result["cells"] if c["level"] < 0)
    description = (f"{hot} hot and {cold} cold cells of {result['grid']['cell_size']:.0f} m; the table of hot cells and "
                   "the summary by district give the same figures.")  # fmt: skip
    size = max(columns, rows) / 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {columns} {rows}" role="img" class="bl-map" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="Arial, sans-serif">',
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>',
        "<defs>" + "".join(_pattern_svg(k.level, f"{ident}-{_pattern_id(k.level)}") for k in KEYS if k.level) + "</defs>",
        f'<rect width="{columns}" height="{rows}" fill="#ffffff" stroke="#505a5f" stroke-width="{size / 10:.2f}"/>',
    ]
    for key in KEYS:
        if paths[key.level]:
            d = "".join(paths[key.level])
            parts.append(f'<path d="{d}" fill="{key.colour}"/>')
            if key.level:
                parts.append(f'<path d="{d}" fill="url(#{ident}-{_pattern_id(key.level)})"/>')  # one id a map on a page
    for name, column, row in _labels(result):
        parts.append(f'<text x="{column + 0.5:.1f}" y="{rows - row:.1f}" font-size="{size:.1f}" text-anchor="middle" '
                     f'fill="#0b0c0c" stroke="#ffffff" stroke-width="{size / 5:.2f}" paint-order="stroke">'
                     f"{escape(name)}</text>")  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


def _pattern_mask(level: int, ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
    if level > 0:
        step = {99: 5, 95: 5, 90: 9}[level]
        mask = (xs + ys) % step == 0
        return mask | ((xs - ys) % step == 0) if level == 99 else mask
    step = {-99: 3, -95: 4, -90: 6}[level]
    return (xs % step == 1) & (ys % step == 1)


def map_png(result: dict, title: str, *, width: int = 1600) -> bytes:
    """The map as PNG, with its title, its legend in words and its district names."""
    columns, rows = result["grid"]["columns"], result["grid"]["rows"]
    scale = max(1, width // columns)
    level = np.full((rows, columns), 127, dtype=np.int16)  # 127: no crime
    side = _side(result)
    for cell in sorted(result["cells"], key=lambda c: abs(c["level"])):  # the stronger class drawn last
        top, left = max(rows - 1 - cell["row"] - side // 2, 0), max(cell["column"] - side // 2, 0)
        level[top : top + side, left : left + side] = cell["level"]
    big = np.kron(level, np.ones((scale, scale), dtype=np.int16))
    ys, xs = np.indices(big.shape)
    pixels = np.full((*big.shape, 3), 255, dtype=np.uint8)
    for key in KEYS:
        where = big == key.level
        pixels[where] = rgb(key.colour)
        if key.level:
            pixels[where & _pattern_mask(key.level, ys, xs)] = (11, 12, 12) if key.level > 0 else (255, 255, 255)
    map_image = Image.fromarray(pixels)
    legend_h, title_h = 40 * len(KEYS) + 20, 70
    image = Image.new("RGB", (map_image.width + 40, map_image.height + title_h + legend_h + 20), "white")
    image.paste(map_image, (20, title_h))
    pen = ImageDraw.Draw(image)
    pen.text((20, 20), title, fill=(11, 12, 12), font=_font(30))
    pen.rectangle((19, title_h - 1, 20 + map_image.width, title_h + map_image.height), outline=(80, 90, 95))
    for name, column, row in _labels(result):
        x, y = 20 + (column + 0.5) * scale, title_h + (rows - row) * scale
        pen.text((x, y), name, fill=(11, 12, 12), font=_font(22), anchor="mm", stroke_width=3, stroke_fill="white")
    top = title_h + map_image.height + 20
    for i, key in enumerate(KEYS):
        y = top + 40 * i
        swatch = np.full((28, 28, 3), rgb(key.colour), dtype=np.uint8)
        if key.level:
            sy, sx = np.indices((28, 28))
            swatch[_pattern_mask(key.level, sy, sx)] = (11, 12, 12) if key.level > 0 else (255, 255, 255)
        image.paste(Image.fromarray(swatch), (20, y))
        pen.rectangle((20, y, 48, y + 28), outline=(11, 12, 12))
        pen.text((60, y + 2), f"{key.words} ({key.pattern})", fill=(11, 12, 12), font=_font(22))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def figure(analysis) -> Figure:
    """The map and its district summary, as the annual report and the board pack show them."""
    result = analysis.result
    hot = sum(1 for c in result["cells"] if c["level"] > 0)
    alt = (f"Map of {result['grid']['cell_size']:.0f} m cells: {hot} hot spot cells; the table after it gives the "
           "points and hot cells by district.")  # fmt: skip
    rows = [[d["district"], f"{d['points']:,}", str(d["hot_cells"]), f"{d['points_in_hot_cells']:,}"]
            for d in result["districts"]]  # fmt: skip
    return Figure(
        svg=map_svg(result, analysis.title, ident=f"hotspot-map-{analysis.pk}"),
        png=lambda: map_png(result, analysis.title, width=1200),
        alt=alt,
        headers=["District", "Points mapped", "Hot cells (95%+)", "Points in them"],
        rows=rows,
    )
