"""The first format of the learned content model (format 1), kept so model versions stored in
a warehouse before format 2 (etl.classify.model) still label the same way.

TF-IDF over word and character features, linear classifiers.

Features of a normalized caption (etl.classify.textnorm), computed by one polars function for
training and for labelling alike (so they can never drift apart):
- ``w <word>``: each word (``[a-z0-9]+``);
- ``b <word> <word>``: each pair of neighbouring words;
- ``c <4 letters>``: each 4-character piece of `` <word> `` (the word padded with spaces), so
  a spelling variant, a typo or a regional word shares most pieces with a known one.
Each caption's distinct known features are weighted by idf (``ln((1+n)/(1+df))+1``, as
scikit-learn's smooth idf) and L2-normalized. Two linear classifiers (scikit-learn
LogisticRegression, fitted at training time) score them: one for the 7 content labels
(multinomial) and one for the figure-centric flag. Labelling is a polars join of features to
weights and a sum per caption: no Python loop per post.

The artefact is a plain JSON document (features, idf, weights, thresholds, scores), stored in
the warehouse table model_set; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from etl.classify.vocab import CONTENT_TYPES

WORD = r"[a-z0-9]+"
NGRAM = 4
MAX_WORD = 16  # longer 'words' (links, hashtags run together) give pieces from their start only


def features(text: pl.Series) -> pl.DataFrame:
    """Normalized captions -> (row UInt32, feature String), distinct per row."""
    words = (
        pl.DataFrame({"w": text.fill_null("").str.extract_all(WORD)})
        .with_row_index("row")
        .explode("w")
        .drop_nulls("w")
    )
    if words.height == 0:
        return pl.DataFrame(schema={"row": pl.UInt32, "feature": pl.String})
    nxt = pl.col("w").shift(-1).over("row")
    uni = words.select("row", ("w " + pl.col("w")).alias("feature"))
    bi = words.select("row", ("b " + pl.col("w") + " " + nxt).alias("feature")).drop_nulls()
    padded = words.select("row", (" " + pl.col("w").str.slice(0, MAX_WORD) + " ").alias("p"))
    plen = padded["p"].str.len_chars()
    pieces = [
        padded.filter(plen >= k + NGRAM).select(
            "row", ("c " + pl.col("p").str.slice(k, NGRAM)).alias("feature")
        )
        for k in range(MAX_WORD + 2 - NGRAM + 1)
    ]
    return pl.concat([uni, bi, *pieces]).unique()


@dataclass(frozen=True)
class ModelV1:
    """A trained model: vocabulary with idf and weights, plus its decision thresholds."""

    data: dict[str, Any]

    @property
    def thresholds(self) -> dict[str, float]:
        """The combination thresholds chosen at training time (etl.classify.combine)."""
        from etl.classify.combine import DEFAULT_THRESHOLDS

        return {**DEFAULT_THRESHOLDS, **self.data.get("thresholds", {})}

    @property
    def classes(self) -> list[str]:
        return list(self.data["classes"])

    def weights_frame(self) -> pl.DataFrame:
        cols: dict[str, Any] = {
            "feature": self.data["features"],
            "idf": self.data["idf"],
        }
        coef = np.asarray(self.data["coef"], dtype=np.float64)
        for j, c in enumerate(self.classes):
            cols[f"w_{c}"] = coef[j]
        cols["w_fig"] = np.asarray(self.data["fig_coef"], dtype=np.float64)
        return pl.DataFrame(cols)

    def predict(self, text: pl.Series) -> pl.DataFrame:
        """Normalized captions -> model_type, model_prob (0..1), fig_prob (0..1), model_words
        (the features that pushed most towards model_type, for the explanation)."""
        n = len(text)
        classes = self.classes
        w = _cached_weights(self)
        feats = features(text).join(w, on="feature", how="inner")
        agg = feats.group_by("row").agg(
            (pl.col("idf") ** 2).sum().sqrt().alias("norm"),
            *[(pl.col("idf") * pl.col(f"w_{c}")).sum().alias(f"z_{c}") for c in classes],
            (pl.col("idf") * pl.col("w_fig")).sum().alias("z_fig"),
        )
        base = pl.DataFrame({"row": pl.int_range(n, eager=True, dtype=pl.UInt32)})
        frame = base.join(agg, on="row", how="left").sort("row")
        inv = 1.0 / pl.col("norm").fill_null(1.0)
        intercept = self.data["intercept"]
        z = [
            (pl.col(f"z_{c}").fill_null(0.0) * inv + float(intercept[j])).alias(f"z_{c}")
            for j, c in enumerate(classes)
        ]
        frame = frame.with_columns(
            *z,
            (pl.col("z_fig").fill_null(0.0) * inv + float(self.data["fig_intercept"])).alias(
                "z_fig"
            ),
        )
        zmax = pl.max_horizontal(*[pl.col(f"z_{c}") for c in classes])
        denom = pl.sum_horizontal(*[(pl.col(f"z_{c}") - zmax).exp() for c in classes])
        best = pl.lit(classes[-1])
        for c in reversed(classes):
            best = pl.when(pl.col(f"z_{c}") == zmax).then(pl.lit(c)).otherwise(best)
        frame = frame.with_columns(
            best.alias("model_type"),
            (1.0 / denom).alias("model_prob"),
            (1.0 / (1.0 + (-pl.col("z_fig")).exp())).alias("fig_prob"),
        )
        words = _strongest_words(feats, frame.select("row", "model_type"), classes)
        out = frame.join(words, on="row", how="left").sort("row")
        return out.select("model_type", "model_prob", "fig_prob", "model_words")


_WEIGHTS: tuple[dict[str, Any], pl.DataFrame] | None = None


def _cached_weights(model: ModelV1) -> pl.DataFrame:
    """The model's weights frame, built once per model. Read and replaced as one (data, frame)
    pair so a session's thread never sees it half-replaced (see Model._weights)."""
    global _WEIGHTS
    cached = _WEIGHTS
    if cached is not None and cached[0] is model.data:
        return cached[1]
    frame = model.weights_frame()
    _WEIGHTS = (model.data, frame)
    return frame


