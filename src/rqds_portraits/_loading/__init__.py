"""Loading: find a revision, read its file bounded, verify its hash, upgrade an old layout, decode into records."""
