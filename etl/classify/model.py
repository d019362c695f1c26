"""The learned content model (format 2): a caption is the average of its tokens' vectors.

Tokens of a normalized caption (etl.classify.textnorm): words ``[a-z0-9]+``, symbols (emoji,
``%``); the first OPENING tokens count again as opening tokens (feature ``o bupati``: who or
what a post opens with says whether it centres on an official). A token's vector holds the token itself and,
for words, every 4-letter piece of `` word `` (so a spelling variant, a typo or a
regional word shares most pieces with a known one), each weighted by idf
(``ln((1+n)/(1+df))+1`` over captions, as scikit-learn's smooth idf), L2-normalized. A caption's
vector is the sum of its tokens' vectors divided by sqrt(number of tokens).

Two linear classifiers (scikit-learn LogisticRegression, fitted at training time) score it: one
for the 7 content labels (multinomial) and one for the figure-centric flag. Because the caption
vector is a sum over tokens, labelling scores each distinct token of a batch once (its pieces
joined to the weights) and sums token scores per caption with one sparse product: no Python
loop per post, no per-caption feature table. The explanation (the tokens that pushed most
towards the label) is computed only for the posts the model decides.

The artefact is a plain JSON document (features, idf, weights, settings), stored in the
warehouse table model_set; nothing is downloaded. Format 1 (etl.classify.model_v1) still labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from etl.classify.vocab import CONTENT_TYPES

FORMAT = 2
TOKEN = r"[a-z0-9]+|\p{So}|%"
PIECES = (4,)
MAX_WORD = 16  # longer 'words' (links, hashtags run together) give pieces from their start only
OPENING = 5
POWER = 0.5  # caption vector = sum of token vectors / n_tokens ** POWER


def tokens(text: pl.Series) -> tuple[pl.Series, np.ndarray, np.ndarray]:
    """Normalized captions -> (distinct tokens, ids: the token of every position, offsets:
    positions of caption i are ids[offsets[i]:offsets[i+1]])."""
    words = text.fill_null("").str.extract_all(TOKEN)
    lengths = words.list.len().fill_null(0).to_numpy()
    offsets = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    # A categorical with its own category list numbers the distinct tokens 0..k-1 in one pass.
    cat = words.explode().drop_nulls().cast(pl.Categorical(pl.Categories.random()))
    ids = cat.to_physical().to_numpy().astype(np.int64)
    return cat.dtype.categories.to_series(), ids, offsets  # type: ignore[attr-defined]


def _shape(tokens: pl.Series) -> pl.Series:
    """Long digit runs (phone numbers, NIK, ids) read as one shape: they say 'a number', not
    which (and would each be a feature of their own)."""
    return tokens.str.replace(r"^[0-9]{5,}$", "00000")


def token_features(tokens: pl.Series) -> pl.DataFrame:
    """Distinct token shapes (_shape) -> (tid UInt32: position in `tokens`, feature String): ``w <token>``
    and ``4<piece>`` for the letter pieces of a word (a piece repeated in a word counts
    once per occurrence)."""
    d = pl.DataFrame({"tok": tokens}).with_row_index("tid")
    out = [d.select("tid", ("w " + pl.col("tok")).alias("feature"))]
    words = d.filter(pl.col("tok").str.contains("^[a-z0-9]")).select(
        "tid", (" " + pl.col("tok").str.slice(0, MAX_WORD) + " ").alias("p")
    )
    plen = words["p"].str.len_chars()
    for n in PIECES:
        for k in range(MAX_WORD + 2 - n + 1):
            out.append(
                words.filter(plen >= k + n).select(
                    "tid", (pl.lit(str(n)) + pl.col("p").str.slice(k, n)).alias("feature")
                )
            )
    return pl.concat(out)


def _token_matrices(tokens: pl.Series, vocab: pl.DataFrame, idf: np.ndarray) -> tuple[Any, Any]:
    """Distinct tokens -> sparse (tokens x features) matrices: L2-normalized idf vectors of
    the tokens, and of the same tokens at the opening (one ``o <token>`` feature each).
    vocab: feature String, fid Int64."""
    from scipy.sparse import csr_matrix

    n_feat = vocab.height
    # Features of each distinct shape once (many numbers share one shape).
    shape = _shape(tokens).cast(pl.Categorical(pl.Categories.random()))
    sid = shape.to_physical().to_numpy().astype(np.int64)
    shapes = shape.dtype.categories.to_series()  # type: ignore[attr-defined]
    f = token_features(shapes).join(vocab, on="feature", how="inner")
    rows, cols = f["tid"].to_numpy(), f["fid"].to_numpy()
    m = csr_matrix((idf[cols], (rows, cols)), shape=(len(shapes), n_feat))  # duplicates summed
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = csr_matrix(m.multiply(1.0 / norms[:, None]))[sid]
    o = (
        pl.DataFrame({"feature": "o " + shapes})
        .with_row_index("tid")
        .join(vocab, on="feature", how="inner")
    )
    ones = np.ones(o.height)
    o_m = csr_matrix(
        (ones, (o["tid"].to_numpy(), o["fid"].to_numpy())), shape=(len(shapes), n_feat)
    )
    return m, o_m[sid]


def _caption_matrices(ids: np.ndarray, offsets: np.ndarray, k: int, opening: int,
                      power: float) -> tuple[Any, Any]:  # fmt: skip
    """(captions x distinct tokens) sparse matrices: every token, and the first `opening`
    tokens, each entry 1 / n ** power, n = the caption's tokens plus its opening tokens."""
    from scipy.sparse import csr_matrix

    n = len(offsets) - 1
    length = np.diff(offsets)
    head = np.minimum(length, opening)
    scale = 1.0 / np.maximum(length + head, 1) ** power
    a = csr_matrix((np.repeat(scale, length), ids, offsets), shape=(n, k))
    head_off = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(head, out=head_off[1:])
    # positions offsets[i] .. offsets[i] + head[i] - 1 of every caption
    pos = np.repeat(offsets[:-1] - head_off[:-1], head) + np.arange(head_off[-1])
    b = csr_matrix((np.repeat(scale, head), ids[pos], head_off), shape=(n, k))
    return a, b


