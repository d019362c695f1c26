"""A slide table: every cell's text in the HTML, escaped, numbers unbroken, the rest wrapping;
the sentence counting the rows a screen left out."""

from __future__ import annotations

import polars as pl

from ui import slide_table, tables
from ui.tables import Col


def test_every_cell_is_in_the_table_escaped_and_numbers_stay_unbroken():
    df = pl.DataFrame(
        {
            "opd": ["Dinas <Kesehatan> & KB", "Desa Margamulya"],
            "posts": [1234, 7],
            "last": [None, None],
        }
    )
    cols = [Col("opd", "OPD"), Col("posts", "Postingan", "int"), Col("last", "Terakhir", "date")]
    shown = tables.display_frame(df, cols)
    out = slide_table.table_html(
        shown, numeric={"Postingan", "No."}, short={"Terakhir"}, table_id="t1"
    )
    assert "Dinas &lt;Kesehatan&gt; &amp; KB" in out and "<Kesehatan>" not in out
    assert '<td class="num">1.234</td>' in out  # id-ID thousands, right-aligned, unbroken
    assert '<td class="num">2</td>' in out  # the row number
    assert '<td class="short">-</td>' in out  # a date never splits over two lines
    assert "<td>Desa Margamulya</td>" in out  # text wraps (no nowrap class)
    assert out.count("<tr>") == 3 and out.count("</th>") == 4
    assert 'id="t1"' in out


def test_the_count_of_rows_left_out_reads_in_indonesian():
    sentence = slide_table.more_sentence()
    assert sentence.startswith("dan {n} baris lainnya")
    assert sentence.replace("{n}", "36") == (
        "dan 36 baris lainnya (daftar lengkap di tampilan biasa dan lampirannya)."
    )


def test_a_sentence_column_on_the_screen_has_a_fixed_width_and_wraps():
    cfg = tables._column_config([Col("detail", "Yang belum terpenuhi", "long"), Col("opd", "OPD")])
    assert cfg["Yang belum terpenuhi"]["width"] == tables.LONG_COLUMN_PX
    assert "OPD" not in cfg  # other text columns keep Streamlit's own sizing
    # Streamlit wraps a grid's text only in rows taller than 4rem (64 px).
    assert tables.WRAP_ROW_PX > 64
