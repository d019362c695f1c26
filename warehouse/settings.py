"""Paths and limits, from environment variables with defaults."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA_DIR = ROOT / "sample_data"
DEFAULT_DB_PATH = ROOT / "warehouse" / "pantau.duckdb"

# Time zone every timestamp is stored in (naive TIMESTAMP values mean WIB).
LOCAL_TZ = "Asia/Jakarta"

# A file whose rejected rows exceed this share of its post rows is not loaded: its status is
# 'needs_review' (a file where no row loads is 'failed'). More than half: when most rows fail,
# the file as a whole is read wrongly (a layout, a date order), not a few typos in it.
REVIEW_REJECT_SHARE = 0.5


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: --db, else $PANTAU_DB, else warehouse/pantau.duckdb."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("PANTAU_DB")
    return Path(env) if env else DEFAULT_DB_PATH


def source_timezone(fmt: str) -> str:
    """Time zone a platform export writes its times in (documented setting, issue #2).

    Meta Business Suite writes "Publish time" without a zone; one public parser says US Pacific,
    Indonesian admins see their page's local time. Default WIB; override per format with
    PANTAU_TZ_<FORMAT>, e.g. PANTAU_TZ_META_FACEBOOK=America/Los_Angeles.
    """
    return os.environ.get(f"PANTAU_TZ_{fmt.upper()}", LOCAL_TZ)
