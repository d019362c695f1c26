"""Abbreviated office names read as the start of a merged office's name ("Disdik" = "Dinas
Pendidikan", the start of "Dinas Pendidikan dan Kebudayaan"), only when exactly one OPD's name
starts so; a name fitting two OPDs, a desa the list does not hold and a name matching nothing
refused naming the file, the rows, the column, the candidates and how to decide
(etl.name_keys.leading_keys, etl.page_names, etl.page_place)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.load import load_file
from etl.master import load_master
from etl.name_keys import name_key
from etl.opd_index import OpdIndex
from etl.page_names import NameMatch, NameRefusal, PageNames
from tests.etl_load.test_page_names import fb_export
from tests.factory import SAMPLE_MASTER
from warehouse.db import connect

HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
FB = "https://facebook.com/"


@pytest.fixture(scope="module")
def sample_con(tmp_path_factory):
    c = connect(str(tmp_path_factory.mktemp("nl") / "w.duckdb"))
    load_master(c, SAMPLE_MASTER)
    yield c
    c.close()


def _master(tmp_path: Path, rows: list[list]):
    from tests.factory import write_master

    con = connect(":memory:")
    load_master(con, write_master(tmp_path / "Daftar Akun.xlsx", header=HEADER, rows=rows))
    return con


def test_the_evaluators_disdik_page_is_disdikbud_with_the_evidence(sample_con, tmp_path):
    r = load_file(sample_con, fb_export(tmp_path / "u", "DISDIK SUKAMAJU Official"), dry_run=True)
    assert r.status == "loaded" and r.opd == "Dinas Pendidikan dan Kebudayaan", r.error
    said = [a for a in r.assumptions if "halaman 'DISDIK SUKAMAJU Official'" in a]
    assert len(said) == 1
    assert "dibaca 'dinas pendidikan'" in said[0]
    assert "awal nama OPD 'Dinas Pendidikan dan Kebudayaan'" in said[0]
    assert "tidak ada OPD lain" in said[0] and "awal nama" in said[0]


# Merged offices as kabupaten write them; each page names the first field(s) only.
MERGED = [
    [1, "Dinas Tenaga Kerja dan Transmigrasi", None, "Dinas", None, None, FB + "naker.s", None],
    [2, "Dinas Pemuda, Olahraga dan Pariwisata", None, "Dinas", None, None, FB + "dispora.s", None],
    [3, "Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan", None, "Dinas", None, None,
     FB + "kop.s", None],
    [4, "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", None, "Dinas", None,
     None, FB + "dinkesppkb.s", None],
    [5, "Dinas Pekerjaan Umum dan Penataan Ruang", None, "Dinas", None, None, FB + "pu.s", None],
    [6, "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", None, "Lainnya", None, None,
     FB + "satpol.s", None],
    [7, "Dinas Pemberdayaan Masyarakat dan Desa", None, "Dinas", None, None, FB + "pmd.s", None],
    [8, "Dinas Komunikasi, Informatika dan Persandian", None, "Dinas", None, None, FB + "kom.s",
     None],
    [9, "Kecamatan Cibening", None, "Kecamatan", None, None, FB + "kec.cib", None],
    [10, "Desa Cibening Girang", None, "Desa", "Kecamatan Cibening", None, FB + "cib.g", None],
    [11, "Dinas Kesehatan Hewan dan Peternakan", None, "Dinas", None, None, FB + "keswan.s", None],
    [12, "Sekretariat Daerah Kabupaten Sukamaju", "Setda", "Sekretariat", None, None, None, None],
]  # fmt: skip
LEADS = {
    "Disnaker Kab. Sukamaju": "Dinas Tenaga Kerja dan Transmigrasi",
    "DISPORA SUKAMAJU": "Dinas Pemuda, Olahraga dan Pariwisata",
    "Dinas Pemuda dan Olahraga Sukamaju": "Dinas Pemuda, Olahraga dan Pariwisata",
    "Diskop Sukamaju": "Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan",
    "Dinkes Sukamaju": "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana",
    "PUPR Kabupaten Sukamaju": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Satpol PP Sukamaju": "Satuan Polisi Pamong Praja dan Pemadam Kebakaran",
    "DPMD Sukamaju": "Dinas Pemberdayaan Masyarakat dan Desa",
    "Diskominfo Sukamaju": "Dinas Komunikasi, Informatika dan Persandian",
}


def test_a_merged_office_is_named_by_its_first_fields(tmp_path):
    con = _master(tmp_path, MERGED)
    for i, (page, opd) in enumerate(LEADS.items()):
        r = load_file(con, fb_export(tmp_path / f"u{i}", page), dry_run=True)
        assert r.status == "loaded" and r.opd == opd, (page, r.opd, r.error)
        assert any("awal nama OPD" in a or "kecocokan nama" in a for a in r.assumptions), page
    # "Dinas Kesehatan" is the start of one merged name at a field boundary; "Dinas Kesehatan
    # Hewan dan Peternakan" starts with it too, but inside its first field: not a fit.
    index = OpdIndex.from_db(con)
    assert index.page_names().lead_owners("Dinkes") == {4}
    # The uploader's choice and a logbook's Nama OPD read the same way, the reading noted.
    m = index.match_name("Disnaker")
    assert m is not None and m.opd_id == 1 and m.how == "lead"


def test_the_start_of_two_merged_names_is_refused_naming_both(tmp_path):
    con = _master(tmp_path, [
        [1, "Dinas Pertanian dan Ketahanan Pangan", None, "Dinas", None, None, FB + "a.s", None],
        [2, "Dinas Pertanian, Perkebunan dan Peternakan", None, "Dinas", None, None, FB + "b.s",
         None],
        [3, "Sekretariat Daerah Kabupaten Sukamaju", "Setda", "Sekretariat", None, None, None, None],
    ])  # fmt: skip
    path = fb_export(tmp_path / "u", "Distan Sukamaju")
    r = load_file(con, path, dry_run=True)
    assert r.status == "failed" and r.new == 0
    assert path.name in r.error and "baris 2-3" in r.error and "kolom 'Page name'" in r.error
    assert '"Dinas Pertanian dan Ketahanan Pangan"' in r.error
    assert '"Dinas Pertanian, Perkebunan dan Peternakan"' in r.error
    assert "--opd" in r.error and "akun --platform facebook" in r.error
    assert OpdIndex.from_db(con).match_name("Distan") is None  # --opd asks, never guesses
    # Choosing one decides.
    r = load_file(con, path, opd="Dinas Pertanian dan Ketahanan Pangan", dry_run=True)
    assert r.status == "loaded" and r.opd == "Dinas Pertanian dan Ketahanan Pangan", r.error


def test_a_desa_the_list_does_not_hold_is_refused_naming_the_like_places(sample_con, tmp_path):
    # The evaluator's "Pemdes Cibening": Kecamatan Cibening and Desa Cibening Girang are other
    # places; the refusal names file, rows, column, both and how to decide.
    path = fb_export(tmp_path / "u", "Pemdes Cibening", n=3)
    r = load_file(sample_con, path, dry_run=True)
    assert r.status == "failed" and r.new == 0
    for part in (path.name, "baris 2-4", "kolom 'Page name'", "'Pemdes Cibening'",
                 '"Kecamatan Cibening"', '"Desa Cibening Girang"', "Daftar Akun Medsos OPD",
                 "akun --platform facebook", "--opd"):  # fmt: skip
        assert part in r.error, (part, r.error)
    # Chosen with --opd: loaded there; a choice outside the candidates is refused row by row.
    r = load_file(sample_con, path, opd="Kecamatan Cibening", dry_run=True)
    assert r.status == "loaded" and r.opd == "Kecamatan Cibening", r.error
    r = load_file(sample_con, path, opd="Dinas Kesehatan", dry_run=True)
    assert r.status == "failed" and r.new == 0
    assert {x["column_name"] for x in r.rejects.to_dicts()} == {"Page name"}


def test_a_name_matching_nothing_names_row_column_and_the_nearest(sample_con, tmp_path):
    path = fb_export(tmp_path / "u", "Pemdes Sukawangi")
    r = load_file(sample_con, path, dry_run=True)
    assert r.status == "failed" and r.new == 0
    assert path.name in r.error and "baris 2-3" in r.error and "kolom 'Page name'" in r.error
    assert "belum terdaftar" in r.error and "yang paling mirip" in r.error
    assert '"Desa Mekarwangi"' in r.error  # the nearest desa by its letters
    # Placed by the folder, the unknown page still loads there (and is noted, as before).
    folder = fb_export(tmp_path / "exports" / "Desa Mekarwangi", "Pemdes Sukawangi")
    r = load_file(sample_con, folder, dry_run=True)
    assert r.status == "loaded" and r.opd == "Desa Mekarwangi", r.error


def test_an_unknown_username_names_its_row_and_column(sample_con, tmp_path):
    from etl.load import load_tables
    from tests.factory import ig_post, sha, table

    rows = [ig_post(i, handle="dinkes_sukamajuu") for i in range(2)]
    r = load_tables(sample_con, [table(rows)], file_name="ig.csv", sha256=sha("ig"), dry_run=True)
    assert r.status == "failed"
    assert "kolom 'Account username'" in r.error and "'dinkes_sukamajuu'" in r.error
    assert "Dinas Kesehatan" in r.error  # the nearest account's OPD


# ------------------------------------------------------------ property: only a unique start

FIELDS = ["Pendidikan", "Kebudayaan", "Pertanian", "Pangan", "Perikanan", "Pariwisata",
          "Olahraga", "Pemuda", "Perdagangan", "Koperasi"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    offices=st.lists(
        st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3, unique=True),
        min_size=1,
        max_size=6,
        unique_by=tuple,
    ),  # fmt: skip
    page=st.lists(st.sampled_from(FIELDS), min_size=1, max_size=2, unique=True),
    comma=st.booleans(),
)
def test_a_page_reads_as_the_one_office_its_fields_start_or_none(offices, page, comma):
    def merged(fields: list[str]) -> str:
        if len(fields) == 1:
            return f"Dinas {fields[0]}"
        head = (", " if comma else " dan ").join(fields[:-1])
        return f"Dinas {head} dan {fields[-1]}"

    names = {i + 1: merged(f) for i, f in enumerate(offices)}
    accounts = pl.DataFrame(
        {
            "platform": ["facebook"] * len(names),
            "handle_norm": [f"acc{i}" for i in names],
            "account_id": list(names),
            "acc_opd_id": list(names),
            "handle": [f"https://facebook.com/acc{i}" for i in names],
        }
    )
    index = PageNames.build(names, {}, accounts)
    text = "Dinas " + " dan ".join(page)
    got = index.match("facebook", text)
    same = {
        i for i, f in enumerate(offices, 1) if [w.lower() for w in f] == [w.lower() for w in page]
    }
    starts = {
        i for i, f in enumerate(offices, 1)
        if len(f) > len(page) and [w.lower() for w in f[: len(page)]] == [w.lower() for w in page]
    }  # fmt: skip
    if same:  # the whole name: that office
        assert isinstance(got, NameMatch) and got.opd_id in same, (names, text, got)
    elif len(starts) == 1:
        assert isinstance(got, NameMatch) and got.opd_id in starts and got.how == "lead"
    elif len(starts) > 1:
        assert isinstance(got, NameRefusal) and set(got.opd_ids) == starts, (names, text, got)
    elif isinstance(got, NameMatch):  # else only the same fields in another order (a typo's
        # guard allows reordered words), never an office whose name starts otherwise
        fields = {w.lower() for w in offices[got.opd_id - 1]}
        assert fields == {w.lower() for w in page}, (names, text, got)
    assert name_key(text, index.regions).startswith("dinas")


def test_an_unknown_nama_opd_names_its_row_column_and_the_nearest(sample_con):
    from etl.load import load_tables
    from tests.factory import ig_post, sha, table

    rows = [
        ig_post(i, handle=None) | {"opd_hint": "Dinas Kesehatann Hewan", "source_sheet": "OKT"}
        for i in range(2)
    ]
    t = table(rows, fmt="logbook", sheet="OKT")
    r = load_tables(sample_con, [t], file_name="rekap.xlsx", sha256=sha("nh"), dry_run=True)
    assert r.status == "failed"
    assert "Nama OPD \"Dinas Kesehatann Hewan\" tidak dikenal (sheet 'OKT', baris 2" in r.error
    assert "kolom 'Nama OPD'" in r.error and '"Dinas Kesehatan"' in r.error  # the nearest
