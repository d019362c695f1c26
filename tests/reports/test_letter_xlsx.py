"""Letter settings (who signs the lampiran): stored, validated in Indonesian, printed."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from openpyxl import load_workbook

from reports import lampiran
from warehouse.db import connect
from warehouse.letter import LetterSettings, get_letter, save_letter


def test_defaults_round_trip_and_validation():
    con = connect(":memory:")
    assert get_letter(con) == LetterSettings()
    mine = LetterSettings(
        region="Kabupaten Sukamaju", place="Sukamaju", name="Drs. Asep Rukmana, M.Si.",
        nip="19700101 199503 1 002", with_signature=True,
    )  # fmt: skip
    save_letter(con, mine)
    assert get_letter(con) == mine
    with pytest.raises(ValueError, match="NIP harus 18 angka"):
        save_letter(con, LetterSettings(nip="1970-01"))
    with pytest.raises(ValueError, match="Jabatan penanda tangan"):
        save_letter(con, LetterSettings(position=" "))
    assert get_letter(con) == mine  # a refused save changes nothing


def test_the_signature_block_lands_under_the_xlsx_table(tmp_path):
    letter = LetterSettings(region="Kabupaten Sukamaju", place="Sukamaju", name="Asep Rukmana",
                            nip="197001011995031002")  # fmt: skip
    sign = lampiran.Signature(position=letter.position, region=letter.region,
                              place=letter.place, date=dt.date(2026, 11, 27), name=letter.name,
                              nip=letter.nip)  # fmt: skip
    df = pl.DataFrame({"opd": ["Dinas Kesehatan", "Kecamatan Cibening"], "posts": [77, 9]})
    cols = [("opd", "OPD", "teks"), ("posts", "Postingan", "angka")]
    path = tmp_path / "l.xlsx"
    path.write_bytes(lampiran.to_xlsx(df, title="Uji", columns=cols, signature=sign))
    text = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row if c]
    assert "Sukamaju, 27 November 2026" in text
    assert "Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju" in text
    assert "Asep Rukmana" in text and "NIP. 197001011995031002" in text
