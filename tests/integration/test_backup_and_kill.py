"""Backups that restore to the same data, and work killed half-way that leaves nothing behind.

Each test runs `bluelight` in another process against its own copy of a database holding the demo
programme, on the engine the suite runs on (SQLite, and PostgreSQL in `make test`).
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import json
import signal
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

from tests.integration import scratch as scratches

BENCH = Path(__file__).resolve().parents[2] / "bench" / "workbook_import.py"


def _upload(scratch, name: str, data: bytes) -> None:
    path = scratch.data_dir / "uploads" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_backup_wipe_and_restore_give_back_every_row_and_file(scratch, tmp_path):
    _upload(scratch, "ab/abcdef0123.pdf", b"%PDF-1.7 the signed collaboration agreement")
    before = scratch.checksums()
    archive = tmp_path / "bluelight-backup.tar.gz"
    made = scratch.run("backup", "--out", str(archive))
    tables = len(before)
    rows = sum(t["rows"] for t in before.values())
    assert f"{tables} tables, {rows} rows, 1 uploaded file(s)" in made.stdout
    assert scratch.checksums() == {**before, "core_securityevent": scratch.checksums()["core_securityevent"]}

    scratch.wipe()
    assert scratch.checksums() == {}
    restored = scratch.run("restore", str(archive), "--verify")
    assert f"verified it: {tables} tables, {rows} rows and 1 uploaded file(s) match" in restored.stdout
    after = scratch.checksums()
    after.pop("core_securityevent"), before.pop("core_securityevent")  # the restore itself is logged after the check
    assert after == before
    assert (scratch.data_dir / "uploads" / "ab" / "abcdef0123.pdf").read_bytes().startswith(b"%PDF-1.7 the signed")


def test_a_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(scratch, tmp_path):
    archive = tmp_path / "b.tar.gz"
    scratch.run("backup", "--out", str(archive))
    before = scratch.checksums()
    refused = scratch.run("restore", str(archive), "--verify", check=False)
    assert refused.returncode == 2
    assert "is not empty" in refused.stderr and "Nothing was changed." in refused.stderr
    assert scratch.checksums() == before


def test_verify_finds_a_restore_that_differs_from_its_manifest(scratch, tmp_path):
    archive, forged = tmp_path / "b.tar.gz", tmp_path / "forged.tar.gz"
    scratch.run("backup", "--out", str(archive))
    workstreams = scratch.checksums()["programmes_workstream"]["rows"]
    with tarfile.open(archive) as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["tables"]["programmes_workstream"]["rows"] += 1
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    result = scratch.run("restore", str(forged), "--verify", "--replace", check=False)
    assert result.returncode == 1
    assert f"Table programmes_workstream has {workstreams} rows; the backup had {workstreams + 1}." in result.stderr


def _big_workbook(path: Path, workstreams: int, change=None) -> None:
    """The import bench's workbook of `workstreams` workstreams as CSV; `change(tables)` may alter it first."""
    spec = importlib.util.spec_from_file_location("bench_workbook_import", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from bluelight.core import workbooks

    tables = bench.tables(workstreams)
    if change:
        change(tables)
    cover = workbooks.Cover("Kill test", "OFFICIAL", datetime.date(2026, 1, 1), "test", datetime.datetime(2026, 1, 1))
    workbooks.write(path, "csv", cover, tables)


def test_killing_an_import_half_way_leaves_the_database_as_it_was(scratch, tmp_path):
    workbook = tmp_path / "big.zip"
    _big_workbook(workbook, 600)
    before = scratch.checksums()
    process = subprocess.Popen([*scratches.BLUELIGHT, "import", str(workbook)], cwd=scratches.ROOT, env=scratch.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    seen = []
    for line in process.stderr:  # the progress bar, a line per step when not on a terminal
        seen.append(line)
        if "Imported Workstreams" in line:  # the write has begun: some sheets are in, most are not
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "".join(seen)
    assert scratch.checksums() == before


KILLED_SAVE = textwrap.dedent("""
    import os, signal
    from decimal import Decimal
    from bluelight.cli.base import setup
    setup()
    from bluelight.benefits import services
    from bluelight.benefits.models import Benefit
    from bluelight.benefits.services import YearValues
    from bluelight.core import history
    from bluelight.core.history import Actor

    def record_then_die(*args, **kwargs):
        history_entry = real(*args, **kwargs)
        print("killed after the history entry, before the commit", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    real, history.record = history.record, record_then_die
    benefit = Benefit.objects.filter(workstream__programme__slug="essex-escp").order_by("pk").first()
    years = [YearValues(y.year, y.low * 2, y.central * 2, y.high * 2) for y in benefit.years.all()]
    gains = [(g.organisation, g.share) for g in benefit.gains.all()]
    services.benefit_update(actor=Actor.system(), benefit=benefit, expected_version=benefit.version,
                            title="Doubled", gains=gains, years=years, payers=list(benefit.payers.all()))
""")


def test_killing_a_multi_record_save_half_way_leaves_the_database_as_it_was(scratch):
    before = scratch.checksums()
    result = subprocess.run([sys.executable, "-c", KILLED_SAVE],
                            cwd=scratches.ROOT, env=scratch.env, capture_output=True, text=True)  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "killed after the history entry" in result.stdout
    assert scratch.checksums() == before
