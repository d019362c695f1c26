"""Quality of the content classifier: confusion matrix, per-label precision/recall/F1, 7-label
macro-F1, ucapan-vs-rest F1 and figure-centric F1.

Sets:
- independent: tests/classify/independent_test.csv, written by someone else from the taxonomy
  alone, never used for tuning (targets: ucapan-vs-rest F1 >= 0.95, macro-F1 >= 0.88,
  figure-centric F1 >= 0.85);
- holdout, tune: the earlier evaluation set tests/classify/eval_set.csv.
Run: .venv/bin/python benchmarks/classify_eval.py [independent|holdout|tune|all] [--rules-only] [-v]
(--rules-only: the rules alone, without the learned model.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.classify import CONTENT_TYPES, classify_frame  # noqa: E402

EVAL_SET = ROOT / "tests" / "classify" / "eval_set.csv"
INDEPENDENT = ROOT / "tests" / "classify" / "independent_test.csv"
TARGETS = {"ucapan_f1": 0.95, "macro_f1": 0.88, "figure_f1": 0.85}


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(truth: list[str], pred: list[str], fig_t: list[bool], fig_p: list[bool]) -> dict:
    """Scores of predicted labels and figure flags against the truth (all 0..1)."""
    per = {}
    pairs = list(zip(truth, pred, strict=True))
    for lab in CONTENT_TYPES:
        tp = sum(t == lab and p == lab for t, p in pairs)
        fp = sum(t != lab and p == lab for t, p in pairs)
        fn = sum(t == lab and p != lab for t, p in pairs)
        per[lab] = f1(tp, fp, fn) + (tp + fn,)
    figs = list(zip(fig_t, fig_p, strict=True))
    ftp = sum(a and b for a, b in figs)
    ffp = sum((not a) and b for a, b in figs)
    ffn = sum(a and (not b) for a, b in figs)
    fig = f1(ftp, ffp, ffn)
    return {
        "per_label": per,
        "macro_f1": sum(v[2] for v in per.values()) / len(per),
        "ucapan_f1": per["ucapan"][2],
        "figure": fig,
        "figure_f1": fig[2],
        "accuracy": sum(t == p for t, p in pairs) / len(truth),
    }


def load_set(name: str) -> pl.DataFrame:
    """caption, truth (content code), fig_truth (bool) of a named set."""
    if name == "independent":
        df = pl.read_csv(INDEPENDENT)
        return df.select(
            "caption",
            pl.col("label").alias("truth"),
            pl.col("figure_centric")
            .cast(pl.String)
            .str.to_lowercase()
            .is_in(["1", "true"])
            .alias("fig_truth"),
        )
    df = pl.read_csv(EVAL_SET)
    if name != "all":
        df = df.filter(pl.col("split") == name)
    return df.select(
        "caption",
        pl.col("content_type").alias("truth"),
        pl.col("is_figure_centric").alias("fig_truth"),
    )


def evaluate(name: str, *, rules_only: bool = False) -> tuple[dict, pl.DataFrame]:
    df = load_set(name)
    kwargs = {"use_model": False} if rules_only else {}
    out = classify_frame(df, **kwargs)
    m = metrics(
        out["truth"].to_list(),
        out["content_type"].to_list(),
        out["fig_truth"].to_list(),
        out["is_figure_centric"].to_list(),
    )
    return m, out


def report(name: str, *, rules_only: bool = False, verbose: bool = False) -> dict:
    m, out = evaluate(name, rules_only=rules_only)
    what = "rules only" if rules_only else "rules + model"
    print(f"\n=== set: {name} ({out.height} captions, {what}) ===")
    abbrev = [t[:6] for t in CONTENT_TYPES]
    print("truth \\ pred  " + " ".join(f"{a:>6}" for a in abbrev))
    for t in CONTENT_TYPES:
        row = [
            out.filter((pl.col("truth") == t) & (pl.col("content_type") == p)).height
            for p in CONTENT_TYPES
        ]
        print(f"{t:<13} " + " ".join(f"{v:>6}" for v in row))
    print(f"{'label':<13} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>4}")
    for lab, (p, r, f, n) in m["per_label"].items():
        print(f"{lab:<13} {p:6.3f} {r:6.3f} {f:6.3f} {n:>4}")
    fp, fr, ff = m["figure"]
    print(
        f"accuracy {m['accuracy']:.3f} | ucapan-vs-rest F1 {m['ucapan_f1']:.3f} (>= 0.95) | "
        f"7-label macro-F1 {m['macro_f1']:.3f} (>= 0.88) | figure-centric P {fp:.3f} R {fr:.3f} "
        f"F1 {ff:.3f} (>= 0.85)"
    )
    if verbose:
        wrong = out.filter(
            (pl.col("truth") != pl.col("content_type"))
            | (pl.col("fig_truth") != pl.col("is_figure_centric"))
        )
        for r in wrong.iter_rows(named=True):
            print(
                f"- {r['truth']}/{int(r['fig_truth'])} -> {r['content_type']}/"
                f"{int(r['is_figure_centric'])} | {r['content_reason']} | {r['caption'][:110]!r}"
            )
    return m


if __name__ == "__main__":
    args = sys.argv[1:]
    names = [a for a in args if not a.startswith("-")] or ["independent", "holdout"]
    for n in names:
        report(n, rules_only="--rules-only" in args, verbose="-v" in args)
