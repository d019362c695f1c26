"""The classifier's faster paths give what the plain ones gave, row for row.

- normalize_series folds and NFKC-normalizes only the texts with a character those steps can
  change, with a table of the characters they hold: equal to the whole table over every text
  (the old code, kept here as the reference).
- _label_scores builds its zero and empty-list columns from one value: equal to the old
  columns built from Python lists (kept here).
- label_captions labels each distinct caption once: equal to label_text over every row.
- _drop_phrases_inside_other_labels joins on phrase numbers: it drops the phrases the old
  string joins dropped (kept here), and the others keep the caption's order (the old
  list.set_difference left them in an order that changed from run to run when a caption lost
  two phrases of one label).
"""

from __future__ import annotations

import string
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import etl.classify.engine as engine
from etl.classify import matching, textnorm
from etl.classify.engine import classify_normalized, label_captions, label_text
from etl.classify.rules import default_rules
from etl.classify.textnorm import fold_table, normalize_series
from etl.classify.training import shipped_model

EVAL = Path(__file__).resolve().parent / "eval_set.csv"


def _normalize_old(text: pl.Series) -> pl.Series:
    """normalize_series before: the whole fold table over every text."""
    table = fold_table()
    out = (
        text.fill_null("")
        .str.replace_many(list(table), list(table.values()))
        .str.normalize("NFKC")
        .str.to_lowercase()
    )
    repeated = out.str.contains(textnorm._REPEAT_ANY)
    if repeated.any():
        idx = repeated.arg_true()
        sub = out.gather(idx)
        for c in string.ascii_lowercase:
            sub = sub.str.replace_all(f"{c}{{3,}}", c)
        out = out.scatter(idx, sub)
    return out.rename(text.name)


