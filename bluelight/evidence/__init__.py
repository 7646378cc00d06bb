"""What the evidence apps (hotspots, cover, demand) share: rows loaded from files and refused by row
and reason, an analysis kept with its inputs, method and result, and its attachment as evidence to a
benefit, a workstream or a decision. Each evidence app adds only its own engine and pages."""
