"""Everything the tests build: warehouses, master lists, posts.

- `sample_warehouse()`: the bundled fictional kabupaten (sample_data/), built ONCE per set of
  sources and shared by every xdist worker and every worktree of this machine through a cache
  directory outside the repository ($PANTAU_TEST_CACHE, default $TMPDIR/pantau-test-cache).
  It is built by `python -m etl bootstrap` in its own interpreter (no test's patch reaches it)
  and kept only when its labels pass warehouse.label_health.
  The file name carries a hash of sample_data/, etl/ and warehouse/ (and DuckDB's version), so a
  change to any of them builds a new one. A file lock makes concurrent workers wait for the one
  that builds. Tests never open the cached file: `private_copy` gives each its own.
- `hand_warehouse()`: a small in-memory warehouse whose every number can be computed by hand.
- `write_master()`: a "Daftar Akun Medsos OPD" workbook; `ig_post()`, `posts_frame()`,
  `table()`: hand-built posts in the loader's ParsedTable shape.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
from filelock import FileLock

from etl.load import load_tables
from etl.schema import POST_SCHEMA, REJECT_SCHEMA, ParsedTable
from warehouse import coverage_days, day_counts
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SOURCES = ("sample_data", "etl", "warehouse")
# The bundled master list (the fictional Kabupaten Sukamaju's OPDs and accounts).
SAMPLE_MASTER = ROOT / "sample_data" / "Daftar Akun Medsos OPD Kabupaten Sukamaju 2026.xlsx"
_SKIP_SUFFIXES = {".pyc", ".duckdb", ".wal", ".tmp"}
# Written while tests run (the fitted model's cache, backups): not sources. Hashing them made
# a worker that started after the first model fit see another key and build the sample again.
_SKIP_DIRS = {"__pycache__", "model_cache", "backups"}


# --------------------------------------------------------------------------- sample warehouse


def cache_dir() -> Path:
    d = Path(
        os.environ.get("PANTAU_TEST_CACHE") or Path(tempfile.gettempdir()) / "pantau-test-cache"
    )
    d.mkdir(parents=True, exist_ok=True)
    return d


@functools.cache
def sources_key() -> str:
    """Hash of every file the sample warehouse is built from (paths and bytes)."""
    h = hashlib.sha256(duckdb.__version__.encode())
    for top in SAMPLE_SOURCES:
        for p in sorted((ROOT / top).rglob("*")):
            if not p.is_file() or p.suffix in _SKIP_SUFFIXES or _SKIP_DIRS & set(p.parts):
                continue
            h.update(str(p.relative_to(ROOT)).encode() + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def sample_warehouse() -> Path:
    """Path of the cached sample warehouse for the current sources (built when missing).

    Built by `python -m etl bootstrap` in a fresh interpreter: nothing a test did to this
    process (a monkeypatched labeller, a setting, an environment variable) can change what
    every other test then reads. Never cached, nor returned from the cache, unless it passes
    `sample_problems`. Read-only: copy it (`private_copy`) before opening, since DuckDB writes
    on open.
    """
    key = sources_key()
    target = cache_dir() / f"sample-{key}.duckdb"
    if target.exists() and not sample_problems(target):
        os.utime(target)  # in use: not pruned
        return target
    with FileLock(str(target) + ".lock"):
        if target.exists():  # another worker built it while this one waited
            if not sample_problems(target):
                return target
            target.unlink()  # a bad one (cached before this check existed): built again
        _prune(keep=target)
        work = Path(tempfile.mkdtemp(prefix=f"sample-{key}-", dir=cache_dir()))
        try:
            built = work / "pantau.duckdb"
            _build(built)
            duckdb.connect(str(built)).execute("CHECKPOINT").close()
            found = sample_problems(built)
            assert not found, f"sample_data/ built a warehouse that fails its check: {found}"
            built.chmod(0o444)
            os.replace(built, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return target


# Settings the sample is built without: it must be what a first start gives by default. Only
# where the fitted model is kept is passed on (it changes how long the build takes, not what).
_BUILD_ENV_KEEP = {"PANTAU_MODEL_CACHE"}


def _build(path: Path, root: Path | None = None) -> None:
    """`python -m etl --db path bootstrap` in a new interpreter at the repository root; root:
    another sample folder (tests), else sample_data/."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("PANTAU_") or k in _BUILD_ENV_KEEP
    }
    more = ["--sample-dir", str(root)] if root is not None else []
    run = subprocess.run(
        [sys.executable, "-m", "etl", "--db", str(path), "bootstrap", *more],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0 and path.exists(), (
        f"sample_data/ did not build a warehouse (exit {run.returncode}):\n{run.stderr[-4000:]}"
    )


def sample_problems(path: Path) -> list[str]:
    """warehouse.label_health.problems of a warehouse file, opened read-only: no rule set, no
    active model, posts without content type, post_content_month unequal to its recount."""
    from warehouse import label_health

    con = duckdb.connect(str(path), read_only=True)
    try:
        return label_health.problems(con)
    finally:
        con.close()


def _prune(keep: Path, max_age_days: float = 2.0) -> None:
    """Drop cached warehouses of sources nobody has built for a while (old commits)."""
    cutoff = time.time() - max_age_days * 86400
    for old in cache_dir().glob("sample-*.duckdb"):
        if old != keep and old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


def private_copy(source: Path, folder: Path) -> Path:
    """A writable copy of a warehouse file in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "pantau.duckdb"
    shutil.copyfile(source, target)
    target.chmod(0o644)
    return target


def empty_warehouse(path: Path) -> Path:
    """A migrated warehouse with no OPD and no post."""
    connect(path).close()
    return path


# --------------------------------------------------------------------------- master lists

# Operator personal data that must never appear in any output.
SECRET_NAMES = ("Siti Rahmawati", "Budi Santoso", "Agus Priyanto")
SECRET_PHONES = ("081234567890", "6285712345678", "0813-9988-7766")

MASTER_HEADER = [
    "No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok",
    "Nama Operator", "No. HP Operator", "Sudah Pelatihan",
]  # fmt: skip
MASTER_ROWS = [
    # No, Nama OPD, Singkatan, Jenis, Induk, Instagram, Facebook, TikTok, Operator, HP, Pelatihan
    [1, "Dinas Kesehatan", "Dinkes", "Dinas", None, "@dinkes.sukamaju", "Dinas Kesehatan Kab. Sukamaju",
     "-", SECRET_NAMES[0], SECRET_PHONES[0], "Ya"],
    [2, "Dinas Komunikasi dan Informatika", "Diskominfo", None, None,
     "https://www.instagram.com/kominfo_sukamaju/", None, "@kominfosukamaju", SECRET_NAMES[1],
     int(SECRET_PHONES[1]), "Sudah"],
    [3, "Badan Perencanaan Pembangunan Daerah", "Bappeda", "Badan", None, "bappeda.sukamaju", None,
     None, None, None, "Belum"],
    [4, "Kecamatan Sukamaju", None, None, None, "kec.sukamaju", None, None, SECRET_NAMES[2],
     SECRET_PHONES[2], "Tidak"],
    [5, "Desa Mekarsari", None, None, "Sukamaju", "desa_mekarsari", None, None, None, None, None],
    [6, "Kelurahan Cibeureum", None, "Kelurahan", "Kecamatan Sukamaju", None, None, None, None,
     None, ""],
]  # fmt: skip

# Four OPDs with one Instagram account each (the classifier tests).
CLASSIFY_MASTER_HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook"]
CLASSIFY_MASTER_ROWS = [
    [1, "Dinas Kesehatan", "Dinkes", "Dinas", None, "@dinkes.sukamaju", None],
    [2, "Dinas Komunikasi dan Informatika", "Diskominfo", "Dinas", None, "@kominfo.sukamaju", None],
    [3, "Dinas Pertanian", "Distan", "Dinas", None, "@distan.sukamaju", None],
    [4, "Kecamatan Sukamaju", None, "Kecamatan", None, "@kec.sukamaju", None],
]


def write_master(path: Path, header=MASTER_HEADER, rows=MASTER_ROWS) -> Path:
    """The master list as OPDs send it: title rows, a blank row, the header, the rows, then a
    signature line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Akun"
    ws["A1"] = "DAFTAR AKUN MEDIA SOSIAL PERANGKAT DAERAH"
    ws["A2"] = "KABUPATEN SUKAMAJU TAHUN 2026"
    ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    ws.append([])
    ws.append([None, "Sukamaju, 1 November 2026"])
    wb.save(path)
    return path


# --------------------------------------------------------------------------- posts

# A Meta Business Suite Instagram export's header row (etl/formats/meta_instagram), and the
# start of such a file as Meta writes it (UTF-8 with BOM, header, line end).
IG_HEADER = (
    '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)",'
    '"Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,'
    "Comments,Saves"
)
IG_EXPORT_START = "\ufeff" + IG_HEADER + "\n"


def posts_frame(rows: list[dict]) -> pl.DataFrame:
    """Posts in the loader's POST_SCHEMA; missing fields are null, source_row counts from 2."""
    full = []
    for i, r in enumerate(rows):
        base = {k: None for k in POST_SCHEMA}
        base["source_row"] = i + 2
        base.update(r)
        full.append(base)
    return pl.DataFrame(full, schema=POST_SCHEMA)


def ig_post(n: int, caption: str | None = None, *, likes: int = 10, day: int | dt.date = 1,
            handle: str = "dinkes.sukamaju", logbook_label: str | None = None) -> dict:  # fmt: skip
    """One Meta Business Suite Instagram post; `day` is a day of October 2026 or a date."""
    d = day if isinstance(day, dt.date) else dt.date(2026, 10, day)
    post = {
        "platform": "instagram",
        "native_id": f"1790000000{n:04d}",
        "account_handle": handle,
        "published_at": dt.datetime(d.year, d.month, d.day, 8, n % 60),
        "caption": caption if caption is not None else f"Kegiatan posyandu nomor {n}",
        "post_format_raw": "IG image",
        "post_format": "foto",
        "permalink": f"https://www.instagram.com/p/ABC{n}/",
        "views": likes * 10,
        "reach": likes * 8,
        "reactions": likes,
        "comments": 1,
        "shares": 0,
        "saves": 2,
    }
    if logbook_label is not None:
        post["logbook_label"] = logbook_label
    return post


def table(rows: list[dict], *, fmt="meta_instagram", platform="instagram", exported_at=None,
          rejects=None, sheet=None, account_handle=None) -> ParsedTable:  # fmt: skip
    """Hand-built posts as one parsed table."""
    return ParsedTable(
        format=fmt,
        posts=posts_frame(rows),
        rejects=pl.DataFrame(rejects or [], schema=REJECT_SCHEMA),
        sheet=sheet,
        platform=platform,
        account_handle=account_handle,
        exported_at=exported_at,
    )


def load_rows(con, rows: list[dict], name: str, *, fmt: str = "meta_instagram",
              platform: str | None = "instagram"):  # fmt: skip
    """Load hand-built posts as one file through the real loader (which labels them)."""
    report = load_tables(
        con, [table(rows, fmt=fmt, platform=platform)], file_name=name, sha256=sha(name)
    )
    assert report.status == "loaded", report.error
    return report


def one(con, sql: str, params: list | None = None):
    rows = con.execute(sql, params or []).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def posts_state(con) -> pl.DataFrame:
    """posts without volatile columns, sorted: for exact comparisons."""
    return con.sql("SELECT * FROM posts ORDER BY post_key").pl()


# --------------------------------------------------------------------------- hand warehouse
# Every number of this warehouse can be computed by hand (tests/warehouse/reference.py does).
# Period under test: January 2026 (previous: December 2025, year ago: January 2025).
# OPDs (expected_to_post unless said):
#   1 Dinas Kesehatan (dinas): operator trained; facebook #1 and instagram #2
#   2 Dinas Pendidikan (dinas): operator NOT trained; facebook #3
#   3 Badan Keuangan (badan): NO operator; instagram #4 (+ logbook rows without an account)
#   4 Kecamatan Kota (kecamatan): operator, training unknown; NO account (logbook rows only)
#   5 Desa Sukamaju (desa): operator trained; tiktok #5 that never posted
#   6 Sekretariat DPRD (sekretariat): NOT expected to post; facebook #6

D = dt.datetime

OPDS = [
    # opd_id, name, short, kind, operator_name, operator_trained, expected_to_post
    (1, "Dinas Kesehatan", "Dinkes", "dinas", "Ani", True, True),
    (2, "Dinas Pendidikan", "Disdik", "dinas", "Budi", False, True),
    (3, "Badan Keuangan", "BKD", "badan", None, None, True),
    (4, "Kecamatan Kota", "Kec. Kota", "kecamatan", "Citra", None, True),
    (5, "Desa Sukamaju", "Sukamaju", "desa", "  ", True, True),
    (6, "Sekretariat DPRD", "Setwan", "sekretariat", "Eko", True, False),
]
# Desa Sukamaju's operator name is blank: counts as "no operator".

ACCOUNTS = [
    # account_id, opd_id, platform, handle
    (1, 1, "facebook", "dinkes"),
    (2, 1, "instagram", "dinkes.ig"),
    (3, 2, "facebook", "disdik"),
    (4, 3, "instagram", "bkd"),
    (5, 5, "tiktok", "sukamaju"),
    (6, 6, "facebook", "setwan"),
]

# post rows: opd_id, account_id, platform, published_at, content_type, figure, reactions,
# comments, shares, reach
POSTS = [
    # --- January 2026 -------------------------------------------------------------------
    # Dinkes facebook: 5 posts (weeks of 29 Dec, 5 Jan, 12 Jan, 19 Jan) -> active
    (1, 1, "facebook", D(2026, 1, 2, 8), "kegiatan", False, 10, 2, 1, 100),
    (1, 1, "facebook", D(2026, 1, 5, 9), "layanan", False, 20, 0, 0, 200),
    (1, 1, "facebook", D(2026, 1, 9, 10), "ucapan", False, 5, 1, 0, None),
    (1, 1, "facebook", D(2026, 1, 16, 11), "informasi", False, 8, 0, 2, 80),
    (1, 1, "facebook", D(2026, 1, 23, 12), "capaian", False, 30, 5, 5, 400),
    # Dinkes instagram: 2 posts (week of 29 Dec, week of 26 Jan)
    (1, 2, "instagram", D(2026, 1, 3, 8), "ucapan", False, 40, 0, 0, None),
    (1, 2, "instagram", D(2026, 1, 30, 20), "kegiatan", True, 12, 3, 0, None),
    # Disdik facebook: 3 posts, the last on 8 January -> below minimum, not dormant on 31 Jan
    (2, 3, "facebook", D(2026, 1, 6, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2026, 1, 7, 8), "ucapan", True, 2, 0, 0, None),
    (2, 3, "facebook", D(2026, 1, 8, 8), "kegiatan", True, 3, 0, 0, None),
    # BKD: 2 on its instagram account + 2 logbook rows not matched to an account -> max 2/account
    (3, 4, "instagram", D(2026, 1, 10, 8), "informasi", False, 0, 0, 0, None),
    (3, 4, "instagram", D(2026, 1, 20, 8), "lainnya", False, 0, 0, 0, None),
    (3, None, "instagram", D(2026, 1, 11, 8), "kegiatan", False, 0, 0, 0, None),
    (3, None, "instagram", D(2026, 1, 12, 8), None, False, 0, 0, 0, None),
    # Kecamatan Kota: no account, 4 logbook facebook rows -> active through the platform bucket
    (4, None, "facebook", D(2026, 1, 1, 7), "kegiatan", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 14, 7), "kegiatan", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 15, 7), "klarifikasi", False, None, None, None, None),
    (4, None, "facebook", D(2026, 1, 31, 23, 59), "ucapan", False, None, None, None, None),
    # Setwan (not expected to post): 1 post
    (6, 6, "facebook", D(2026, 1, 19, 8), "kegiatan", False, 7, 0, 0, None),
    # --- December 2025 (previous period) -------------------------------------------------
    (1, 1, "facebook", D(2025, 12, 1, 8), "kegiatan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 8, 8), "kegiatan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 15, 8), "ucapan", False, 1, 0, 0, None),
    (1, 1, "facebook", D(2025, 12, 22, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 2, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 3, 8), "ucapan", False, 1, 0, 0, None),
    (2, 3, "facebook", D(2025, 12, 4, 8), "ucapan", False, 1, 0, 0, None),
    (3, 4, "instagram", D(2025, 12, 5, 8), "kegiatan", False, 1, 0, 0, None),
    # --- January 2025 (year ago) -----------------------------------------------------------
    (1, 1, "facebook", D(2025, 1, 10, 8), "kegiatan", False, 100, 0, 0, None),
    # --- February 2026 (after the period: must not count anywhere for January) -------------
    (1, 1, "facebook", D(2026, 2, 1, 0, 0), "ucapan", False, 1000, 0, 0, None),
]

