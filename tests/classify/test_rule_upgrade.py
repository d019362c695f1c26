"""A warehouse built with an older release's shipped rules takes the new shipped rules on start
(and re-labels), unless an analyst has saved rules of their own since."""

from __future__ import annotations

import json

import pytest

from etl.classify import default_rules, load_rules, save_rules, upgrade_shipped_rules
from tests.factory import ig_post, load_rows, one

CAPTION = "Rapat koordinasi lintas sektor"


def _old_shipped(con) -> None:
    """Pretend version 1 came from an older release: the same rules without 'rapat'."""
    load_rules(con)  # seeds version 1
    data = json.loads(default_rules().to_json())
    data["labels"]["kegiatan"] = [
        e for e in data["labels"]["kegiatan"] if not e["pattern"].startswith("rapat")
    ]
    data["note"] = "aturan bawaan lama"
    con.execute("UPDATE rule_set SET rules = ? WHERE version = 1", [json.dumps(data)])


def test_old_shipped_rules_are_replaced_and_posts_relabelled(con):
    _old_shipped(con)
    load_rows(con, [ig_post(1, CAPTION)], "a.csv")  # labelled by the old rules: no pattern
    # (the learned model may still name a type; the rules' part of the reason found nothing)
    assert "tidak ada pola yang cocok" in one(con, "SELECT content_reason FROM posts")[0]
    assert upgrade_shipped_rules(con) == 2
    assert load_rules(con).data == default_rules().data
    version, reason = one(con, "SELECT rules_version, content_reason FROM posts")
    assert version == 2 and "kegiatan" in reason and "'rapat koordinasi'" in reason
    assert upgrade_shipped_rules(con) is None  # already current: nothing more


def test_an_analysts_own_rules_are_never_replaced(con):
    load_rows(con, [ig_post(1, CAPTION)], "a.csv")
    _old_shipped(con)
    mine = json.loads(default_rules().to_json())
    mine["labels"]["lainnya"].append({"pattern": "aula kecamatan", "weight": 9})
    assert save_rules(con, mine, by="analis", note="uji") == 2
    assert upgrade_shipped_rules(con) is None
    assert load_rules(con).version == 2
    assert one(con, "SELECT count(*) FROM rule_set") == (2,)


def test_save_and_relabel_is_all_or_nothing(con, monkeypatch):
    from etl import classify

    load_rows(con, [ig_post(1, CAPTION)], "a.csv")
    version, n = classify.save_rules_and_relabel(con, default_rules(), by="analis", note="uji")
    assert (version, n) == (2, 1)
    assert one(con, "SELECT rules_version FROM posts") == (2,)

    def broken(_con, load_id=None):
        raise RuntimeError("relabel failed halfway")

    monkeypatch.setattr(classify.store, "classify_posts", broken)
    with pytest.raises(RuntimeError, match="halfway"):
        classify.save_rules_and_relabel(con, default_rules(), by="analis", note="uji")
    assert one(con, "SELECT max(version) FROM rule_set") == (2,)  # version 3 rolled back
