"""The model's explanation as it stood at 314e6ff (before the h21c speed round), kept word for
word as the reference its faster path must equal: `Scored.explain` summed each (caption, token)
cell's pushes after np.unique over every cell and ranked every cell with np.lexsort. Only the
name changed (``explain_old``, a function of the Scored). Used by
tests/classify/test_label_columnar.py."""

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
