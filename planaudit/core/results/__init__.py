"""What the core produces, as frozen dataclasses that every renderer reads: an indicator's audit,
a plan's report and roll-up, a history, a diff, a verification. Nothing here imports the plan
model (core.model) or reads a file, so a renderer that imports these sees results only."""
