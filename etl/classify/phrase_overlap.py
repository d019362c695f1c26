"""Rule matching's last step: a phrase matched for one label that lies inside a phrase matched
for another label in the same caption is not counted for the first (the longer phrase wins),
found on the batch's distinct phrases, not per caption.
"""

from __future__ import annotations

import numpy as np
import polars as pl


def drop_phrases_inside_other_labels(found: dict[str, pl.Series]) -> dict[str, pl.Series]:
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
    pairs = _containment(ids)
    if pairs.height == 0:
        return found
    involved = ids.join(
        pl.concat([pairs["pid"], pairs["pid_long"]]).unique().to_frame("pid"), on="pid", how="semi"
    )
    parts = []
    for g, m in found.items():
        of_g = involved.filter(pl.col("group") == g).select("phrase", "pid")
        if of_g.height:
            each = pl.DataFrame({"phrase": m}).with_row_index("row").explode("phrase")
            parts.append(each.join(of_g, on="phrase").select("row", "pid"))
    # (caption, phrase) of the phrases in a containment pair only, as one integer each: a
    # caption's short phrase goes when the same caption holds one of its longer phrases.
    long = pl.concat(parts)
    n_pid = ids.height

    def cell(row: pl.Series, pid: pl.Series) -> pl.Series:
        return row.cast(pl.Int64) * n_pid + pid.cast(pl.Int64)

    cand = long.join(pairs.rename({"pid": "short", "pid_long": "pid"}), on="pid")
    present = cell(long["row"], long["pid"]).implode()
    drops = (
        cand.filter(cell(cand["row"], cand["short"]).is_in(present))
        .select("row", pl.col("short").alias("pid"))
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
        # would reorder them by the order of the dropped ones, which a join leaves open);
        # they are put back in place by position (no join over every row).
        rows = d.select(pl.col("row").unique().sort()).to_series()
        kept = (
            pl.DataFrame({"row": rows, "m": m.gather(rows)})
            .explode("m")
            .join(
                d,
                left_on=["row", "m"],
                right_on=["row", "phrase"],
                how="left",
                maintain_order="left",
            )  # fmt: skip
            .group_by("row", maintain_order=True)
            .agg(pl.col("m").filter(pl.col("drop").is_null()))
        )["m"]
        at = np.arange(len(m), dtype=np.int64)
        at[rows.to_numpy()] = len(m) + np.arange(len(rows), dtype=np.int64)
        out[g] = m.clone().append(kept.cast(m.dtype)).gather(at).alias(m.name)
    return out


def _containment(ids: pl.DataFrame) -> pl.DataFrame:
    """(pid, pid_long) of every phrase of `ids` (pid, phrase, group) inside a longer phrase
    (in bytes) of another group, as a literal substring: every phrase found in every phrase by
    one overlapping Aho-Corasick pass (each occurrence of each phrase is reported) instead of
    a literal search per pair of the cross join (878 phrases: 770,000 pairs, about 55 ms)."""
    if (ids["phrase"].str.len_bytes() == 0).any():
        # An empty phrase is inside every phrase: left to the search per pair.
        return (
            ids.join(ids, how="cross", suffix="_long")
            .filter(
                (pl.col("group") != pl.col("group_long"))
                & (pl.col("phrase_long").str.len_bytes() > pl.col("phrase").str.len_bytes())
                & pl.col("phrase_long").str.contains(pl.col("phrase"), literal=True)
            )
            .select("pid", "pid_long")
        )
    phrases = ids["phrase"].unique().to_list()
    return (
        ids.select(
            pl.col("pid").alias("pid_long"),
            pl.col("group").alias("group_long"),
            pl.col("phrase").str.len_bytes().alias("len_long"),
            pl.col("phrase")
            .str.extract_many(phrases, overlapping=True)
            .list.unique()
            .alias("phrase"),
        )
        .explode("phrase")
        .join(ids, on="phrase")
        .filter(
            (pl.col("group") != pl.col("group_long"))
            & (pl.col("len_long") > pl.col("phrase").str.len_bytes())
        )
        .select("pid", "pid_long")
    )
