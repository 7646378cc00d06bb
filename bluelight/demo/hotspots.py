"""The demo's hotspot map: synthetic police.uk data for Essex (clearly labelled, with planted hotspots),
analysed and attached as evidence to Project Minerva."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from bluelight.core.history import Actor
from bluelight.evidence import services
from bluelight.evidence.models import Analysis
from bluelight.hotspots import runner
from bluelight.hotspots.engine import synthetic
from bluelight.hotspots.engine.sources import files_in
from bluelight.programmes.models import Programme

TITLE = "Street-level crime in Essex, 2025 (SYNTHETIC data, for the demo)"
NOTE = ("Where crime clusters across the county's districts: the hot spots Minerva's partners would take to the "
        "Community Safety Partnerships. The data is synthetic, made for the demo; no real crime is shown.")  # fmt: skip


def load(programme: Programme, actor: Actor, say=print) -> Analysis | None:
    if programme.analyses.filter(kind=Analysis.Kind.HOTSPOTS).exists():
        return None
    with tempfile.TemporaryDirectory(prefix="bluelight-synthetic-") as folder:
        synthetic.write(Path(folder), seed=2025, first="2025-01", months=12)
        uploads = files_in(Path(folder))
    outcome = runner.run(uploads, {"cell_size": 250}, lambda step, percent: None)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in uploads}
    inputs = {"files": [f | {"sha256": digests[f["name"]], "synthetic": True} for f in outcome.files],
              "parameters": {"cell_size": 250}}  # fmt: skip
    analysis = services.analysis_keep(actor=actor, programme=programme, kind=Analysis.Kind.HOTSPOTS, title=TITLE,
                                      inputs=inputs, method=outcome.method, result=outcome.result)  # fmt: skip
    minerva = programme.workstreams.filter(key="project-minerva").first()
    if minerva is not None:
        services.analysis_attach(actor=actor, analysis=analysis, workstream=minerva, note=NOTE)
    hot = sum(1 for c in outcome.result["cells"] if c["level"] > 0)
    say(f"{programme.slug}: loaded a hotspot map of synthetic Essex crime ({hot} hot cells) for Project Minerva")
    return analysis
