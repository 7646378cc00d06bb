"""The sizes of Bluelight's Python modules (migrations aside): the largest, and the 90th centile.

`python scripts/module_sizes.py` prints them; docs/architecture.md states the limits (no module over
15 KB, the 90th centile under 8 KB) that tests/unit/test_house.py holds the tree to.
"""

from __future__ import annotations

import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sizes() -> dict[str, int]:
    found = {}
    for folder in ("bluelight", "config"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                found[str(path.relative_to(ROOT))] = path.stat().st_size
    return found


def p90(values: list[int]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


if __name__ == "__main__":
    found = sizes()
    for name, size in sorted(found.items(), key=lambda item: -item[1])[:10]:
        print(f"{size:>7,} {name}")
    print(f"{len(found)} modules; the largest {max(found.values()):,} bytes; p90 {p90(list(found.values())):,.0f} bytes")
