"""Charts drawn as PNG images for DOCX and ODT documents, which cannot all show SVG. Pure Python: no Django.

The numbers of every chart are also given in a table beside it in the document.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

INK = (11, 12, 12)
GRID = (177, 180, 182)


def _font(size: int):
    for name in ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def bar_chart(title: str, bars: list[tuple[str, int, str]], width: int = 1200, height: int = 600) -> bytes:
    """Horizontal bars, one per (label, value, colour), each labelled with its word and its value."""
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    big, normal = _font(34), _font(28)
    pen.text((20, 16), title, fill=INK, font=big)
    left, top, right = 300, 90, width - 120
    most = max((v for _, v, _ in bars), default=0) or 1
    step = (height - top - 30) / max(len(bars), 1)
    for i, (label, value, colour) in enumerate(bars):
        y = top + i * step
        bar_height = step * 0.7
        pen.text((20, y + bar_height / 2), label, fill=INK, font=normal, anchor="lm")
        length = (right - left) * value / most
        pen.rectangle([left, y, left + max(length, 2), y + bar_height], fill=rgb(colour), outline=INK)
        pen.text((left + length + 12, y + bar_height / 2), str(value), fill=INK, font=normal, anchor="lm")
    pen.line([left, top - 10, left, height - 20], fill=GRID, width=2)
    return _png(image)


def heat_map(title: str, rows: list[tuple[int, str, list[int]]], impacts: list[tuple[int, str]],
             colour_of, cell: int = 110) -> bytes:  # fmt: skip
    """A 5 × 5 grid, likelihood up the side and impact along the bottom, each cell with its count.

    `colour_of(score)` gives the (fill, text) colours of a cell, as the SVG heat map uses."""
    left, top, bottom = 330, 30, 150  # the title is the figure's caption, under it in the document
    width, height = left + cell * len(impacts) + 30, top + cell * len(rows) + bottom
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    normal, small = _font(30), _font(22)
    for r, (likelihood, label, counts) in enumerate(rows):
        y = top + r * cell
        pen.text((left - 16, y + cell / 2), f"{likelihood} {label}", fill=INK, font=small, anchor="rm")
        for c, count in enumerate(counts):
            x = left + c * cell
            impact = impacts[c][0]
            fill, ink = colour_of(likelihood * impact)
            pen.rectangle([x, y, x + cell, y + cell], fill=rgb(fill), outline="white", width=3)
            pen.text((x + cell / 2, y + cell / 2), str(count), fill=rgb(ink), font=normal, anchor="mm")
    for c, (impact, label) in enumerate(impacts):
        x = left + c * cell + cell / 2
        pen.text((x, top + len(rows) * cell + 14), f"{impact}", fill=INK, font=small, anchor="mt")
        pen.text((x, top + len(rows) * cell + 44), label, fill=INK, font=_font(18), anchor="mt")
    pen.text((left + cell * len(impacts) / 2, height - 40), "Impact", fill=INK, font=small, anchor="mm")
    return _png(image)