@dataclass(frozen=True)
class Model:
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

    def _weights(self) -> tuple[pl.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
        """(vocab frame, idf, W features x (classes + figure), intercepts), built once."""
        key = id(self.data)
        if _CACHE.get("key") != key:
            coef = np.asarray(self.data["coef"], dtype=np.float64)
            fig = np.asarray(self.data["fig_coef"], dtype=np.float64)
            _CACHE.clear()
            _CACHE["key"] = key
            _CACHE["value"] = (
                pl.DataFrame(
                    {"feature": self.data["features"], "fid": np.arange(len(fig), dtype=np.int64)}
                ),
                np.asarray(self.data["idf"], dtype=np.float64),
                np.vstack([coef, fig[None, :]]).T.copy(),
                np.asarray([*self.data["intercept"], self.data["fig_intercept"]], np.float64),
            )
        return _CACHE["value"]  # type: ignore[no-any-return]

    def score(self, text: pl.Series) -> Scored:
        """Normalized captions -> their scores, from which predictions and explanations are
        read (the explanation reuses the scoring work)."""
        vocab, idf, w, b = self._weights()
        uniq, ids, offsets = tokens(text)
        m, o = _token_matrices(uniq, vocab, idf)
        a, h = _caption_matrices(
            ids, offsets, len(uniq), int(self.data["opening"]), float(self.data["power"])
        )
        tok_w, tok_o = np.asarray(m @ w), np.asarray(o @ w)
        z = np.asarray(a @ tok_w + h @ tok_o) + b
        return Scored(self.classes, z, uniq, tok_w, tok_o, a, h)

    def predict(self, text: pl.Series) -> pl.DataFrame:
        """Normalized captions -> model_type, model_prob (0..1), fig_prob (0..1), model_words
        (the explanation: see Scored.explain; null here)."""
        if self.data.get("format", 1) == 1:
            from etl.classify.model_v1 import ModelV1

            return ModelV1(self.data).predict(text)
        return self.score(text).frame()


@dataclass(frozen=True)
class Scored:
    """Scores of a batch of captions (Model.score)."""

    classes: list[str]
    z: np.ndarray  # captions x (classes + figure): linear scores
    tokens: pl.Series  # distinct tokens of the batch
    tok_w: np.ndarray  # distinct tokens x (classes + figure): score of a token anywhere
    tok_o: np.ndarray  # the same at the opening
    a: Any  # captions x distinct tokens (every position), sparse
    h: Any  # captions x distinct tokens (opening positions), sparse

    def frame(self) -> pl.DataFrame:
        """model_type, model_prob (0..1), fig_prob (0..1), model_words (null)."""
        k = len(self.classes)
        zc = self.z[:, :k] - self.z[:, :k].max(axis=1, keepdims=True)
        e = np.exp(zc)
        p = e / e.sum(axis=1, keepdims=True)
        best = p.argmax(axis=1)
        return pl.DataFrame(
            {
                "model_type": np.asarray(self.classes)[best],
                "model_prob": p[np.arange(len(best)), best],
                "fig_prob": 1.0 / (1.0 + np.exp(-self.z[:, -1])),
                "model_words": pl.Series([None] * len(best), dtype=pl.String),
            }
        )

    def explain(self, rows: np.ndarray, labels: pl.Series) -> pl.Series:
        """For captions `rows` of the batch, the three words that pushed most towards their
        label (`labels`, same length), as ``'a', 'b', 'c'`` (String; null when none did)."""
        from scipy.sparse import csr_matrix

        col = labels.replace_strict({c: i for i, c in enumerate(self.classes)}).to_numpy()
        a, h = self.a[rows], self.h[rows]
        ca, ch = a.tocoo(), h.tocoo()
        push = np.concatenate(
            [
                ca.data * self.tok_w[ca.col, col[ca.row]],
                ch.data * self.tok_o[ch.col, col[ch.row]],
            ]
        )
        r = np.concatenate([ca.row, ch.row])
        c = np.concatenate([ca.col, ch.col])
        p = csr_matrix((push, (r, c)), shape=a.shape).tocoo()  # a token's pushes summed
        keep = p.data > 0
        r, c, v = p.row[keep], p.col[keep], p.data[keep]
        order = np.lexsort((-v, r))
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


_CACHE: dict[str, Any] = {}


# --------------------------------------------------------------------------- training


def caption_matrix(text: pl.Series, data: dict[str, Any]) -> Any:
    """The (captions x features) matrix the classifiers of `data` read (for training and
    tests; labelling reaches the same scores without building it)."""
    vocab = pl.DataFrame(
        {"feature": data["features"], "fid": np.arange(len(data["features"]), dtype=np.int64)}
    )
    uniq, ids, offsets = tokens(text)
    m, o = _token_matrices(uniq, vocab, np.asarray(data["idf"], dtype=np.float64))
    a, h = _caption_matrices(ids, offsets, len(uniq), int(data["opening"]), float(data["power"]))
    return (a @ m + h @ o).tocsr()


def fit(
    text: pl.Series,
    labels: list[str],
    figure: list[bool | None],
    weights: list[float],
    *,
    c_value: float = 20.0,
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
