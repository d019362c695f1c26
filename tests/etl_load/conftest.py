"""Helpers for the loader tests: a small master list and ParsedTables built by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from etl.master import load_master
from etl.schema import POST_SCHEMA, REJECT_SCHEMA, ParsedTable
from warehouse.db import connect

# Operator personal data that must never appear in any output.
SECRET_NAMES = ("Siti Rahmawati", "Budi Santoso", "Agus Priyanto")
SECRET_PHONES = ("081234567890", "6285712345678", "0813-9988-7766")

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
MASTER_HEADER = [
    "No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok",
    "Nama Operator", "No. HP Operator", "Sudah Pelatihan",
]  # fmt: skip


def write_master(path: Path, header=MASTER_HEADER, rows=MASTER_ROWS) -> Path:
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


@pytest.fixture
def con():
    c = connect(":memory:")
    yield c
    c.close()


@pytest.fixture
def master_con(con, tmp_path):
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    return con


def posts_frame(rows: list[dict]) -> pl.DataFrame:
    full = []
    for i, r in enumerate(rows):
        base = {k: None for k in POST_SCHEMA}
        base["source_row"] = i + 2
        base.update(r)
        full.append(base)
    return pl.DataFrame(full, schema=POST_SCHEMA)


def ig_post(
    n: int, *, likes: int = 10, caption: str | None = None, day: int = 1, handle="dinkes.sukamaju"
):
    return {
        "platform": "instagram",
        "native_id": f"1790000000{n:04d}",
        "account_handle": handle,
        "published_at": dt.datetime(2026, 10, day, 8, n % 60),
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


def table(rows: list[dict], *, fmt="meta_instagram", platform="instagram", exported_at=None,
          rejects=None, sheet=None, account_handle=None) -> ParsedTable:  # fmt: skip
    rej = pl.DataFrame(rejects or [], schema=REJECT_SCHEMA)
    return ParsedTable(
        format=fmt,
        posts=posts_frame(rows),
        rejects=rej,
        sheet=sheet,
        platform=platform,
        account_handle=account_handle,
        exported_at=exported_at,
    )


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def posts_state(con) -> pl.DataFrame:
    """posts without volatile columns, sorted: for exact comparisons."""
    return con.sql("SELECT * FROM posts ORDER BY post_key").pl()


@pytest.fixture(autouse=True)
def _no_labels(request, monkeypatch):
    """Loader tests check the loader; labelling (etl.classify/etl.campaigns, tested by their
    owners) runs for real only in tests marked `with_labels`."""
    if "with_labels" not in request.keywords:
        monkeypatch.setattr("etl.recompute.label", lambda con, load_ids: None)


def pytest_configure(config):
    config.addinivalue_line("markers", "with_labels: run the real classify/campaign step")
