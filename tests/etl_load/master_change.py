"""Shared by the tests of master-list changes (accounts moved, dropped): an Instagram export,
a warehouse built from master lists and files, its state by account handle, and the summary
checks that fail."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from etl.load import load_file
from etl.master import load_master
from tests.factory import IG_HEADER, write_master
from warehouse.db import connect
from warehouse.queries import activity, filters


def ig_export(folder: Path, username: str, n: int, first: int, month: int = 10) -> Path:
    """A Meta Instagram export of `username` for one month of 2026: n posts, every third day
    from day `first`."""
    lines = [IG_HEADER]
    for i in range(n):
        d = first + i * 3
        lines.append(
            f'"17920{first:03d}{month:02d}{i:05d}","","{username}","","Kegiatan posyandu ke-{i}",0,'
            f'"{month}/{d:02d}/2026 08:30","https://www.instagram.com/p/MV{month}{first}x{i}/",'
            f'"IG image",,"Lifetime",100,80,10,0,0,1,2'
        )
    last = {9: 30, 10: 31, 11: 30}[month]
    mon = {9: "Sep", 10: "Oct", 11: "Nov"}[month]
    path = folder / f"{mon}-01-2026_{mon}-{last}-2026_1784{first}{month}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def state(con, period: filters.Filters) -> dict[str, pl.DataFrame]:
    """Every table a master-list change must keep right, accounts by handle (ids differ between
    warehouses), and the judgement of `period`."""
    acc = "LEFT JOIN account a USING (account_id)"
    tables = {
        "posts": f"SELECT p.* EXCLUDE (account_id, load_id, first_load_id, observed_at),"
        f" a.handle_norm FROM posts p {acc}",
        "observations": f"SELECT o.post_key, o.opd_id, a.handle_norm FROM post_observation o {acc}",
        "post_day_count": f"SELECT d.* EXCLUDE (account_id, account_key), a.handle_norm"
        f" FROM post_day_count d {acc}",
        "post_content_month": "SELECT * FROM post_content_month",
        "post_content_day": "SELECT * FROM post_content_day",
        "post_format_month": "SELECT * FROM post_format_month",
        "post_top_month": "SELECT * FROM post_top_month",
        "spans": f"SELECT s.opd_id, a.handle_norm, s.platform, s.period_start, s.period_end"
        f" FROM v_coverage_span s {acc}",
    }
    out = {k: con.sql(q).pl() for k, q in tables.items()}
    out["judgement"] = activity.opd_index(con, period).select(
        "opd", "posts", "activity_status", "data_complete"
    )
    return {k: v.sort(v.columns) for k, v in out.items()}


def checks(con) -> dict[str, int]:
    """Every summary check (warehouse/sql/checks: kept tables against their recount) that
    returns rows, with how many."""
    out = {}
    for path in sorted((Path(__file__).parents[2] / "warehouse" / "sql" / "checks").glob("*.sql")):
        n = len(con.execute(path.read_text(encoding="utf-8")).fetchall())
        if n:
            out[path.stem] = n
    return out


def warehouse(tmp_path: Path, name: str, header: list, masters: list[list], files: list[Path],
              after: list):  # fmt: skip
    """A warehouse file: `masters` loaded, then `files`, then `after` (master lists). Returns
    (connection, the notes of the `after` loads)."""
    con = connect(str(tmp_path / f"{name}.duckdb"))
    for i, rows in enumerate(masters):
        load_master(con, write_master(tmp_path / f"{name}-m{i}.xlsx", header=header, rows=rows))
    for f in files:
        r = load_file(con, f)
        assert r.status == "loaded", r.error
    notes = []
    for i, rows in enumerate(after):
        rep = load_master(
            con, write_master(tmp_path / f"{name}-a{i}.xlsx", header=header, rows=rows)
        )
        notes += rep.notes
    return con, notes
