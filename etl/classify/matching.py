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

import numpy as np
import polars as pl

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


def _drop_phrases_inside_other_labels(found: dict[str, pl.Series]) -> dict[str, pl.Series]:
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
