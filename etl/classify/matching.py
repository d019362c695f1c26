"""Rule matching: which phrases of each label and of the figure parts a caption contains, in polars.

One combined regex per label extracts every matched phrase of every caption (one scan of the
text instead of one per pattern); the distinct matched phrases (a few thousand) are mapped back
to (label, weight) with the same engine, anchored; per-label scores are list sums. The matched
phrases are the explanation. Every regex here runs in the Rust regex engine of polars (linear
time in the text); Python's re is never used on captions or phrases.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

import polars as pl

from etl.classify.phrase_overlap import (
    drop_phrases_inside_other_labels as _drop_phrases_inside_other_labels,
)
from etl.classify.rules import bounded


@dataclass(frozen=True)
class _Pass:
    """One regex pass: the combined pattern and how to map a matched phrase to (group, weight)."""

    regex: str
    entries: tuple[tuple[str, str, float], ...]  # (group, pattern, weight) in alternation order

    def lookup(self, phrases: list[str]) -> pl.DataFrame:
        """Distinct matched phrases -> the group and weight of the first pattern (in alternation
        order) matching the whole phrase: the one the leftmost-first alternation took. Phrases
        seen before are answered from a memo (the same phrases recur load after load)."""
        # Answers are collected locally: sessions label on threads of their own, and another
        # thread may clear the shared memo between a lookup here and its use.
        memo = _LOOKUP_MEMO.setdefault(self.regex, {})
        answers = {p: memo.get(p, _UNSEEN) for p in phrases}
        new = [p for p, a in answers.items() if a is _UNSEEN]
        if new:
            found = dict(zip(new, self._lookup_new(new), strict=True))
            answers.update(found)
            if len(memo) > 200_000:
                memo.clear()
            memo.update(found)
        rows = [(p, *a) for p in phrases if (a := answers[p]) is not None]
        return pl.DataFrame(
            rows,
            schema={"phrase": pl.String, "group": pl.String, "weight": pl.Float64},
            orient="row",
        )

    def _lookup_new(self, phrases: list[str]) -> list[tuple[str, float] | None]:
        group: list[str | None] = [None] * len(phrases)
        weight = [0.0] * len(phrases)
        todo = pl.Series("p", phrases, dtype=pl.String)
        left = list(range(len(phrases)))
        for g, pattern, w in self.entries:
            if not left:
                break
            hit = todo.str.contains(f"^(?:{bounded(pattern)})$").fill_null(False)
            if not hit.any():
                continue
            keep = []
            for i, h in zip(left, hit.to_list(), strict=True):
                if h:
                    group[i], weight[i] = g, float(w)
                else:
                    keep.append(i)
            left = keep
            todo = todo.filter(~hit)
        return [(g, w) if g is not None else None for g, w in zip(group, weight, strict=True)]


_LOOKUP_MEMO: dict[str, dict[str, tuple[str, float] | None]] = {}
_UNSEEN: Any = object()


def _make_pass(groups: dict[str, list[dict[str, Any]]]) -> _Pass:
    entries = [
        (g, e["pattern"].strip(), float(e.get("weight", 1)))
        for g, es in groups.items()
        for e in es
        if isinstance(e, dict) and str(e.get("pattern", "")).strip()
    ]
    # Longer patterns first: the regex is leftmost-first, so 'apel pagi' wins over 'apel'.
    entries.sort(key=lambda e: -len(e[1]))
    regex = "|".join(bounded(p) for _, p, _ in entries) or r"(?-u:\b)\z\A"
    return _Pass(regex, tuple(entries))


@dataclass(frozen=True)
class _LabelPasses:
    """One regex pass per label. A single alternation of every label's ~400 patterns outgrows the
    regex engine's DFA cache on real captions (~6,000 captions/s); one pass per label stays on the
    DFA (~300,000 captions/s, benchmarks/classify_speed.py)."""

    passes: dict[str, _Pass]

    @property
    def regex(self) -> str:
        """Every label's pattern, as one alternation (for inspection and tests only)."""
        return "|".join(p.regex for p in self.passes.values())


@dataclass(frozen=True)
class _Compiled:
    content: _LabelPasses
    figure: _Pass
    decision: dict[str, Any]


