"""Rule decision: content labels (ucapan vs kinerja types) and the figure-centric flag, in polars.

The per-label scores and matched phrases come from etl.classify.matching; the decision is a
polars when/then chain over them; the matched phrases are the explanation. label_text adds the
learned model where etl.classify.combine says so.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.classify.combine import combine, fill_skipped, needs_model, takes
from etl.classify.matching import _compile, _label_scores, _scores
from etl.classify.model import Model
from etl.classify.rules import Rules, default_rules
from etl.classify.textnorm import normalize_series
from etl.classify.vocab import CONTENT_TYPES, FIGURE_PARTS, KINERJA_TYPES, NO_MATCH_REASON


def _phrase_text(col: str) -> pl.Expr:
    return pl.lit("'") + pl.col(col).list.join("', '") + pl.lit("'")


def classify_normalized(text: pl.Series, rules: Rules) -> pl.DataFrame:
    """Normalized text (etl.classify.textnorm) -> content_type, content_reason, rule_margin
    (Float64: winning score minus the best other label's), rule_mixed (Boolean: a greeting and
    a kinerja phrase both matched), rule_person (Boolean: an official is named in the opening),
    is_figure_centric, figure_reason."""
    comp = _compile(rules.key)
    dec = comp.decision
    context = {str(k): float(v) for k, v in dict(dec.get("context_only", {})).items()}
    sc = _label_scores(text, comp.content, CONTENT_TYPES, context)
    # The figure a post centres on is named early (its subject): look at the opening only.
    window = int(dec.get("figure_window", 0) or 0)
    fg = _scores(text.str.slice(0, window) if window > 0 else text, comp.figure, FIGURE_PARTS)
    frame = pl.concat([sc, fg], how="horizontal")

    priority = [t for t in dec.get("priority", KINERJA_TYPES) if t in KINERJA_TYPES]
    priority += [t for t in KINERJA_TYPES if t not in priority]
    beats = float(dec.get("kinerja_beats_greeting", 3))
    lainnya_min = float(dec.get("lainnya_min", 2))

    s = {t: pl.col(f"s_{t}") for t in CONTENT_TYPES}
    max_kin = pl.max_horizontal(*[s[t] for t in KINERJA_TYPES])
    best_kin = pl.when(s[priority[0]] == max_kin).then(pl.lit(priority[0]))
    for t in priority[1:]:
        best_kin = best_kin.when(s[t] == max_kin).then(pl.lit(t))
    best_kin = best_kin.otherwise(pl.lit(priority[-1]))

    kin_wins = (max_kin >= beats) | (max_kin > s["ucapan"])
    content_type = (
        pl.when((max_kin == 0) & (s["ucapan"] == 0))
        .then(pl.lit("lainnya"))
        .when(
            (s["lainnya"] >= lainnya_min)
            & (s["lainnya"] >= pl.max_horizontal(max_kin, s["ucapan"]))
        )
        .then(pl.lit("lainnya"))
        .when((s["ucapan"] > 0) & ~kin_wins)
        .then(pl.lit("ucapan"))
        .otherwise(best_kin)
    )
    frame = frame.with_columns(content_type.alias("content_type"), max_kin.alias("_max_kin"))
    reason = _content_reason(frame)
    min_person = float(dec.get("figure_min_person", 1))
    min_action = float(dec.get("figure_min_action", 1))
    max_sub = float(dec.get("figure_max_substance", 2))
    excluded = list(dec.get("figure_excluded_types", []))
    # A greeting posted in an official's name ("Bupati ... mengucapkan") centres on the person.
    role = pl.col("s_action") >= min_action
    if dec.get("figure_greeting_counts", False):
        role = role | (pl.col("content_type") == "ucapan")
    is_fig = (
        (pl.col("s_person") >= min_person)
        & role
        & (pl.col("s_substance") < max_sub)
        & ~pl.col("content_type").is_in(excluded)
    )
    win = pl.lit(0.0)
    for t in CONTENT_TYPES:
        win = pl.when(pl.col("content_type") == t).then(s[t]).otherwise(win)
    runner = pl.max_horizontal(
        *[pl.when(pl.col("content_type") == t).then(0.0).otherwise(s[t]) for t in CONTENT_TYPES]
    )
    out = frame.select(
        "content_type",
        # How sure the rules are (for the model to step in where they are not): the winning
        # label's score minus the best other label's; whether a greeting met a kinerja phrase.
        (win - runner).alias("rule_margin"),
        ((s["ucapan"] > 0) & (pl.col("_max_kin") > 0)).alias("rule_mixed"),
        (pl.col("s_person") > 0).alias("rule_person"),
        is_fig.alias("is_figure_centric"),
    )
    fig_text = (
        pl.lit("tokoh: ")
        + _phrase_text("m_person")
        + pl.lit("; peran: ")
        + _phrase_text("m_action")
    )
    figure_reason = _text_where(frame, out["is_figure_centric"], fig_text)
    return out.insert_column(1, reason).with_columns(figure_reason.alias("figure_reason"))


def _text_where(frame: pl.DataFrame, where: pl.Series, text: pl.Expr) -> pl.Series:
    """`text` of frame's rows where `where` is true, null elsewhere (String). Computed for
    those rows only: a when/then over every row builds the text of every row."""
    out = pl.Series("", [None], dtype=pl.String).new_from_index(0, frame.height)
    if where.any():
        idx = where.arg_true()
        rows = frame.select(text.meta.root_names())[idx]
        out = out.scatter(idx, rows.select(text.cast(pl.String)).to_series())
    return out


def _content_reason(frame: pl.DataFrame) -> pl.Series:
    """content_reason: the winning label's phrases with its score, then the greeting that lost
    to a kinerja label (String, one per row; NO_MATCH_REASON when the label matched nothing)."""
    ct = frame["content_type"]
    reason = pl.Series("", [None], dtype=pl.String).new_from_index(0, frame.height)
    for t in CONTENT_TYPES:
        won = (ct == t) & (frame[f"m_{t}"].list.len() > 0)
        text = (
            pl.lit(f"{t} (skor ")
            + pl.col(f"s_{t}").round(0).cast(pl.Int64).cast(pl.String)
            + pl.lit("): ")
            + _phrase_text(f"m_{t}")
        )
        mine = _text_where(frame, won, text)
        reason = mine.zip_with(won, reason) if won.any() else reason
    reason = reason.fill_null(NO_MATCH_REASON)
    lost = (ct != "ucapan") & (frame["m_ucapan"].list.len() > 0)
    suffix = _text_where(frame, lost, pl.lit("; kalah: ucapan: ") + _phrase_text("m_ucapan"))
    return (reason + suffix).zip_with(lost, reason).alias("content_reason")


def label_text(text: pl.Series, rules: Rules, model: Model | None) -> pl.DataFrame:
    """Normalized captions -> content_type, content_source (rule|model), content_reason,
    is_figure_centric, figure_reason: the rules, and the model where etl.classify.combine says
    so (model None = the rules alone)."""
    rules_out = classify_normalized(text, rules)
    if model is None:
        return rules_out.select(
            "content_type",
            pl.lit("rule").alias("content_source"),
            "content_reason",
            "is_figure_centric",
            "figure_reason",
        )
    thr = model.thresholds
    ran = needs_model(rules_out, thr)
    if model.data.get("format", 1) == 1:  # a stored version of the first format
        model_out = model.predict(text.filter(ran)) if ran.any() else pl.DataFrame()
        return combine(rules_out, fill_skipped(rules_out, model_out, ran), thr)
    scored = model.score(text.filter(ran)) if ran.any() else None
    model_out = fill_skipped(rules_out, scored.frame() if scored else pl.DataFrame(), ran)
    # The model's strongest words only for the posts it decides (the explanation shown).
    decided = takes(rules_out, model_out, thr)
    if scored is not None and decided.any():
        idx = decided.arg_true()
        sub_rows = np.searchsorted(ran.arg_true().to_numpy(), idx.to_numpy())
        words = scored.explain(sub_rows, model_out["model_type"].gather(idx))
        model_out = model_out.with_columns(model_out["model_words"].scatter(idx, words))
    return combine(rules_out, model_out, thr)


def _distinct(values: pl.Series) -> tuple[pl.Series, pl.Series | None]:
    """(values' distinct values in the order of their first occurrence, the position of each
    value among them: UInt32, None when every value is distinct). Nulls are one value."""
    uniq = values.unique(maintain_order=True)
    if len(uniq) == len(values):
        return values, None
    idx = values.to_frame("v").join(
        uniq.to_frame("v").with_row_index("i"), on="v", how="left", nulls_equal=True,
        maintain_order="left",
    )["i"]  # fmt: skip
    return uniq, idx


def label_captions(captions: pl.Series, rules: Rules, model: Model | None) -> pl.DataFrame:
    """Raw captions (String, nulls allowed) -> label_text of their normalized text, row for
    row. A label depends on its normalized caption only, so each distinct raw caption is
    normalized once and each distinct normalized text labelled once (a caption cross-posted,
    copied into a logbook, or differing only in case, letterforms or repeated letters). The
    distinct texts keep the order of their first occurrence, so the model numbers the batch's
    distinct tokens as it would for every row (a repeat brings no token of its own)."""
    raw, raw_idx = _distinct(captions.cast(pl.String))
    norm, norm_idx = _distinct(normalize_series(raw))
    out = label_text(norm, rules, model)
    if norm_idx is not None:
        idx = norm_idx if raw_idx is None else norm_idx.gather(raw_idx)
    else:
        idx = raw_idx
    return out if idx is None else out.select(pl.all().gather(idx))


def classify_frame(
    df: pl.DataFrame,
    rules: Rules | None = None,
    model: Model | None = None,
    *,
    use_model: bool = True,
) -> pl.DataFrame:
    """df with a 'caption' column -> df plus content_type, content_source, content_reason,
    is_figure_centric, figure_reason. Pure: no warehouse needed (tests, evaluation, upload
    preview). model None with use_model = the model trained on the shipped labelled captions
    (fitted once per process); use_model=False = the rules alone."""
    rules = rules or default_rules()
    if df.height == 0:
        return df.with_columns(
            pl.lit(None, dtype=pl.String).alias("content_type"),
            pl.lit(None, dtype=pl.String).alias("content_source"),
            pl.lit(None, dtype=pl.String).alias("content_reason"),
            pl.lit(None, dtype=pl.Boolean).alias("is_figure_centric"),
            pl.lit(None, dtype=pl.String).alias("figure_reason"),
        )
    if use_model and model is None:
        from etl.classify.training import shipped_model

        model = shipped_model()
    out = label_captions(df["caption"], rules, model if use_model else None)
    return pl.concat([df.drop(out.columns, strict=False), out], how="horizontal")
