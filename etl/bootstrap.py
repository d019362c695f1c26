"""First start: build the warehouse from sample_data/ when it is missing or has no OPDs."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from warehouse import settings

if TYPE_CHECKING:
    from collections.abc import Callable

    import duckdb


LABEL_TRIES = 3  # labelling attempts at a start before it refuses (a conflict passes quickly)
_RETRY_SECONDS = 0.5


def _label_pending(con: duckdb.DuckDBPyConnection) -> None:
    """Label the posts a folder load left unlabelled (etl.label_passes.label_batch), trying up to
    LABEL_TRIES times. Raises SampleDataError when posts are still unlabelled: content figures
    over unlabelled posts would be wrong, so the start stops and says why."""
    from etl.label_passes import label_batch
    from etl.recompute import pending_label_loads

    tries, problem = 0, None
    while pending_label_loads(con):
        if tries >= LABEL_TRIES:
            raise SampleDataError(
                f"Label jenis konten postingan gagal dihitung setelah {tries} kali percobaan "
                f"({problem or 'postingan tetap tanpa label'}). Gudang data tidak dipakai agar "
                "angka jenis konten tidak salah; buka aplikasi lagi (label dicoba lagi), atau "
                "jalankan python -m etl bootstrap dan laporkan pesan ini bila tetap gagal."
            )
        if tries:
            time.sleep(_RETRY_SECONDS * tries)  # another writer's relabelling: let it finish
        problem = label_batch(con, [])
        tries += 1


class SampleDataError(RuntimeError):
    """A bundled sample file failed to load, or the posts could not be labelled: the first
    start would show a silently empty, partial or unlabelled kabupaten, so it stops with the
    reason instead (Bahasa Indonesia)."""


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
    export fails to load, or when posts are still unlabelled after LABEL_TRIES labelling
    attempts (an existing warehouse too: a stopped folder load's posts are labelled here), or
    when a new warehouse's labels fail warehouse.label_health (no rule set, no active model,
    a per-month content count unequal to its recount).
    """
    from etl.campaigns import load_campaign_file
    from etl.load_folder import load_paths
    from etl.master import load_master
    from warehouse.db import connect

    path = settings.db_path(db_path)
    existed = Path(path).exists()
    if not existed:
        from etl import sandbox

        sandbox.warm()  # the parse workers start while the warehouse and master list are read
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
        # Retried when the folder's own labelling failed (its reports say why). Last: a refusal
        # here leaves every file and campaign in, for the next start to label.
        _label_pending(con)
        from warehouse import label_health

        found = label_health.problems(con)
        if found:
            raise SampleDataError(
                "Label jenis konten data contoh tidak lengkap: " + "; ".join(found) + ". "
                "Gudang data tidak dipakai agar angka jenis konten tidak salah."
            )
        return True
    finally:
        con.close()
