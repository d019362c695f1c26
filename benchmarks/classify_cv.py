"""Cross-validated quality of the content classifier on the shipped labelled captions only.

The one place model choices are tuned: k folds by a stable hash of the caption; per fold the
model (and its combination thresholds, from inner out-of-fold predictions) is fitted on the
other folds, then rules alone, model alone and rules + model label the held-out fold. The
independent test set is never read here.

Scores are printed for every caption and for the 'fresh' files (etl/rules/labelled/ files whose
number is at least training.FRESH_FROM: captions written after the rules, so the rules' score on them is
not flattered by having been written while looking at them).
Run: .venv/bin/python benchmarks/classify_cv.py [folds]
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.classify_eval import metrics  # noqa: E402
from etl.classify import default_rules, label_text  # noqa: E402
from etl.classify.model import Model  # noqa: E402
from etl.classify.textnorm import normalize_series  # noqa: E402
from etl.classify.training import (  # noqa: E402
    LABELLED_DIR,
    WEIGHT_SHIPPED,
    fit_model,
    read_labelled,
    written_with_rules,
)


def examples() -> pl.DataFrame:
    rows = []
    for path in sorted(LABELLED_DIR.glob("*.txt")):
        fresh = not written_with_rules(path)
        rows += [{**r, "file": path.name, "fresh": fresh} for r in read_labelled(path)]
    return pl.DataFrame(rows).with_columns(
        pl.lit(WEIGHT_SHIPPED).alias("weight"), pl.lit("contoh").alias("source")
    )


def fold_of(captions: list[str], k: int) -> np.ndarray:
    return np.asarray(
        [int(hashlib.sha1(("cv" + c).encode()).hexdigest()[:8], 16) % k for c in captions]
    )


def line(name: str, m: dict) -> str:
    return (
        f"{name:<16} ucapan F1 {m['ucapan_f1']:.3f} | macro-F1 {m['macro_f1']:.3f} | "
        f"figure F1 {m['figure_f1']:.3f} (P {m['figure'][0]:.3f} R {m['figure'][1]:.3f})"
    )


def main(k: int = 5) -> None:
    ex = examples()
    fold = fold_of(ex["caption"].to_list(), k)
    rules = default_rules()
    outs: dict[str, list[pl.DataFrame]] = {
        "rules": [],
        "model": [],
        "rules+model": [],
        "model first": [],
    }
    idx: list[np.ndarray] = []
    for f in range(k):
        test = np.flatnonzero(fold == f)
        train = ex[np.flatnonzero(fold != f)]
        model = fit_model(train, rules)
        text = normalize_series(ex["caption"].gather(test))
        outs["rules"].append(label_text(text, rules, None))
        outs["rules+model"].append(label_text(text, rules, model))
        # The same model and thresholds, but the rules are never 'sure': the model decides
        # wherever its probability reaches the threshold.
        first = Model({**model.data, "thresholds": {**model.thresholds, "margin": 1e9}})
        outs["model first"].append(label_text(text, rules, first))
        mo = model.predict(text)
        outs["model"].append(
            mo.select(
                pl.col("model_type").alias("content_type"),
                (pl.col("fig_prob") >= 0.5).alias("is_figure_centric"),
            )
        )
        idx.append(test)
    order = np.concatenate(idx)
    truth = ex[order]
    fresh = truth["fresh"].to_numpy()
    for name, parts in outs.items():
        out = pl.concat(parts, how="diagonal")
        for sub, mask in (("all", np.ones(len(order), bool)), ("fresh", fresh)):
            if not mask.any():
                continue
            m = metrics(
                truth["label"].filter(mask).to_list(),
                out["content_type"].filter(mask).to_list(),
                truth["figure"].filter(mask).to_list(),
                out["is_figure_centric"].filter(mask).to_list(),
            )
            print(line(f"{name} [{sub} {int(mask.sum())}]", m))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
