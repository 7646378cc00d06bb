"""Schemathesis, run as its own program against the OpenAPI document of a running server
(`bluelight serve`, gunicorn) holding the demo programmes, on the suite's database engine:
generated requests to every operation find no server error (5xx) and no status code, content type
or answer that the document does not describe."""

import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
ST = Path(sys.executable).with_name("st")


@pytest.mark.parametrize(("username", "examples"), [("programme.office", 15), ("fire.lead", 5)])
def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_schema(scratch, username, examples, tmp_path):
    token = scratch.run("token", "create", username, "--name", "schemathesis").stdout.strip()
    assert token.startswith("bl_")
    with scratch.serving() as url:
        result = subprocess.run(
            [str(ST), "run", f"{url}/api/v1/openapi.json", "-H", f"Authorization: Bearer {token}",
             "--checks", CHECKS, "--max-examples", str(examples), "--seed", "20261121", "--workers", "1",
             "--generation-database", "none", "--no-color"],
            capture_output=True, text=True, timeout=900, cwd=tmp_path,  # where it keeps its cache
        )  # fmt: skip
    said = result.stdout + result.stderr
    assert result.returncode == 0, said[-6000:]
    assert "Tested: 35" in said, said[-3000:]  # every operation in the document was exercised