def _strongest_words(feats: pl.DataFrame, best: pl.DataFrame, classes: list[str]) -> pl.DataFrame:
    """Per row, the three words or word pairs with the largest push towards the chosen label."""
    push = pl.lit(0.0)
    for c in classes:
        push = pl.when(pl.col("model_type") == c).then(pl.col(f"w_{c}")).otherwise(push)
    top = (
        feats.filter(~pl.col("feature").str.starts_with("c "))
        .join(best, on="row")
        .with_columns((push * pl.col("idf")).alias("push"))
        .filter(pl.col("push") > 0)
        .sort("push", descending=True)
        .group_by("row")
        .head(3)
        .group_by("row")
        .agg(pl.col("feature").str.slice(2).alias("words"))
    )
    return top.select(
        "row", (pl.lit("'") + pl.col("words").list.join("', '") + pl.lit("'")).alias("model_words")
    )


# --------------------------------------------------------------------------- training


def _matrix(text: pl.Series, vocab: dict[str, int], idf: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix

    f = features(text).filter(pl.col("feature").is_in(list(vocab)))
    rows = f["row"].to_numpy()
    cols = f["feature"].replace_strict(vocab, return_dtype=pl.Int64).to_numpy()
    vals = idf[cols]
    x = csr_matrix((vals, (rows, cols)), shape=(len(text), len(vocab)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms[:, None]))


def fit(
    text: pl.Series,
    labels: list[str],
    figure: list[bool | None],
    weights: list[float],
    *,
    c_value: float = 8.0,
    min_df: int = 2,
) -> ModelV1:
    """Train on normalized captions. labels: content codes; figure: the figure flag or None
    when unknown (weak labels); weights: per-caption sample weight (gold 1, weak lower).
    Raises ValueError (Bahasa Indonesia) when a label has no example."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    missing = [c for c in CONTENT_TYPES if c not in set(labels)]
    if missing:
        raise ValueError(f"Data latih tidak punya contoh label: {', '.join(missing)}.")
    n = len(text)
    feats = features(text)
    df = feats.group_by("feature").len().filter(pl.col("len") >= min_df).sort("feature")
    vocab = {f: i for i, f in enumerate(df["feature"].to_list())}
    idf = np.log((1 + n) / (1 + df["len"].to_numpy().astype(np.float64))) + 1.0
    x = _matrix(text, vocab, idf)
    sw = np.asarray(weights, dtype=np.float64)
    y = np.asarray(labels)
    known = np.asarray([f is not None for f in figure])
    yf = np.asarray([bool(f) for f in figure])
    clf = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced")
    fig = LogisticRegression(C=c_value, max_iter=2000, class_weight="balanced")
    # One BLAS thread: on a shared 2-core machine threaded BLAS in L-BFGS spins (100x slower).
    with threadpool_limits(1):
        clf.fit(x, y, sample_weight=sw)
        fig.fit(x[known], yf[known], sample_weight=sw[known])
    classes = [str(c) for c in clf.classes_]
    return ModelV1(
        {
            "format": 1,
            "classes": classes,
            "features": list(vocab),
            "idf": [round(float(v), 6) for v in idf],
            "coef": [[round(float(v), 6) for v in row] for row in clf.coef_],
            "intercept": [float(v) for v in clf.intercept_],
            "fig_coef": [round(float(v), 6) for v in fig.coef_[0]],
            "fig_intercept": float(fig.intercept_[0]),
            "c_value": c_value,
            "min_df": min_df,
            "n_train": n,
        }
    )
