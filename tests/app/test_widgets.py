"""Pure pieces of ui/: id-ID formatting and the lampiran produced from a display table."""

from __future__ import annotations

import datetime as dt

import polars as pl

from reports import lampiran
from ui import i18n
from ui.widgets import Col, display_frame, lampiran_frame


def test_indonesian_numbers_and_dates():
    assert i18n.fmt_num(1234.5, 1) == "1.234,5"
    assert i18n.fmt_int(1234567) == "1.234.567"
    assert i18n.fmt_pct(0.4525) == "45,3%"  # half up, like the lampiran
    assert i18n.fmt_delta_pp(-0.052) == "-5,2 poin"
    assert i18n.fmt_delta(0) == "±0"
    assert i18n.fmt_date(dt.date(2026, 10, 3)) == "3 Oktober 2026"
    assert i18n.fmt_month("2026-08") == "Agu 2026"
    assert i18n.fmt_pct(None) == "-"


TABLE = pl.DataFrame(
    {
        "opd": ["Dinas Kesehatan", "Desa Sukamaju"],
        "opd_kind": ["dinas", "desa"],
        "posts": [1234, 0],
        "share": [0.4525, None],
        "last": [dt.date(2026, 10, 3), None],
        "url": ["https://www.facebook.com/dinkes/posts/1", None],
    }
)
COLS = [
    Col("opd", "OPD"),
    Col("opd_kind", "Jenis OPD", "kind"),
    Col("posts", "Postingan", "int"),
    Col("share", "Porsi", "pct"),
    Col("last", "Terakhir", "date"),
    Col("url", "Tautan", "link"),
]


def test_display_frame_is_numbered_and_formatted():
    shown = display_frame(TABLE, COLS)
    assert shown.columns == ["No.", "OPD", "Jenis OPD", "Postingan", "Porsi", "Terakhir", "Tautan"]
    assert shown.row(0) == (
        1, "Dinas Kesehatan", "Dinas", "1.234", "45,3%", "3 Oktober 2026",
        "https://www.facebook.com/dinkes/posts/1",
    )  # fmt: skip
    assert shown.row(1)[4:6] == ("-", "-")


def test_lampiran_keeps_numbers_typed_and_the_link_column():
    frame, spec = lampiran_frame(TABLE, COLS)
    assert [k for _, _, k in spec] == ["teks", "teks", "angka", "persen", "tanggal", "tautan"]
    assert [h for _, h, _ in spec] == ["OPD", "Jenis OPD", "Postingan", "Porsi", "Terakhir",
                                       "Tautan"]  # fmt: skip
    assert frame[spec[5][0]].to_list() == ["https://www.facebook.com/dinkes/posts/1", None]
    assert frame[spec[2][0]].to_list() == [1234, 0]
    assert frame[spec[1][0]].to_list() == ["Dinas", "Desa"]
    xlsx = lampiran.to_xlsx(frame, title="Uji", columns=spec, paper="F4")
    pdf = lampiran.to_pdf(frame, title="Uji", columns=spec, paper="A4")
    assert xlsx[:2] == b"PK" and pdf[:4] == b"%PDF"
