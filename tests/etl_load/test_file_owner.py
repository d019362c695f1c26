"""Which OPD a whole file belongs to (etl.file_owner): the uploader's choice, the file name and
a logbook's title rows weighed together; a contradiction refused naming file, sheet, row and
both OPDs; the legit layouts (kabupaten kop, a desa's kecamatan, dates and generic words in the
name, a kecamatan's rekap of several OPDs) loaded as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.file_owner import sheet_owner
from etl.load import load_file
from etl.master import load_master
from etl.opd_index import OpdIndex
from tests.factory import SAMPLE_MASTER
from warehouse.db import connect

KOP = "PEMERINTAH KABUPATEN SUKAMAJU"
HEADER = ["No", "Hari/Tanggal", "Platform", "Link Postingan", "Judul/Isi", "Jenis Konten"]


def logbook(
    path: Path, titles: list[str], *, months: tuple[int, ...] = (8, 9), hints: list[str] = ()
) -> Path:
    """A logbook as OPDs keep it: title rows merged across, a blank row, the header, posts, a
    JUMLAH row; one sheet per month. hints: a Nama OPD per post (a kecamatan's rekap)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for m in months:
        ws = wb.create_sheet(f"{['', 'JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGUSTUS', 'SEPTEMBER', 'OKT', 'NOV', 'DES'][m]} 2026")  # fmt: skip
        for t in titles:
            ws.append([t.replace("{BULAN}", ws.title)])
        ws.append([])
        ws.append(HEADER + (["Nama OPD"] if hints else []))
        for i, hint in enumerate(hints or ["", ""]):
            link = f"https://www.instagram.com/p/DT{m:02d}{i:02d}{abs(hash(path.name)) % 997}/"
            row = [
                i + 1,
                dt.datetime(2026, m, 3 + i),
                "Instagram",
                link,
                f"Kegiatan {i}",
                "Kegiatan",
            ]
            ws.append(row + ([hint] if hints else []))
        ws.append(["JUMLAH"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _load(con, path: Path, opd: str | None = None):
    return load_file(con, path, data=path.read_bytes(), file_name=path.name, opd=opd)


def _posts_of(con) -> dict[str, int]:
    rows = con.execute(
        "SELECT o.name, count(*) FROM posts p JOIN opd o USING (opd_id) GROUP BY 1"
    ).fetchall()
    return dict(rows)


MARGAMULYA = [KOP, "DESA MARGAMULYA", "REKAP POSTINGAN MEDIA SOSIAL DESA MARGAMULYA BULAN {BULAN}"]


@pytest.mark.parametrize(
    "name",
    ["Rekap Postingan Medsos Desa Margamulya Agustus-September 2026.xlsx", "rekap.xlsx"],
)
def test_a_title_naming_another_opd_than_the_choice_is_refused(sample_con, tmp_path, name):
    # Before: loaded silently as Desa Tanjungwangi, every post credited to the wrong desa.
    path = logbook(tmp_path / name, MARGAMULYA)
    r = _load(sample_con, path, opd="Desa Tanjungwangi")
    assert r.status == "failed"
    for said in (name, "sheet 'AGUSTUS 2026', baris 2", "'DESA MARGAMULYA'", '"Desa Tanjungwangi"',
                 '"Desa Margamulya"', "Pilih OPD yang benar", "perbaiki nama berkas"):  # fmt: skip
        assert said in r.error, said
    assert ("nama berkas/folder" in r.error) == (name != "rekap.xlsx")
    assert _posts_of(sample_con) == {}
    # The right choice, or none, loads it as the title says.
    ok = _load(sample_con, path, opd="Desa Margamulya")
    assert ok.status == "loaded" and _posts_of(sample_con) == {"Desa Margamulya": 4}


def test_a_generic_name_loads_by_its_title_saying_so(sample_con, tmp_path):
    # Before: refused "OPD pemilik postingan tidak dapat ditentukan" though the title names it.
    r = _load(sample_con, logbook(tmp_path / "rekap.xlsx", MARGAMULYA))
    assert r.status == "loaded", r.error
    assert r.opd == "Desa Margamulya" and _posts_of(sample_con) == {"Desa Margamulya": 4}
    said = [n for n in r.notes if n.startswith("OPD pemilik berkas")]
    assert said == [
        'OPD pemilik berkas "Desa Margamulya" ditentukan dari: judul lembar (sheet '
        "'AGUSTUS 2026', baris 2: 'DESA MARGAMULYA', dan 1 sheet lain)."
    ]


def test_a_file_name_against_the_title_is_refused(sample_con, tmp_path):
    path = logbook(tmp_path / "Rekap Postingan Desa Karangsari Agustus 2026.xlsx", MARGAMULYA)
    r = _load(sample_con, path)
    assert r.status == "failed"
    assert '"Desa Karangsari"' in r.error and '"Desa Margamulya"' in r.error
    assert _posts_of(sample_con) == {}


# Layouts that name more than the owner and must load as before: (file name, titles, --opd,
# the OPD the posts belong to).
LEGIT = [
    ("Rekap Kecamatan Margaluyu 2026.xlsx",
     [KOP, "KECAMATAN MARGALUYU", "REKAP POSTINGAN KECAMATAN MARGALUYU KABUPATEN SUKAMAJU"],
     "Kecamatan Margaluyu", "Kecamatan Margaluyu"),
    ("rekap desa.xlsx", [KOP, "KECAMATAN CIBENING", "DESA MARGAMULYA", "REKAP {BULAN}"], None,
     "Desa Margamulya"),
    ("Rekap Desa Margamulya.xlsx", ["PEMERINTAH DESA MARGAMULYA KECAMATAN CIBENING"],
     "Desa Margamulya", "Desa Margamulya"),
    ("Rekap Postingan 01-10-2026 s.d. 31-10-2026 (final) rev2.xlsx", MARGAMULYA, None,
     "Desa Margamulya"),
    ("Rekap Dinas Pemberdayaan Masyarakat dan Desa Sukamaju.xlsx",
     [KOP, "REKAP POSTINGAN DINAS PEMBERDAYAAN MASYARAKAT DAN DESA SUKAMAJU {BULAN}"], None,
     "Dinas Pemberdayaan Masyarakat dan Desa"),
]  # fmt: skip


@pytest.mark.parametrize("name,titles,opd,owner", LEGIT, ids=[c[0] for c in LEGIT])
def test_titles_naming_the_kabupaten_or_the_kecamatan_are_not_a_conflict(
    sample_con, tmp_path, name, titles, opd, owner
):
    r = _load(sample_con, logbook(tmp_path / name, titles), opd=opd)
    assert r.status == "loaded", r.error
    assert _posts_of(sample_con) == {owner: 4}


def test_an_unknown_desa_is_not_credited_to_its_kecamatan(sample_con, tmp_path):
    # "DESA CIKARET KECAMATAN MARGALUYU": Cikaret is not in the master list; the kecamatan is
    # where it lies, not its owner.
    titles = [KOP, "PEMERINTAH DESA CIKARET KECAMATAN MARGALUYU", "REKAP {BULAN}"]
    r = _load(sample_con, logbook(tmp_path / "rekap.xlsx", titles))
    assert r.status == "failed" and "tidak dapat ditentukan" in r.error
    assert _posts_of(sample_con) == {}


def test_a_kecamatan_rekap_of_several_opds_goes_row_by_row(sample_con, tmp_path):
    titles = [KOP, "KECAMATAN CIBENING", "REKAP POSTINGAN MEDSOS DESA SE-KECAMATAN CIBENING"]
    path = logbook(tmp_path / "Rekap Kecamatan Cibening.xlsx", titles,
                   hints=["Desa Margamulya", "Desa Karangsari"], months=(8,))  # fmt: skip
    r = _load(sample_con, path)
    assert r.status == "loaded", r.error
    assert _posts_of(sample_con) == {"Desa Margamulya": 1, "Desa Karangsari": 1}


# ------------------------------------------------------------------------------ property


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    c = connect(str(tmp_path_factory.mktemp("fo") / "w.duckdb"))
    load_master(c, SAMPLE_MASTER)
    yield OpdIndex.from_db(c)
    c.close()


MONTHS = ["JANUARI", "AGUSTUS", "OKTOBER 2026", "DESEMBER 2025 - NOVEMBER 2026", "TAHUN 2026"]
LEADS = ["REKAP POSTINGAN MEDIA SOSIAL", "LAPORAN PUBLIKASI MEDSOS", "REKAPITULASI KONTEN", ""]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_title_names_its_office_however_it_is_dressed(index, data):
    """Any OPD of the master list, written in a title with the kabupaten's kop, a lead, a month,
    upper or title case, and for a desa or kelurahan its kecamatan: the sheet's owner is that
    OPD, never another; a desa the list does not hold is no one's."""
    oid = data.draw(st.sampled_from(sorted(index.names)))
    name = index.names[oid]
    case = data.draw(st.sampled_from([str.upper, str.title, lambda s: s]))
    lead = data.draw(st.sampled_from(LEADS))
    month = data.draw(st.sampled_from(MONTHS))
    rows = [KOP] if data.draw(st.booleans()) else []
    first = name.split()[0].lower()
    if first in ("desa", "kelurahan") and data.draw(st.booleans()):
        kec = data.draw(
            st.sampled_from([n for n in index.names.values() if n.startswith("Kecamatan")])
        )
        rows.append(f"{name} {kec}" if data.draw(st.booleans()) else kec)
        if not rows[-1].startswith(name):
            rows.append(name)
    else:
        rows.append(name)
    rows.append(f"{lead} {name} {month}".strip())
    titled = [("Agustus", i + 1, case(r)) for i, r in enumerate(rows)]
    got = sheet_owner(index, titled)
    assert got is not None and got[0] == oid, (titled, got)
    unknown = [(s, n, t.replace(case(name), case("Desa Cikaret"))) for s, n, t in titled]
    if first == "desa":
        assert sheet_owner(index, unknown) is None, unknown


def test_rows_naming_only_another_desa_than_the_title_are_refused(sample_con, tmp_path):
    # Before: the rows' Nama OPD won silently and the Margamulya logbook loaded as Tanjungwangi.
    path = logbook(tmp_path / "Rekap Postingan Desa Margamulya.xlsx", MARGAMULYA,
                   hints=["Desa Tanjungwangi", "Desa Tanjungwangi"], months=(8,))  # fmt: skip
    r = _load(sample_con, path)
    assert r.status == "failed"
    for said in ('"Desa Margamulya"', '"Desa Tanjungwangi"', "kolom Nama OPD",
                 "sheet 'AGUSTUS 2026', baris 6: 'Desa Tanjungwangi'"):  # fmt: skip
        assert said in r.error, said
    assert _posts_of(sample_con) == {}


def test_a_folder_that_names_the_opd_is_quoted_not_the_file_inside_it(sample_con, tmp_path):
    # Evaluator 14's point: the conflict quoted 'Rekap Oktober.xlsx' as naming Desa Karangsari
    # when its folder did.
    path = logbook(tmp_path / "Desa Karangsari" / "Rekap Oktober 2026.xlsx", MARGAMULYA)
    r = load_file(sample_con, path)
    assert r.status == "failed"
    assert "nama berkas/folder 'Desa Karangsari'" in r.error, r.error
    assert "'Rekap Oktober 2026.xlsx' menyebut" not in r.error
    assert _posts_of(sample_con) == {}
