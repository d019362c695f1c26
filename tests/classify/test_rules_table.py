"""The analyst's rule table (Pengaturan): rules <-> rows round-trip; edits land in the right
group; blank rows drop; an unknown group is refused by validate_rules."""

from __future__ import annotations

import polars as pl

from etl.classify import (
    RULE_GROUPS,
    Rules,
    classify_frame,
    default_rules,
    rules_table,
    rules_with_table,
    validate_rules,
)


def test_round_trip_is_exact():
    rules = default_rules()
    table = rules_table(rules)
    assert set(table["group"]) == set(RULE_GROUPS)
    n_patterns = sum(len(v) for v in rules.data["labels"].values()) + sum(
        len(v) for v in rules.data["figure"].values()
    )
    assert table.height == n_patterns
    assert rules_with_table(rules, table) == rules.data


def test_an_added_row_changes_the_label_and_blank_rows_drop():
    rules = default_rules()
    caption = "Sosialisasi budidaya maggot bersama kelompok tani"
    assert classify_frame(pl.DataFrame({"caption": [caption]}), rules)["content_type"][0] != (
        "capaian"
    )
    added = pl.DataFrame(
        {
            "group": ["capaian", "kegiatan"],
            "pattern": ["budidaya maggot", "   "],
            "weight": [9.0, 1.0],
        }
    )
    data = rules_with_table(rules, pl.concat([rules_table(rules), added]))
    assert validate_rules(data) == []
    assert {"pattern": "budidaya maggot", "weight": 9} in data["labels"]["capaian"]
    assert all(e["pattern"].strip() for g in data["labels"].values() for e in g)
    # The rules alone: where the model is confident it decides first (etl.classify.combine).
    out = classify_frame(pl.DataFrame({"caption": [caption]}), Rules(data), use_model=False)
    assert out["content_type"][0] == "capaian" and "'budidaya maggot'" in out["content_reason"][0]


def test_figure_rows_go_back_to_their_part_and_unknown_groups_are_refused():
    rules = default_rules()
    extra = pl.DataFrame(
        {"group": ["figur_tokoh", "promosi"], "pattern": ["kadis", "diskon"], "weight": [2.0, 1.0]}
    )
    data = rules_with_table(rules, pl.concat([rules_table(rules), extra]))
    assert {"pattern": "kadis", "weight": 2} in data["figure"]["person"]
    assert any("'promosi' tidak dikenal" in p for p in validate_rules(data))
