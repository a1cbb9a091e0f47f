"""CLI commands that live in modules of their own; each registers in vnkg.cli with one line."""
