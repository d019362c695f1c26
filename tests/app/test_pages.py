"""AppTest: every page renders on the sample and on an empty warehouse, and shows the
warehouse's numbers (computed here with SQL of the test's own, not through the UI)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from reports import idfmt
from tests.app.conftest import APP, PAGES, default_period
from warehouse.db import connect


def run_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page != "ringkasan":
        at.switch_page(PAGES[page]).run()
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [t.value for t in at.title]
    parts += [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def metric(at: AppTest, label: str) -> str:
    found = [m.value for m in at.metric if m.label == label]
    assert found, f"no metric {label!r} in {[m.label for m in at.metric]}"
    return found[0]


def scalar(path, sql: str, params: list | None = None):
    con = connect(path)
    try:
        return con.execute(sql, params or []).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders_on_sample_data(page, sample_db, use_db):
    use_db(sample_db)
    at = run_page(page)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.error, [e.value for e in at.error]
    if page in ("ringkasan", "keaktifan", "konten", "tren", "kampanye"):
        charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
        assert len(charts) >= 1, f"{page}: no chart drawn"


@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders_on_empty_warehouse(page, empty_db, use_db):
    use_db(empty_db)
    at = run_page(page)
    assert not at.exception, at.exception[0].value if at.exception else ""
    body = texts(at)
    if page in ("ringkasan", "keaktifan", "konten", "tren"):
        # The empty state says what to do next, in Indonesian.
        assert "Belum ada data" in body and "Unggah Data" in body
    if page == "kampanye":
        assert "Belum ada kampanye" in body
    if page == "unggah":
        assert "Belum ada riwayat" in body
    if page == "pengaturan":
        assert "Daftar OPD masih kosong" in body


def test_ringkasan_numbers_equal_the_warehouse(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    posts = scalar(
        sample_db,
        "SELECT count(*) FROM v_posts WHERE published_at >= ? AND published_at < ? + INTERVAL 1 DAY",
        [start, end],
    )
    kinerja = scalar(
        sample_db,
        "SELECT count(*) FILTER (WHERE content_type IN "
        "('kegiatan','layanan','informasi','capaian','klarifikasi')) / count(*) FROM v_posts "
        "WHERE published_at >= ? AND published_at < ? + INTERVAL 1 DAY",
        [start, end],
    )
    no_operator = scalar(
        sample_db,
        "SELECT count(*) FROM opd WHERE expected_to_post AND "
        "coalesce(trim(operator_name), '') = '' AND coalesce(trim(operator_phone), '') = '' "
        "AND operator_trained IS NOT TRUE",
    )
    at = run_page("ringkasan")
    assert not at.exception
    assert metric(at, "Postingan") == idfmt.format_number(posts)
    assert metric(at, "Porsi kinerja") == idfmt.format_percent(kinerja)
    assert metric(at, "OPD tanpa operator") == idfmt.format_number(no_operator)
    # The caption names the period the filters chose.
    assert idfmt.format_month(start) in texts(at)


def test_activity_rate_tile_equals_kpi_summary(sample_db, use_db):
    from warehouse.queries import filters as filters_queries
    from warehouse.queries import summary

    use_db(sample_db)
    start, end = default_period(sample_db)
    con = connect(sample_db)
    try:
        kpis = summary.kpi_summary(con, filters_queries.Filters(start, end))
    finally:
        con.close()
    rate = kpis.filter(kpis["key"] == "activity_rate")["value"][0]
    at = run_page("ringkasan")
    assert metric(at, "Tingkat keaktifan") == idfmt.format_percent(rate)


def test_url_filters_narrow_the_numbers(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    posts_ig = scalar(
        sample_db,
        "SELECT count(*) FROM v_posts WHERE platform = 'instagram' AND published_at >= ? "
        "AND published_at < ? + INTERVAL 1 DAY",
        [start, end],
    )
    at = run_page("ringkasan", {"platform": "Instagram"})
    assert not at.exception
    assert at.multiselect(key="platform").value == ["instagram"]
    assert metric(at, "Postingan") == idfmt.format_number(posts_ig)


def test_period_from_the_url(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    label = f"{idfmt.MONTHS_SHORT[end.month - 1]} {end.year}"
    posts = scalar(
        sample_db,
        "SELECT count(*) FROM v_posts WHERE date_trunc('month', published_at) = ?",
        [end.replace(day=1)],
    )
    at = run_page("tren", {"dari": label, "sampai": label})
    assert not at.exception
    assert metric(at, "Postingan") == idfmt.format_number(posts)


def test_keaktifan_tables_match_queries(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    expected_opds = scalar(sample_db, "SELECT count(*) FROM opd WHERE expected_to_post")
    at = run_page("keaktifan")
    assert not at.exception
    ranking = at.dataframe[0].value
    assert len(ranking) == expected_opds
    # The ranking is numbered 1..n and sorted by the index, highest first.
    assert list(ranking["No."]) == list(range(1, expected_opds + 1))
    # OPDs whose data did not arrive have no index ("-"): listed after every scored one.
    shown = list(ranking["Indeks"])
    scored = [s for s in shown if s != "-"]
    assert shown == scored + ["-"] * (len(shown) - len(scored))
    scores = [float(s.replace(".", "").replace(",", ".")) for s in scored]
    assert scores == sorted(scores, reverse=True)


def test_kampanye_participation_matches(sample_db, use_db):
    use_db(sample_db)
    row = scalar(sample_db, "SELECT count(*) FROM campaign")
    at = run_page("kampanye")
    assert not at.exception
    if row == 0:
        assert "Belum ada kampanye" in texts(at)
        return
    cid, start, end = (
        connect(sample_db)
        .execute("SELECT campaign_id, start_date, end_date FROM campaign ORDER BY name LIMIT 1")
        .fetchone()
    )
    joined = scalar(
        sample_db,
        "SELECT count(DISTINCT p.opd_id) FROM post_campaign pc JOIN v_posts p USING (post_key) "
        "JOIN opd o ON o.opd_id = p.opd_id WHERE pc.campaign_id = ? AND o.expected_to_post "
        "AND p.published_at >= ? AND p.published_at < ? + INTERVAL 1 DAY",
        [cid, start, end],
    )
    expected = scalar(sample_db, "SELECT count(*) FROM opd WHERE expected_to_post")
    assert metric(at, "OPD ikut serta") == f"{joined} / {expected}"


def test_pengaturan_lists_every_opd(sample_db, use_db):
    use_db(sample_db)
    n = scalar(sample_db, "SELECT count(*) FROM opd")
    at = run_page("pengaturan")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == n
    # Why an OPD is not active starts here: who has no operator (master list, own SQL).
    unnamed = scalar(
        sample_db, "SELECT count(*) FROM opd WHERE coalesce(trim(operator_name), '') = ''"
    )
    assert unnamed > 0 and (table["Nama operator"] == "Tidak").sum() == unnamed


def test_unggah_history_lists_every_load(sample_db, use_db):
    use_db(sample_db)
    n = scalar(sample_db, "SELECT count(*) FROM loads")
    at = run_page("unggah")
    assert not at.exception
    assert len(at.dataframe[0].value) == n


def test_presentation_mode_and_english(sample_db, use_db):
    use_db(sample_db)
    at = run_page("ringkasan", {"presentasi": "1"})
    assert not at.exception
    assert at.toggle(key="presentasi").value is True
    assert any(b.key == "leave_presentation" for b in at.button)
    at.button(key="leave_presentation").click().run()
    assert at.toggle(key="presentasi").value is False

    en = run_page("ringkasan", {"lang": "English"})
    assert not en.exception
    assert en.title[0].value == "Overview"
    assert metric(en, "Posts")


def test_ringkasan_for_one_opd_tells_that_opds_story(sample_db, use_db):
    """One OPD in the filter: its status, months, posts and rank, not a rate of one OPD
    (0 % or 100 %), not a ranking of one, not a bottom list with nobody in it."""
    use_db(sample_db)
    start, end = default_period(sample_db)
    opd_id, name = (
        connect(sample_db)
        .execute(
            "SELECT o.opd_id, o.name FROM opd o JOIN v_posts p USING (opd_id) "
            "WHERE o.expected_to_post GROUP BY ALL ORDER BY count(*) DESC, o.name LIMIT 1"
        )
        .fetchone()
    )
    posts = scalar(
        sample_db,
        "SELECT count(*) FROM v_posts WHERE opd_id = ? AND published_at >= ? "
        "AND published_at < ? + INTERVAL 1 DAY",
        [opd_id, start, end],
    )
    at = run_page("ringkasan", {"opd": name})
    assert not at.exception, at.exception[0].value if at.exception else ""
    labels = [m.label for m in at.metric]
    assert "Tingkat keaktifan" not in labels and "OPD tanpa operator" not in labels
    assert {"Status keaktifan", "Bulan aktif", "Postingan"} <= set(labels)
    assert any(lab.startswith("Peringkat dari ") for lab in labels)
    assert metric(at, "Postingan") == idfmt.format_number(posts)
    assert metric(at, "Status keaktifan") in ("Aktif", "Belum aktif", "Belum dinilai")
    assert " dari " in metric(at, "Bulan aktif")
    assert not any("terbawah" in s.value for s in at.subheader)


def test_keaktifan_key_figures_count_the_screen_lists(sample_db, use_db):
    """The projector's key figures count what the screen lists: the ranking (status, index,
    grade) and the list of OPDs not active."""
    use_db(sample_db)
    screen = run_page("keaktifan")
    assert not screen.exception
    ranking = screen.dataframe[0].value
    inactive = next(d.value for d in screen.dataframe if "Yang belum terpenuhi" in d.value.columns)
    judged = int((ranking["Indeks"] != "-").sum())
    active = int((ranking["Status"] == "Aktif").sum())
    kurang = int((ranking["Predikat"] == "Kurang").sum())
    assert 0 < active < judged and len(inactive) > 0 and kurang > 0
    num = lambda s: float(str(s).replace(".", "").replace(",", "."))  # noqa: E731
    mean = sum(num(s) for s in ranking["Indeks"] if s != "-") / judged

    slide = run_page("keaktifan", {"presentasi": "1"})
    assert not slide.exception
    n = idfmt.format_number
    # Not-judged OPDs (data not all in) are listed but never counted as inactive.
    from warehouse.vocabulary import REASON_LABELS_ID

    not_judged = {REASON_LABELS_ID[c] for c in ("not_received", "partly_received", "not_submitted")}
    judged_inactive = int((~inactive["Alasan"].isin(not_judged)).sum())
    assert metric(slide, f"OPD aktif (dari {n(judged)} dinilai)") == n(active)
    assert metric(slide, f"OPD belum aktif (dari {n(judged)} dinilai)") == n(judged_inactive)
    assert active + judged_inactive == judged
    assert metric(slide, "OPD berpredikat Kurang") == n(kurang)
    # The ranking shows each index to one decimal: their mean is within rounding of the tile.
    assert abs(num(metric(slide, "Rata-rata Indeks Medsos OPD")) - mean) <= 0.1


def test_ringkasan_names_a_few_opds_whose_month_is_partly_in(sample_db, use_db):
    # The sample's last month is cut by its data end for some 40 OPDs: the sentence under the
    # tiles names MOST_NAMED of them and counts the rest (it listed all 40 on a slide).
    from ui.coverage_panel import MOST_NAMED

    use_db(sample_db)
    at = run_page("ringkasan")
    said = [str(m.value) for m in at.markdown if "baru sebagian (data s.d." in str(m.value)]
    assert len(said) == 1, said
    n = int(said[0].split(" OPD: ")[0].rsplit(" ", 1)[1])
    names = said[0].split(" OPD: ", 1)[1]
    assert n > MOST_NAMED and names.endswith(f" dan {n - MOST_NAMED} lainnya."), said
    assert names.count(", ") == MOST_NAMED - 1, said
