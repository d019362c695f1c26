"""Coverage follows loads exactly: an export of a month with no posts turns that account-month
from "no data" into "zero posts" and nothing else; undo gives back the previous coverage."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib

import openpyxl
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.load import load_file, load_tables, undo_load
from etl.master import load_master
from etl.schema import REJECT_SCHEMA, ParsedTable
from tests.factory import posts_frame, write_master
from warehouse.db import connect

MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OPDS = (("Dinkes", "dinkes.sukamaju"), ("Bappeda", "bappeda.sukamaju"),
        ("Kecamatan Sukamaju", "kec.sukamaju"))  # fmt: skip
MONTHS = ((2026, 7), (2026, 8), (2026, 9), (2026, 10))
DEFAULT = ("missing", 0, 0, None)


def _warehouse(tmp_path):
    con = connect(":memory:")
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    return con


def _load_month(con, opd: int, month: int, n_posts: int, tag: str) -> int:
    y, m = MONTHS[month]
    last = calendar.monthrange(y, m)[1]
    name = f"{MON[m - 1]}-01-{y}_{MON[m - 1]}-{last:02d}-{y}_{tag}.csv"
    rows = [
        {
            "platform": "instagram",
            "native_id": f"{tag}{k}",
            "account_handle": OPDS[opd][1],
            "published_at": dt.datetime(y, m, 1 + k, 9),
            "caption": f"Kegiatan {tag} nomor {k}",
        }
        for k in range(n_posts)
    ]
    table = ParsedTable(
        format="meta_instagram",
        posts=posts_frame(rows),
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
        platform="instagram",
        exported_at=dt.datetime(2026, 11, 25),
    )
    sha = hashlib.sha256(name.encode()).hexdigest()
    report = load_tables(con, [table], file_name=name, sha256=sha, opd=OPDS[opd][0])
    assert report.status == "loaded", report.error
    return int(report.load_id)


def _snapshot(con) -> dict:
    df = con.sql(
        "SELECT account_id, month_start, status, days_covered, n_posts, covered_days"
        " FROM v_account_month_coverage"
    ).pl()
    return {(r[0], r[1]): tuple(r[2:]) for r in df.iter_rows()}


def _instagram_account(con, opd: int) -> int:
    (aid,) = con.execute(
        "SELECT a.account_id FROM account a JOIN opd o USING (opd_id)"
        " WHERE a.platform = 'instagram' AND (o.short_name = ? OR o.name = ?)",
        [OPDS[opd][0], OPDS[opd][0]],
    ).fetchone()
    return int(aid)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    initial=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 3)), max_size=5
    ),
    target=st.tuples(st.integers(0, 2), st.integers(0, 3)),
)
def test_empty_export_moves_only_its_month_and_undo_restores(tmp_path, initial, target):
    con = _warehouse(tmp_path)
    try:
        for i, (opd, month, n) in enumerate(initial):
            _load_month(con, opd, month, n, f"a{i}")
        before = _snapshot(con)
        opd, month = target
        load_id = _load_month(con, opd, month, 0, "empty")
        after = _snapshot(con)
        key = (_instagram_account(con, opd), dt.date(*MONTHS[month], 1))
        was = before.get(key, DEFAULT)
        now = after[key]
        assert now[0] == "received" and now[1] == calendar.monthrange(*MONTHS[month])[1]
        assert now[2] == was[2]  # no post added: a missing month becomes zero posts
        if was[0] == "missing":
            assert now[2] == 0
        for k in before.keys() | after.keys():
            if k != key:
                assert after.get(k, DEFAULT) == before.get(k, DEFAULT), k
        undo_load(con, load_id)
        restored = _snapshot(con)
        for k in before.keys() | restored.keys():
            assert restored.get(k, DEFAULT) == before.get(k, DEFAULT), k
    finally:
        con.close()


def test_logbook_month_sheet_without_posts_covers_its_month(tmp_path):
    con = _warehouse(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "OKTOBER 2026"
    for title in ("PEMERINTAH KABUPATEN SUKAMAJU", "DESA MEKARSARI",
                  "REKAP POSTINGAN MEDIA SOSIAL DESA MEKARSARI BULAN OKTOBER 2026"):  # fmt: skip
        ws.append([title])
    ws.append([])
    ws.append(["No", "Hari/Tanggal", "Platform", "Link Postingan", "Judul/Isi", "Jenis Konten"])
    ws.append(["JUMLAH", None, None, 0])
    ws2 = wb.create_sheet("NOVEMBER 2026")
    ws2.append(["REKAP POSTINGAN MEDIA SOSIAL DESA MEKARSARI BULAN NOVEMBER 2026"])
    ws2.append([])
    ws2.append(["No", "Hari/Tanggal", "Platform", "Link Postingan", "Judul/Isi", "Jenis Konten"])
    ws2.append([1, "03/11/2026", "Instagram", "https://www.instagram.com/p/Cabc123/",
                "Posyandu balita", "Kegiatan"])  # fmt: skip
    path = tmp_path / "Rekap Postingan Medsos Desa Mekarsari 2026.xlsx"
    wb.save(path)
    try:
        report = load_file(con, path)
        assert report.status == "loaded", report.error
        assert any("Cakupan data" in n for n in report.notes)
        rows = con.sql(
            "SELECT month_start, status, n_posts FROM v_account_month_coverage m"
            " JOIN opd o USING (opd_id) WHERE o.name = 'Desa Mekarsari'"
            " AND month_start >= DATE '2026-10-01' AND month_start < DATE '2026-12-01'"
            " ORDER BY month_start"
        ).fetchall()
        # October: received with zero posts, not "no data". November: up to the file's date.
        assert rows[0] == (dt.date(2026, 10, 1), "received", 0)
        assert rows[1][0] == dt.date(2026, 11, 1) and rows[1][2] == 1
        assert rows[1][1] in ("received", "partial")
    finally:
        con.close()
