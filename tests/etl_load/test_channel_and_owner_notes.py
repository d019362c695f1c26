"""A YouTube Studio export's channel, named only in its ZIP or folder name, matched like a
Facebook Page's name (etl.page_place.channel_in_name); and a file whose rows all belong to
registered accounts of another OPD than its folder, file name or title names: loaded to the
accounts' OPD, the disagreement noted (etl.file_owner.accounts_elsewhere)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from etl.load import load_file, load_tables
from etl.master import load_master
from etl.page_place import channel_in_name
from tests.factory import SAMPLE_MASTER, ig_post, sha, table
from warehouse.db import connect


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = connect(str(tmp_path_factory.mktemp("ch") / "w.duckdb"))
    load_master(c, SAMPLE_MASTER)
    yield c
    c.close()


def youtube_export(parent: Path, channel: str, *, word: str = "Content") -> Path:
    """YouTube Studio's Table data.csv in the folder Studio's ZIP unpacks to: the channel is
    named in the folder's name only."""
    folder = parent / f"{word} 2026-10-01_2026-10-31 {channel}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Table data.csv"
    path.write_text(
        "Content,Video title,Video publish time,Duration,Views\n"
        "Total,,,,1600\n"
        'vidA1b2C3d4,Sosialisasi PPDB,"Oct 3, 2026",120,1200\n'
        'vidE5f6G7h8,Hari Guru,"Oct 15, 2026",95,400\n',
        encoding="utf-8",
    )
    return path


def test_the_channel_in_a_studio_name():
    assert channel_in_name("x/Content 2026-10-01_2026-10-31 Disdikbud Sukamaju.zip") == (
        "Disdikbud Sukamaju"
    )
    assert channel_in_name("Contenido 2026-10-01_2026-10-31 Prokopim Sukamaju/Datos.csv") == (
        "Prokopim Sukamaju"
    )
    assert channel_in_name("exports/youtube/Table data.csv") is None
    assert channel_in_name("Oct-01-2026_Oct-31-2026_123.csv") is None


def test_a_channel_is_read_like_a_page_name(con, tmp_path):
    # "DISDIK SUKAMAJU Official" names no OPD by its folder (before: refused, no OPD); as a
    # channel it is Disdikbud's one YouTube account, the reading stated.
    r = load_file(
        con, youtube_export(tmp_path / "unduhan", "DISDIK SUKAMAJU Official"), dry_run=True
    )
    assert r.status == "loaded" and r.new == 2, r.error
    assert r.opd == "Dinas Pendidikan dan Kebudayaan"
    said = [a for a in r.assumptions if "kanal 'DISDIK SUKAMAJU Official'" in a]
    assert len(said) == 1 and "dari nama berkas/folder" in said[0]
    assert "akun 'Disdikbud Sukamaju'" in said[0]


def test_a_channel_fitting_two_places_is_refused_naming_both(con, tmp_path):
    r = load_file(con, youtube_export(tmp_path / "unduhan", "Pemdes Cibening"), dry_run=True)
    assert r.status == "failed" and r.new == 0
    for part in ("Table data.csv", "baris 3-4", "dari nama berkas/folder", "Kanal 'Pemdes Cibening'",
                 '"Kecamatan Cibening"', '"Desa Cibening Girang"', "--opd"):  # fmt: skip
        assert part in r.error, (part, r.error)


def test_a_channel_against_the_chosen_opd_is_refused_row_by_row(con, tmp_path):
    # Before, the uploader's choice placed Disdikbud's channel on Dinas Kesehatan silently.
    path = youtube_export(tmp_path / "unduhan", "Disdikbud Sukamaju")
    r = load_file(con, path, opd="Dinas Kesehatan", dry_run=True)
    assert r.status == "failed" and r.new == 0
    rejects = r.rejects.to_dicts()
    assert len(rejects) == 2 and {x["column_name"] for x in rejects} == {"nama berkas/folder"}
    assert all("Dinas Pendidikan dan Kebudayaan" in x["reason"] for x in rejects)


def test_registered_accounts_of_another_opd_than_the_folder_are_noted(con, tmp_path):
    rows = [ig_post(i) for i in range(3)]  # @dinkes.sukamaju: Dinas Kesehatan's account
    folder = str(tmp_path / "exports" / "Dishub" / "ig.csv")
    r = load_tables(
        con, [table(rows)], file_name="ig.csv", file_path=folder, sha256=sha("f"), dry_run=True
    )
    assert r.status == "loaded" and r.opd == "Dinas Kesehatan", r.error
    said = [n for n in r.notes if "nama berkas/folder" in n and "dinkes.sukamaju" in n]
    assert len(said) == 1, r.notes
    assert '"Dinas Perhubungan"' in said[0] and 'terdaftar milik "Dinas Kesehatan"' in said[0]
    assert "3 postingan instagram" in said[0]
    # The folder that agrees says nothing more.
    same = str(tmp_path / "exports" / "Dinkes" / "ig.csv")
    r = load_tables(
        con, [table(rows)], file_name="ig.csv", file_path=same, sha256=sha("g"), dry_run=True
    )
    assert r.status == "loaded" and not [n for n in r.notes if "terdaftar milik" in n]
    # The uploader's choice keeps its note.
    r = load_tables(
        con, [table(rows)], file_name="ig.csv", opd="Dishub", sha256=sha("h"), dry_run=True
    )
    assert r.opd == "Dinas Kesehatan"
    assert any('terdaftar milik "Dinas Kesehatan", bukan "Dinas Perhubungan"' in n for n in r.notes)


def test_a_logbook_titled_for_another_opd_than_its_accounts_is_noted(con, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "OKTOBER 2026"
    ws.append(["REKAP POSTINGAN MEDIA SOSIAL DINAS PERHUBUNGAN"])
    ws.append([])
    ws.append(["No", "Tanggal", "Platform", "Akun", "Link Postingan", "Judul"])
    for i in range(2):
        link = f"https://www.instagram.com/p/DX{i}qq/"
        ws.append(
            [i + 1, f"0{3 + i}/10/2026", "Instagram", "@dinkes.sukamaju", link, f"Posyandu {i}"]
        )
    path = tmp_path / "rekap.xlsx"
    wb.save(path)
    r = load_file(con, path, dry_run=True)
    assert r.status == "loaded" and r.opd == "Dinas Kesehatan", r.error
    said = [n for n in r.notes if "judul lembar" in n and "dinkes.sukamaju" in n]
    assert len(said) == 1 and '"Dinas Perhubungan"' in said[0], r.notes
