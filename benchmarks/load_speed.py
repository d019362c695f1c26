"""Loader speed: N generated files, one transaction per file, against a row-by-row
executemany baseline measured in the same run.

    .venv/bin/python benchmarks/load_speed.py [--files 40] [--rows 500] [--baseline-files 2]

Prints files/s and rows/s for
  1. load_tables: the loader proper (OPD matching, keys, observations, posts recompute, rejects,
     loads row, commit) on ParsedTables built in memory;
  2. load_paths end to end on generated Meta Instagram CSV files (parse included), when
     etl.parse is available;
  3. baseline: the same rows inserted into post_observation with executemany, one transaction
     per file (no matching, no posts): what "row by row" costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.load import OBS_COLUMNS, load_tables  # noqa: E402
from etl.load_folder import load_paths  # noqa: E402
from etl.master import load_master  # noqa: E402
from etl.schema import POST_SCHEMA, REJECT_SCHEMA, ParsedTable  # noqa: E402
from warehouse.db import connect  # noqa: E402

N_ACCOUNTS = 20
IG_HEADER = (
    '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)",'
    '"Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,'
    "Comments,Saves"
)
WORDS = [
    "kegiatan",
    "posyandu",
    "layanan",
    "informasi",
    "publik",
    "selamat",
    "hari",
    "capaian",
    "program",
    "desa",
    "warga",
]


def master_csv(path: Path) -> Path:
    lines = ["No;Nama OPD;Singkatan;Instagram"]
    lines += [f"{i + 1};Dinas Nomor {i + 1};DN{i + 1};opd{i}.bench" for i in range(N_ACCOUNTS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def caption(i: int) -> str:
    return " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(20 + i % 40))


def rows_for(file_no: int, n: int) -> list[dict]:
    handle = f"opd{file_no % N_ACCOUNTS}.bench"
    base = dt.datetime(2026, 1, 1, 7, 0)
    out = []
    for i in range(n):
        pid = f"{file_no:04d}{i:06d}"
        out.append(
            {
                "source_row": i + 2,
                "platform": "instagram",
                "native_id": pid,
                "account_handle": handle,
                "published_at": base + dt.timedelta(hours=i * 3 + file_no),
                "caption": caption(i + file_no),
                "post_format_raw": "IG image",
                "post_format": "foto",
                "permalink": f"https://www.instagram.com/p/B{pid}/",
                "views": 100 + i,
                "reach": 80 + i,
                "reactions": 10 + i % 50,
                "comments": i % 7,
                "shares": i % 3,
                "saves": i % 5,
            }
        )
    return out


def table_for(file_no: int, n: int) -> ParsedTable:
    posts = pl.DataFrame(rows_for(file_no, n), schema=POST_SCHEMA)
    return ParsedTable(
        format="meta_instagram",
        posts=posts,
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
        platform="instagram",
        exported_at=dt.datetime(2026, 11, 1),
    )


def write_csv(path: Path, file_no: int, n: int) -> None:
    lines = [IG_HEADER]
    for r in rows_for(file_no, n):
        lines.append(
            f'"{r["native_id"]}","1784","{r["account_handle"]}","OPD","{r["caption"]}",0,'
            f'"{r["published_at"]:%m/%d/%Y %H:%M}","{r["permalink"]}","IG image",,"Lifetime",'
            f"{r['views']},{r['reach']},{r['reactions']},{r['shares']},0,{r['comments']},{r['saves']}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def fresh_db(tmp: Path, name: str):
    con = connect(tmp / f"{name}.duckdb")
    load_master(con, master_csv(tmp / "master.csv"))
    return con


def bench_loader(tmp: Path, files: int, rows: int) -> float:
    con = fresh_db(tmp, "loader")
    tables = [table_for(f, rows) for f in range(files)]
    t0 = time.perf_counter()
    for f, t in enumerate(tables):
        r = load_tables(
            con, [t], file_name=f"f{f}.csv", sha256=hashlib.sha256(b"%d" % f).hexdigest()
        )
        assert r.status == "loaded", r.error
    elapsed = time.perf_counter() - t0
    (n,) = con.execute("SELECT count(*) FROM posts").fetchall()[0]
    assert n == files * rows
    con.close()
    return elapsed


def bench_end_to_end(tmp: Path, files: int, rows: int) -> float | None:
    try:
        import etl.parse  # noqa: F401
    except ModuleNotFoundError:
        return None
    folder = tmp / "exports"
    folder.mkdir()
    for f in range(files):
        write_csv(folder / f"ig_{f:04d}.csv", f, rows)
    con = fresh_db(tmp, "e2e")
    t0 = time.perf_counter()
    reports = load_paths(con, [folder])
    elapsed = time.perf_counter() - t0
    bad = [r for r in reports if r.status != "loaded"]
    assert not bad, bad[0].error
    con.close()
    return elapsed


def bench_executemany(tmp: Path, files: int, rows: int) -> float:
    con = fresh_db(tmp, "baseline")
    cols = ["load_id", *OBS_COLUMNS]
    sql = f"INSERT INTO post_observation ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    data = []
    for f in range(files):
        tuples = []
        for r in rows_for(f, rows):
            obs = {**r, "post_key": f"instagram:{r['native_id']}", "opd_id": 1, "account_id": None,
                   "logbook_label": None, "source_sheet": None, "observed_at": dt.datetime(2026, 11, 1)}  # fmt: skip
            tuples.append([f + 1, *[obs.get(c) for c in OBS_COLUMNS]])
        data.append(tuples)
    t0 = time.perf_counter()
    for tuples in data:
        con.execute("BEGIN TRANSACTION")
        con.executemany(sql, tuples)
        con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--baseline-files", type=int, default=2)
    a = ap.parse_args()
    total = a.files * a.rows
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        loader = bench_loader(tmp, a.files, a.rows)
        e2e = bench_end_to_end(tmp, a.files, a.rows)
        base = bench_executemany(tmp, a.baseline_files, a.rows)
    base_rows_s = a.baseline_files * a.rows / base
    print(f"{a.files} files x {a.rows} rows = {total} rows, one transaction per file")
    print(
        f"load_tables (loader proper):  {loader:6.2f} s  {a.files / loader:7.1f} files/s "
        f"{total / loader:9.0f} rows/s  {total / loader / base_rows_s:6.1f}x executemany"
    )
    if e2e is None:
        print("load_paths (parse included): skipped, etl.parse not available")
    else:
        print(
            f"load_paths (parse included):  {e2e:6.2f} s  {a.files / e2e:7.1f} files/s "
            f"{total / e2e:9.0f} rows/s  {total / e2e / base_rows_s:6.1f}x executemany"
        )
    print(
        f"baseline executemany ({a.baseline_files} files): {base:6.2f} s  "
        f"{a.baseline_files / base:7.2f} files/s {base_rows_s:9.0f} rows/s"
    )


if __name__ == "__main__":
    main()
