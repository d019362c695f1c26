"""Two desas of one name under two kecamatan (the master list keeps both, the second named
"Desa Sukamulya (Kecamatan Margaluyu)", etl.master_upsert): the name alone decides nothing, so a
page, an option or a file named only "Desa Sukamulya" is never credited to the first one; a name
that carries its kecamatan goes to that desa (independent evaluator's N13: before, every such
file loaded to the Cibening desa, 20 posts where 5 were its own)."""

from __future__ import annotations

import pytest

from etl.load import load_file
from etl.master import load_master
from etl.opd_index import OpdIndex, OpdNotFound
from tests.etl_load.test_page_names import fb_export
from tests.factory import write_master
from warehouse.db import connect

HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
ROWS = [
    [1, "Kecamatan Cibening", "Kec. Cibening", "Kecamatan", None, "@kec.cibening", None, None],
    [2, "Kecamatan Margaluyu", "Kec. Margaluyu", "Kecamatan", None, "@kec.margaluyu", None, None],
    [3, "Desa Sukamulya", "Sukamulya", "Desa", "Kecamatan Cibening", "@desasukamulya.cibening",
     "Pemdes Sukamulya Cibening", None],
    [4, "Desa Sukamulya", "Sukamulya", "Desa", "Kecamatan Margaluyu", "@sukamulya.margaluyu",
     "Desa Sukamulya Margaluyu", None],
]  # fmt: skip


@pytest.fixture
def con(tmp_path):
    c = connect(":memory:")
    load_master(c, write_master(tmp_path / "Daftar Akun.xlsx", header=HEADER, rows=ROWS))
    yield c
    c.close()


def test_a_page_named_only_by_the_shared_name_is_refused_naming_both(con, tmp_path):
    r = load_file(con, fb_export(tmp_path / "u", "Pemdes Sukamulya"))
    assert r.status == "failed", (r.opd, r.notes)
    assert '"Desa Sukamulya"' in r.error and "Desa Sukamulya (Kecamatan Margaluyu)" in r.error
    assert "kolom 'Page name'" in r.error
    assert con.execute("SELECT count(*) FROM posts").fetchall() == [(0,)]
    # Its registered page still goes to its own desa.
    ok = load_file(con, fb_export(tmp_path / "v", "Pemdes Sukamulya Cibening", page_id="617"))
    assert ok.status == "loaded" and ok.opd == "Desa Sukamulya", ok.error


def test_the_shared_name_alone_names_no_opd_its_kecamatan_does(con):
    index = OpdIndex.from_db(con)
    assert index.match_name("Desa Sukamulya") is None
    assert (
        index.match_path("/unduhan/Rekap Postingan Medsos Desa Sukamulya Oktober 2026.xlsx") is None
    )
    with pytest.raises(OpdNotFound):
        index.resolve_option("Desa Sukamulya")
    m = index.match_path("/unduhan/Rekap Desa Sukamulya Kecamatan Margaluyu Oktober 2026.xlsx")
    assert m is not None and m.name == "Desa Sukamulya (Kecamatan Margaluyu)"
    # A name only one OPD holds is unaffected.
    assert index.match_name("Kecamatan Cibening").name == "Kecamatan Cibening"


def test_a_master_list_without_repeated_names_reads_as_before(tmp_path):
    c = connect(":memory:")
    try:
        load_master(c, write_master(tmp_path / "D.xlsx", header=HEADER, rows=ROWS[:3]))
        index = OpdIndex.from_db(c)
        assert index.shared == {}
        assert index.match_name("Desa Sukamulya").name == "Desa Sukamulya"
    finally:
        c.close()


