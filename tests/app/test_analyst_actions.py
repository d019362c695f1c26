"""AppTest: an analyst tries a caption against the rules, saves rules (a new version re-labels
the posts), and undoes a load only after confirming it."""

from __future__ import annotations

import json

from tests.app.test_pages import run_page, scalar


def test_try_a_caption_against_the_rules(sample_db, use_db):
    use_db(sample_db)
    at = run_page("pengaturan")
    at.text_area(key="rules_try").input("Selamat Hari Guru Nasional! Terima kasih para guru").run()
    assert not at.exception
    shown = "\n".join(m.value for m in at.markdown)
    assert "Ucapan" in shown and "'selamat hari" in shown


def test_saving_rules_makes_a_version_and_relabels(copy_db, use_db):
    use_db(copy_db)
    before = scalar(copy_db, "SELECT max(version) FROM rule_set")
    at = run_page("pengaturan")
    at.text_input(key="analyst_name_input").input("Rina (Diskominfo)").run()
    data = json.loads(at.text_area(key="rules_text").value)
    # A clear analyst decision: every post saying 'posyandu' is layanan, whatever else it says.
    data["labels"]["layanan"].append({"pattern": "posyandu", "weight": 50})
    at.text_area(key="rules_text").input(json.dumps(data))
    at.button(key="rules_save").click().run()
    assert not at.exception and not at.error
    assert scalar(copy_db, "SELECT max(version) FROM rule_set") == before + 1
    who = "SELECT created_by FROM rule_set ORDER BY version DESC LIMIT 1"
    assert scalar(copy_db, who) == "Rina (Diskominfo)"
    wrong = scalar(
        copy_db,
        "SELECT count(*) FROM posts WHERE lower(caption_norm) LIKE '%posyandu%' "
        "AND (content_type <> 'layanan' OR rules_version <> ?)",
        [before + 1],
    )
    assert wrong == 0
    assert scalar(copy_db, "SELECT count(*) FROM posts WHERE caption_norm LIKE '%posyandu%'") > 0


def test_invalid_rules_are_refused_and_nothing_changes(copy_db, use_db):
    use_db(copy_db)
    before = scalar(copy_db, "SELECT max(version) FROM rule_set")
    at = run_page("pengaturan")
    data = json.loads(at.text_area(key="rules_text").value)
    data["labels"]["layanan"].append({"pattern": "jadwal(", "weight": 2})
    at.text_area(key="rules_text").input(json.dumps(data))
    at.button(key="rules_save").click().run()
    assert any("pola tidak sah" in e.value for e in at.error)
    assert scalar(copy_db, "SELECT max(version) FROM rule_set") == before


def test_undo_asks_first_then_takes_the_load_out(copy_db, use_db):
    use_db(copy_db)
    load_id = scalar(
        copy_db, "SELECT max(load_id) FROM loads WHERE status = 'loaded' AND n_new > 0"
    )
    new = scalar(copy_db, "SELECT n_new FROM loads WHERE load_id = ?", [load_id])
    posts_before = scalar(copy_db, "SELECT count(*) FROM posts")
    at = run_page("unggah")
    at.selectbox(key="undo_pick").set_value(load_id)
    at.button(key="undo_go").click().run()
    assert any(f"#{load_id}" in w.value for w in at.warning)
    assert scalar(copy_db, "SELECT status FROM loads WHERE load_id = ?", [load_id]) == "loaded"
    at.button(key="undo_yes").click().run()
    assert not at.exception
    assert scalar(copy_db, "SELECT status FROM loads WHERE load_id = ?", [load_id]) == "undone"
    assert scalar(copy_db, "SELECT count(*) FROM posts") == posts_before - new


def test_undo_can_be_called_off(copy_db, use_db):
    use_db(copy_db)
    load_id = scalar(copy_db, "SELECT max(load_id) FROM loads WHERE status = 'loaded'")
    at = run_page("unggah")
    at.selectbox(key="undo_pick").set_value(load_id)
    at.button(key="undo_go").click().run()
    at.button(key="undo_no").click().run()
    assert not at.warning
    assert scalar(copy_db, "SELECT status FROM loads WHERE load_id = ?", [load_id]) == "loaded"


def test_grades_read_in_the_chosen_language(sample_db, use_db):
    use_db(sample_db)
    for lang, good, other in (
        ("en", "Very good", "Sangat Baik"),
        ("id", "Sangat Baik", "Very good"),
    ):
        at = run_page("keaktifan", {"lang": lang})
        assert not at.exception
        cells = {str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()}
        assert good in cells and other not in cells


def test_a_warehouse_locked_by_another_program_is_explained(tmp_path, use_db):
    from tests.lockholder import held_open
    from warehouse.db import connect

    db = tmp_path / "terkunci.duckdb"
    connect(db).close()
    with held_open(db):
        use_db(db)
        at = run_page("ringkasan")
        assert not at.exception
        assert any("sedang dibuka oleh program lain" in e.value for e in at.error)


def test_unggah_lists_rejected_rows_of_live_loads(sample_db, use_db):
    use_db(sample_db)
    n = scalar(
        sample_db,
        "SELECT count(*) FROM rejects JOIN loads USING (load_id) WHERE loads.status = 'loaded'",
    )
    assert n > 0  # the sample has unreadable dates (31/02/2026) on purpose
    at = run_page("unggah")
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert f"Baris yang ditolak saat dimuat ({n})" in labels, labels


def test_load_statuses_read_in_the_chosen_language(sample_db, use_db):
    for lang, loaded, skipped in (("en", "Loaded", "Skipped"), ("id", "Dimuat", "Dilewati")):
        use_db(sample_db)
        at = run_page("unggah", {"lang": lang})
        assert not at.exception
        cells = {str(v) for df in at.dataframe for v in df.value.to_numpy().ravel()}
        assert {loaded, skipped} <= cells, sorted(cells)[:20]
        assert "loaded" not in cells and "skipped" not in cells  # never the raw code


def test_retraining_shows_before_and_after_then_the_analyst_accepts(copy_db, use_db):
    use_db(copy_db)
    at = run_page("pengaturan")
    at.text_input(key="analyst_name_input").input("Rina (Diskominfo)").run(timeout=600)
    at.button(key="model_retrain").click().run(timeout=600)
    assert not at.exception and not at.error
    candidate = scalar(copy_db, "SELECT max(version) FROM model_set WHERE status = 'kandidat'")
    assert candidate == 2
    frames = [df.value for df in at.dataframe]
    quality = [f for f in frames if "Sesudah (kandidat)" in f.columns]
    assert quality and len(quality[0]) == 4
    assert scalar(copy_db, "SELECT count(*) FROM posts WHERE model_version = 2") == 0
    at.button(key="model_accept").click().run(timeout=600)
    assert not at.exception
    assert scalar(copy_db, "SELECT status FROM model_set WHERE version = 2") == "aktif"
    assert scalar(copy_db, "SELECT count(*) FROM posts WHERE model_version <> 2") == 0
    who = "SELECT created_by FROM model_set WHERE version = 2"
    assert scalar(copy_db, who) == "Rina (Diskominfo)"
