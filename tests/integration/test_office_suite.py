"""A workbook exported by Bluelight, opened and saved unchanged by LibreOffice Calc (Debian's
libreoffice-calc-nogui, headless), imports cleanly: no problem and no change, in all four directions.

Calc rewrites what it saves: yes/no cells become the formulas =TRUE() and =FALSE(), and a date
cell keeps its date only if it carries a date format. These are what the reader must take.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bluelight.core.history import Actor
from bluelight.core.workbooks import Formula, formula_or_constant
from bluelight.exchange import importer
from bluelight.exchange.exporter import export_workbook
from bluelight.programmes.models import Programme


def calc_saves(source: Path, fmt: str, folder: Path) -> Path:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "make test installs LibreOffice Calc (libreoffice-calc-nogui)"
    done = subprocess.run(
        [office, "--headless", "--convert-to", fmt, "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(folder)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    saved = folder / f"{source.stem}.{fmt}"
    assert saved.is_file(), done.stdout + done.stderr
    return saved


@pytest.mark.parametrize(("exported", "saved_as"), [("ods", "xlsx"), ("ods", "ods"), ("xlsx", "ods"), ("xlsx", "xlsx")])
def test_a_workbook_calc_saved_unchanged_imports_with_no_problem_and_no_change(demo, tmp_path, exported, saved_as):
    escp = Programme.objects.get(slug="essex-escp")
    source = tmp_path / f"escp.{exported}"
    export_workbook(escp, exported, source, actor=Actor.system())
    saved = calc_saves(source, saved_as, tmp_path / "calc")
    try:
        plan = importer.import_workbook(saved, actor=Actor.system(), dry_run=True, programme=escp)
    except importer.ImportRefused as refused:
        pytest.fail("Calc's file was refused:\n" + "\n".join(str(p) for p in refused.plan.problems[:20]))
    sheets = plan.summary()
    assert [s["sheet"] for s in sheets if s["create"] or s["update"]] == []
    assert sum(s["unchanged"] for s in sheets) > 100  # every record was read and found the same


def test_only_a_constant_true_or_false_formula_is_a_value():
    assert formula_or_constant("=TRUE()") is True
    assert formula_or_constant("of:=FALSE()") is False
    assert formula_or_constant("= true ()") is True
    assert isinstance(formula_or_constant("=IF(A1;TRUE();FALSE())"), Formula)
    assert isinstance(formula_or_constant("of:=SUM([.A1:.A3])"), Formula)


STAGES = ["Proposed", "Business case", "In delivery", "Business as usual", "Paused", "Closed"]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_choice_columns_carry_drop_down_lists_that_calc_keeps(demo, tmp_path, fmt):
    import zipfile

    import openpyxl

    escp = Programme.objects.get(slug="essex-escp")
    source = tmp_path / f"escp.{fmt}"
    export_workbook(escp, fmt, source, actor=Actor.system())
    saved = calc_saves(source, fmt, tmp_path / "calc")
    if fmt == "xlsx":
        for path in (source, saved):
            book = openpyxl.load_workbook(path)
            lists = {dv.formula1 for dv in book["Workstreams"].data_validations.dataValidation}
            assert '"' + ",".join(STAGES) + '"' in lists, path
            ratings = {dv.formula1 for dv in book["Ratings"].data_validations.dataValidation}
            assert '"Green,Amber,Red,Not graded"' in ratings  # the programme's three-point scale
    else:
        for path in (source, saved):
            content = zipfile.ZipFile(path).read("content.xml").decode()
            assert "cell-content-is-in-list(" + ";".join(f"&quot;{s}&quot;" for s in STAGES) + ")" in content or \
                "cell-content-is-in-list(" + ";".join(f'"{s}"' for s in STAGES) + ")" in content, path
