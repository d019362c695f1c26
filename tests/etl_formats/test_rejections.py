"""Every FileRejected message: names the file (and sheet), says what is wrong in Bahasa
Indonesia, and for an unknown layout lists the columns found and needed and how to map."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from etl.parse import parse_file
from etl.schema import FileRejected


def _xlsx(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in rows_by_sheet.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_unknown_layout_lists_found_and_needed_columns() -> None:
    data = b"Nomor Surat,Perihal,Penerima\n1,Undangan,Camat\n"
    with pytest.raises(FileRejected) as ei:
        parse_file("surat.csv", data=data)
    msg = str(ei.value)
    assert "'surat.csv'" in msg
    assert "tidak dikenali" in msg
    assert "Nomor Surat, Perihal, Penerima" in msg
    assert "Tanggal (published_at)" in msg
    assert '--map "Kolom di berkas=published_at"' in msg
    assert ei.value.columns_found == ["Nomor Surat", "Perihal", "Penerima"]
    assert ei.value.columns_needed and "Tanggal (published_at)" in ei.value.columns_needed


def test_column_map_rescues_unknown_layout() -> None:
    data = b"Waktu Tayang,Alamat,Ringkasan\n03/02/2025,https://www.instagram.com/p/X1/,Rakor\n"
    tables = parse_file(
        "aneh.csv",
        data=data,
        column_map={"Waktu Tayang": "published_at", "Alamat": "permalink", "Ringkasan": "caption"},
    )
    posts = tables[0].posts
    assert posts["platform"].to_list() == ["instagram"]
    assert posts["caption"].to_list() == ["Rakor"]
    assert str(posts["published_at"][0]) == "2025-02-03 00:00:00"


def test_unknown_layout_in_a_sheet_names_the_sheet() -> None:
    data = _xlsx({"Rekap": [["Kode", "Uraian Anggaran"], ["1", "Belanja"]]})
    with pytest.raises(FileRejected) as ei:
        parse_file("anggaran.xlsx", data=data)
    assert "Berkas 'anggaran.xlsx', sheet 'Rekap'" in str(ei.value)
    assert ei.value.columns_found == ["Kode", "Uraian Anggaran"]


def test_meta_daily_metric_file_is_not_a_post_export() -> None:
    text = 'sep=,\r\n"Tayangan"\r\n"Tanggal","Primary"\r\n"2026-10-01T00:00:00","120"\r\n'
    data = b"\xff\xfe" + text.encode("utf-16-le")
    with pytest.raises(FileRejected) as ei:
        parse_file("Tayangan.csv", data=data)
    msg = str(ei.value)
    assert "'Tayangan.csv'" in msg
    assert "bukan ekspor postingan" in msg
    assert "'Tayangan'" in msg


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(FileRejected, match=r"Berkas 'kosong\.csv' kosong"):
        parse_file("kosong.csv", data=data)


def test_corrupt_xlsx() -> None:
    good = _xlsx({"Sheet1": [["Tanggal", "Link"], ["03/02/2025", "https://x.com/a/status/1"]]})
    with pytest.raises(FileRejected, match=r"Berkas 'rekap\.xlsx' rusak"):
        parse_file("rekap.xlsx", data=good[: len(good) // 2])


def test_encrypted_xlsx() -> None:
    # A password-protected xlsx is an OLE2 container with an EncryptedPackage stream.
    ole = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(FileRejected) as ei:
        parse_file("rahasia.xlsx", data=ole + b"\x00" * 1024)
    assert "'rahasia.xlsx'" in str(ei.value) and "kata sandi" in str(ei.value)


def test_zip_without_post_export() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "Overview.csv", '"Date","Video Views","Profile Views"\n"September 25","10","2"\n'
        )
    with pytest.raises(FileRejected) as ei:
        parse_file("Overview_dinkes.zip", data=buf.getvalue())
    msg = str(ei.value)
    assert "'Overview_dinkes.zip'" in msg and "bukan ekspor postingan" in msg


def test_workbook_of_only_signature_and_empty_sheets() -> None:
    data = _xlsx({"TTD": [["Mengetahui,"], ["Kepala Dinas"]], "Kosong": []})
    with pytest.raises(FileRejected, match=r"'ttd\.xlsx', sheet 'TTD'"):
        parse_file("ttd.xlsx", data=data)


def test_bad_format_hint_and_bad_column_map() -> None:
    data = b"Tanggal,Link\n03/02/2025,https://x.com/a/status/1\n"
    with pytest.raises(FileRejected, match="Format 'facebook' tidak dikenal"):
        parse_file("a.csv", data=data, format_hint="facebook")
    with pytest.raises(FileRejected, match="tanggal_posting"):
        parse_file("a.csv", data=data, column_map={"Tanggal": "tanggal_posting"})


def test_signature_sheet_is_skipped_with_a_note() -> None:
    data = _xlsx(
        {
            "Januari": [["Tanggal", "Link"], ["03/01/2026", "https://www.instagram.com/p/A/"]],
            "TTD": [["Mengetahui,"], ["Kepala Dinas"]],
        }
    )
    tables = parse_file("rekap.xlsx", data=data)
    assert [t.sheet for t in tables] == ["Januari"]
    assert any("sheet 'TTD'" in n and "dilewati" in n for n in tables[0].notes)


def test_youtube_chart_data_is_not_a_video_list() -> None:
    # Studio's "Chart data.csv": the Table data columns plus Date, one row per day per video.
    chart = (
        b"Date,Content,Video title,Video publish time,Duration,Views\n"
        b"2026-01-03,AVbduwkYaKL,Peresmian Jembatan,2026-01-03,1409,310\n"
        b"2026-01-04,AVbduwkYaKL,Peresmian Jembatan,2026-01-03,1409,129\n"
    )
    with pytest.raises(FileRejected) as exc:
        parse_file("Chart data.csv", data=chart)
    assert "Chart data.csv" in str(exc.value) and "bukan daftar video" in str(exc.value)
    # Table data of the same export still loads.
    table = (
        b"Content,Video title,Video publish time,Duration,Views\n"
        b"Total,,,,439\n"
        b"AVbduwkYaKL,Peresmian Jembatan,2026-01-03,1409,439\n"
    )
    (t,) = parse_file("Table data.csv", data=table)
    assert t.posts.select("native_id", "views").rows() == [("AVbduwkYaKL", 439)]


def test_near_miss_names_the_format_as_the_vocabulary_does() -> None:
    """A refused file that resembles a format is named with warehouse.vocabulary.FORMAT_LABELS,
    the words the upload page and the load history use for it."""
    from warehouse.vocabulary import FORMAT_LABELS

    data = (
        b"Post ID,Account username,Description,Permalink,Likes\n1,a,b,https://instagram.com/p/x,3\n"
    )
    with pytest.raises(FileRejected) as ei:
        parse_file("ekspor.csv", data=data)
    assert f"tampak seperti ekspor {FORMAT_LABELS['meta_instagram']}," in str(ei.value)
