"""The upload page's check step shows a file that mostly failed in red with its rejected rows,
and every assumption the load made (AppTest on ui.forms.upload_report.show_check with real reports)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script(status: str) -> None:
    import polars as pl

    from etl.load_report import LoadReport
    from etl.schema import REJECT_SCHEMA
    from ui.forms.upload_report import show_check as _show_check

    rej = pl.DataFrame(
        [{"sheet": None, "row_number": 3, "column_name": "Tanggal", "value": "31/02/2026",
          "reason": "Tanggal tidak dapat dibaca: '31/02/2026'"}],
        schema=REJECT_SCHEMA,
    )  # fmt: skip
    rep = LoadReport(
        file="rekap.csv", format="logbook", opd="Desa Mekarwangi", rows_read=3, rejected=1,
        status=status, rejects=rej,
        error="Berkas rekap.csv: 2 dari 3 baris ditolak" if status != "loaded" else None,
        assumptions=["Berkas 'rekap.csv', kolom 'Tanggal': urutan hari/bulan: nilai '14/10/2026'."],
    )  # fmt: skip
    _show_check(rep)


def _run(status: str) -> AppTest:
    at = AppTest.from_function(_script, args=(status,), default_timeout=60)
    return at.run()


def test_needs_review_is_red_and_lists_the_rejected_rows():
    at = _run("needs_review")
    assert not at.exception
    assert any("2 dari 3 baris ditolak" in e.value for e in at.error)
    shown = " ".join(str(df.value) for df in at.dataframe)
    assert "31/02/2026" in shown
    assert any("urutan hari/bulan" in m.value for m in at.markdown)


def test_a_loaded_file_shows_its_assumptions_without_an_error():
    at = _run("loaded")
    assert not at.exception and not at.error
    assert any("urutan hari/bulan" in m.value for m in at.markdown)
