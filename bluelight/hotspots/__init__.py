"""Hotspots: where crime and incidents cluster, from police.uk street-level crime or a simple incidents
CSV, by Getis–Ord Gi* on a square grid on the British National Grid; emerging hot spots over months;
a grant spread fairly across districts. `engine/` is pure (numpy/scipy/pyproj, no Django)."""
