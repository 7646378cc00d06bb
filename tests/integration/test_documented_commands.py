"""Every command the README and docs/ quote runs as written.

The commands are read from the documents themselves: shell lines in code blocks (fenced or indented)
and commands in inline code, wherever they start with `bluelight`, `.venv/bin/bluelight`, or
`[.venv/bin/]python manage.py` (after any VAR=value assignments). Each document's commands run in
the order they are written, through bash in a folder of their own (which sees the checkout's
tests/, docs/ and bluelight/ as the repository's root does), against a copy of the demo
database, in the default (production) environment a person has after `make demo`. A command fails
the test when it exits non-zero or does not write the file (or fill the folder) its `--out` names.

Inline code that names a command without all it needs (`bluelight people revoke`) names it; so does
inline `manage.py …`. A command that shows a form rather than an instance (a placeholder such as SLUG, PATH or
bl_XXXXXXX, a choice a|b, an optional [--part], an ellipsis) cannot run as written: it must name a
command that exists, with options that command has.

Where a document says what a command needs, that is what it gets: `restore` goes "into an empty
database", so the database is emptied first; `worker`, `serve` and `demo` run until stopped, so the
worker is stopped once it has run for a few seconds; `demo` runs (on a free port if its own is
taken) until the address it prints answers over plain HTTP with the sign-in page, then stops; and
`serve`, whose documented use needs a proxy's environment, is checked as a form. `practice extract` writes the catalogue
into the repository by default; here it writes beside the other outputs and must equal the
committed one.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import io
import os
import re
import shlex
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PROGRAM = re.compile(
    r"^((?:[A-Z_]+=\S+\s+)*)(\.venv/bin/bluelight|bluelight|(?:\.venv/bin/)?python manage\.py|manage\.py)(?:\s+|$)"
)
PLACEHOLDER = re.compile(r"^(?:.*XXX.*|.*\.\.\..*|.*….*|\[.*|.*\].*|.*\|.*|<.*>)$")
RUN_UNTIL_STOPPED = ("worker",)
FORMS_ONLY = ("serve",)


@dataclass(frozen=True)
class Command:
    document: str
    line: int
    text: str
    inline: bool = False

    @property
    def words(self) -> list[str]:
        return shlex.split(PROGRAM.sub("", self.text, count=1), comments=True)

    @property
    def is_form(self) -> bool:
        if any(_placeholder(word) for word in self.words):
            return True
        # Inline code in prose may name a command rather than give one to type: `bluelight people revoke`,
        # `manage.py createsuperuser`. What the parser would refuse as incomplete is such a name.
        return self.inline and (self.is_manage or not self.words or not _complete(self.words))

    @property
    def is_manage(self) -> bool:
        return "manage.py" in PROGRAM.match(self.text).group(2)

    def __str__(self):
        return f"{self.document}:{self.line}: {self.text}"


@functools.cache
def _metavars() -> frozenset[str]:
    """The names the command's usage gives its arguments (SLUG, PATH, USERNAME, …): placeholders in a form."""
    import argparse

    from bluelight.cli import build_parser

    names, parsers = {"N", "ID"}, [build_parser()]
    while parsers:
        for action in parsers.pop()._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
            elif action.option_strings or action.dest != "help":
                names.add(action.metavar or action.dest.upper())
    return frozenset(n for n in names if isinstance(n, str))


def _placeholder(word: str) -> bool:
    return bool(PLACEHOLDER.match(word)) or word.split("=")[0] in _metavars()


def _complete(words: list[str]) -> bool:
    from bluelight.cli import build_parser

    try:
        with contextlib.redirect_stderr(io.StringIO()):
            build_parser().parse_args(words)
    except SystemExit:
        return False
    return True


def _candidates(path: Path):
    """(line number, text) of every code line and inline code span in the document."""
    prose = []  # the document with its code blocks blanked, for the inline code
    fenced = False
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            prose.append("")
            continue
        if fenced or (line.startswith("    ") and not line.lstrip().startswith(("-", "*"))):
            yield number, line.strip(), False
            prose.append("")
        else:
            prose.append(line)
    text = "\n".join(prose)
    for match in re.finditer(r"`([^`]+)`", text, re.S):
        if not match.group(0).startswith("``"):
            yield text.count("\n", 0, match.start()) + 1, " ".join(match.group(1).split()), True


def documented_commands(path: Path) -> list[Command]:
    found = []
    for number, text, inline in _candidates(path):
        if PROGRAM.match(text):
            found.append(Command(str(path.relative_to(ROOT)), number, text, inline))
    return sorted(dict.fromkeys(found), key=lambda c: c.line)  # on one line, in the order written


def test_the_commands_are_found_in_the_documents():
    # A check on the reader itself: the README's command block, its tour and docs/ are all read.
    readme = [c.text for c in documented_commands(ROOT / "README.md")]
    assert ".venv/bin/bluelight benefits summary --programme essex-escp --json" in readme
    assert 'bluelight practice search "cardiac arrest defibrillator" --json' in readme  # inline, over two lines
    assert any(t.endswith("manage.py createsuperuser --noinput") for t in readme)
    every = [c for document in DOCUMENTS for c in documented_commands(document)]
    assert len(every) > 40
    assert Command("docs/operations.md", 0, "bluelight people grant USERNAME --programme SLUG").is_form
    assert Command("docs/access.md", 0, "bluelight people revoke", inline=True).is_form
    assert not Command("docs/access.md", 0, "bluelight people revoke", inline=False).is_form
    assert not Command("README.md", 0, "bluelight rate --programme essex-escp --period 2024/25 --as fire.lead").is_form


