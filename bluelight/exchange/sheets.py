"""The sheets of a programme workbook, in the order they are written and applied (docs/workbook-format.md).

Each sheet names its columns; a column's cell parser and whether it must be filled follow from the
model field it holds, so the workbook and the models cannot drift apart.
"""

from __future__ import annotations

from bluelight.exchange.schema import Schema
from bluelight.exchange.sheets_benefits import BENEFIT_SHEETS
from bluelight.exchange.sheets_governance import GOVERNANCE_SHEETS
from bluelight.exchange.sheets_programme import PROGRAMME_SHEETS

SCHEMA = Schema([*PROGRAMME_SHEETS, *BENEFIT_SHEETS, *GOVERNANCE_SHEETS])
