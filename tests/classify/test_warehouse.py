"""Labels in the warehouse: on import, rule versions and re-labelling, manual overrides, the
OPD's own logbook label beside the computed one."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from etl.classify import (
    classify_posts,
    clear_override,
    default_rules,
    load_rules,
    save_rules,
    set_override,
)
from tests.factory import ig_post, load_rows, one

GREETING = "Selamat Hari Guru Nasional 2026. Guru hebat, Indonesia kuat!"
ACTIVITY = "Rapat koordinasi evaluasi kinerja triwulan III di Aula Setda"
NEW_SLANG = "Ngopi bareng warga: ngobrolin jalan rusak sama Pak Lurah"


def _labels(con) -> dict[str, tuple]:
    rows = con.execute(
        "SELECT caption, content_type, content_source, rules_version FROM v_post_content"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_posts_are_labelled_on_import_with_version_one(con) -> None:
    load_rows(con, [ig_post(1, GREETING), ig_post(2, ACTIVITY), ig_post(3, NEW_SLANG)], "a.csv")
    labels = _labels(con)
    assert {c: labels[c] for c in (GREETING, ACTIVITY)} == {
        GREETING: ("ucapan", "rule", 1),
        ACTIVITY: ("kegiatan", "rule", 1),
    }
    # No rule matches the slang: the model's label when it is confident, else 'lainnya'.
    assert labels[NEW_SLANG] in {("lainnya", "rule", 1)} | {
        (t, "model", 1) for t in ("kegiatan", "informasi", "layanan", "ucapan", "capaian")
    }
    reason = one(con, "SELECT content_reason FROM v_posts WHERE caption = ?", [NEW_SLANG])[0]
    assert "tidak ada pola yang cocok" in reason
    assert one(con, "SELECT count(*), max(version) FROM rule_set") == (1, 1)


def test_saved_rules_get_a_new_version_and_relabel_everything(con) -> None:
    load_rows(con, [ig_post(1, GREETING), ig_post(2, NEW_SLANG)], "a.csv")
    before = _labels(con)[NEW_SLANG]
    data = json.loads(default_rules().to_json())
    data["labels"]["kegiatan"].append({"pattern": "ngopi bareng warga", "weight": 5})
    version = save_rules(con, data, by="analis", note="tambah ngopi bareng")
    assert version == 2
    assert load_rules(con).version == 2
    assert one(con, "SELECT created_by, note FROM rule_set WHERE version = 2") == (
        "analis",
        "tambah ngopi bareng",
    )
    # Saving alone does not relabel; classify_posts(con) does, for every post.
    assert _labels(con)[NEW_SLANG] == before and before[2] == 1
    # The rules alone here: this test is about rule versions (the model is tested elsewhere).
    assert classify_posts(con, use_model=False) == 2
    assert _labels(con) == {GREETING: ("ucapan", "rule", 2), NEW_SLANG: ("kegiatan", "rule", 2)}
    reason = one(con, "SELECT content_reason FROM v_posts WHERE caption = ?", [NEW_SLANG])[0]
    assert "'ngopi bareng warga'" in reason


def test_invalid_rules_are_refused_and_no_version_is_added(con) -> None:
    assert load_rules(con).version == 1
    data = json.loads(default_rules().to_json())
    data["labels"]["kegiatan"].append({"pattern": "rapat(", "weight": 2})
    with pytest.raises(ValueError, match=r"Aturan tidak disimpan:\nlabels\.kegiatan baris \d+"):
        save_rules(con, data, by="analis", note=None)
    assert one(con, "SELECT count(*) FROM rule_set") == (1,)


def test_manual_override_survives_reimport_and_relabel(con) -> None:
    load_rows(con, [ig_post(1, ACTIVITY, likes=10), ig_post(2, GREETING)], "oct_1.csv")
    key = one(con, "SELECT post_key FROM posts WHERE caption = ?", [ACTIVITY])[0]
    set_override(con, key, "capaian", True, note="hasil evaluasi", by="analis")
    expected = ("capaian", "manual", "diubah manual: hasil evaluasi", True)
    sql = (
        "SELECT content_type, content_source, content_reason, is_figure_centric "
        "FROM v_posts WHERE post_key = ?"
    )
    assert one(con, sql, [key]) == expected

    # The same post again in a later export (more likes, caption edited): one post, same key.
    report = load_rows(con, [ig_post(1, ACTIVITY + " 📸", likes=99)], "oct_2.csv")
    assert (report.new, report.updated) == (0, 1)
    assert one(con, "SELECT count(*), max(reactions) FROM posts WHERE post_key = ?", [key]) == (
        1,
        99,
    )
    # The loader relabelled it (computed label and version are there) but the override wins.
    assert one(con, "SELECT content_type, rules_version FROM posts WHERE post_key = ?", [key]) == (
        "kegiatan",
        1,
    )
    assert one(con, sql, [key]) == expected

    save_rules(con, default_rules(), by="analis", note="versi 2")
    classify_posts(con)
    assert one(con, sql, [key]) == expected
    assert one(con, "SELECT computed_content_type FROM v_posts WHERE post_key = ?", [key]) == (
        "kegiatan",
    )

    clear_override(con, key)
    assert one(con, sql, [key])[:2] == ("kegiatan", "rule")


def test_override_refuses_unknown_types(con) -> None:
    load_rows(con, [ig_post(1, ACTIVITY)], "a.csv")
    key = one(con, "SELECT post_key FROM posts")[0]
    with pytest.raises(ValueError, match="Jenis konten 'promosi' tidak dikenal"):
        set_override(con, key, "promosi")
    with pytest.raises(ValueError, match="Koreksi kosong"):
        set_override(con, key, None, None)
    assert one(con, "SELECT count(*) FROM label_override") == (0,)


def _logbook_row(n: int, caption: str, label: str | None) -> dict:
    return {
        "platform": "instagram",
        "opd_hint": "Kecamatan Sukamaju",
        "published_at": dt.datetime(2026, 9, 1 + n, 10, 0),
        "caption": caption,
        "permalink": f"https://www.instagram.com/p/LOG{n}/",
        "logbook_label": label,
    }


def test_logbook_label_is_kept_beside_the_computed_one(con) -> None:
    rows = [
        _logbook_row(1, GREETING, "Ucapan Hari Besar"),  # agrees
        _logbook_row(2, ACTIVITY, "Ucapan HBN"),  # disagrees
        _logbook_row(3, ACTIVITY, "Publikasi"),  # unmappable: no disagreement counted
        _logbook_row(4, "📷", "Layanan"),  # no phrase: the OPD's label is used, and said so
        _logbook_row(5, ACTIVITY, None),
    ]
    load_rows(con, rows, "Rekap Postingan Kecamatan Sukamaju 2026.xlsx", fmt="logbook",
              platform=None)  # fmt: skip
    got = con.execute(
        "SELECT logbook_label, logbook_content_type, content_type, content_source "
        "FROM v_posts ORDER BY published_at"
    ).fetchall()
    assert got == [
        ("Ucapan Hari Besar", "ucapan", "ucapan", "rule"),
        ("Ucapan HBN", "ucapan", "kegiatan", "rule"),
        ("Publikasi", None, "kegiatan", "rule"),
        ("Layanan", "layanan", "layanan", "logbook"),
        (None, None, "kegiatan", "rule"),
    ]
    # v_posts.logbook_content_type is comparable to content_type: disagreements count right.
    n = one(
        con,
        "SELECT count(*) FROM v_posts WHERE logbook_content_type <> content_type",
    )[0]
    assert n == 1
    assert one(con, "SELECT count(*), min(logbook_label) FROM v_label_disagreement") == (
        1,
        "Ucapan HBN",
    )
    # An analyst's override is what the logbook is compared with.
    key = one(con, "SELECT post_key FROM posts WHERE logbook_label = 'Ucapan HBN'")[0]
    set_override(con, key, "ucapan")
    assert one(con, "SELECT count(*) FROM v_label_disagreement") == (0,)
