"""Daftar Akun Medsos OPD: title rows, header spellings, Ya/Tidak, upserts, personal data."""

from __future__ import annotations

from etl.master import load_master
from tests.factory import MASTER_HEADER, MASTER_ROWS, SECRET_NAMES, SECRET_PHONES, write_master


def _opd(con):
    return {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT name, short_name, kind, parent_opd_id, operator_trained, master_row FROM opd"
        ).fetchall()
    }


def test_title_rows_kinds_parents_and_training(con, tmp_path):
    report = load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    opd = _opd(con)
    # Six OPDs; the "Sukamaju, 1 November 2026" line under the table is not one.
    assert sorted(opd) == sorted(r[1] for r in MASTER_ROWS)
    assert (report.rows_read, report.opd_new, report.opd_updated) == (6, 6, 0)
    ids = dict(con.execute("SELECT name, opd_id FROM opd").fetchall())
    assert opd["Dinas Kesehatan"] == ("Dinkes", "dinas", None, True, 5)  # header on row 4
    # Jenis empty: inferred from the name.
    assert opd["Dinas Komunikasi dan Informatika"][1] == "dinas"
    assert opd["Kecamatan Sukamaju"][1:4] == ("kecamatan", None, False)  # "Tidak"
    assert opd["Badan Perencanaan Pembangunan Daerah"][3] is False  # "Belum"
    assert opd["Dinas Komunikasi dan Informatika"][3] is True  # "Sudah"
    # Induk "Sukamaju" and "Kecamatan Sukamaju" both name the kecamatan.
    assert opd["Desa Mekarsari"][1:3] == ("desa", ids["Kecamatan Sukamaju"])
    assert opd["Kelurahan Cibeureum"][1:3] == ("kelurahan", ids["Kecamatan Sukamaju"])
    assert opd["Desa Mekarsari"][3] is None  # empty training cell = unknown


def test_accounts_and_aliases(con, tmp_path):
    report = load_master(con, write_master(tmp_path / "m.xlsx"))
    acc = con.execute(
        "SELECT o.name, a.platform, a.handle, a.handle_norm, a.url FROM account a JOIN opd o"
        " USING (opd_id) ORDER BY a.platform, a.handle_norm"
    ).fetchall()
    assert ("Dinas Kesehatan", "instagram", "@dinkes.sukamaju", "dinkes.sukamaju", None) in acc
    assert (
        "Dinas Komunikasi dan Informatika",
        "instagram",
        "https://www.instagram.com/kominfo_sukamaju/",
        "kominfo_sukamaju",
        "https://www.instagram.com/kominfo_sukamaju/",
    ) in acc
    # "-" means no account; 7 accounts written in the sheet.
    assert len(acc) == report.accounts_new == 7
    aliases = dict(con.execute("SELECT alias_norm, opd_id FROM opd_alias").fetchall())
    ids = dict(con.execute("SELECT name, opd_id FROM opd").fetchall())
    assert aliases["dinkes"] == ids["Dinas Kesehatan"]
    assert aliases["dinas kesehatan"] == ids["Dinas Kesehatan"]
    assert aliases["kec sukamaju"] == ids["Kecamatan Sukamaju"]
    assert aliases["bappeda"] == ids["Badan Perencanaan Pembangunan Daerah"]


def test_reload_is_an_upsert(con, tmp_path):
    path = write_master(tmp_path / "m.xlsx")
    load_master(con, path)
    again = load_master(con, path)
    assert (again.opd_new, again.opd_updated, again.opd_unchanged) == (0, 0, 6)
    assert (again.accounts_new, again.accounts_updated) == (0, 0)
    rows = [list(r) for r in MASTER_ROWS]
    rows[2][2] = "BAPPEDA"  # short name changed
    rows[0][5] = "@DINKES.SUKAMAJU"  # same account, written differently
    rows.append([7, "Inspektorat Daerah", None, None, None, "inspektorat.sukamaju", None, None,
                 None, None, "ya"])  # fmt: skip
    third = load_master(con, write_master(tmp_path / "m2.xlsx", rows=rows))
    assert (third.opd_new, third.opd_updated, third.opd_unchanged) == (1, 1, 5)
    assert (third.accounts_new, third.accounts_updated) == (1, 1)
    assert con.execute("SELECT count(*) FROM opd").fetchall()[0] == (7,)
    assert con.execute("SELECT kind FROM opd WHERE name = 'Inspektorat Daerah'").fetchall()[0] == (
        "inspektorat",
    )
    assert con.execute(
        "SELECT handle FROM account WHERE handle_norm = 'dinkes.sukamaju'"
    ).fetchall()[0] == ("@DINKES.SUKAMAJU",)