@functools.lru_cache(maxsize=8)
def _compile(key: str) -> _Compiled:
    data = json.loads(key)
    labels = data.get("labels", {})
    return _Compiled(
        content=_LabelPasses({g: _make_pass({g: labels[g]}) for g in labels}),
        figure=_make_pass(data.get("figure", {})),
        decision=data.get("decision", {}),
    )


def _scores(text: pl.Series, p: _Pass, groups: tuple[str, ...]) -> pl.DataFrame:
    """Per-row score and matched phrases for each group, from one regex scan."""
    found = text.str.extract_all(p.regex).list.unique(maintain_order=True)
    distinct = found.explode().drop_nulls().unique().to_list()
    table = p.lookup(distinct)
    group_of = dict(zip(table["phrase"], table["group"], strict=True))
    weight_of = dict(zip(table["phrase"], table["weight"], strict=True))
    frame = pl.DataFrame({"_m": found})
    cols = []
    for g in groups:
        w_g = {ph: w for ph, w in weight_of.items() if group_of[ph] == g}
        if w_g:
            in_g = pl.element().is_in(list(w_g))
            cols.append(
                pl.col("_m")
                .list.eval(pl.element().replace_strict(w_g, default=0.0, return_dtype=pl.Float64))
                .list.sum()
                .fill_null(0.0)
                .alias(f"s_{g}")
            )
            cols.append(pl.col("_m").list.eval(pl.element().filter(in_g)).alias(f"m_{g}"))
        else:
            cols.append(pl.lit(0.0).alias(f"s_{g}"))
            cols.append(pl.lit([], dtype=pl.List(pl.String)).alias(f"m_{g}"))
    return frame.with_columns(cols).drop("_m")  # with_columns broadcasts the literals


def _label_scores(
    text: pl.Series,
    lp: _LabelPasses,
    groups: tuple[str, ...],
    context: dict[str, float] | None = None,
) -> pl.DataFrame:
    """Per-row score and matched phrases for each label, one regex scan per label.

    context: label -> weight; in those labels, phrases of at most that weight (a day, a date, a
    place) are context only: they count when a heavier phrase of the label matched too, and
    alone the label scores 0 with no phrases (a place line does not make an activity report).

    Across labels, a phrase inside a longer phrase of another label found in the same caption
    does not count ('waspada' of informasi inside 'waspada penipuan' of klarifikasi): the same
    outcome as one longest-first alternation over every label.
    """
    found: dict[str, pl.Series] = {}
    weights: dict[str, dict[str, float]] = {}
    for g in groups:
        p = lp.passes.get(g)
        if p is None:
            continue
        m = text.str.extract_all(p.regex).list.unique(maintain_order=True)
        table = p.lookup(m.explode().drop_nulls().unique().to_list())
        found[g] = m
        weights[g] = dict(zip(table["phrase"], table["weight"], strict=True))
    found = _drop_phrases_inside_other_labels(found)
    cols: dict[str, pl.Series] = {}
    # Columns of zeros and empty lists repeated from one value: built from Python lists they
    # cost a Python object per row (about 60 ms per 10,000 rows for a list column).
    zeros = pl.Series("", [0.0], dtype=pl.Float64).new_from_index(0, len(text))
    empty = pl.Series("", [[]], dtype=pl.List(pl.String)).new_from_index(0, len(text))
    for g in groups:
        if g not in found or not weights[g]:
            cols[f"s_{g}"] = zeros.alias(f"s_{g}")
            cols[f"m_{g}"] = empty.alias(f"m_{g}")
            continue
        m = found[g].fill_null([])
        w = m.list.eval(
            pl.element().replace_strict(weights[g], default=0.0, return_dtype=pl.Float64)
        )
        score = w.list.sum().fill_null(0.0)
        if context and g in context:
            counts = ~(w.list.max().fill_null(0.0) <= context[g])
            score = score.zip_with(counts, zeros)
            m = m.zip_with(counts, empty.cast(m.dtype))
        cols[f"s_{g}"] = score.alias(f"s_{g}")
        cols[f"m_{g}"] = m.alias(f"m_{g}")
    return pl.DataFrame(list(cols.values()))
