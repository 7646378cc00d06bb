"""The pure inter-service demand engine: reading control-room extracts and the measures."""
