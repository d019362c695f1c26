"""Two header cells with the same name: the file is refused naming the header and both
columns, never loaded with one of them silently empty."""

from __future__ import annotations

import io

import openpyxl
import pytest

from etl.parse import parse_file
from etl.schema import FileRejected

META_HEAD = "Post ID,Page ID,Page name,Title,Description,Publish time,Permalink,Post type,Reactions,Comments,Shares,Reach,Reach"
META_ROW = (
    "1,2,Dinas Kesehatan,Judul,Isi,10/03/2026 09:05,https://facebook.com/1,Photos,5,1,0,100,200"
)


def test_meta_csv_with_a_repeated_header_is_refused_naming_it():
    data = (META_HEAD + "\n" + META_ROW + "\n").encode()
    with pytest.raises(FileRejected) as err:
        parse_file("Oct-01-2026_Oct-31-2026_1.csv", data=data)
    msg = str(err.value)
    assert "'Reach'" in msg and "dua kali" in msg and "L dan M" in msg


def test_logbook_xlsx_with_two_caption_columns_is_refused_naming_the_sheet():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Oktober"
    ws.append(["No", "Tanggal", "Platform", "Judul", "Link", "Judul"])
    ws.append([1, "06/10/2026", "Instagram", "Posyandu", "https://instagram.com/p/a", "x"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(FileRejected) as err:
        parse_file("Rekap Oktober 2026.xlsx", data=buf.getvalue())
    msg = str(err.value)
    assert "sheet 'Oktober'" in msg and "'Judul'" in msg and "D dan F" in msg


def test_repeated_header_of_a_column_nobody_reads_is_not_refused():
    head = "No,Tanggal,Platform,Judul,Link,Keterangan,Keterangan"
    row = "1,06/10/2026,Instagram,Posyandu,https://instagram.com/p/a,x,y"
    tables = parse_file("Rekap Oktober 2026.csv", data=(head + "\n" + row + "\n").encode())
    assert sum(t.posts.height for t in tables) == 1
