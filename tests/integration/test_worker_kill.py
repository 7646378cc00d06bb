"""A task worker killed half-way through an import: the database is as it was, and the task is marked failed
by the next worker's sweep once the killed one has stopped beating.

Everything runs in other processes against a scratch copy of the demo database (SQLite, and PostgreSQL in
`make test`): `bluelight import` for the small programme, a script that queues the page's import as the
programme office would, `bluelight worker` for the work.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time

from django.core.cache.backends.filebased import FileBasedCache

from tests.integration import scratch as scratches
from tests.integration.test_backup_and_kill import _big_workbook

QUEUE = textwrap.dedent("""
    import json, sys
    from bluelight.cli.base import setup
    setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from bluelight.core.history import Actor
    from bluelight.core.models import User
    from bluelight.core.worker import work
    from bluelight.exchange import services
    from bluelight.exchange.models import Task
    from bluelight.programmes.models import Programme

    admin = User.objects.create_superuser("kill.test", password="kill-test-password-1")
    upload = SimpleUploadedFile("big.zip", open(sys.argv[1], "rb").read())
    checked = services.import_queue(actor=Actor(admin), programme=Programme.objects.get(slug="bench"), upload=upload)
    work(once=True, say=lambda line: None)  # the dry run
    checked.refresh_from_db()
    assert checked.result["ok"], checked.result
    real = services.import_confirm(actor=Actor(admin), task=checked)
    print(json.dumps({"task": real.pk}))
""")

STATUS = textwrap.dedent("""
    import json, sys
    from bluelight.cli.base import setup
    setup()
    from bluelight.exchange.models import Task
    from bluelight.programmes.models import Programme

    task = Task.objects.get(pk=int(sys.argv[1]))
    print(json.dumps({"status": task.status, "message": task.message,
                      "workstreams": Programme.objects.get(slug="bench").workstreams.count()}))
""")

# Not the tables the task queue itself changes (its own record and job): everything else must be as it was.
QUEUE_TABLES = ("exchange_task", "django_tasks_database_dbtaskresult")


def _data(checksums: dict) -> dict:
    return {table: value for table, value in checksums.items() if table not in QUEUE_TABLES}


def _python(scratch, script: str, *args: str, env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=scratches.ROOT, env=env, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_worker_killed_mid_import_changes_nothing_and_its_task_is_marked_failed(scratch, tmp_path):
    env = {**scratch.env, "BLUELIGHT_WORKER_LOST_SECONDS": "3"}
    small, big = tmp_path / "small.zip", tmp_path / "big.zip"
    _big_workbook(small, 1)
    _big_workbook(big, 600)
    subprocess.run([*scratches.BLUELIGHT, "import", str(small)], cwd=scratches.ROOT, env=env, check=True,
                   capture_output=True)  # fmt: skip
    task = _python(scratch, QUEUE, str(big), env=env)["task"]
    before = _data(scratch.checksums())

    progress = FileBasedCache(str(scratch.data_dir / "cache"), {})  # the worker's progress, as a page reads it
    worker = subprocess.Popen([*scratches.BLUELIGHT, "worker"], cwd=scratches.ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)  # fmt: skip
    stages, deadline = [], time.monotonic() + 120
    while time.monotonic() < deadline:
        now = progress.get(f"bluelight:task-progress:{task}") or {}
        stage = now.get("stage", "")
        if stage and (not stages or stages[-1] != stage):
            stages.append(stage)
        if stage.startswith("Imported") and now["done"] < now["total"]:  # writing: some sheets are in, not all
            worker.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    else:
        worker.kill()
    worker.wait(timeout=60)
    assert worker.returncode == -signal.SIGKILL, (stages, worker.stdout.read())
    assert _data(scratch.checksums()) == before  # the import's one transaction died with the worker

    killed = _python(scratch, STATUS, str(task), env=env)
    assert killed["status"] == "running"  # nobody knows yet
    time.sleep(4)  # longer than BLUELIGHT_WORKER_LOST_SECONDS: the killed worker's last beat has expired
    swept = subprocess.run([*scratches.BLUELIGHT, "worker", "--once"], cwd=scratches.ROOT, env=env,
                           capture_output=True, text=True)  # fmt: skip
    assert swept.returncode == 0, swept.stderr
    after = _python(scratch, STATUS, str(task), env=env)
    assert after["status"] == "failed"
    assert "The worker running this task stopped before it finished" in after["message"]
    assert "nothing was changed" in after["message"]
    assert after["workstreams"] == 1  # only the small workbook's
    assert _data(scratch.checksums()) == before
