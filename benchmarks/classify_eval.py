"""Quality of the content classifier on tests/classify/eval_set.csv.

Prints, per split (tune = what the rules were tuned on, holdout = written first, never tuned
on): the confusion matrix, per-label precision/recall/F1, macro-F1 over the 7 labels,
ucapan-vs-rest F1 and figure-centric F1.
Run: .venv/bin/python benchmarks/classify_eval.py [tune|holdout|all]
"""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from etl.classify import CONTENT_TYPES, classify_frame  # noqa: E402

EVAL_SET = Path(__file__).resolve().parents[1] / "tests" / "classify" / "eval_set.csv"


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(truth: list[str], pred: list[str], fig_t: list[bool], fig_p: list[bool]) -> dict:
    per = {}
    for lab in CONTENT_TYPES:
        tp = sum(t == lab and p == lab for t, p in zip(truth, pred, strict=True))
        fp = sum(t != lab and p == lab for t, p in zip(truth, pred, strict=True))
        fn = sum(t == lab and p != lab for t, p in zip(truth, pred, strict=True))
        per[lab] = f1(tp, fp, fn) + (tp + fn,)
    ftp = sum(a and b for a, b in zip(fig_t, fig_p, strict=True))
    ffp = sum((not a) and b for a, b in zip(fig_t, fig_p, strict=True))
    ffn = sum(a and (not b) for a, b in zip(fig_t, fig_p, strict=True))
    return {
        "per_label": per,
        "macro_f1": sum(v[2] for v in per.values()) / len(per),
        "ucapan_f1": per["ucapan"][2],
        "figure": f1(ftp, ffp, ffn),
        "accuracy": sum(t == p for t, p in zip(truth, pred, strict=True)) / len(truth),
    }


def evaluate(split: str = "holdout") -> tuple[dict, pl.DataFrame]:
    df = pl.read_csv(EVAL_SET)
    if split != "all":
        df = df.filter(pl.col("split") == split)
    out = classify_frame(df.rename({"content_type": "truth", "is_figure_centric": "fig_truth"}))
    m = metrics(
        out["truth"].to_list(),
        out["content_type"].to_list(),
        out["fig_truth"].to_list(),
        out["is_figure_centric"].to_list(),
    )
    return m, out


def report(split: str) -> None:
    m, out = evaluate(split)
    print(f"\n=== split: {split} ({out.height} captions) ===")
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
        f"accuracy {m['accuracy']:.3f} | macro-F1 {m['macro_f1']:.3f} (target >= 0.85) | "
        f"ucapan-vs-rest F1 {m['ucapan_f1']:.3f} (>= 0.95) | figure-centric P {fp:.3f} "
        f"R {fr:.3f} F1 {ff:.3f} (>= 0.80)"
    )
    if "-v" in sys.argv:
        wrong = out.filter(
            (pl.col("truth") != pl.col("content_type"))
            | (pl.col("fig_truth") != pl.col("is_figure_centric"))
        )
        for r in wrong.iter_rows(named=True):
            print(
                f"- {r['truth']}/{int(r['fig_truth'])} -> {r['content_type']}/{int(r['is_figure_centric'])} | {r['content_reason']} | {r['figure_reason']} | {r['caption'][:110]!r}"
            )


if __name__ == "__main__":
    splits = [a for a in sys.argv[1:] if not a.startswith("-")] or ["tune", "holdout"]
    for s in splits:
        report(s)
