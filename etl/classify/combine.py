"""How the rules and the learned model make one label, and how the thresholds are chosen.

The stated combination:
1. An analyst's correction always wins (applied by the view v_posts, never overwritten).
2. The rules decide when they are sure: their winning label leads every other label by at least
   ``margin`` points and the caption does not mix a greeting with a kinerja phrase (or, mixed,
   leads by three times the margin and at least 12 points: an analyst's heavy pattern). Models
   fitted now use margin MODEL_FIRST_MARGIN (20 points: only an analyst's heavy pattern is sure).
3. Otherwise the model decides when its probability is at least ``prob``; the explanation is
   then the model's strongest words, followed by what the rules had found.
4. Otherwise the rules' label stands (``lainnya`` when nothing matched; the loader then uses the
   OPD's logbook label when there is one).
Figure-centric: the rules' flag stands unless the model's probability is below ``fig_off``;
without the rules' flag the model sets it at ``fig_on`` or above.

The four thresholds are chosen at training time from out-of-fold predictions on the training
split (never on the held-out split, never on the independent test set) and stored in the model.
"""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl

from etl.classify.vocab import CONTENT_TYPES, NO_MATCH_REASON

DEFAULT_THRESHOLDS = {"margin": 4.0, "prob": 0.5, "fig_on": 0.8, "fig_off": 0.2}
MODEL_FIRST_MARGIN = 20.0


def _mixed_margin(m: float) -> float:
    # A lead of three times the margin (at least 12 points) is sure even in a mixed caption:
    # an analyst's heavy pattern (weight 50) is a decision, not a hint.
    return max(3 * m, 12.0) if m < 12 else m


def _sure(margin: pl.Expr, mixed: pl.Expr, matched: pl.Expr, m: float) -> pl.Expr:
    return matched & (margin >= m) & (~mixed | (margin >= _mixed_margin(m)))


def needs_model(rules_out: pl.DataFrame, thr: dict[str, float]) -> pl.Series:
    """Rows the model is run on: where the rules are not sure, or an official is named (the
    figure flag). Elsewhere the rules' output stands as it is, and the model costs nothing."""
    sure = rules_out.select(
        _sure(
            pl.col("rule_margin"),
            pl.col("rule_mixed"),
            pl.col("content_reason") != NO_MATCH_REASON,
            thr["margin"],
        )
    ).to_series()
    return ~sure | rules_out["rule_person"]


def fill_skipped(rules_out: pl.DataFrame, model_out: pl.DataFrame, ran: pl.Series) -> pl.DataFrame:
    """Model columns for every row: rows the model did not run on get values that leave the
    rules' output unchanged (probability 0; figure probability 1 where the rules flag, else 0)."""
    neutral = rules_out.select(
        pl.col("content_type").alias("model_type"),
        pl.lit(0.0).alias("model_prob"),
        pl.col("is_figure_centric").cast(pl.Float64).fill_null(0.0).alias("fig_prob"),
        pl.lit(None, dtype=pl.String).alias("model_words"),
    )
    if model_out.height == 0:
        return neutral
    idx = ran.arg_true()
    return neutral.with_columns(
        neutral[c].scatter(idx, model_out[c].cast(neutral[c].dtype)) for c in neutral.columns
    )


def takes(rules_out: pl.DataFrame, model_out: pl.DataFrame, thr: dict[str, float]) -> pl.Series:
    """Rows where the model's label replaces the rules' (Boolean), as combine() decides."""
    f = pl.concat([rules_out, model_out], how="horizontal")
    return f.select(_take(thr)).to_series()


def _take(thr: dict[str, float]) -> pl.Expr:
    matched = pl.col("content_reason") != NO_MATCH_REASON
    sure = _sure(pl.col("rule_margin"), pl.col("rule_mixed"), matched, thr["margin"])
    return (
        ~sure
        & (pl.col("model_prob") >= thr["prob"])
        & (pl.col("model_type") != pl.col("content_type"))
    )