def _environment(scratch) -> dict:
    """After `make demo`: no Bluelight variables but the data folder, the secret key in its file."""
    secret = scratch.data_dir / "secret-key"
    if not secret.exists():
        secret.write_text("documented-commands-" + "k" * 40)
        secret.chmod(0o600)
    env = {k: v for k, v in scratch.env.items() if k not in ("BLUELIGHT_ENV", "BLUELIGHT_SECRET_KEY")}
    return {**env, "PATH": f"{BIN}:{env.get('PATH', '')}"}


def _shell_line(command: Command, workdir: Path) -> str:
    """The command as bash runs it: the program given by its path in this checkout."""
    match = PROGRAM.match(command.text)
    program = f"{BIN / 'bluelight'}" if "bluelight" in match.group(2) else f"{sys.executable} {ROOT / 'manage.py'}"
    line = match.group(1) + program + " " + command.text[match.end() :]
    if command.words[:2] == ["practice", "extract"]:
        line += f" --out {workdir / 'catalogue.json'}"
    return line


def _check_form(command: Command, env: dict) -> None:
    words = command.words
    path = []
    for word in words:
        if word.startswith("-") or _placeholder(word):
            break
        path.append(word)
    if command.is_manage:
        argv = [sys.executable, str(ROOT / "manage.py"), "help", *path[:1]]
    else:
        argv = [str(BIN / "bluelight"), *path, "--help"]
    shown = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, f"{command}\n  is not a command: {shown.stderr[-500:]}"
    for option in {w.split("=")[0] for w in words if w.startswith("--")}:
        assert option in shown.stdout, f"{command}\n  {' '.join(path)} has no option {option}"


def _run(command: Command, env: dict, workdir: Path, scratch) -> None:
    words = command.words
    if not command.is_manage and words and words[0] in FORMS_ONLY:
        _check_form(command, env)
        return
    if not command.is_manage and words and words[0] == "restore":
        scratch.wipe()  # "into an empty database"
    line = _shell_line(command, workdir)
    if not command.is_manage and words and words[0] == "demo":
        _run_demo(command, re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{_free_port()}", line), env, workdir)
        return
    if not command.is_manage and words and words[0] in RUN_UNTIL_STOPPED and "--once" not in words:
        process = subprocess.Popen(["bash", "-c", line], cwd=workdir, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, start_new_session=True)  # fmt: skip
        try:
            process.wait(timeout=5)
            pytest.fail(f"{command}\n  stopped by itself (exit {process.returncode}): {process.stdout.read()[-800:]}")
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)
        return
    done = subprocess.run(["bash", "-c", line], cwd=workdir, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
    assert done.returncode == 0, f"{command}\n  exit {done.returncode}:\n{done.stdout[-800:]}\n{done.stderr[-1500:]}"
    out = re.search(r"--out\s+((?:\$\([^)]*\)|[^\s#])+)", command.text)
    if out:
        written = subprocess.run(["bash", "-c", f"echo {out.group(1)}"], cwd=workdir, capture_output=True,
                                 text=True).stdout.strip()  # fmt: skip
        out = workdir / written
        wrote = out.is_file() and out.stat().st_size > 0 or out.is_dir() and any(out.iterdir())  # a file or a folder
        assert wrote, f"{command}\n  wrote no {written}"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_demo(command: Command, line: str, env: dict, workdir: Path) -> None:
    log = workdir / "demo.log"
    with log.open("wb") as output:
        process = subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=workdir, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        for _ in range(600):
            printed = re.search(r"^Bluelight demo: (http\S+)$", log.read_text(), re.M)
            if printed and "Listening at" in log.read_text():
                break
            assert process.poll() is None, f"{command}\n  stopped: {log.read_text()[-1500:]}"
            time.sleep(0.2)
        else:
            pytest.fail(f"{command}\n  printed no address in two minutes: {log.read_text()[-1500:]}")
        answer = http.client.HTTPConnection(urlparse(printed.group(1)).netloc, timeout=10)
        answer.request("GET", "/")
        response = answer.getresponse()
        assert (response.status, response.getheader("Location")) == (302, "/sign-in/?next=/"), (
            f"{command}\n  {printed.group(1)} answered {response.status} {response.getheader('Location')}"
        )
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_command_runs_as_written(document, scratch, tmp_path):
    commands = documented_commands(document)
    env = _environment(scratch)
    workdir = tmp_path / "work"
    workdir.mkdir()
    for part in ("tests", "docs", "bluelight"):  # as at the checkout's root, where the README's commands run
        (workdir / part).symlink_to(ROOT / part)
    for command in commands:
        if command.is_form:
            _check_form(command, env)
        else:
            _run(command, env, workdir, scratch)
    if any(c.words[:2] == ["practice", "extract"] and not c.is_form for c in commands):
        committed = ROOT / "bluelight" / "practice" / "data" / "catalogue.json"
        assert (workdir / "catalogue.json").read_text() == committed.read_text()
