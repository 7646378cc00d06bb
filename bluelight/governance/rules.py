"""What risks and decisions must be. Pure: plain values in, {field: reason} out (empty when they pass),
raised by the governance services and reported by the workbook import."""

from __future__ import annotations


def residual_not_above_inherent(
    inherent_likelihood: int | None, inherent_impact: int | None,
    residual_likelihood: int | None, residual_impact: int | None,
) -> dict[str, str]:  # fmt: skip
    errors = {}
    for part, inherent, residual in (
        ("likelihood", inherent_likelihood, residual_likelihood), ("impact", inherent_impact, residual_impact)
    ):  # fmt: skip
        if inherent and residual and residual > inherent:
            errors[f"residual_{part}"] = (
                f"Residual {part} cannot be higher than inherent: mitigation does not add risk."
            )
    return errors


def conditions_stated(with_conditions: bool, conditions: str | None) -> dict[str, str]:
    if with_conditions and not (conditions or "").strip():
        return {"conditions": "Enter the conditions of the approval."}
    return {}
