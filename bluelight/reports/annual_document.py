"""The annual collaboration report as a `Document`, for DOCX and ODT: the same sections as the HTML report."""

from __future__ import annotations

from bluelight.core.templatetags.bluelight import percentage, pounds
from bluelight.reports import raster
from bluelight.reports.annual import SECTION_NUMBER, AnnualReport
from bluelight.reports.document import Bullets, Document, Figure, Heading, Paragraph, Table

# The colours of the GOV.UK tags the pages use; the rating's word is always beside it.
RATING_COLOURS = {
    "green": "#00703c", "amber_green": "#ffdd00", "amber": "#f47738", "amber_red": "#d53880", "red": "#d4351c",
    "not_graded": "#b1b4b6",
}  # fmt: skip


def _dashboard(report: AnnualReport, n: int) -> Table:
    view, scale = report.view, report.programme.scale
    previous = view.previous_period.label if view.previous_period else ""
    rows, groups = [], []
    for group in view.sections:
        groups.append(len(rows))
        rows.append([f"{n}.{group.number} {group.section.name}", "", "", ""])
        for row in group.rows:
            rows.append([
                f"{n}.{row.number} {row.workstream.title}", scale.label(row.assessment.rating),
                scale.label(row.previous.rating) if row.previous else "Not reported", row.change.label,
            ])  # fmt: skip
    if view.overall:
        rows.append([
            "Overall RAG", scale.label(view.overall.rating),
            scale.label(view.previous_overall.rating) if view.previous_overall else "Not reported",
            view.overall_change.label,
        ])  # fmt: skip
    return Table(
        "Table 1 – Collaboration dashboard",
        ["Workstream", f"Current RAG {view.period.label}", f"Previous RAG {previous}".strip(), "Change"],
        rows, group_rows=tuple(groups),
    )  # fmt: skip


def _ratings_chart(report: AnnualReport) -> list:
    counts = report.view.counts
    title = f"Workstreams by rating, {report.period.label}"
    bars = [(label, n, RATING_COLOURS.get(code, "#1d70b8")) for code, label, n in counts]
    described = ", ".join(f"{n} {label}" for _, label, n in counts)
    return [
        Figure(raster.bar_chart(title, bars), f"Bar chart: {described}.", f"Figure 1 – {title}"),
        Table(f"Figure 1 in numbers – {title}", ["Rating", "Workstreams"],
              [[label, str(n)] for _, label, n in counts], numeric=(1,)),
    ]  # fmt: skip


def _evidence(items) -> list:
    """Each analysis attached as evidence: what it is for, its picture and the same numbers in a table."""
    blocks = [Heading("Evidence from data", 3)]
    for item in items:
        blocks += [Heading(item.analysis.title, 4), Paragraph(item.note, lead=f"Evidence for {item.record}.")]
        if item.figure:
            blocks += [
                Figure(item.figure.png(), item.figure.alt, item.analysis.title),
                Table(f"{item.analysis.title} in numbers", item.figure.headers, item.figure.rows,
                      numeric=tuple(range(1, len(item.figure.headers)))),
            ]  # fmt: skip
        blocks.append(Paragraph(item.analysis.method["statement"], lead="Method:", small=True))
    return blocks


def _measured(b) -> list:
    if not b.measured_actuals:
        return []
    return [Heading("Measured from activity", 3),
            Paragraph("These actuals are worked out from the log of requests between services, not entered: each "
                      "with how it was worked out."),
            Bullets([f"{a.benefit.title}: {a.note}" + (" (signed off)" if a.signed_off_at else
                     " (not yet signed off, so still counted as forecast)") for a in b.measured_actuals])]  # fmt: skip


def _benefits(report: AnnualReport, number: int) -> list:
    b = report.benefits
    parts = b.document_parts(report.programme.scale)
    grades = ", ".join(f"{g.grade}: {percentage(g.optimism_bias, 0)}" for g in report.programme.confidence_grades.all())
    return [
        Heading(f"{number}.0 Benefits", 2),
        Paragraph(
            f"The programme has profiled {pounds(b.profiled)} of benefits over its cycle against a minimum "
            f"target of {pounds(b.settings.target)}. {parts['rating']} Of the profile, {pounds(b.realised)} is "
            f"signed-off actuals (realised to date) and {pounds(b.forecast)} is still forecast."
        ),
        Paragraph(b.finance_words(), lead="Finance:"),
        parts["totals"],
        Table("Profiled benefits by section", ["Section", "Profiled"],
              [[name, pounds(amount)] for name, amount in b.as_dict()["by_section"].items()], numeric=(1,)),
        parts["kinds"],
        *_measured(b),
        Heading("Method", 3),
        Bullets([
            f"All values are in {b.price_base} prices; values priced in other years are restated by "
            f"{b.deflators}.",
            b.present_value_words,
            "Volume-based benefits follow the GMCA cost-benefit chain: volume × unit cost × (1 − deadweight) × "
            f"attribution × (1 − optimism bias for the confidence grade). Optimism bias by grade: {grades}.",
            *b.method_notes,
            f"Benefits RAG: Green at {percentage(b.settings.green_at, 0)} of the target or more, Amber at "
            f"{percentage(b.settings.amber_at, 0)} or more, otherwise Red.",
            *(f"Unit costs: {source}." for source in b.unit_cost_sources()),
        ]),
    ]  # fmt: skip