# ASCII (the backtick is a key of the fold table), second-pass characters, lookalikes,
# accents typed apart, emoji, invisible characters.
_CHARS = string.printable + "`ÀéÉ¨´ΔŉǄ㍱ℌ℡ǅ¸˜ＡΣ𝐒𝐞ѕєꜱᴇ\u0301\u00a0\u00ad\u200b😀🍎–—“”’"
_texts = st.lists(
    st.one_of(st.text(_CHARS, max_size=25), st.text(max_size=12), st.none()),
    min_size=1,
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(_texts, st.booleans())
def test_normalize_series_equals_the_whole_table_over_every_text(texts, whole_ready) -> None:
    s = pl.Series("caption", texts, dtype=pl.String)
    want = _normalize_old(s)
    ready = textnorm._whole_table_ready
    textnorm._whole_table_ready = lambda: whole_ready
    try:
        got = normalize_series(s)
    finally:
        textnorm._whole_table_ready = ready
    assert got.name == want.name
    assert got.to_list() == want.to_list()


def test_normalize_series_equals_the_old_on_the_eval_captions() -> None:
    caps = pl.read_csv(EVAL)["caption"]
    assert normalize_series(caps).to_list() == _normalize_old(caps).to_list()


def _label_scores_old(text, lp, groups, context=None):
    """matching._label_scores before: constant columns built from Python lists."""
    found, weights = {}, {}
    for g in groups:
        p = lp.passes.get(g)
        if p is None:
            continue
        m = text.str.extract_all(p.regex).list.unique(maintain_order=True)
        table = p.lookup(m.explode().drop_nulls().unique().to_list())
        found[g] = m
        weights[g] = dict(zip(table["phrase"], table["weight"], strict=True))
    found = matching._drop_phrases_inside_other_labels(found)
    cols = {}
    for g in groups:
        if g not in found or not weights[g]:
            cols[f"s_{g}"] = pl.Series(f"s_{g}", [0.0] * len(text), dtype=pl.Float64)
            cols[f"m_{g}"] = pl.Series(f"m_{g}", [[]] * len(text), dtype=pl.List(pl.String))
            continue
        m = found[g].fill_null([])
        w = m.list.eval(
            pl.element().replace_strict(weights[g], default=0.0, return_dtype=pl.Float64)
        )
        score = w.list.sum().fill_null(0.0)
        if context and g in context:
            alone = (w.list.max().fill_null(0.0) <= context[g]).to_numpy()
            score = score.zip_with(pl.Series(~alone), pl.Series([0.0] * len(text)))
            m = m.zip_with(pl.Series(~alone), pl.Series([[]] * len(text), dtype=m.dtype))
        cols[f"s_{g}"] = score.alias(f"s_{g}")
        cols[f"m_{g}"] = m.alias(f"m_{g}")
    return pl.DataFrame(list(cols.values()))


def _captions() -> list[str]:
    return pl.read_csv(EVAL)["caption"].to_list()


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_label_scores_and_decision_equal_the_old_columns(data) -> None:
    pool = _captions()
    picked = data.draw(
        st.lists(st.one_of(st.sampled_from(pool), st.text(max_size=20)), min_size=1, max_size=12)
    )
    text = normalize_series(pl.Series(picked, dtype=pl.String))
    rules = default_rules()
    got = classify_normalized(text, rules)
    real = engine._label_scores
    engine._label_scores = _label_scores_old
    try:
        want = classify_normalized(text, rules)
    finally:
        engine._label_scores = real
    assert_frame_equal(got, want)


def test_label_scores_equal_the_old_on_every_eval_caption() -> None:
    text = normalize_series(pl.Series(_captions(), dtype=pl.String))
    comp = matching._compile(default_rules().key)
    from etl.classify.vocab import CONTENT_TYPES

    context = {str(k): float(v) for k, v in comp.decision.get("context_only", {}).items()}
    assert context  # the context branch is exercised
    got = matching._label_scores(text, comp.content, CONTENT_TYPES, context)
    want = _label_scores_old(text, comp.content, CONTENT_TYPES, context)
    assert_frame_equal(got, want)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_label_captions_equals_labelling_every_row(data) -> None:
    pool = _captions()[:60] + ["", "Selamat pagi", "SELAMAT PAGI"]
    picked = data.draw(
        st.lists(st.one_of(st.sampled_from(pool), st.none()), min_size=1, max_size=25)
    )
    caps = pl.Series("caption", picked, dtype=pl.String)
    rules, model = default_rules(), shipped_model()
    want = label_text(normalize_series(caps), rules, model)
    got = label_captions(caps, rules, model)
    assert_frame_equal(got, want)


def test_label_captions_labels_each_distinct_caption_once(monkeypatch) -> None:
    seen: list[int] = []
    real = engine.label_text

    def counting(text, rules, model):
        seen.append(len(text))
        return real(text, rules, model)

    monkeypatch.setattr(engine, "label_text", counting)
    caps = pl.Series(["Selamat pagi", None, "Selamat pagi", "Rapat koordinasi", None])
    out = label_captions(caps, default_rules(), None)
    assert seen == [3] and out.height == 5


def _drop_old(found: dict[str, pl.Series]) -> dict[str, pl.Series]:
    """matching._drop_phrases_inside_other_labels before (string joins, list.set_difference:
    the kept phrases' order followed the order of the dropped ones, which was left open)."""
    long = pl.concat(
        [
            pl.DataFrame({"phrase": m})
            .with_row_index("row")
            .explode("phrase")
            .drop_nulls("phrase")
            .with_columns(pl.lit(g).alias("group"))
            for g, m in found.items()
        ]
    )
    if long.height == 0:
        return found
    distinct = long.select("phrase", "group").unique()
    pairs = (
        distinct.join(distinct, how="cross", suffix="_long")
        .filter(
            (pl.col("group") != pl.col("group_long"))
            & (pl.col("phrase_long").str.len_bytes() > pl.col("phrase").str.len_bytes())
            & pl.col("phrase_long").str.contains(pl.col("phrase"), literal=True)
        )
        .select("phrase", "group", "phrase_long", "group_long")
    )
    if pairs.height == 0:
        return found
    drops = (
        long.join(pairs, on=["phrase", "group"])
        .join(
            long.rename({"phrase": "phrase_long", "group": "group_long"}),
            on=["row", "phrase_long", "group_long"],
            how="semi",
        )
        .select("row", "group", "phrase")
        .unique()
    )
    if drops.height == 0:
        return found
    out = {}
    for g, m in found.items():
        d = drops.filter(pl.col("group") == g)
        if d.height == 0:
            out[g] = m
            continue
        per_row = d.group_by("row").agg(pl.col("phrase").alias("drop"))
        frame = (
            pl.DataFrame({"m": m}).with_row_index("row").join(per_row, on="row", how="left")
        ).sort("row")
        out[g] = frame.select(
            pl.when(pl.col("drop").is_null())
            .then(pl.col("m"))
            .otherwise(pl.col("m").list.set_difference(pl.col("drop")))
            .alias("m")
        ).to_series()
    return out


_PHRASES = [
    "rapat", "rapat sosialisasi", "sosialisasi", "mohon maaf", "maaf", "hoaks",
    "waspada", "waspada penipuan", "penipuan", "realisasi", "realisasi desa", "desa",
    "capaian", "capaian target", "target", "selamat", "selamat pagi", "pagi",
]  # fmt: skip
_row = st.lists(st.sampled_from(_PHRASES), max_size=7, unique=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcd"), min_size=1, max_size=4, unique=True), st.data())
def test_dropped_phrases_equal_the_old_and_keep_the_caption_order(groups, data) -> None:
    n = data.draw(st.integers(1, 8))
    found = {
        g: pl.Series(
            "m", data.draw(st.lists(_row, min_size=n, max_size=n)), dtype=pl.List(pl.String)
        )
        for g in groups
    }
    got = matching._drop_phrases_inside_other_labels(found)
    want = _drop_old(found)
    assert list(got) == list(want)
    for g in found:
        for m, new, old in zip(
            found[g].to_list(), got[g].to_list(), want[g].to_list(), strict=True
        ):
            assert sorted(new) == sorted(old)  # the same phrases dropped
            assert new == [p for p in m if p in set(old)]  # the others in the caption's order