JAN = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


def hand_warehouse(posts: list[tuple] | None = None):
    """The warehouse above; `posts` replaces POSTS (same tuple shape) for property tests."""
    posts = POSTS if posts is None else posts
    con = connect(":memory:")
    con.register("opd_df", pl.DataFrame(
        OPDS,
        schema=["opd_id", "name", "short_name", "kind", "operator_name", "operator_trained",
                "expected_to_post"],
        orient="row",
    ))  # fmt: skip
    con.execute(
        "INSERT INTO opd (opd_id, name, short_name, kind, operator_name, operator_trained,"
        " expected_to_post) SELECT * FROM opd_df"
    )
    acc_df = pl.DataFrame(
        ACCOUNTS, schema=["account_id", "opd_id", "platform", "handle"], orient="row"
    )
    con.register("acc_df", acc_df)
    con.execute(
        "INSERT INTO account (account_id, opd_id, platform, handle, handle_norm)"
        " SELECT account_id, opd_id, platform, handle, handle FROM acc_df"
    )
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, format, platform, rows_read, n_new, status)"
        " VALUES (1, 'rekap.xlsx', 'abc', 'logbook', NULL, 30, 30, 'loaded')"
    )
    con.register("posts_df", pl.DataFrame(
        [(f"p{i:03d}", *row) for i, row in enumerate(posts)],
        schema={"post_key": pl.String, "opd_id": pl.Int32, "account_id": pl.Int32,
                "platform": pl.String, "published_at": pl.Datetime("us"),
                "content_type": pl.String, "is_figure_centric": pl.Boolean,
                "reactions": pl.Int64, "comments": pl.Int64, "shares": pl.Int64,
                "reach": pl.Int64},
        orient="row",
    ))  # fmt: skip
    con.execute(
        "INSERT INTO posts (post_key, opd_id, account_id, platform, published_at, caption,"
        " content_type, content_source, content_reason, is_figure_centric, reactions, comments,"
        " shares, reach, permalink, load_id, first_load_id, observed_at)"
        " SELECT post_key, opd_id, account_id, platform, published_at,"
        " 'Postingan ' || post_key, content_type, 'rule', 'aturan uji', is_figure_centric,"
        " reactions, comments, shares, reach, 'https://example.test/' || post_key, 1, 1,"
        " published_at FROM posts_df"
    )
    # Posts written by hand, not by a load: their per-day counts too (warehouse/day_counts.py).
    day_counts.recount(con)
    # One live observation per post, so the loader's checks hold on this warehouse too.
    con.execute(
        "INSERT INTO post_observation (load_id, post_key, opd_id, account_id, platform,"
        " published_at, reactions, comments, shares, reach, observed_at)"
        " SELECT load_id, post_key, opd_id, account_id, platform, published_at, reactions,"
        " comments, shares, reach, observed_at FROM posts"
    )
    # The load declares every day from 2024 to 2027 for every OPD (a logbook of all its
    # accounts): all data received, so every OPD is judged on its posts (etl/coverage.py).
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) SELECT 1, opd_id, NULL, NULL, DATE '2024-01-01', DATE '2027-12-31',"
        " 'title' FROM opd"
    )
    for name in ("opd_df", "acc_df", "posts_df"):
        con.unregister(name)
    coverage_written(con)
    return con


def coverage_spans_written(con, spans) -> None:
    """The warehouse's coverage rows replaced by `spans`, each (opd_id, platform, account_id,
    first day, days after it that the span also covers) of load 1 with basis 'title', and the
    covered days recomputed (coverage_written): the random coverage of the judgement tests."""
    con.execute("DELETE FROM load_coverage")
    for opd_id, platform, account_id, first, days in spans:
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id,"
            " period_start, period_end, basis) VALUES (1, ?, ?, ?, ?, ?, 'title')",
            [opd_id, platform, account_id, first, first + dt.timedelta(days=days)],
        )
    coverage_written(con)


def coverage_written(con) -> None:
    """After a test wrote load_coverage, loads or account by hand (not through the loader, undo
    or the master list, which keep them): the covered days kept from them, recomputed
    (warehouse.coverage_days.rebuild)."""
    coverage_days.rebuild(con)
