"""Captions made from the gold ones while fitting: label-neutral tails after captions of every
label (etl.classify.training.neutral_tails), and the word-idf scaling of token vectors that
keeps frequent words from deciding a long caption's label."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.classify.model_features import caption_matrix
from etl.classify.model_fit import fit
from etl.classify.textnorm import normalize_series
from etl.classify.training import EXAMPLE_SCHEMA, TAIL_EVERY, neutral_tail_lines, neutral_tails
from etl.classify.vocab import CONTENT_TYPES


def _gold(n: int) -> pl.DataFrame:
    labels = [CONTENT_TYPES[i % len(CONTENT_TYPES)] for i in range(n)]
    return pl.DataFrame(
        {
            "caption": [f"Keterangan nomor {i} tentang {lab}" for i, lab in enumerate(labels)],
            "label": labels,
            "figure": [i % 4 == 0 for i in range(n)],
            "weight": [1.0] * n,
            "source": ["contoh"] * n,
        },
        schema=EXAMPLE_SCHEMA,
    )


def test_neutral_tails_keep_label_and_figure_and_only_add_a_listed_line() -> None:
    gold = _gold(140)
    made = neutral_tails(gold)
    lines = neutral_tail_lines()
    assert len(lines) >= 8 and all(line.strip() for line in lines)
    # about one caption in TAIL_EVERY, of every label
    assert 140 / TAIL_EVERY * 0.6 < made.height < 140 / TAIL_EVERY * 1.4
    assert set(made["label"]) == set(CONTENT_TYPES)
    by_caption = {r["caption"]: r for r in gold.iter_rows(named=True)}
    for r in made.iter_rows(named=True):
        body = next(c for c in by_caption if r["caption"].startswith(c + "\n"))
        assert r["caption"][len(body) :] in lines
        assert r["label"] == by_caption[body]["label"]
        assert r["figure"] == by_caption[body]["figure"]
        assert r["weight"] == 0.5 and r["source"] == "ekor"
    # the same captions give the same made captions (a hash, not a random draw)
    assert neutral_tails(gold).equals(made)


def test_a_frequent_word_weighs_less_than_a_rare_one_in_the_caption_vector() -> None:
    captions = [f"warga dan petani {w}" for w in ("padi", "jagung", "kedelai", "tebu")] * 2
    text = normalize_series(pl.Series(captions))
    labels = [*CONTENT_TYPES, "ucapan"]  # every label has an example
    model = fit(text, labels, [True, False] * 4, [1.0] * 8, min_df=1)
    features = model.data["features"]
    x = caption_matrix(normalize_series(pl.Series(["dan padi"])), model.data).toarray()[0]
    weight = dict(zip(features, x, strict=True))
    # 'dan' is in every caption, 'padi' in a quarter: same length, less weight
    assert 0 < weight["w dan"] < weight["w padi"]
    scaled_off = caption_matrix(
        normalize_series(pl.Series(["dan padi"])), {**model.data, "token_idf": 0.0}
    ).toarray()[0]
    off = dict(zip(features, scaled_off, strict=True))
    assert np.isclose(off["w dan"] / off["4 dan"], weight["w dan"] / weight["4 dan"])
    assert off["w dan"] > weight["w dan"]


def test_where_the_rules_lead_unmixed_the_model_needs_more_probability() -> None:
    from etl.classify.combine import CV_THRESHOLDS, combine

    thr = dict(CV_THRESHOLDS)
    rules_out = pl.DataFrame(
        {
            "content_type": ["ucapan", "ucapan", "ucapan", "kegiatan"],
            "content_reason": ["ucapan (skor 6): 'selamat hari jadi'"] * 3 + ["kegiatan: 'rapat'"],
            "rule_margin": [thr["lead"], thr["lead"], thr["lead"], thr["lead"] - 1],
            "rule_mixed": [False, False, True, False],
            "rule_person": [False] * 4,
            "is_figure_centric": [False] * 4,
            "figure_reason": pl.Series([None] * 4, dtype=pl.String),
        }
    )
    between = (thr["prob"] + thr["lead_prob"]) / 2
    model_out = pl.DataFrame(
        {
            "model_type": ["informasi"] * 4,
            "model_prob": [between, thr["lead_prob"], between, between],
            "fig_prob": [0.0] * 4,
            "model_words": ["'agustus'"] * 4,
        }
    )
    out = combine(rules_out, model_out, thr)
    # a clear unmixed lead holds against a middling model; a sure model, a mixed caption
    # (substance may win over the greeting) or a small lead leave it to the model
    assert out["content_source"].to_list() == ["rule", "model", "model", "model"]
    assert out["content_type"].to_list() == ["ucapan", "informasi", "informasi", "informasi"]
    assert (
        out["content_reason"][1].startswith("model (") and "'agustus'" in out["content_reason"][1]
    )
