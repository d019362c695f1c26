"""A new master list that puts an account under another OPD (a desa's Instagram is in truth its
kecamatan's): the account's posts, observations and coverage go with it, so the figures are
those of a warehouse that had the new list from the start (independent evaluator 15's P4/P13:
before, the posts stayed with the old OPD and the new OPD's coverage said "missing")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from etl.load import load_file
from etl.master import load_master
from etl.undo import undo_load
from tests.factory import IG_HEADER, write_master
from warehouse import integrity
from warehouse.db import connect
from warehouse.queries import activity, filters

HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
V1 = [[1, "Kecamatan Mekarjaya", "Kec. Mekarjaya", "Kecamatan", None, "-", "-", None],
      [2, "Desa Mekarwangi", "Mekarwangi", "Desa", "Kecamatan Mekarjaya", "@mekarwangi.info",
       None, None]]  # fmt: skip
# v2: that Instagram is in truth the kecamatan's; the desa has none.
V2 = [[1, "Kecamatan Mekarjaya", "Kec. Mekarjaya", "Kecamatan", None, "@mekarwangi.info", "-",
       None],
      [2, "Desa Mekarwangi", "Mekarwangi", "Desa", "Kecamatan Mekarjaya", "-", None, None]]  # fmt: skip
OCT = filters.Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def _export(folder: Path, username: str, n: int, first: int) -> Path:
    lines = [IG_HEADER]
    for i in range(n):
        d = first + i * 3
        lines.append(
            f'"17920{first:03d}{i:05d}","","{username}","","Kegiatan posyandu ke-{i}",0,'
            f'"10/{d:02d}/2026 08:30","https://www.instagram.com/p/MV{first}x{i}/","IG image",,'
            f'"Lifetime",100,80,10,0,0,1,2'
        )
    path = folder / f"Oct-01-2026_Oct-31-2026_1784{first}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _state(con) -> dict[str, pl.DataFrame]:
    """Every table a move must carry, accounts by handle (ids differ between warehouses)."""
    acc = "LEFT JOIN account a USING (account_id)"
    tables = {
        "posts": f"SELECT p.* EXCLUDE (account_id, load_id, first_load_id, observed_at),"
        f" a.handle_norm FROM posts p {acc}",
        "observations": f"SELECT o.post_key, o.opd_id, a.handle_norm FROM post_observation o {acc}",
        "post_day_count": f"SELECT d.* EXCLUDE (account_id, account_key), a.handle_norm"
        f" FROM post_day_count d {acc}",
        "post_content_month": "SELECT * FROM post_content_month",
        "post_format_month": "SELECT * FROM post_format_month",
        "spans": f"SELECT s.opd_id, a.handle_norm, s.platform, s.period_start, s.period_end"
        f" FROM v_coverage_span s {acc}",
    }
    out = {k: con.sql(q).pl() for k, q in tables.items()}
    out["judgement"] = activity.opd_index(con, OCT).select(
        "opd", "posts", "activity_status", "data_complete"
    )
    return {k: v.sort(v.columns) for k, v in out.items()}


def _warehouse(tmp_path: Path, name: str, masters: list[list], files: list[Path], after: list):
    con = connect(str(tmp_path / f"{name}.duckdb"))
    for i, rows in enumerate(masters):
        load_master(con, write_master(tmp_path / f"{name}-m{i}.xlsx", header=HEADER, rows=rows))
    for f in files:
        r = load_file(con, f)
        assert r.status == "loaded", r.error
    notes = []
    for i, rows in enumerate(after):
        rep = load_master(
            con, write_master(tmp_path / f"{name}-a{i}.xlsx", header=HEADER, rows=rows)
        )
        notes += rep.notes
    return con, notes


def test_a_moved_account_takes_its_posts_and_coverage_as_if_the_list_had_said_so(tmp_path):
    files = [
        _export(tmp_path / "unduhan", "mekarwangi.info", 6, 1),
        _export(tmp_path / "unduhan", "mekarwangi.info", 2, 20),
    ]
    moved, notes = _warehouse(tmp_path, "moved", [V1], files, after=[V2])
    fresh, _ = _warehouse(tmp_path, "fresh", [V2], files, after=[])
    try:
        got, want = _state(moved), _state(fresh)
        for name in want:
            assert got[name].equals(want[name]), (name, got[name], want[name])
        judged = {r["opd"]: r for r in want["judgement"].iter_rows(named=True)}
        assert judged["Kecamatan Mekarjaya"]["posts"] == 8
        assert judged["Kecamatan Mekarjaya"]["data_complete"] is True
        assert any("@mekarwangi.info" in n and "8 postingan" in n for n in notes), notes
        assert integrity.problems(moved) == []
        # An undo after the move takes the posts out of the new OPD, as in the fresh warehouse.
        for name in ("Oct-01-2026_Oct-31-2026_178420.csv", "Oct-01-2026_Oct-31-2026_17841.csv"):
            for con in (moved, fresh):
                (load_id,) = con.execute(
                    "SELECT load_id FROM loads WHERE file_name = ?", [name]
                ).fetchone()
                undo_load(con, load_id)
            got, want = _state(moved), _state(fresh)
            for table in want:
                assert got[table].equals(want[table]), (name, table, got[table], want[table])
        assert integrity.problems(moved) == []
    finally:
        moved.close()
        fresh.close()
