"""Queries: one module per topic (lookups by id and name, territories, partners, ententes and periods, funding)."""
