"""The context's parts: one module per part of the documents (targets, team, reps, review...)."""
