"""The core: what a plan may say, the rules of the audit and what they produce. No argv, no
streams, no exit codes; nothing here imports `planaudit.render` or writes a report."""