def test_spelling_variants_in_csv(con, tmp_path):
    text = (
        "DAFTAR AKUN MEDSOS OPD;;;;;;;;\n"
        ";;;;;;;;\n"
        "No.;Nama Perangkat Daerah;Singkatan;Kategori;Kecamatan;X/Twitter;YouTube;Admin;"
        "No HP/WA;Pelatihan\n"
        "1;Kecamatan Cibodas;;;;@kec_cibodas;;Rina;0812000111;Sudah\n"
        "2;Desa Cibodas Hilir;;Desa;Cibodas;;https://www.youtube.com/@desacibodashilir;;;Belum\n"
        "3;RSUD Sukamaju;RSUD;Rumah Sakit;;;;;;ya\n"
    )
    path = tmp_path / "Daftar Akun.csv"
    path.write_text(text, encoding="utf-8-sig")
    report = load_master(con, path)
    assert report.opd_new == 3 and report.errors == []
    opd = _opd(con)
    ids = dict(con.execute("SELECT name, opd_id FROM opd").fetchall())
    assert opd["Kecamatan Cibodas"][1:4] == ("kecamatan", None, True)
    assert opd["Desa Cibodas Hilir"][1:4] == ("desa", ids["Kecamatan Cibodas"], False)
    assert opd["RSUD Sukamaju"][1] == "rsud"
    assert con.execute(
        "SELECT operator_phone FROM opd WHERE name = 'Kecamatan Cibodas'"
    ).fetchall()[0] == ("0812000111",)
    acc = sorted(con.execute("SELECT platform, handle_norm FROM account").fetchall())
    assert acc == [("x", "kec_cibodas"), ("youtube", "desacibodashilir")]


def test_bad_rows_named_by_sheet_row_and_column(con, tmp_path):
    rows = [list(r) for r in MASTER_ROWS]
    rows.append([7, "Dinas Pendidikan", "Disdik", None, None, "@dinkes.sukamaju", None, None, None,
                 None, "mungkin"])  # fmt: skip
    rows.append([8, None, None, None, None, "@tanpa_nama", None, None, None, None, None])
    report = load_master(con, write_master(tmp_path / "m.xlsx", rows=rows))
    errors = "\n".join(report.errors)
    notes = "\n".join(report.notes)
    # Row 11 = header on row 4 + 7th data row; the account already belongs to Dinas Kesehatan.
    assert 'lembar "Daftar Akun", baris 11, kolom "Instagram"' in errors
    assert "Dinas Kesehatan" in errors
    assert 'baris 12, kolom "Nama OPD": nama OPD kosong' in errors
    assert 'baris 11, kolom "Sudah Pelatihan": nilai "mungkin"' in notes
    # The OPD itself still loads; the account stays with its first owner.
    assert con.execute(
        "SELECT o.name FROM account a JOIN opd o USING (opd_id) WHERE handle_norm = 'dinkes.sukamaju'"
    ).fetchall()[0] == ("Dinas Kesehatan",)
    assert con.execute("SELECT count(*) FROM opd").fetchall()[0] == (7,)


def test_report_never_shows_personal_data(con, tmp_path):
    report = load_master(con, write_master(tmp_path / "m.xlsx", header=MASTER_HEADER))
    text = report.summary() + repr(report)
    for secret in (*SECRET_NAMES, *SECRET_PHONES, "6285712345678"):
        assert secret not in text
    # ...but they are stored.
    stored = {r[0] for r in con.execute("SELECT operator_name FROM opd").fetchall()}
    assert set(SECRET_NAMES) <= stored


def test_sheet_without_a_header_is_rejected_clearly(con, tmp_path):
    import pytest

    from etl.master import MasterRejected

    path = tmp_path / "salah.csv"
    path.write_text("Judul;Isi\nA;B\n", encoding="utf-8")
    with pytest.raises(
        MasterRejected, match=r'salah\.csv: baris judul kolom tidak ditemukan.*"Nama OPD"'
    ):
        load_master(con, path)
    assert con.execute("SELECT count(*) FROM opd").fetchall()[0] == (0,)


def test_two_row_header_with_merged_cells(con, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["DAFTAR AKUN MEDIA SOSIAL OPD"])
    ws.append(["No", "Nama OPD", "Akun Media Sosial", None, "Operator", None])
    ws.append([None, None, "Instagram", "Facebook", "Nama", "No. HP"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:D2")
    ws.append([1, "Dinas Sosial", "@dinsos", "Dinsos Sukamaju", "Rudi", "0811"])
    ws.append([2, "Kecamatan Cibodas", "-", "Kec Cibodas", None, None])
    path = tmp_path / "Daftar Akun.xlsx"
    wb.save(path)
    report = load_master(con, path)
    assert report.opd_new == 2 and report.accounts_new == 3
    assert con.execute("SELECT master_row FROM opd WHERE name = 'Dinas Sosial'").fetchall()[0] == (
        4,
    )
    assert sorted(con.execute("SELECT platform, handle_norm FROM account").fetchall()) == [
        ("facebook", "dinsos sukamaju"),
        ("facebook", "kec cibodas"),
        ("instagram", "dinsos"),
    ]
