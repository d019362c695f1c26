"""Screen tables fit 1366 px: estimated column widths within the page's width, text columns
wrapping instead of the grid scrolling sideways."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from ui import table_fit


@given(
    st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=20),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=20),
)
def test_a_wide_table_is_fitted_within_the_page(names, numbers):
    n = min(len(names), len(numbers))
    shown = pl.DataFrame(
        {
            "No.": [str(i + 1) for i in range(n)],
            "OPD": names[:n],
            "Alasan yang belum terpenuhi": [s * 2 for s in names[:n]],
            "Postingan": [str(v) for v in numbers[:n]],
            "Interaksi per postingan": [str(v) for v in numbers[:n]],
        }
    )
    kinds = {"No.": "rank", "OPD": "text", "Alasan yang belum terpenuhi": "long"}
    kinds |= {"Postingan": "int", "Interaksi per postingan": "num"}
    natural = table_fit.natural_widths(shown, {})
    widths, wraps = table_fit.fit(shown, kinds, {})
    drawn = {c: widths.get(c, natural[c]) + table_fit._EXTRA_PX for c in shown.columns}
    if widths:
        # Numbers keep their width; text shares the rest and wraps when narrowed.
        assert widths["Postingan"] == natural["Postingan"]
        assert wraps == any(widths[c] < natural[c] for c in ("OPD", "Alasan yang belum terpenuhi"))
        text_floor = all(widths[c] >= min(natural[c], table_fit.MIN_TEXT_PX) for c in ("OPD",))
        assert text_floor
        room = table_fit.FIT_PX - sum(
            drawn[c] for c in ("No.", "Postingan", "Interaksi per postingan")
        )
        if room >= 2 * (table_fit.MIN_TEXT_PX + table_fit._EXTRA_PX):
            assert sum(drawn.values()) <= table_fit.FIT_PX
    else:
        assert sum(drawn.values()) <= table_fit.FIT_PX and not wraps


def test_the_ranking_table_fits_1366_with_its_ten_columns():
    # The Keaktifan ranking's columns, longest sample values: ~1,030 px unfitted.
    shown = pl.DataFrame(
        {
            "No.": ["46"],
            "OPD": ["Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana"],
            "Jenis OPD": ["Kecamatan"],
            "Indeks": ["96,6"],
            "Predikat": ["Sangat Baik"],
            "Postingan": ["1.419"],
            "Status": ["Data belum diterima"],
            "Porsi kinerja": ["92,4%"],
            "Minggu aktif": ["25"],
            "Interaksi per postingan": ["1.234,5"],
        }
    )
    kinds = {"No.": "rank", "OPD": "text", "Jenis OPD": "kind", "Indeks": "num"}
    kinds |= {"Predikat": "grade", "Postingan": "int", "Status": "reason", "Porsi kinerja": "pct"}
    kinds |= {"Minggu aktif": "int", "Interaksi per postingan": "num"}
    headers = {"Interaksi per postingan": "Interaksi/post", "Porsi kinerja": "Kinerja"}
    headers |= {"Minggu aktif": "Mgg aktif"}
    assert sum(table_fit.natural_widths(shown, {}).values()) > table_fit.FIT_PX
    widths, wraps = table_fit.fit(shown, kinds, headers)
    assert wraps and sum(w + table_fit._EXTRA_PX for w in widths.values()) <= table_fit.FIT_PX
    assert widths["OPD"] >= table_fit.MIN_TEXT_PX


def _editor_view(caption: str, reason: str, opd: str, logbook: bool) -> pl.DataFrame:
    # The columns ui.forms.labels.relabel_editor builds, longest sample-like values.
    cols = {
        "post_key": ["k"],
        "date": ["30 Sep 2026"],
        "opd": [opd],
        "opd_platform": [opd + " · Instagram"],
        "label": ["Klarifikasi"],
        **({"logbook_label": ["Dokumentasi Kegiatan"]} if logbook else {}),
        "content_reason": [reason],
        "caption": [caption],
        "permalink": ["https://www.instagram.com/p/abc/"],
    }
    return pl.DataFrame(cols)


@settings(deadline=None, max_examples=60)
@given(
    st.text(max_size=400),
    st.text(max_size=200),
    st.text(min_size=1, max_size=90),
    st.booleans(),
)
def test_the_label_editor_fits_1366(caption, reason, opd, logbook):
    # It drew 1,248 px (examples) and 1,162 px (logbook disagreements) of columns in 904.
    from ui.forms import labels

    view = _editor_view(caption, reason, opd, logbook)
    widths, wraps = labels.editor_widths(view)
    shown = [c for c in view.columns if c not in ("post_key", "opd")]
    assert set(widths) == set(shown)
    assert sum(widths[c] + table_fit._EXTRA_PX for c in shown) <= table_fit.FIT_PX
    # The editable label stays whole: never narrower than its longest option.
    assert widths["label"] >= table_fit.text_px("Klarifikasi")
    if not wraps:  # rows of one line: every text whole on it
        for c, text in (("opd_platform", opd + " · Instagram"), ("content_reason", reason)):
            assert widths[c] >= table_fit.text_px(text)


def test_the_account_list_fits_1366():
    # Keaktifan's account list (ui.activity_counts.dormancy_table): 936 px in 904 before.
    from ui import activity_counts

    shown = pl.DataFrame(
        {
            "No.": ["91"],
            "OPD": ["Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana"],
            "Akun": ["Instagram disdukcapil_sukamaju"],
            "Postingan": ["208"],
            "Unggahan terakhir": ["27 Feb 2026"],
            "Hari tanpa unggahan": ["240"],
            "Status": ["Data belum diterima"],
            "Data akun s.d.": ["21 Nov 2026"],
            "Tautan": ["https://www.instagram.com/disdukcapil_sukamaju/"],
        }
    )
    cols = activity_counts.dormancy_columns()
    assert [c.label for c in cols] == shown.columns[1:]
    kinds = {c.label: c.kind for c in cols} | {"No.": "rank"}
    widths, _ = table_fit.fit(shown, kinds, table_fit.headers_of(cols), link_text="Buka")
    drawn = widths or table_fit.natural_widths(shown, table_fit.headers_of(cols))
    assert sum(w + table_fit._EXTRA_PX for w in drawn.values()) <= table_fit.FIT_PX
