"""The pure response-cover engine: travel times, cover measures and the choice of stations."""
