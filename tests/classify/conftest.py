"""Helpers for the classification tests: a small warehouse with four OPDs and hand-built loads."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from etl.load import load_tables
from etl.master import load_master
from etl.schema import POST_SCHEMA, REJECT_SCHEMA, ParsedTable
from warehouse.db import connect

MASTER = [
    ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook"],
    [1, "Dinas Kesehatan", "Dinkes", "Dinas", None, "@dinkes.sukamaju", None],
    [2, "Dinas Komunikasi dan Informatika", "Diskominfo", "Dinas", None, "@kominfo.sukamaju", None],
    [3, "Dinas Pertanian", "Distan", "Dinas", None, "@distan.sukamaju", None],
    [4, "Kecamatan Sukamaju", None, "Kecamatan", None, "@kec.sukamaju", None],
]


def write_master(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "DAFTAR AKUN MEDIA SOSIAL PERANGKAT DAERAH"
    ws.append([])
    for r in MASTER:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def con(tmp_path):
    c = connect(":memory:")
    load_master(c, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    yield c
    c.close()


def ig_post(n: int, caption: str, *, handle: str = "dinkes.sukamaju", day: dt.date | None = None,
            likes: int = 10, logbook_label: str | None = None) -> dict:  # fmt: skip
    d = day or dt.date(2026, 10, 1)
    return {
        "platform": "instagram",
        "native_id": f"1791000000{n:04d}",
        "account_handle": handle,
        "published_at": dt.datetime(d.year, d.month, d.day, 9, n % 60),
        "caption": caption,
        "post_format_raw": "IG image",
        "post_format": "foto",
        "permalink": f"https://www.instagram.com/p/CLS{n}/",
        "reactions": likes,
        "comments": 1,
        "shares": 0,
        "logbook_label": logbook_label,
    }


def load_rows(con, rows: list[dict], name: str, *, fmt: str = "meta_instagram",
              platform: str | None = "instagram"):  # fmt: skip
    """Load hand-built posts as one file through the real loader (which labels them)."""
    full = []
    for i, r in enumerate(rows):
        base = {k: None for k in POST_SCHEMA}
        base["source_row"] = i + 2
        base.update(r)
        full.append(base)
    table = ParsedTable(
        format=fmt,
        posts=pl.DataFrame(full, schema=POST_SCHEMA),
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
        platform=platform,
    )
    report = load_tables(
        con, [table], file_name=name, sha256=hashlib.sha256(name.encode()).hexdigest()
    )
    assert report.status == "loaded", report.error
    return report


def one(con, sql: str, params: list | None = None):
    rows = con.execute(sql, params or []).fetchall()
    assert len(rows) == 1, rows
    return rows[0]
