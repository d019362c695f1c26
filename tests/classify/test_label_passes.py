"""The content rules run as one regex pass per label (speed), with the outcome of one
longest-first alternation (a phrase inside another label's longer match does not count)."""

from __future__ import annotations

import json

import polars as pl

from etl.classify import Rules, _compile, classify_frame, default_rules


def test_one_pass_per_label_with_only_that_labels_patterns() -> None:
    rules = default_rules()
    passes = _compile(rules.key).content.passes
    assert set(passes) == set(rules.data["labels"])
    for label, p in passes.items():
        assert {g for g, _, _ in p.entries} == {label}
        assert len(p.entries) == len(rules.data["labels"][label])


def _two_label_rules() -> Rules:
    data = json.loads(default_rules().to_json())
    data["labels"] = {
        "informasi": [{"pattern": "waspada", "weight": 3}],
        "klarifikasi": [{"pattern": "waspada penipuan", "weight": 2}],
    }
    return Rules(data)


def test_a_phrase_inside_another_labels_longer_match_does_not_count() -> None:
    rules = _two_label_rules()
    out = classify_frame(
        pl.DataFrame({"caption": ["Waspada penipuan atas nama pejabat", "Waspada banjir"]}),
        rules,
        use_model=False,  # the rules' matching is under test, not the model's reading
    )
    # 'waspada' (informasi, weight 3) would win on its own; inside 'waspada penipuan' it is part
    # of the klarifikasi phrase, as with a single longest-first alternation.
    assert out["content_type"].to_list() == ["klarifikasi", "informasi"]
    assert "'waspada penipuan'" in out["content_reason"][0]
    assert "informasi" not in out["content_reason"][0]