def _risks_and_year_ahead(g, number: int) -> list:
    blocks = [Heading(f"{number}.0 Risks and the year ahead", 2), Heading("Risks above the threshold", 3)]
    if g.risks:
        blocks += [Paragraph("Open risks whose residual score (likelihood × impact) is above the programme's "
                             f"threshold of {g.threshold}."),
                   Table(f"Risks above the threshold of {g.threshold}", list(g.risk_headers), g.risk_rows())]  # fmt: skip
    else:
        blocks.append(Paragraph(f"No open risk is above the threshold of {g.threshold}."))
    blocks.append(Heading("Milestones in the next 12 months", 3))
    if g.milestones:
        blocks.append(Table(f"Milestones due by {g.as_at:%-d %B} next year, and those overdue",
                            list(g.milestone_headers), g.milestone_rows()))  # fmt: skip
    else:
        blocks.append(Paragraph("No milestone falls due in the next 12 months."))
    return blocks


def annual_document(report: AnnualReport) -> Document:
    n = SECTION_NUMBER
    view, scale = report.view, report.programme.scale
    published = (f"The {report.period.label} period is published." if report.period.is_published
                 else f"The {report.period.label} period is still open: ratings may change.")  # fmt: skip
    doc = Document(report.title, report.marking, subject=f"Annual collaboration report {report.period.label}")
    doc.add(Paragraph(f"Generated {report.generated_at:%-d %B %Y %H:%M} from the Bluelight register. Ratings as at "
                      f"{report.as_at:%-d %B %Y}. {published}", small=True))  # fmt: skip
    if report.illustrative:
        doc.add(Paragraph("Some figures in this report are illustrative and not from a published source; they are "
                          f"marked. {report.programme.illustrative_note}".strip()))  # fmt: skip
    doc.add(
        Heading("1.0 Purpose of report", 2),
        Paragraph(f"This report gives the annual update on current and future collaboration activity in the "
                  f"{report.programme.name} for {report.period.label}, with the RAG rating of each collaborative "
                  "workstream and the reasons for it."),
        Heading("2.0 Recommendations", 2), *(Paragraph(p) for p in report.recommendations),
        Heading("3.0 Executive summary", 2),
        *(Paragraph(p) for p in report.edited_summary or [" ".join(report.summary), " ".join(report.previous_summary)]),
        Heading("4.0 Background", 2), Paragraph(report.programme.description or ""),
        Heading(f"{n}.0 Current work and performance", 2),
        Paragraph("Each workstream has a Red/Amber/Green status given through consultation with its business lead, "
                  "for the delivery of benefits or progress against plan. Collaboration is grouped in "
                  f"{len(view.sections)} section{'s' if len(view.sections) != 1 else ''}."),
        _dashboard(report, n), *_ratings_chart(report),
    )  # fmt: skip
    for group in view.sections:
        doc.add(Heading(f"{n}.{group.number} {group.section.name}", 3))
        for row in group.rows:
            a = row.assessment
            doc.add(Heading(f"{n}.{row.number} {row.workstream.title}", 4),
                    Paragraph(f"{scale.label(a.rating)}. {row.change.label}."
                              + (" (illustrative)" if a.illustrative else ""), lead="Overall RAG:"))  # fmt: skip
            if a.narrative:
                doc.add(Paragraph(a.narrative))
            if a.rationale:
                doc.add(Paragraph(a.rationale, lead="Rationale:"))
            if a.corrects_id:
                doc.add(Paragraph(f"Corrected after publication: {a.correction_reason}", small=True))
    if view.overall:
        rationale = f" {view.overall.rationale}" if view.overall.rationale else ""
        doc.add(Paragraph(f"{scale.label(view.overall.rating)}. {view.overall_change.label}.{rationale}",
                          lead="Overall programme RAG:"))  # fmt: skip
    if report.sections.get("evidence"):
        doc.add(*_evidence(report.sections["evidence"]))
    numbers = report.numbers
    if report.benefits:
        doc.add(*_benefits(report, numbers["benefits"]))
    if report.governance:
        doc.add(*_risks_and_year_ahead(report.governance, numbers["governance"]))
    doc.add(Heading(f"{numbers['priorities']}.0 Links to plan priorities", 2))
    if report.priorities:
        doc.add(Bullets([f"{p.title}" + (f" — {', '.join(linked)}" if linked else "") for p, linked in report.priorities],
                        numbered=True))  # fmt: skip
    else:
        doc.add(Paragraph("The programme has no plan priorities recorded."))
    doc.add(Heading(f"{numbers['consulted']}.0 Consultation and engagement", 2), Paragraph("Business leads consulted:"),
            Bullets([f"{name} ({title})" for name, title in report.consulted] or ["None recorded."]))  # fmt: skip
    return doc