def test_the_first_desa_is_named_by_its_kecamatan_never_credited_to_the_kecamatan(con, tmp_path):
    # Before: a title "DESA SUKAMULYA KECAMATAN CIBENING" (and a file so named) loaded the
    # desa's posts to Kecamatan Cibening, and no --opd could name the Cibening desa at all.
    from tests.etl_load.test_file_owner import logbook

    titled = logbook(
        tmp_path / "a" / "Rekap Postingan Medsos Oktober 2026.xlsx",
        ["REKAP POSTINGAN DESA SUKAMULYA KECAMATAN CIBENING", "BULAN {BULAN}"],
        months=(10,),
    )
    named = logbook(
        tmp_path / "b" / "Rekap Desa Sukamulya Kec. Cibening Oktober 2026.xlsx",
        ["REKAP POSTINGAN DESA SUKAMULYA", "BULAN {BULAN}"],
        months=(9,),
    )
    for path in (titled, named):
        r = load_file(con, path, data=path.read_bytes(), file_name=path.name)
        assert r.status == "loaded" and r.opd == "Desa Sukamulya", (r.opd, r.error, r.notes)
    assert con.execute(
        "SELECT o.name, count(*) FROM posts p JOIN opd o USING (opd_id) GROUP BY 1"
    ).fetchall() == [("Desa Sukamulya", 4)]
    index = OpdIndex.from_db(con)
    for option in ("Desa Sukamulya (Kecamatan Cibening)", "Desa Sukamulya Kec. Cibening"):
        assert index.resolve_option(option).opd_id == 3
    with pytest.raises(OpdNotFound) as asked:
        index.resolve_option("Desa Sukamulya")
    assert asked.value.suggestions[:2] == [
        "Desa Sukamulya (Kecamatan Cibening)",
        "Desa Sukamulya (Kecamatan Margaluyu)",
    ]


def test_a_file_named_only_by_the_shared_name_is_refused_naming_both_with_their_kecamatan(
    con, tmp_path
):
    from tests.etl_load.test_file_owner import logbook

    path = logbook(
        tmp_path / "Rekap Postingan Medsos Desa Sukamulya Oktober 2026.xlsx",
        ["REKAP POSTINGAN DESA SUKAMULYA", "BULAN {BULAN}"],
        months=(10,),
    )
    r = load_file(con, path, data=path.read_bytes(), file_name=path.name)
    assert r.status == "failed"
    assert '"Desa Sukamulya (Kecamatan Cibening)" dan "Desa Sukamulya (Kecamatan Margaluyu)"' in (
        r.error
    )
    assert '--opd "Desa Sukamulya (Kecamatan Cibening)"' in r.error
    assert con.execute("SELECT count(*) FROM posts").fetchall() == [(0,)]


def test_a_short_name_both_desas_hold_names_neither(con):
    # Independent evaluator 15b's E1: --opd "Sukamulya" (both desas' Singkatan) put 6 posts on
    # the first desa.
    index = OpdIndex.from_db(con)
    assert index.match_name("Sukamulya") is None
    with pytest.raises(OpdNotFound) as asked:
        index.resolve_option("Sukamulya")
    assert "Desa Sukamulya (Kecamatan Margaluyu)" in asked.value.suggestions
    assert index.resolve_option("Kec. Cibening").name == "Kecamatan Cibening"


def test_an_empty_export_in_a_folder_of_the_shared_name_names_both_desas(con, tmp_path):
    # Evaluator 15b's E3: a header-only export in a folder "Desa Sukamulya" was refused saying
    # the file named no account or OPD, without the two desas or how to choose.
    from tests.factory import IG_EXPORT_START

    path = tmp_path / "Desa Sukamulya" / "Oct-01-2026_Oct-31-2026_1784.csv"
    path.parent.mkdir()
    path.write_text(IG_EXPORT_START, encoding="utf-8")
    r = load_file(con, path)
    assert r.status == "needs_review"
    assert '"Desa Sukamulya (Kecamatan Cibening)" dan "Desa Sukamulya (Kecamatan Margaluyu)"' in (
        r.error
    )
    assert con.execute("SELECT count(*) FROM loads WHERE status = 'loaded'").fetchall() == [(0,)]
