"""The exit statuses of every `python -m etl` command, defined once (README: Command line)."""

from __future__ import annotations

EXIT_OK = 0  # everything asked was done (every file loaded, the check passed)
EXIT_FAILED = 1  # something failed or needs review: a file, a check, a refused change
EXIT_USAGE = 2  # the command line itself was wrong (argparse exits with 2 too)
