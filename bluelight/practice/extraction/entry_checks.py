"""What is checked of an entry once read: who runs it, its status, broken text and paragraphs the outline missed."""

from __future__ import annotations

import re

from bluelight.practice.extraction.text import (
    TERMINAL,
)


def runs_on(organisations: str, line: str) -> bool:
    """Whether `line` carries on a name broken over lines: "Greater Manchester Fire / and Rescue Service"."""
    return organisations.endswith((" and", ",", " the", " Fire", " West", " Greater")) or line[:1].islower()


def entry_status(entry: dict) -> str:
    statuses = [i["status"] for i in entry["implementations"] if i["area"]] or list(entry["area_status"].values())
    if statuses and all(s == "pilot" for s in statuses) and len(statuses) == len(entry["areas"] or statuses):
        return "pilot"
    return "live"


def flag_broken_text(entry: dict) -> None:
    for part in ("background", "evaluation"):
        for paragraph in entry[part]:
            check_entry(entry, paragraph)
    for block in entry["implementations"] + entry["benefits"] + entry["future"]:
        for paragraph in block["paragraphs"]:
            check_entry(entry, paragraph)
    for figure in entry["figures"]:
        if figure["flag"]:
            entry["flags"].append(f"Line {figure['line']}: {figure['flag']}.")


def check_entry(entry: dict, paragraph: dict) -> None:
    text = paragraph["text"]
    if "page XX" in text:
        entry["flags"].append(f"Line {paragraph['line']}: a cross-reference reads 'page XX' in the draft.")
    prose_cut = (
        not paragraph["bullet"] and ". " in text and not text.endswith(TERMINAL) and not re.match(r"^\d+\. ", text)
    )
    if text.endswith(",") or re.search(r"\b(The|the|a|an|of|to)$", text) or prose_cut:
        entry["flags"].append(f"Line {paragraph['line']}: the text breaks off: “…{text[-40:]}”.")
