"""The hotspot engine as the evidence app runs it: uploaded files in (CSVs or zips of them), the
analysis and its method statement out (bluelight.evidence.engines)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from bluelight.evidence.engines import Outcome, Refused
from bluelight.hotspots.engine import sources
from bluelight.hotspots.engine.analysis import METHOD_VERSION, Settings, analyse

NAME = "Getis–Ord Gi* hot spots with emerging hot spot patterns"


def statement(settings: Settings) -> str:
    fdr = ("Benjamini–Hochberg false discovery rate (q-values)" if settings.fdr
           else "p-values, uncorrected for the many cells tested")  # fmt: skip
    where = (f"Crimes or incidents are counted in {settings.cell_size} m square cells on the British National Grid."
             if settings.units == "grid" else
             "Crimes are counted in the LSOAs police.uk names, each placed at the mean of its points.")  # fmt: skip
    unit = "cell" if settings.units == "grid" else "LSOA"
    return (
        f"{where} "
        f"Getis–Ord Gi* (Ord and Getis 1995) compares each {unit} and its neighbours within "
        f"{settings.band_metres:g} m (the {unit} itself included, binary weights) with the whole area; a {unit} is a hot "
        f"(or cold) spot at 90%, 95% or 99% confidence by {fdr}. Emerging hot spots apply Gi* to each month with "
        f"the {settings.months_back} month(s) before it, and a Mann–Kendall trend test (with the correction for "
        "ties) to each cell's monthly z-scores; the patterns follow the rules in the method statement. police.uk "
        "locations are anonymised: each crime is moved to the nearest of a fixed set of snap points (the centre "
        "of a street or a public place) and only its month is published, so counts are of snap points, not exact "
        "places, and nothing finer than a month can be seen. Rows without coordinates are counted, not mapped."
    )


def settings_of(parameters: dict) -> Settings:
    return Settings(
        cell_size=int(parameters.get("cell_size", 250)),
        band=int(parameters["band"]) if parameters.get("band") else None,
        fdr=bool(parameters.get("fdr", True)),
        crime_types=tuple(parameters.get("crime_types", ())),
        months=tuple(parameters.get("months", ())),
        first_month=parameters.get("first_month", ""),
        last_month=parameters.get("last_month", ""),
        units=parameters.get("units", "grid"),
    )


def _csvs(name: str, data: bytes) -> list[tuple[str, bytes]]:
    if not name.lower().endswith(".zip"):
        return [(name, data)]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inside = sorted(n for n in archive.namelist() if n.lower().endswith(".csv"))
            return [(f"{name}/{n}", archive.read(n)) for n in inside]
    except zipfile.BadZipFile:
        raise Refused([f"{name}: this is not a zip file that can be opened"]) from None


def run(uploads: list[tuple[str, bytes]], parameters: dict, progress) -> Outcome:
    settings = settings_of(parameters)
    errors = settings.check()
    if errors:
        raise Refused(list(errors.values()))
    csvs, upload_of = [], {}
    for name, data in uploads:
        for inside, csv in _csvs(name, data):
            csvs.append((inside, csv))
            upload_of[inside] = name
    try:
        points = sources.read(csvs)
    except sources.Refused as refused:
        raise Refused([f"{refused.name}: {r}" for r in refused.refusals]) from None
    progress(f"Read {len(points):,} points from {len(csvs)} file(s)", 20)
    try:
        result = analyse(points, settings, progress=progress)
    except ValueError as error:
        raise Refused([str(error)]) from None
    result["set_aside"] = dict(points.skipped)
    files = {}
    for record in points.files:  # a zip's CSVs are counted under the zip
        upload = upload_of[record["name"]]
        entry = files.setdefault(upload, {"name": upload, "taken": 0, "skipped": Counter(), "csvs": 0})
        entry["taken"] += record["taken"]
        entry["csvs"] += 1
        entry["skipped"].update(record["skipped"])
    method = {"name": NAME, "version": METHOD_VERSION, "statement": statement(settings), "parameters": result["settings"]}
    return Outcome(result=result, method=method, files=[f | {"skipped": dict(f["skipped"])} for f in files.values()])
