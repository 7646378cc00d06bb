"""Response cover: which stations, shared or co-responding, bring how much demand within the response
standard. `engine/` is pure (numpy/scipy, no Django)."""
