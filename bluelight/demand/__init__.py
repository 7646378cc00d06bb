"""Inter-service demand: the log of requests between services (gain entry, missing person searches,
concern for welfare, …), measured, feeding benefit actuals. `engine/` is pure (numpy/scipy, no Django)."""
