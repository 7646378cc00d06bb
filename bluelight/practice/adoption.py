"""What an adopted entry brings with it: its citation and a proposed benefit line for each benefit group."""

from __future__ import annotations

from bluelight.benefits.models import Benefit
from bluelight.practice.extraction.categories import category_of
from bluelight.practice.extraction.text import sentences
from bluelight.practice.models import Entry

SOURCE = "Emergency Services Collaboration Working Group, National Overview (2016 refresh)"


# Adopting an entry as a draft workstream.
BENEFIT_KIND = {
    "savings": Benefit.Kind.CASHABLE, "response": Benefit.Kind.NON_CASHABLE, "efficiency": Benefit.Kind.NON_CASHABLE,
    "working": Benefit.Kind.NON_CASHABLE, "outcomes": Benefit.Kind.SOCIAL, "safety": Benefit.Kind.SOCIAL,
}  # fmt: skip


WEAKEST_EVIDENCE = 6  # evidence from another area is not yet evidence here


def citation(entry: Entry, line: int | None = None) -> str:
    if entry.origin == Entry.Origin.PROGRAMME:
        where = (
            f"closure report of {entry.workstream} ({entry.workstream.programme})"
            if entry.workstream
            else "a closure report"
        )
        return f"{entry.title}, from the {where}"
    lines = entry.lines
    at = f"line {line}" if line else (f"lines {lines[0]}–{lines[1]}" if lines else "")
    return f"{entry.title} ({SOURCE}, {at})"


def benefit_lines(entry: Entry) -> list[dict]:
    """One proposed benefit per benefit group of the entry, with its evidence: the quantified
    sentences where there are any, the group's first paragraph where there are none."""
    lines = []
    figures = entry.content.get("figures", [])
    for number, group in enumerate(entry.content.get("benefits", [])):
        texts = [p["text"] for p in group["paragraphs"]]
        if not texts:
            continue
        quoted = [f for f in figures if f["part"] == "benefits" and any(f["sentence"] in t for t in texts)]
        sentences_seen, evidence = set(), []
        for figure in quoted:
            if figure["sentence"] not in sentences_seen:
                sentences_seen.add(figure["sentence"])
                evidence.append(f"“{figure['sentence']}” (practice library: {citation(entry, figure['line'])})")
        if not evidence:
            evidence.append(f"“{texts[0]}” (practice library: {citation(entry, group['line'])})")
        category = group.get("category") or category_of(" ".join(texts))
        title = group["group"] or (sentences(texts[0]) or [texts[0]])[0]
        lines.append({
            "number": number, "title": title[:300], "category": category,
            "kind": BENEFIT_KIND.get(category, Benefit.Kind.NON_CASHABLE), "evidence": "\n".join(evidence),
            "figures": len(quoted),
        })  # fmt: skip
    return lines
