"""Governance: the partner convention, responsibility resolution, freshness, the report."""