def combine(
    rules_out: pl.DataFrame, model_out: pl.DataFrame, thr: dict[str, float]
) -> pl.DataFrame:
    """rules_out: content_type, content_reason, rule_margin, rule_mixed, is_figure_centric,
    figure_reason (engine.classify_normalized); model_out: model_type, model_prob, fig_prob,
    model_words (model.Model.predict), same rows. -> content_type, content_source (rule|model),
    content_reason, is_figure_centric, figure_reason."""
    f = pl.concat([rules_out, model_out], how="horizontal")
    take = _take(thr)
    model_reason = (
        pl.lit("model (")
        + (pl.col("model_prob") * 100).round(0).cast(pl.Int64).cast(pl.String)
        + pl.lit("%): ")
        + pl.col("model_words").fill_null("")
        + pl.lit("; aturan: ")
        + pl.col("content_reason")
    )
    rule_fig = pl.col("is_figure_centric")
    fig = (rule_fig & (pl.col("fig_prob") >= thr["fig_off"])) | (
        pl.col("fig_prob") >= thr["fig_on"]
    )
    fig_reason = (
        pl.when(rule_fig & fig)
        .then(pl.col("figure_reason"))
        .when(fig)
        .then(
            pl.lit("model (")
            + (pl.col("fig_prob") * 100).round(0).cast(pl.Int64).cast(pl.String)
            + pl.lit("%)")
        )
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    return f.select(
        pl.when(take)
        .then(pl.col("model_type"))
        .otherwise(pl.col("content_type"))
        .alias("content_type"),
        pl.when(take).then(pl.lit("model")).otherwise(pl.lit("rule")).alias("content_source"),
        pl.when(take)
        .then(model_reason)
        .otherwise(pl.col("content_reason"))
        .alias("content_reason"),
        fig.alias("is_figure_centric"),
        fig_reason.alias("figure_reason"),
    )


def _macro_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for lab in CONTENT_TYPES:
        tp = np.sum((truth == lab) & (pred == lab))
        fp = np.sum((truth != lab) & (pred == lab))
        fn = np.sum((truth == lab) & (pred != lab))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)
    return float(np.mean(scores))


def _f1(truth: np.ndarray, pred: np.ndarray) -> float:
    tp = np.sum(truth & pred)
    fp = np.sum(~truth & pred)
    fn = np.sum(truth & ~pred)
    return float(2 * tp / (2 * tp + fp + fn)) if tp + fp + fn else 1.0


def choose_thresholds(
    rules_out: pl.DataFrame, model_out: pl.DataFrame, truth: list[str], fig_truth: list[bool | None]
) -> dict[str, float]:
    """The thresholds that maximize macro-F1 plus ucapan-vs-rest F1 (labels) and figure F1 on
    out-of-fold predictions. Ties go to the rules (larger margin needed to hand over less)."""
    t = np.asarray(truth)
    rule_type = rules_out["content_type"].to_numpy()
    margin = rules_out["rule_margin"].to_numpy()
    mixed = rules_out["rule_mixed"].to_numpy()
    matched = (rules_out["content_reason"] != NO_MATCH_REASON).to_numpy()
    mtype = model_out["model_type"].to_numpy()
    mprob = model_out["model_prob"].to_numpy()
    best, best_score = dict(DEFAULT_THRESHOLDS), -1.0
    # Model first: cross-validation on the labelled captions (benchmarks/classify_cv.py) found
    # the model better than the rules wherever both speak, on captions the rules were not
    # written from most of all; the rules stay sure only at a lead of MODEL_FIRST_MARGIN points
    # (an analyst's heavy pattern), and decide wherever the model is not confident.
    margins = [MODEL_FIRST_MARGIN]
    probs = [round(p, 2) for p in np.arange(0.2, 0.96, 0.05)]
    for m, p in itertools.product(margins, probs):
        sure = matched & (margin >= m) & (~mixed | (margin >= _mixed_margin(m)))
        pred = np.where(~sure & (mprob >= p), mtype, rule_type)
        score = _macro_f1(t, pred) + _f1(t == "ucapan", pred == "ucapan")
        if score > best_score + 1e-9:
            best_score, best["margin"], best["prob"] = score, float(m), float(p)
    known = np.asarray([f is not None for f in fig_truth])
    ft = np.asarray([bool(f) for f in fig_truth])[known]
    rf = rules_out["is_figure_centric"].to_numpy()[known]
    # As when labelling: where no official is named the model is not asked about the figure.
    person = rules_out["rule_person"].to_numpy()[known]
    fp = np.where(person, model_out["fig_prob"].to_numpy()[known], rf.astype(float))
    best_fig = -1.0
    for on, off in itertools.product(np.arange(0.3, 1.01, 0.05), np.arange(0.0, 0.51, 0.05)):
        pred = (rf & (fp >= off)) | (fp >= on)
        score = _f1(ft, pred)
        if score > best_fig + 1e-9:
            best_fig, best["fig_on"], best["fig_off"] = score, float(on), float(off)
    return {k: round(v, 3) for k, v in best.items()}
