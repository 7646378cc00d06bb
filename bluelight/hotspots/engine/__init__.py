"""The pure hotspot engine: grid, Gi*, Mann–Kendall, emerging hot spots, grant allocation, and the
readers of police.uk and incident CSVs. No Django here."""
