"""The benefits valuation engine. Pure Python and NumPy: no Django.

- `deflate`: real terms, by a GDP deflator series, to the programme's price base year.
- `discounting`: HM Treasury Green Book discount factors (standard and health schedules).
- `appraisal`: present value, net present value, benefit-cost ratio, payback year.
- `gmca`: the GMCA (New Economy) chain: volume x unit cost x (1 - deadweight) x attribution x (1 - optimism bias).
- `profile`: totals by any grouping, the cumulative profile against a target, the benefits RAG.
- `simulation`: a seeded, vectorised Monte Carlo of the programme total.

Money is Decimal everywhere but in the simulation, which works in floats by nature.
"""
