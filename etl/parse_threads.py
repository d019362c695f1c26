"""The first module the parse workers' forkserver imports (etl.sandbox): polars in a parse
worker runs on one thread. A worker parses one export of about fifty rows at a time while the
loading process and another worker use the other cores; with a second polars thread the
sample's exports took about 15% more CPU to parse (threads woken for each small operation).
Set before polars is imported in that process, as polars reads it once; a value the user set
is kept. Imports nothing else.
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")
