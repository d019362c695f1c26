"""Every page in a real browser: charts drawn, no exception box, screenshots; an upload through
the upload page shows its posts on the Ringkasan page."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from playwright.sync_api import expect

from reports import idfmt
from tests.browser.conftest import SCREENSHOTS, full_screenshot, upload, wait_idle
from warehouse.db import connect

pytestmark = pytest.mark.browser

PAGES = {  # url path -> (has charts, a heading it must show)
    "": (True, "Ringkasan"),
    "keaktifan": (True, "Keaktifan OPD"),
    "jenis-konten": (True, "Jenis Konten"),
    "tren": (True, "Tren"),
    "kampanye": (True, "Kampanye"),
    "unggah": (False, "Unggah Data"),
    "pengaturan": (False, "Pengaturan"),
}


@pytest.mark.parametrize("path", list(PAGES))
def test_page_in_browser(path, app_url, page):
    has_charts, heading = PAGES[path]
    page.goto(f"{app_url}/{path}")
    wait_idle(page)
    page.wait_for_selector(f"h1:has-text('{heading}')", timeout=20000)
    if has_charts:
        page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=20000)
        assert len(page.query_selector_all(".vega-embed canvas, .vega-embed svg")) >= 1
    assert page.query_selector('[data-testid="stException"]') is None
    assert "Page not found" not in page.inner_text("body")
    # A deep link runs app.py first: its sidebar filters are there (pages/ is not the old
    # folder-based navigation).
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Filter" in sidebar.inner_text()
    full_screenshot(page, SCREENSHOTS / f"{path or 'ringkasan'}.png")


def test_presentation_mode_hides_the_sidebar(app_url, page):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?presentasi=1")
    wait_idle(page)
    page.wait_for_selector('[data-testid="stMetric"]', timeout=20000)
    sidebar = page.query_selector('[data-testid="stSidebar"]')
    assert sidebar is None or not sidebar.is_visible()
    assert page.query_selector('[data-testid="stException"]') is None
    full_screenshot(page, SCREENSHOTS / "ringkasan_presentasi.png")


def _visible_charts(page) -> int:
    return page.evaluate(
        """() => [...document.querySelectorAll('.vega-embed')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
        }).length"""
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_presentation_slides_one_chart_per_screen(size, app_url, page):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_url}/?presentasi=1&slide=1")
    wait_idle(page)
    page.get_by_text("Slide 1 dari 5").wait_for(timeout=20000)
    page.wait_for_selector('[data-testid="stMetric"]', timeout=20000)
    wait_idle(page)
    assert _visible_charts(page) == 0
    page.screenshot(path=str(SCREENSHOTS / f"presentasi_{width}_slide1.png"))

    page.get_by_role("button", name="Berikutnya").click()
    page.get_by_text("Slide 2 dari 5").wait_for(timeout=20000)
    wait_idle(page)
    page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=20000)
    assert "slide=2" in page.url and "presentasi=1" in page.url  # the link opens this slide
    assert _visible_charts(page) == 1
    box = page.query_selector(".vega-embed").bounding_box()
    # The chart fills the screen below the slide bar, yet ends on it (no scrolling).
    assert box["height"] >= 0.45 * height and box["y"] + box["height"] <= height, box
    assert page.query_selector('[data-testid="stException"]') is None
    time.sleep(0.5)
    page.screenshot(path=str(SCREENSHOTS / f"presentasi_{width}_slide2.png"))


def _facebook_csv(db) -> tuple[bytes, int, dt.date]:
    """A Meta Business Suite Facebook export (UTF-8 with BOM, US dates) for one known page."""
    con = connect(db)
    try:
        handle, last = con.execute(
            "SELECT a.handle, (SELECT max(published_at)::DATE FROM posts) FROM account a "
            "WHERE a.platform = 'facebook' ORDER BY a.account_id LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    header = (
        '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time",'
        '"Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,'
        '"Custom labels","Funded content status","Data comment",Date,Views,Reach,'
        '"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks"'
    )
    rows = []
    n = 3
    for i in range(n):
        pid = f"99887766554433{i:02d}"
        when = dt.datetime(last.year, last.month, 10 + i, 9, 30)
        rows.append(
            f'"{pid}","1234567890","{handle}","","Uji unggah peramban {i}: sosialisasi layanan '
            f'KTP elektronik","","{when:%m/%d/%Y %H:%M}","","https://www.facebook.com/{handle}'
            f'/posts/{pid}","No","No","Photos","","","","","Lifetime","100","80","12","10","1",'
            f'"1","3"'
        )
    text = "\n".join([header, *rows]) + "\n"
    return "\ufeff".encode() + text.encode("utf-8"), n, last


def _posts_tile(page) -> str:
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=20000)
    labels = []
    for m in page.query_selector_all('[data-testid="stMetric"]'):
        label = m.query_selector('[data-testid="stMetricLabel"]')
        text = label.inner_text().strip() if label else ""
        labels.append(text)
        if text.startswith("Postingan"):
            return m.query_selector('[data-testid="stMetricValue"]').inner_text().strip()
    raise AssertionError(f"no Postingan tile among {labels}")


def test_upload_shows_its_posts(app_url, browser_db, page, tmp_path):
    # The server holds its copy of the warehouse locked; the source file has the same rows.
    data, n, last = _facebook_csv(browser_db)
    month = f"{idfmt.MONTHS_SHORT[last.month - 1]}+{last.year}"
    view = f"{app_url}/?dari={month}&sampai={month}"
    page.goto(view)
    wait_idle(page)
    before = _posts_tile(page)

    file = tmp_path / "Uji_Browser_Facebook.csv"
    file.write_bytes(data)
    page.goto(f"{app_url}/unggah")
    wait_idle(page)
    page.set_input_files('[data-testid="stFileUploader"] input[type="file"]', str(file))
    # The check shows either the confirm button or an error naming the file.
    page.wait_for_selector(
        'button:has-text("Muat 1 berkas"), [data-testid="stAlertContentError"]', timeout=30000
    )
    wait_idle(page)
    full_screenshot(page, SCREENSHOTS / "unggah_pemeriksaan.png")
    assert page.query_selector('[data-testid="stException"]') is None
    errors = [
        e.inner_text() for e in page.query_selector_all('[data-testid="stAlertContentError"]')
    ]
    assert not errors, errors
    page.get_by_role("button", name="Muat 1 berkas ke gudang data").click()
    page.get_by_text("Berkas selesai dimuat.").wait_for(timeout=30000)
    wait_idle(page)
    full_screenshot(page, SCREENSHOTS / "unggah_selesai.png")

    page.goto(view)
    wait_idle(page)
    after = _posts_tile(page)
    as_int = lambda s: int(s.replace(".", ""))  # noqa: E731
    assert as_int(after) == as_int(before) + n, (before, after)


def _pick(page, label: str, option: str) -> None:
    """Choose an option in a Streamlit selectbox found by its label."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)  # long lists render only what is in view: filter first
    page.get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def test_unknown_layout_is_mapped_by_hand_then_loaded(app_url, page, tmp_path):
    # An OPD's own export with headers no parser knows: the page lists its columns to map.
    file = tmp_path / "Laporan_Bulanan_Kecamatan.csv"
    file.write_text(
        "Kapan Tayang,Teks Unggahan,Alamat,Jempol\n"
        "03/11/2026 09.15,Rapat koordinasi posyandu di aula kecamatan,"
        "https://www.instagram.com/p/UJIPETA1/,12\n"
        "04/11/2026 10.00,Jadwal pelayanan KTP-el keliling hari Sabtu,"
        "https://www.instagram.com/p/UJIPETA2/,7\n",
        encoding="utf-8",
    )
    view = f"{app_url}/?dari=Nov+2026&sampai=Nov+2026&opd=Kecamatan+Cibening"
    page.goto(view)
    wait_idle(page)
    before = _posts_tile(page)
    page.goto(f"{app_url}/unggah")
    wait_idle(page)
    page.set_input_files('[data-testid="stFileUploader"] input[type="file"]', str(file))
    page.get_by_text("Petakan kolom secara manual", exact=True).wait_for(timeout=30000)
    wait_idle(page)
    errors = page.locator('[data-testid="stAlertContentError"]').all_inner_texts()
    assert any("Kapan Tayang" in e and "tidak dikenali" in e for e in errors), errors
    _pick(page, "OPD untuk Laporan_Bulanan_Kecamatan.csv", "Kecamatan Cibening")
    _pick(page, "Waktu terbit (wajib)", "Kapan Tayang")
    _pick(page, "Keterangan / caption", "Teks Unggahan")
    _pick(page, "Tautan postingan", "Alamat")
    _pick(page, "Suka / reaksi", "Jempol")
    page.get_by_role("button", name="Periksa dengan pemetaan ini").click()
    page.get_by_role("button", name="Muat 1 berkas ke gudang data").wait_for(timeout=30000)
    wait_idle(page)
    full_screenshot(page, SCREENSHOTS / "unggah_pemetaan.png")
    page.get_by_role("button", name="Muat 1 berkas ke gudang data").click()
    page.get_by_text("Berkas selesai dimuat.").wait_for(timeout=30000)
    wait_idle(page)
    assert page.query_selector('[data-testid="stException"]') is None
    page.goto(view)
    wait_idle(page)
    as_int = lambda s: int(s.replace(".", ""))  # noqa: E731
    assert as_int(_posts_tile(page)) == as_int(before) + 2, before


