"""The classifier's labelling as it stood at 95b6d4c (before the h16i speed round), kept word
for word as the reference its faster paths must equal: `classify_normalized` built every
label's reason text for every row (a when/then chain), and `_drop_phrases_inside_other_labels`
joined every (caption, phrase) pair of a containment pair with the pairs and then with itself.
Only the names changed (``_old``). Used by tests/classify/test_label_batch.py."""

from __future__ import annotations

import polars as pl

from etl.classify.matching import _compile, _label_scores, _scores
from etl.classify.rules import Rules
from etl.classify.vocab import CONTENT_TYPES, FIGURE_PARTS, KINERJA_TYPES, NO_MATCH_REASON


def _phrase_text(col: str) -> pl.Expr:
    return pl.lit("'") + pl.col(col).list.join("', '") + pl.lit("'")


def classify_normalized_old(text: pl.Series, rules: Rules) -> pl.DataFrame:
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

    # Reason: the winning label's phrases, then the runner-up that lost (greeting vs kinerja).
    reason = pl.lit(None, dtype=pl.String)
    for t in CONTENT_TYPES:
        reason = (
            pl.when((pl.col("content_type") == t) & (pl.col(f"m_{t}").list.len() > 0))
            .then(
                pl.lit(f"{t} (skor ")
                + pl.col(f"s_{t}").round(0).cast(pl.Int64).cast(pl.String)
                + pl.lit("): ")
                + _phrase_text(f"m_{t}")
            )
            .otherwise(reason)
        )
    reason = reason.fill_null(pl.lit(NO_MATCH_REASON))
    greeting_lost = (pl.col("content_type") != "ucapan") & (pl.col("m_ucapan").list.len() > 0)
    reason = (
        pl.when(greeting_lost)
        .then(reason + pl.lit("; kalah: ucapan: ") + _phrase_text("m_ucapan"))
        .otherwise(reason)
    )

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
    fig_reason = (
        pl.lit("tokoh: ")
        + _phrase_text("m_person")
        + pl.lit("; peran: ")
        + _phrase_text("m_action")
    )
    win = pl.lit(0.0)
    for t in CONTENT_TYPES:
        win = pl.when(pl.col("content_type") == t).then(s[t]).otherwise(win)
    runner = pl.max_horizontal(
        *[pl.when(pl.col("content_type") == t).then(0.0).otherwise(s[t]) for t in CONTENT_TYPES]
    )
    return frame.select(
        "content_type",
        reason.alias("content_reason"),
        # How sure the rules are (for the model to step in where they are not): the winning
        # label's score minus the best other label's; whether a greeting met a kinerja phrase.
        (win - runner).alias("rule_margin"),
        ((s["ucapan"] > 0) & (pl.col("_max_kin") > 0)).alias("rule_mixed"),
        (pl.col("s_person") > 0).alias("rule_person"),
        is_fig.alias("is_figure_centric"),
        pl.when(is_fig)
        .then(fig_reason)
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("figure_reason"),
    )


def drop_phrases_old(found: dict[str, pl.Series]) -> dict[str, pl.Series]:
    """Remove from each label's matches the phrases contained in another label's match."""
    # The distinct phrases of each label, numbered: the row-level joins below are on integers.
    ids = pl.concat(
        [
            pl.DataFrame(
                {"phrase": m.explode().drop_nulls().unique()}, schema={"phrase": pl.String}
            ).with_columns(pl.lit(g).alias("group"))
            for g, m in found.items()
        ]
    ).with_row_index("pid")
    if ids.height == 0:
        return found
    # Containment among the distinct phrases of different labels (a few thousand at most).
    pairs = (
        ids.join(ids, how="cross", suffix="_long")
        .filter(
            (pl.col("group") != pl.col("group_long"))
            & (pl.col("phrase_long").str.len_bytes() > pl.col("phrase").str.len_bytes())
            & pl.col("phrase_long").str.contains(pl.col("phrase"), literal=True)
        )
        .select("pid", "pid_long")
    )
    if pairs.height == 0:
        return found
    involved = pl.concat([pairs["pid"], pairs["pid_long"]]).unique().alias("pid")
    parts = []
    for g, m in found.items():
        of_g = ids.filter(pl.col("group") == g)
        number = dict(zip(of_g["phrase"], of_g["pid"], strict=True))
        as_ids = m.list.eval(pl.element().replace_strict(number, return_dtype=pl.UInt32)).cast(
            pl.List(pl.UInt32)
        )
        parts.append(pl.DataFrame({"pid": as_ids}).with_row_index("row").explode("pid"))
    # (caption, phrase) of the phrases in a containment pair only.
    long = pl.concat(parts).join(involved.to_frame("pid"), on="pid", how="semi")
    drops = (
        long.join(pairs, on="pid")
        .join(long.rename({"pid": "pid_long"}), on=["row", "pid_long"], how="semi")
        .select("row", "pid")
        .unique()
        .join(ids, on="pid")
        .select("row", "group", "phrase")
    )
    if drops.height == 0:
        return found
    out = {}
    for g, m in found.items():
        d = drops.filter(pl.col("group") == g).select("row", "phrase", drop=pl.lit(True))
        if d.height == 0:
            out[g] = m
            continue
        # The rows that lose a phrase keep the others in their order (list.set_difference
        # would reorder them by the order of the dropped ones, which a join leaves open).
        frame = pl.DataFrame({"m": m}).with_row_index("row")
        kept = (
            frame.join(d.select("row").unique(), on="row", how="semi")
            .explode("m")
            .join(
                d,
                left_on=["row", "m"],
                right_on=["row", "phrase"],
                how="left",
                maintain_order="left",
            )  # fmt: skip
            .group_by("row", maintain_order=True)
            .agg(pl.col("m").filter(pl.col("drop").is_null()).alias("kept"))
        )
        out[g] = (
            frame.join(kept, on="row", how="left", maintain_order="left")
            .select(pl.coalesce("kept", "m").alias("m"))
            .to_series()
        )
    return out
