"""The audit trail's before/after JSON reads as "kolom: lama -> baru" in Bahasa Indonesia."""

from __future__ import annotations

import json

from ui.audit_changes import change_text

NAMES = {3: "Dinas Kesehatan"}


def _j(v) -> str:
    return json.dumps(v)


def test_a_role_change_names_each_field_old_and_new():
    before = _j({"role": "analis", "opd_id": None, "active": True})
    after = _j({"role": "operator", "opd_id": 3, "active": True})
    assert change_text(before, after, NAMES) == (
        "peran: Analis -> Operator OPD; OPD: - -> Dinas Kesehatan; aktif: Ya"
    )


def test_settings_take_their_pengaturan_names():
    text = change_text(_j({"dormant_days": 30}), _j({"dormant_days": 45}), NAMES)
    assert text == "Akun dianggap tidak aktif setelah (hari): 30 -> 45"


def test_a_field_only_after_or_only_before():
    assert change_text(None, _j({"relabelled": 1250}), NAMES) == "postingan dilabel ulang: 1.250"
    assert change_text(_j({"logo": "kop.png"}), _j({}), NAMES) == "logo: kop.png -> -"
    assert change_text(None, None, NAMES) == "-"


def test_labels_and_lists_read_as_words():
    before = _j({"content_type": "ucapan"})
    after = _j({"content_type": "kegiatan", "hashtags": ["bangga", "sehat"]})
    assert change_text(before, after, NAMES) == (
        "jenis konten: Ucapan -> Kegiatan; tagar: bangga, sehat"
    )
    rows = _j([{"campaign": "Gerakan Uji", "id": 2, "posts": 5}])
    assert change_text(None, rows, NAMES) == "kampanye: Gerakan Uji, nomor: 2, postingan: 5"


def test_text_that_is_not_json_is_shown_as_written():
    assert change_text("lama", "baru", NAMES) == "lama -> baru"
