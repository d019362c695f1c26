"""The classifier's functions as they stood at 314e6ff (before the h21c speed round), kept word
for word as the references its faster paths must equal: `Scored.explain` summed each (caption,
token) cell's pushes after np.unique over every cell and ranked every cell with np.lexsort;
`_drop_phrases_inside_other_labels` found the phrases inside another label's phrase with a
literal search per pair of a cross join. Only the names changed (``explain_old``, a function of
the Scored; ``drop_phrases_old``). Used by tests/classify/test_label_columnar.py."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.classify.model import Scored


def explain_old(self: Scored, rows: np.ndarray, labels: pl.Series) -> pl.Series:
    """For captions `rows` of the batch, the three words that pushed most towards their
    label (`labels`, same length), as ``'a', 'b', 'c'`` (String; null when none did)."""
    col = labels.replace_strict({c: i for i, c in enumerate(self.classes)}).to_numpy()
    a, h = self.a[rows], self.h[rows]
    ca, ch = a.tocoo(), h.tocoo()
    push = np.concatenate(
        [
            ca.data * self.tok_w[ca.col, col[ca.row]],
            ch.data * self.tok_o[ch.col, col[ch.row]],
        ]
    )
    # A token's pushes summed in a fixed order (its positions, then its opening ones), and
    # equal pushes (two numbers of one shape) ranked by where the token first stands in
    # the caption: the batch's token numbering (first seen in the whole batch) must not
    # order them, or a caption's explanation would depend on the captions labelled with
    # it (and a carried label on which load labelled it first). a's entries of a row are
    # its caption's positions in order; every opening position is one of them.
    k = np.int64(a.shape[1])
    cell = np.concatenate([ca.row, ch.row]).astype(np.int64) * k + np.concatenate([ca.col, ch.col])
    cells, at, which = np.unique(cell, return_index=True, return_inverse=True)
    v = np.bincount(which, weights=push, minlength=len(cells))  # in the order given
    keep = v > 0
    cells, at, v = cells[keep], at[keep], v[keep]
    r, c = cells // k, cells % k
    order = np.lexsort((at, -v, r))
    r, c = r[order], c[order]
    first = np.searchsorted(r, r, side="left")
    top = np.arange(len(r)) - first < 3
    words = (
        pl.DataFrame({"row": r[top].astype(np.int64), "tok": self.tokens.gather(c[top])})
        .group_by("row", maintain_order=True)
        .agg(pl.col("tok"))
    )
    out = pl.DataFrame({"row": np.arange(len(rows), dtype=np.int64)}).join(
        words, on="row", how="left", maintain_order="left"
    )
    return out.select(
        pl.when(pl.col("tok").list.len() > 0)
        .then(pl.lit("'") + pl.col("tok").list.join("', '") + pl.lit("'"))
        .alias("model_words")
    )["model_words"]


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
