"""Paths and limits, from environment variables with defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA_DIR = ROOT / "sample_data"
SQL_DIR = ROOT / "warehouse" / "sql"
DEFAULT_DB_PATH = ROOT / "warehouse" / "pantau.duckdb"

# Time zone every timestamp is stored in (naive TIMESTAMP values mean WIB).
LOCAL_TZ = "Asia/Jakarta"

# A file whose rejected rows exceed this share of its post rows is not loaded: its status is
# 'needs_review' (a file where no row loads is 'failed'). More than half: when most rows fail,
# the file as a whole is read wrongly (a layout, a date order), not a few typos in it.
REVIEW_REJECT_SHARE = 0.5

# Most posts labelled in one pass (etl.recompute.label, and relabelling every post:
# etl.classify.store.classify_posts): the classifier holds every caption of
# a pass, its tokens and scores in memory, so a folder of a million posts labelled in one pass
# peaked at 4 GB; in passes of this size the peak stays that of one pass (measured in README,
# "Speed at the scale of a province").
LABEL_PASS_POSTS = 100_000


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: --db, else $PANTAU_DB, else warehouse/pantau.duckdb."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("PANTAU_DB")
    return Path(env) if env else DEFAULT_DB_PATH


def model_cache_dir() -> Path:
    """Where the shipped content model is kept once fitted (etl.classify.model_cache):
    $PANTAU_MODEL_CACHE, else warehouse/model_cache/."""
    env = os.environ.get("PANTAU_MODEL_CACHE")
    return Path(env) if env else ROOT / "warehouse" / "model_cache"


def source_timezone(fmt: str) -> str:
    """Time zone a platform export writes its times in (documented setting).

    Meta Business Suite writes "Publish time" without a zone; one public parser says US Pacific,
    Indonesian admins see their page's local time. Default WIB; override per format with
    PANTAU_TZ_<FORMAT>, e.g. PANTAU_TZ_META_FACEBOOK=America/Los_Angeles.
    """
    return os.environ.get(f"PANTAU_TZ_{fmt.upper()}", LOCAL_TZ)


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class ParseLimits:
    """Bounds on parsing one file (etl/filecheck.py checks the declared structure first,
    etl/sandbox.py enforces memory, time and output in a child process).

    Real exports are a few MB (a busy account's year of Meta posts ~10 MB, a 100,000-row
    logbook ~15 MB); the limits leave a wide margin for those and refuse what would take the
    server down. Memory and time are overridable: PANTAU_PARSE_MEMORY_MB, PANTAU_PARSE_SECONDS.
    """

    file_bytes: int = 256 << 20  # one file as given (the upload page stops at 50 MB earlier)
    member_bytes: int = 256 << 20  # one ZIP/xlsx member, declared uncompressed size
    total_bytes: int = 512 << 20  # all members together
    zip_members: int = 5_000
    max_ratio: int = 200  # uncompressed / compressed, for members above ratio_min_bytes
    ratio_min_bytes: int = 8 << 20
    zip_depth: int = 2  # a ZIP inside a ZIP inside the file, no deeper
    sheet_cells: int = 20_000_000  # used range of one worksheet, rows x columns
    shared_strings_bytes: int = 128 << 20
    properties_bytes: int = 1 << 20  # docProps/core.xml, read outside the child (export date)
    memory_bytes: int = field(
        default_factory=lambda: _env_int("PANTAU_PARSE_MEMORY_MB", 3072) << 20
    )  # address space of the parsing child
    seconds: float = field(default_factory=lambda: float(_env_int("PANTAU_PARSE_SECONDS", 300)))
    output_rows: int = 2_000_000  # posts + rejects handed back by one file
    output_bytes: int = 1 << 30  # their in-memory size


def parse_limits() -> ParseLimits:
    """The limits in force (environment read now, so a test or a server can change them)."""
    return ParseLimits()
