"""Framework-free project scoring: pairwise (AHP) criteria weights, weighted scores,
partner aggregation and ranking comparison. Nothing here imports Django; see
docs/governance-rules.md."""
