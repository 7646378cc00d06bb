"""The board pack as a `Document`, for DOCX and ODT: the same sections as the HTML and PDF pack."""

from __future__ import annotations

from bluelight.core.templatetags.bluelight import pounds
from bluelight.governance import risk as risk_engine
from bluelight.governance.pack import BoardPack
from bluelight.reports import raster
from bluelight.reports.document import Bullets, Document, Figure, Heading, Paragraph, Table


def _actions(pack: BoardPack, actions, caption: str, empty: str) -> Table:
    def status(action) -> str:
        if action.status == "done":
            return f"Done {action.completed_on:%-d %b %Y}" if action.completed_on else "Done"
        return "Overdue" if action.due_on < pack.today else action.get_status_display()

    rows = [[f"{a.reference} {a.description}", a.owner, f"{a.due_on:%-d %b %Y}", status(a)] for a in actions]
    return Table(caption, ["Action", "Owner", "Due", "Status"], rows or [[empty, "", "", ""]])


def _risks(pack: BoardPack) -> list:
    rows = [
        [f"{row.risk.reference} {row.risk.title}", row.risk.owner,
         f"{row.risk.residual_score} ({row.risk.residual_likelihood} × {row.risk.residual_impact}, {row.band})",
         row.movement.words]
        for row in pack.risks
    ]  # fmt: skip
    heat = pack.heat_map
    counted = sum(sum(counts) for _, _, counts in heat.rows)
    return [
        Table("Risks above threshold", ["Risk", "Owner", "Residual score", "Movement"],
              rows or [["No open risk is above the threshold.", "", "", ""]]),
        Figure(raster.heat_map(heat.title, heat.rows, heat.impacts, risk_engine._colours),
               f"Heat map of {counted} open risks by likelihood and impact; the counts are in the table that follows.",
               f"Figure 1 – {heat.title}", width_cm=13, height_cm=10.4),
        Table(f"Figure 1 in numbers – {heat.title}", ["Likelihood", *(f"{i} {label}" for i, label in heat.impacts)],
              [[f"{lk} {label}", *map(str, counts)] for lk, label, counts in heat.rows],
              numeric=tuple(range(1, 6))),
    ]  # fmt: skip


def pack_document(pack: BoardPack) -> Document:
    m, programme = pack.meeting, pack.programme
    scale = programme.scale
    doc = Document(pack.title, pack.marking, subject=f"Board pack for the {m}")
    previous = f"{pack.previous.held_on:%-d %B %Y}" if pack.previous else "None: this is the first"
    doc.add(
        Table("Meeting", ["", ""], [
            ["Programme", programme.name],
            ["Meeting", f"{m.held_on:%A %-d %B %Y}" + (f", {m.location}" if m.location else "")],
            ["Chair", m.chaired_by or "Not recorded"], ["Previous meeting", previous],
            ["Protective marking", pack.marking],
            ["Generated", f"{pack.generated_at:%-d %B %Y, %H:%M} by Bluelight, from the programme register"],
        ]),
    )  # fmt: skip
    if pack.illustrative:
        doc.add(Paragraph("Some details in this pack are illustrative: the published sources give no detail for "
                          f"them. {programme.illustrative_note}".strip()))  # fmt: skip
    doc.add(Heading("Summary", 2), *(Paragraph(p) for p in pack.summary),
            Heading("Recommendations", 2), *(Paragraph(p) for p in pack.recommendations))
    doc.add(Heading("1. Agenda", 2),
            Table("Agenda", ["Item", "Purpose", "Presenter"],
                  [[f"{i.number}. {i.title}", i.get_purpose_display(), i.presenter] for i in pack.agenda]
                  or [["No items yet.", "", ""]]))  # fmt: skip
    if pack.attendance:
        doc.add(Heading("Attendance", 3),
                Bullets([f"{a.member}, {a.member.organisation.short_code}: {a.get_status_display()}"
                         for a in pack.attendance]))  # fmt: skip
    doc.add(Heading("2. Programme dashboard", 2))
    if pack.period:
        doc.add(
            Table(f"Ratings by section, {pack.period.label}", ["Section", "Ratings", "Workstreams"],
                  [[s.name, ", ".join(f"{n} {label}" for _, label, n in s.counts) or "Not yet rated", str(s.total)]
                   for s in pack.section_ratings], numeric=(2,)),
            Table("Ratings recorded since the last meeting", ["Workstream", "Rating", "Change", "Assessed"],
                  [[c.workstream, scale.label(c.current), c.label, f"{c.assessed_on:%-d %b %Y}"]
                   for c in pack.rating_changes] or [["No ratings recorded since the last meeting.", "", "", ""]]),
        )  # fmt: skip
        if pack.concerns:
            doc.add(Heading("Below Green, and why", 3),
                    Table(f"Workstreams rated below Green in {pack.period.label}, with the rationale given",
                          ["Workstream", "Rating", "Why"],
                          [[title, scale.label(rating), rationale] for title, rating, rationale in pack.concerns]))  # fmt: skip
    else:
        doc.add(Paragraph("No reporting period had begun by this meeting."))
    if pack.stage_changes:
        doc.add(Heading("Lifecycle changes since the last meeting", 3),
                Bullets([f"{w.title}: {w.get_stage_display()} from {w.stage_changed_on:%-d %B %Y}"
                         + (f" ({w.stage_reason})" if w.stage_reason else "") for w in pack.stage_changes]))  # fmt: skip
    doc.add(Heading("3. Benefits against target", 2))
    if pack.benefits:
        b = pack.benefits
        parts = b.document_parts(scale)
        doc.add(Paragraph(
            f"Profiled benefits are {pounds(b.profiled)} against a target of {pounds(b.settings.target)} "
            f"({b.price_base} prices). {parts['rating']} Signed-off actuals to date: {pounds(b.realised)}."
        ), parts["totals"])  # fmt: skip
    else:
        doc.add(Paragraph("The programme has no benefits target set."))
    since = f"the last meeting on {pack.previous.held_on:%-d %B %Y}" if pack.previous else "they were first recorded"
    doc.add(Heading("4. Risks above threshold", 2),
            Paragraph(f"Open risks whose residual score is above the programme's threshold of "
                      f"{programme.risk_threshold}, with the movement since {since}."),
            *_risks(pack))  # fmt: skip

    def decided(decisions) -> str:
        return " ".join(f"{d.get_outcome_display()}: {d.summary}" + (f" Conditions: {d.conditions}" if d.conditions
                        else "") + f" ({d.decided_by})" for d in decisions) or "For decision at this meeting"  # fmt: skip

    doc.add(Heading("5. Papers for decision", 2),
            Table("Papers submitted to this meeting", ["Paper", "Kind", "Decision"],
                  [[f"{item.number}. {item.document.title}", item.document.get_kind_display(), decided(decisions)]
                   for item, decisions in pack.papers] or [["No papers submitted.", "", ""]]),
            Heading("6. Action log", 2),
            Paragraph(f"As at {pack.today:%-d %B %Y}: {len(pack.actions)} open action{'s' if len(pack.actions) != 1 else ''}, "
                      f"{len(pack.overdue)} overdue."),
            _actions(pack, pack.actions, "Open actions", "No open actions."),
            _actions(pack, pack.done_since, "Done since the last meeting", "None."))  # fmt: skip
    return doc
