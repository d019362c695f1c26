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

from etl.classify.model_features import _caption_matrices, _token_matrices, tokens

FORMAT = 2


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
        """(vocab frame, idf, W features x (classes + figure), intercepts), built once per model.

        Read and replaced as one (data, weights) pair: app sessions label on threads of their
        own, and a cache cleared then filled in two steps let one thread read it half-filled
        (KeyError seen under concurrent uploads). Holding the data itself, not its id, keeps a
        later model from matching a freed one's address."""
        global _CACHE
        cached = _CACHE
        if cached is not None and cached[0] is self.data:
            return cached[1]
        coef = np.asarray(self.data["coef"], dtype=np.float64)
        fig = np.asarray(self.data["fig_coef"], dtype=np.float64)
        weights = (
            pl.DataFrame(
                {"feature": self.data["features"], "fid": np.arange(len(fig), dtype=np.int64)}
            ),
            np.asarray(self.data["idf"], dtype=np.float64),
            np.vstack([coef, fig[None, :]]).T.copy(),
            np.asarray([*self.data["intercept"], self.data["fig_intercept"]], np.float64),
        )
        _CACHE = (self.data, weights)
        return weights

    def score(self, text: pl.Series) -> Scored:
        """Normalized captions -> their scores, from which predictions and explanations are
        read (the explanation reuses the scoring work)."""
        vocab, idf, w, b = self._weights()
        uniq, ids, offsets = tokens(text)
        m, o = _token_matrices(uniq, vocab, idf, float(self.data.get("token_idf", 0.0)))
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
        cell = np.concatenate([ca.row, ch.row]).astype(np.int64) * k + np.concatenate(
            [ca.col, ch.col]
        )
        cells, at, which = _unique_stable(cell)
        v = np.bincount(which, weights=push, minlength=len(cells))  # in the order given
        keep = v > 0
        cells, at, v = cells[keep], at[keep], v[keep]
        r, c = cells // k, cells % k
        r, c = _top3(r, c, v, at)
        words = (
            pl.DataFrame({"row": r.astype(np.int64), "tok": self.tokens.gather(c)})
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


def _unique_stable(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(x, return_index=True, return_inverse=True) for a 1-d int64 array: the sorted
    distinct values, the index of each one's first occurrence, each element's value number.
    One stable argsort (np.unique spends about three times as long on the same work)."""
    order = np.argsort(x, kind="stable")
    s = x[order]
    new = np.empty(len(s), dtype=bool)
    new[:1] = True
    np.not_equal(s[1:], s[:-1], out=new[1:])
    which = np.empty(len(s), dtype=np.int64)
    which[order] = np.cumsum(new) - 1
    return s[new], order[new], which


def _top3(
    r: np.ndarray, c: np.ndarray, v: np.ndarray, at: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(r, c) of the three largest v of each r (r sorted; ties: the smaller `at`, distinct
    within an r), in the order r, then v descending: what sorting every entry by (r, -v, at)
    and keeping each r's first three gives, by three maximum passes instead of the sort."""
    if len(r) == 0:
        return r, c
    starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    grp = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(r)]))
    left = v.copy()
    last = np.iinfo(np.int64).max
    picked = []
    for _ in range(3):
        top = np.maximum.reduceat(left, starts)[grp]
        is_max = (left == top) & (left > -np.inf)
        first = np.minimum.reduceat(np.where(is_max, at, last), starts)[grp]
        chosen = np.flatnonzero(is_max & (at == first))
        picked.append(chosen)
        left[chosen] = -np.inf
    # Each pass picks at most one entry per r, so the passes' picks interleave by r.
    take = np.concatenate(picked)
    order = np.argsort(r[take], kind="stable")
    take = take[order]
    return r[take], c[take]


_Weights = tuple[pl.DataFrame, np.ndarray, np.ndarray, np.ndarray]
_CACHE: tuple[dict[str, Any], _Weights] | None = None
