"""The house keeps its shape: no module over 15 KB, and nine in ten under 8 KB (docs/architecture.md).

The layers themselves are kept by import-linter (`.importlinter`, run by `make test`)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("module_sizes", ROOT / "scripts" / "module_sizes.py")
module_sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module_sizes)


def test_no_module_is_over_15_kb_and_nine_in_ten_are_under_8_kb():
    found = module_sizes.sizes()
    assert len(found) > 150  # the whole tree was read
    largest = max(found, key=found.get)
    assert found[largest] <= 15_000, f"{largest} is {found[largest]:,} bytes: split it by what it does"
    assert module_sizes.p90(list(found.values())) < 8_000


def test_the_90th_centile_is_the_one_statistics_gives():
    # Ten modules of 1..10 KB: the 90th centile (inclusive method) lies between the ninth and tenth.
    assert module_sizes.p90([n * 1000 for n in range(1, 11)]) == 9_100
