"""The benefits parts of the board pack and the annual report as documents (DOCX, ODT): the three totals
against the target and the totals by kind of value, the same rows as the pages' tables."""

from __future__ import annotations

from bluelight.core.templatetags.bluelight import percentage, pounds
from bluelight.reports.document import Table


def totals_table(summary, scale) -> Table:
    rows = [[name + (" (the rating's basis)" if used else ""), meaning[0].upper() + meaning[1:], pounds(found.amount),
             percentage(found.ratio), scale.label(found.rag)]
            for name, meaning, found, used in summary.total_rows()]  # fmt: skip
    return Table(
        f"Three totals against the {pounds(summary.settings.target)} target ({summary.price_base} prices). The "
        f"benefits rating uses the {summary.basis.lower()} total, as the programme chose.",
        ["Total", "What it adds up", "Over the cycle", "Of the target", "Rating"], rows, numeric=(2, 3),
    )


def kinds_table(summary) -> Table:
    rows = [[name, pounds(amount)] for name, amount in summary.by_kind_of_value.items()]
    rows += [["Less transfers (capital receipts)", pounds(summary.transfers)],
             ["Economic value (transfers left out)", pounds(summary.economic_value)]]  # fmt: skip
    return Table("By kind of value (GMCA), as profiled", ["Kind of value", "Over the cycle"], rows, numeric=(1,))


def rating_sentence(summary, scale) -> str:
    status = summary.status
    return (f"The benefits rating uses the {summary.basis.lower()} total, {pounds(status.amount)}: "
            f"{percentage(status.ratio)} of the target, so the benefits rating is {scale.label(status.rag)}.")  # fmt: skip


def present_value_words(summary) -> str:
    pv = summary.discounting
    earlier = "brought forward to it at the same rate" if pv.before == "compound" else "left out"
    unset = ", which is the price base year until one is set" if summary.settings.appraisal_year is None else ""
    return (f"Present value of the central profile at the HM Treasury Green Book rate of 3.5% a year (1.5% for "
            f"health benefits), with year 0 in {summary.year_0}, the appraisal year{unset}: "
            f"{pounds(pv.present_value)}. Values in years before it ({pounds(pv.earlier)}) are {earlier}.")  # fmt: skip


RISK_ADJUSTED = ("Risk-adjusted total: every stated amount corrected by its confidence grade's optimism bias (a "
                 "dis-benefit grows by it); volume-based benefits carry the correction in their chain, once only. "
                 "Signed-off actuals are not corrected.")  # fmt: skip
EXPECTED = ("Expected total: the mean of each year's low, central and high, the mean of the triangular range the "
            "simulation draws from.")  # fmt: skip
