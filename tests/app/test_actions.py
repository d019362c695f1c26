"""AppTest behaviour: what an analyst writes through the UI lands in the warehouse and shows."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.app.test_pages import metric, run_page, scalar
from warehouse import analyst_settings
from warehouse.db import connect


def test_campaign_defined_in_the_form_is_stored_and_shown(copy_db, use_db):
    use_db(copy_db)
    at: AppTest = run_page("kampanye")
    assert not at.exception
    at.text_input[0].input("Gerakan Bersih Sungai")
    at.date_input[0].set_value(dt.date(2026, 5, 1))
    at.date_input[1].set_value(dt.date(2026, 10, 31))
    at.text_input[1].input("#BersihSungai, #KaliBersih")
    at.text_input[2].input("bersih sungai")
    at.button[0].click().run()
    assert not at.exception
    row = (
        connect(copy_db)
        .execute(
            "SELECT start_date, end_date, hashtags, keywords FROM campaign "
            "WHERE name = 'Gerakan Bersih Sungai'"
        )
        .fetchone()
    )
    assert row is not None
    assert row[0] == dt.date(2026, 5, 1) and row[1] == dt.date(2026, 10, 31)
    assert sorted(row[2]) == ["bersihsungai", "kalibersih"] and row[3] == ["bersih sungai"]
    at.selectbox(key="kampanye").set_value("Gerakan Bersih Sungai").run()
    assert not at.exception
    joined = scalar(
        copy_db,
        "SELECT count(DISTINCT p.opd_id) FROM post_campaign pc JOIN v_posts p USING (post_key) "
        "JOIN opd o ON o.opd_id = p.opd_id JOIN campaign c USING (campaign_id) "
        "WHERE c.name = 'Gerakan Bersih Sungai' AND o.expected_to_post "
        "AND p.published_at >= DATE '2026-05-01' AND p.published_at < DATE '2026-11-01'",
    )
    expected = scalar(copy_db, "SELECT count(*) FROM opd WHERE expected_to_post")
    assert metric(at, "OPD ikut serta") == f"{joined} / {expected}"


def test_empty_campaign_name_is_refused(copy_db, use_db):
    use_db(copy_db)
    before = scalar(copy_db, "SELECT count(*) FROM campaign")
    at = run_page("kampanye")
    at.text_input[1].input("#apasaja")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Nama kampanye wajib diisi."]
    assert scalar(copy_db, "SELECT count(*) FROM campaign") == before


def test_settings_saved_change_the_activity_minimum(copy_db, use_db):
    use_db(copy_db)
    at = run_page("pengaturan")
    assert not at.exception
    at.number_input(key="set_min_posts_per_month").set_value(9)
    at.number_input(key="set_w_engagement").set_value(0.0)
    submit = [b for b in at.button if "Simpan pengaturan" in str(b.label)]
    assert submit, [b.label for b in at.button]
    submit[0].click().run()
    assert not at.exception
    con = connect(copy_db)
    try:
        saved = analyst_settings.get_settings(con)
    finally:
        con.close()
    assert saved.min_posts_per_month == 9 and saved.w_engagement == 0.0


def test_the_activity_rule_saved_on_pengaturan_is_the_one_keaktifan_states(copy_db, use_db):
    use_db(copy_db)
    at = run_page("pengaturan")
    at.radio(key="set_activity_rule").set_value("opd_total")
    [b for b in at.button if "Simpan pengaturan" in str(b.label)][0].click().run()
    assert not at.exception
    con = connect(copy_db)
    try:
        assert analyst_settings.get_settings(con).activity_rule == "opd_total"
    finally:
        con.close()
    at = run_page("keaktifan")
    assert not at.exception
    stated = [c.value for c in at.caption if "Aturan keaktifan" in c.value]
    assert stated and "dari semua akun OPD" in stated[0], stated


def test_invalid_settings_are_refused_with_the_reason(copy_db, use_db):
    use_db(copy_db)
    at = run_page("pengaturan")
    at.number_input(key="set_grade_good").set_value(95.0)  # above "Sangat Baik" (80)
    [b for b in at.button if "Simpan pengaturan" in str(b.label)][0].click().run()
    assert any("Batas predikat" in e.value for e in at.error)
    con = connect(copy_db)
    try:
        assert (
            analyst_settings.get_settings(con).grade_good == analyst_settings.Settings().grade_good
        )
    finally:
        con.close()
