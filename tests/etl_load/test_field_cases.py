"""Every field case (tests/cases/field, copied from the shared field-cases folder) loaded through
load_file into a warehouse holding the sample master list; expected values are the right
results from the field-cases README, written out literally."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.load import load_file
from etl.master import load_master
from warehouse.settings import SAMPLE_DATA_DIR

FIELD = Path(__file__).resolve().parent.parent / "cases" / "field"
MASTER = SAMPLE_DATA_DIR / "Daftar Akun Medsos OPD Kabupaten Sukamaju 2026.xlsx"
D = dt.datetime


@pytest.fixture
def sample_master_con(con):
    load_master(con, MASTER)
    return con


def _posts(con) -> list[tuple]:
    return con.execute(
        "SELECT o.name, p.platform, p.published_at, p.views, p.reactions, p.comments, p.shares"
        " FROM posts p JOIN opd o USING (opd_id) ORDER BY p.published_at, p.platform"
    ).fetchall()


def _load(con, rel: str, opd: str | None = None):
    return load_file(con, FIELD / rel, opd=opd)


def test_fc01_tiktok_dates_without_a_year(sample_master_con):
    r = _load(sample_master_con, "FC01/Content_dinkes.sukamaju.zip")
    assert (r.status, r.new, r.rejected) == ("loaded", 3, 0)
    rows = _posts(sample_master_con)
    assert [(o, p, t.date()) for o, p, t, *_ in rows] == [
        ("Dinas Kesehatan", "tiktok", dt.date(2026, 10, 3)),
        ("Dinas Kesehatan", "tiktok", dt.date(2026, 10, 9)),
        ("Dinas Kesehatan", "tiktok", dt.date(2026, 10, 17)),
    ]
    assert any("tanpa tahun" in a and "tanggal ekspor" in a for a in r.assumptions)


def test_fc04_youtube_spanish_total_row_skipped(sample_master_con):
    folder = "FC04/Contenido 2026-10-01_2026-10-31 Disdikbud Sukamaju/Datos de la tabla.csv"
    r = _load(sample_master_con, folder, opd="Disdikbud")
    assert (r.status, r.new) == ("loaded", 2)
    rows = _posts(sample_master_con)
    assert [(o, p, t.date(), v) for o, p, t, v, *_ in rows] == [
        ("Dinas Pendidikan dan Kebudayaan", "youtube", dt.date(2026, 10, 3), 1200),
        ("Dinas Pendidikan dan Kebudayaan", "youtube", dt.date(2026, 10, 15), 400),
    ]


def test_fc05_meta_resaved_by_indonesian_excel_reads_day_first(sample_master_con):
    r = _load(sample_master_con, "FC05/Oct-01-2026_Oct-31-2026_7788990011223344.csv")
    assert (r.status, r.new) == ("loaded", 3)
    rows = _posts(sample_master_con)
    assert [(t, v) for _o, _p, t, v, *_ in rows] == [
        (D(2026, 10, 3, 9, 5), 1234),
        (D(2026, 10, 7, 14, 30), 860),
        (D(2026, 10, 11, 19, 45), 2050),
    ]
    assert any("hari/bulan" in a and "periode" in a for a in r.assumptions)
    assert r.declared_start == dt.date(2026, 10, 1) and r.declared_end == dt.date(2026, 10, 31)


def test_fc07_logbook_date_merged_down(sample_master_con):
    rel = "FC07/Rekap Postingan Medsos Kecamatan Margaluyu Oktober 2026.xlsx"
    r = _load(sample_master_con, rel, opd="Kecamatan Margaluyu")
    assert (r.status, r.new, r.rejected) == ("loaded", 6, 0)
    days = [t.date() for _o, _p, t, *_ in _posts(sample_master_con)]
    assert days == [dt.date(2026, 10, 6)] * 3 + [dt.date(2026, 10, 13)] * 2 + [
        dt.date(2026, 10, 20)
    ]
    assert any("merge" in a for a in r.assumptions)


def test_fc08_logbook_csv_date_on_first_row_of_the_day(sample_master_con):
    rel = "FC08/Rekap Postingan Desa Sindanglaya - Oktober 2026.csv"
    r = _load(sample_master_con, rel, opd="Desa Sindanglaya")
    assert (r.status, r.new, r.rejected) == ("loaded", 5, 0)
    days = [t.date() for _o, _p, t, *_ in _posts(sample_master_con)]
    assert sorted(days) == [dt.date(2026, 10, 6)] * 2 + [dt.date(2026, 10, 14)] * 2 + [
        dt.date(2026, 10, 22)
    ]
    assert any("diisi dari baris di atasnya" in a for a in r.assumptions)


def test_fc11_in_file_duplicate_keeps_the_real_metrics(sample_master_con):
    r = _load(sample_master_con, "FC11/Content_wisatasukamaju.zip")
    assert (r.status, r.new, r.duplicate) == ("loaded", 3, 1)
    row = sample_master_con.execute(
        "SELECT reactions, views, comments, shares FROM posts"
        " WHERE native_id = '7412000000000000012'"
    ).fetchall()
    assert row == [(640, 9100, 12, 9)]
    assert sum("Duplikat dalam berkas" in a for a in r.assumptions) == 1


def test_fc12_instagram_portuguese_without_account_columns(sample_master_con):
    rel = "FC12/Sep-01-2026_Sep-30-2026_1784130000000034.csv"
    r = _load(sample_master_con, rel, opd="Dinas PUPR")
    assert (r.status, r.new) == ("loaded", 2)
    rows = _posts(sample_master_con)
    assert [(o, p, t, v) for o, p, t, v, *_ in rows] == [
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "instagram", D(2026, 9, 15, 18, 0), 2300),
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "instagram", D(2026, 9, 22, 9, 30), 4120),
    ]


def test_fc05_loaded_report_is_kept_with_the_load(sample_master_con):
    r = _load(sample_master_con, "FC05/Oct-01-2026_Oct-31-2026_7788990011223344.csv")
    stored = sample_master_con.execute(
        "SELECT report, declared_start, declared_end FROM loads WHERE load_id = ?", [r.load_id]
    ).fetchall()[0]
    assert "hari/bulan" in stored[0] and stored[1:] == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
