"""First start: build the warehouse from sample_data/ when it is missing or has no OPDs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from warehouse import settings

if TYPE_CHECKING:
    from collections.abc import Callable

    import duckdb


def _label_pending(con: duckdb.DuckDBPyConnection) -> None:
    """Posts a stopped folder load left unlabelled get their labels (etl.load_folder.label_batch)."""
    from etl.load_folder import label_batch
    from etl.recompute import pending_label_loads

    if pending_label_loads(con):
        label_batch(con, [])


class SampleDataError(RuntimeError):
    """A bundled sample file failed to load: the first start would show a silently empty or
    partial kabupaten, so it stops with the files named instead."""


def sample_files(root: Path | None = None) -> tuple[Path | None, Path]:
    """The master list ("Daftar Akun Medsos OPD*.xlsx", else .csv) and the exports folder."""
    root = root or settings.SAMPLE_DATA_DIR
    masters = sorted(root.glob("Daftar Akun Medsos OPD*.xlsx")) or sorted(
        root.glob("Daftar Akun Medsos OPD*.csv")
    )
    masters = [m for m in masters if not m.name.startswith("~$")]
    return (masters[0] if masters else None), root / "exports"


def ensure_warehouse(
    db_path: str | os.PathLike[str] | None = None,
    *,
    root: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> bool:
    """Build the warehouse from sample_data/ if needed. Returns True when it was built.

    progress(i, n, path) is called before each of the n export files is loaded (the first
    start's page shows it). Raises SampleDataError (message in Bahasa Indonesia) when a bundled
    export fails to load.
    """
    from etl.campaigns import load_campaign_file
    from etl.load_folder import load_paths
    from etl.master import load_master
    from warehouse.db import connect

    path = settings.db_path(db_path)
    existed = Path(path).exists()
    con = connect(path)
    try:
        if existed:
            (n,) = con.execute("SELECT count(*) FROM opd").fetchall()[0]
            if n:
                # A newer release's shipped rules replace older shipped ones (never an
                # analyst's own edit), so an old warehouse labels like a new one.
                from etl.classify import upgrade_shipped_rules

                upgrade_shipped_rules(con)
                _label_pending(con)
                return False
        master, exports = sample_files(root)
        if master is None:
            return False
        load_master(con, master)
        if exports.is_dir():
            reports = load_paths(con, [exports], loaded_by="bootstrap", progress=progress)
            failed = [r for r in reports if r.status in ("failed", "needs_review")]
            if failed:
                names = "; ".join(f"{r.file}: {r.error or r.status}" for r in failed[:5])
                raise SampleDataError(
                    f"{len(failed)} berkas data contoh gagal dimuat ({names}). "
                    "Gudang data contoh tidak lengkap; perbaiki berkas atau pemuatnya."
                )
        root = root or settings.SAMPLE_DATA_DIR
        for campaigns in sorted(root.glob("Program Unggulan*.xlsx")):  # the analyst's campaigns
            if not campaigns.name.startswith("~$"):
                load_campaign_file(con, campaigns)
        return True
    finally:
        con.close()