def test_master_list_upload_updates_and_a_wrong_file_is_refused(app_url, page, tmp_path):
    from etl.bootstrap import sample_files

    master, _ = sample_files()
    page.goto(f"{app_url}/pengaturan")
    wait_idle(page)
    upload(page, master)
    page.get_by_role("button", name="Perbarui daftar OPD").click()
    expect(page.locator('[data-testid="stCode"]')).to_contain_text(master.name, timeout=30000)
    wait_idle(page)
    assert "OPD" in page.locator('[data-testid="stCode"]').inner_text()
    assert page.query_selector('[data-testid="stException"]') is None
    # A post export given as the master list: refused with a message, no exception box.
    wrong = tmp_path / "Akun salah.csv"
    wrong.write_text("Tanggal,Link\n03/11/2026,https://x.com/a/status/1\n", encoding="utf-8")
    upload(page, wrong)
    page.get_by_role("button", name="Perbarui daftar OPD").click()
    refusal = page.locator('[data-testid="stAlertContentError"]').filter(has_text="Akun salah.csv")
    expect(refusal.first).to_be_visible(timeout=30000)
    assert page.query_selector('[data-testid="stException"]') is None


def test_campaign_list_upload_defines_campaigns_and_refuses_a_bad_sheet(app_url, page, tmp_path):
    good = tmp_path / "Kampanye Baik.csv"  # short: the uploader elides long names
    good.write_text(
        "Nama Kampanye,Mulai,Selesai,Tagar,Kata Kunci\n"
        "Gerakan Bersih Sungai,1 Juni 2026,31 Desember 2026,#BersihSungai,bersih sungai\n",
        encoding="utf-8",
    )
    bad = tmp_path / "Kampanye Salah.csv"
    bad.write_text(
        "Nama Kampanye,Mulai,Selesai,Tagar,Kata Kunci\nSalah Tanggal,1/3/2026,31/02/2026,#x,\n",
        encoding="utf-8",
    )
    page.goto(f"{app_url}/kampanye")
    wait_idle(page)
    page.get_by_text("Unggah daftar kampanye (xlsx/csv)").click()
    upload(page, bad)
    page.get_by_role("button", name="Muat daftar kampanye").click()
    wait_idle(page)
    refusal = page.locator('[data-testid="stAlertContentError"]').filter(
        has_text="Kampanye Salah.csv"
    )
    expect(refusal).to_contain_text("kolom Selesai", timeout=30000)
    # A fresh session for the good sheet: the uploader still holds the refused file.
    page.goto(f"{app_url}/kampanye")
    wait_idle(page)
    page.get_by_text("Unggah daftar kampanye (xlsx/csv)").click()
    upload(page, good)
    page.get_by_role("button", name="Muat daftar kampanye").click()
    wait_idle(page)
    box = page.get_by_role("combobox", name="Kampanye", exact=True)
    box.click()
    box.fill("Bersih Sungai")
    # The option list opens after the filter's own round trip: wait for it rather than sample it.
    expect(page.get_by_role("option", name="Gerakan Bersih Sungai", exact=True)).to_be_visible(
        timeout=20000
    )
    assert page.query_selector('[data-testid="stException"]') is None
