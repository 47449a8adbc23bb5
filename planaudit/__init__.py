"""planaudit: audit a plan's progress against the pace of its period (序时进度)."""

__version__ = "0.1.0"
