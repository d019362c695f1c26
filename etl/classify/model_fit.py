"""Fitting the learned content model (format 2): vocabulary, idf and two scikit-learn logistic
regressions (the 7 content labels, the figure-centric flag) on normalized captions."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from etl.classify.model import FORMAT, Model
from etl.classify.model_features import (
    OPENING,
    POWER,
    TOKEN_IDF,
    _shape,
    caption_matrix,
    token_features,
    tokens,
)
from etl.classify.vocab import CONTENT_TYPES


def fit(
    text: pl.Series,
    labels: list[str],
    figure: list[bool | None],
    weights: list[float],
    *,
    c_value: float = 60.0,
    min_df: int = 2,
) -> Model:
    """Train on normalized captions. labels: content codes; figure: the figure flag or None
    when unknown (weak labels); weights: per-caption sample weight (gold 1, weak lower).
    Raises ValueError (Bahasa Indonesia) when a label has no example."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    missing = [c for c in CONTENT_TYPES if c not in set(labels)]
    if missing:
        raise ValueError(f"Data latih tidak punya contoh label: {', '.join(missing)}.")
    n = len(text)
    uniq, ids, offsets = tokens(text)
    row_of = np.repeat(np.arange(n), np.diff(offsets))
    first = np.arange(len(ids)) - np.repeat(offsets[:-1], np.diff(offsets)) < OPENING
    tf = token_features(_shape(uniq))
    opening = pl.DataFrame({"feature": "o " + _shape(uniq)}).with_row_index("tid")
    pos = pl.DataFrame({"row": row_of, "tid": ids.astype(np.uint32), "first": first}).unique()
    # Document frequency of a feature: the captions with a token carrying it.
    df = (
        pl.concat(
            [
                pos.join(tf, on="tid").select("row", "feature"),
                pos.filter("first").join(opening, on="tid").select("row", "feature"),
            ]
        )
        .unique()
        .group_by("feature")
        .len()
        .filter(pl.col("len") >= min_df)
        .sort("feature")
    )
    idf = np.log((1 + n) / (1 + df["len"].to_numpy().astype(np.float64))) + 1.0
    data: dict[str, Any] = {
        "format": FORMAT,
        "features": df["feature"].to_list(),
        "idf": [round(float(v), 6) for v in idf],
        "opening": OPENING,
        "power": POWER,
        "token_idf": TOKEN_IDF,
    }
    x = caption_matrix(text, data)
    sw = np.asarray(weights, dtype=np.float64)
    y = np.asarray(labels)
    known = np.asarray([f is not None for f in figure])
    yf = np.asarray([bool(f) for f in figure])
    clf = LogisticRegression(C=c_value, max_iter=3000, class_weight="balanced")
    fig = LogisticRegression(C=c_value, max_iter=3000, class_weight="balanced")
    # One BLAS thread: on a shared 2-core machine threaded BLAS in L-BFGS spins (100x slower).
    with threadpool_limits(1):
        clf.fit(x, y, sample_weight=sw)
        fig.fit(x[known], yf[known], sample_weight=sw[known])
    data |= {
        "classes": [str(c) for c in clf.classes_],
        "coef": [[round(float(v), 6) for v in row] for row in clf.coef_],
        "intercept": [float(v) for v in clf.intercept_],
        "fig_coef": [round(float(v), 6) for v in fig.coef_[0]],
        "fig_intercept": float(fig.intercept_[0]),
        "c_value": c_value,
        "min_df": min_df,
        "n_train": n,
    }
    return Model(data)
