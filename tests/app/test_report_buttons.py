"""Ringkasan: the WhatsApp recap button shows the warehouse's recap of the current view."""

from __future__ import annotations

from reports import whatsapp
from tests.app.conftest import default_period
from tests.app.test_pages import run_page
from warehouse.db import connect
from warehouse.queries.filters import Filters


def test_whatsapp_recap_shows_the_current_view(sample_db, use_db):
    use_db(sample_db)
    at = run_page("ringkasan")
    assert not at.exception
    assert not at.code  # nothing is built until asked
    [b for b in at.button if "Rekap WhatsApp" in str(b.label)][0].click().run()
    assert not at.exception
    con = connect(sample_db)
    try:
        expected = whatsapp.recap(con, Filters(*default_period(sample_db)))
    finally:
        con.close()
    assert at.code[0].value == expected
    assert expected.startswith("*Rekap Media Sosial OPD*") and "*Keaktifan:*" in expected


def test_ringkasan_offers_the_reports_and_every_chart_as_an_image(sample_db, use_db):
    use_db(sample_db)
    at = run_page("ringkasan")
    assert not at.exception
    keys = [d.proto.id.rsplit("-", 1)[-1] for d in at.get("download_button")]
    for key in ("monthly_pdf", "monthly_docx", "rapor_pdf", "rapor_zip"):
        assert key in keys
    charts = at.get("vega_lite_chart")
    assert charts, "Ringkasan draws charts"
    assert len([k for k in keys if k.startswith("cpng_")]) == len(charts)
    assert len([k for k in keys if k.startswith("csvg_")]) == len(charts)
