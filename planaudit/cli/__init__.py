"""The command line: Typer commands that parse options, call the core, render and exit.

Empty on purpose: the launcher (`planaudit.__main__`) imports `planaudit.cli.messages` before it
guards the import of typer and the rest (`planaudit.cli.app`)."""
