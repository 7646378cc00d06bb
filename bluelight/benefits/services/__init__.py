"""Writes for benefits: how the programme values them, the register, and what was delivered.

Each service checks who acts, validates everything before writing, writes in one transaction and
records history; bad input raises ValidationError naming the field and nothing is saved. One module
a part; callers use `benefits.services.<write>`.
"""

from bluelight.benefits.services.actuals import actual_record, actual_sign_off, cost_record
from bluelight.benefits.services.common import YearValues
from bluelight.benefits.services.deflators import deflator_release_load, deflators_choose
from bluelight.benefits.services.method import settings_set, unit_cost_create
from bluelight.benefits.services.register import benefit_create, benefit_update

__all__ = [
    "YearValues",
    "actual_record",
    "actual_sign_off",
    "benefit_create",
    "benefit_update",
    "cost_record",
    "deflator_release_load",
    "deflators_choose",
    "settings_set",
    "unit_cost_create",
]
