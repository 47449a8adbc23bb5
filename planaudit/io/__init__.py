"""Files in and out: bytes to text, which files, git revisions, worker processes, atomic
writes, and the YAML loader."""
