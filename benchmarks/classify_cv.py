"""Cross-validated quality of the content classifier on the shipped labelled captions only.

The one place model choices are tuned: k folds by a stable hash of the caption; per fold the
model is fitted on the other folds, then rules alone, model alone and rules + model label the held-out fold. The
independent test set is never read here.

Scores are printed for every caption and for the 'fresh' files (etl/rules/labelled/ files whose
number is at least training.FRESH_FROM: captions written after the rules, so the rules' score on them is
not flattered by having been written while looking at them).

The combination itself (etl.classify.combine.CV_THRESHOLDS) is chosen here: from the same
out-of-fold model and rule outputs, every fixed policy of a grid is scored on the fresh
captions (the rules are sure at a lead of `margin` points, elsewhere the model decides at
probability `prob` or above; the figure flag from the rules, the model, or the rules or the
model). Measured in three runs as the labelled captions grew (675, 774 and 855 fresh
captions): margins 8, 12, 20 and "never" (the model alone) score alike, 4 lower; prob 0.3-0.4
best (855: macro-F1 0.904 at 0.35, 0.897 at 0, 0.890 at 0.5); figure: the model's veto of a
rules' flag below 0.2 and its own flag from 0.35 best in every run (774: F1 0.914, against
0.877 at 0.5 without veto; rules alone 0.836, model alone 0.831). Thresholds chosen again at
every fit from inner out-of-fold predictions (the earlier design) scored lower on labels
(855: 0.896 against 0.904): with ~2,000 captions the inner choice follows noise.
Run: .venv/bin/python benchmarks/classify_cv.py [folds] [--dump=out.csv] [--upto=N]
(--dump: the out-of-fold rules + model labels of every caption, for reading the errors, and
in out.tails.csv those of the captions with a tail;
--upto: scores also on the captions of files numbered up to N, to compare with a run before
files were added. "+ tails": the held-out captions with a label-neutral line after them; the
rules' lead of the combination is chosen from the last grid, scored without and with tails.)
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
from etl.classify import classify_normalized, default_rules, label_text  # noqa: E402
from etl.classify.combine import _mixed_margin  # noqa: E402
from etl.classify.model import Model  # noqa: E402
from etl.classify.textnorm import normalize_series  # noqa: E402
from etl.classify.training import (  # noqa: E402
    LABELLED_DIR,
    WEIGHT_SHIPPED,
    fit_model,
    read_labelled,
    written_with_rules,
)
from etl.classify.vocab import CONTENT_TYPES, NO_MATCH_REASON  # noqa: E402


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


def per_label(m: dict) -> str:
    """Per-label precision / recall / F1 (n = captions of that label), one line each."""
    return "\n".join(
        f"    {lab:<12} P {p:.3f} R {r:.3f} F1 {f:.3f} n {n}"
        for lab, (p, r, f, n) in m["per_label"].items()
    )


def confusion(truth: list[str], pred: list[str]) -> str:
    """Confusion matrix (rows truth, columns prediction) as text."""
    head = "    truth \\ pred " + " ".join(f"{t[:6]:>6}" for t in CONTENT_TYPES)
    rows = [
        f"    {t:<13}"
        + " ".join(
            f"{sum(a == t and b == p for a, b in zip(truth, pred, strict=True)):>6}"
            for p in CONTENT_TYPES
        )
        for t in CONTENT_TYPES
    ]
    return "\n".join([head, *rows])


# Lines any post may end with, appended to each held-out caption for the "+ tails" scores: how
# far a label-neutral date, place or hashtag line moves the labels (captions written elsewhere
# are longer than the labelled ones). Worded apart from training.NEUTRAL_TAILS.
EVAL_TAILS = (
    "\n\n📌 Balai Kota, Rabu (3/9/2026)",
    "\n#KabBogor #BogorMaju #Tegar",
    "\n\nFoto: Humas Kecamatan Sumberpucung",
    "\n\nJumat, 15 Agustus 2026, pukul 14.00 WIB",
    "\n\nKantor Kelurahan Panggung Kidul, Kota Semarang",
    "\n\nDiunggah oleh admin @kecamatan.sampang",
    "\n\n#KotaMataram #NTB #MataramHarmoni",
    "\n\nSelasa (9/12) di Gedung Serbaguna Desa Tanjungsari",
)


# A second set, written after model_features.TRAILING_META (which drops lines like EVAL_TAILS
# from the model's view): other wordings of the same kinds, several of which that pattern does
# not catch ('Lokasi:', 'bertempat di', a street address), so the "+ other tails" scores still
# say how far a neutral line moves a label where nothing removes it.
EVAL_TAILS_B = (
    "\n\nLokasi: Lapangan Desa Sidomulyo, Kec. Ngadiluwih",
    "\n\nbertempat di Ruang Rapat Bappeda Lt. 2",
    "\n\n(dok. Humas Setda)",
    "\n\nPada hari Rabu tanggal 4 Maret 2026 di Kelurahan Karangasem",
    "\n\nJl. Raya Serang Km 5, Cikande",
    "\n\n📸 Tim Publikasi DPMD",
    "\n\nMinggu 2/11/2026 | Alun-alun Kota",
    "\n\nIG: @pemdes.sukamaju | FB: Pemdes Sukamaju",
)


def with_tail(captions: pl.Series, tails: tuple[str, ...] = EVAL_TAILS) -> pl.Series:
    """Each caption with one of `tails` after it (chosen by a hash of the caption)."""
    return pl.Series(
        [
            c + tails[int(hashlib.sha1(("t" + c).encode()).hexdigest()[:8], 16) % len(tails)]
            for c in captions.to_list()
        ]
    )


def main(k: int = 5, dump: str | None = None, upto: int | None = None) -> None:
    ex = examples()
    fold = fold_of(ex["caption"].to_list(), k)
    rules = default_rules()
    outs: dict[str, list[pl.DataFrame]] = {
        "rules": [],
        "model": [],
        "rules+model": [],
        "model first": [],
        "rules+model + tails": [],
        "rules+model + other tails": [],
    }
    idx: list[np.ndarray] = []
    raw: list[tuple[pl.DataFrame, pl.DataFrame]] = []
    raw_tails: list[tuple[pl.DataFrame, pl.DataFrame]] = []
    for f in range(k):
        test = np.flatnonzero(fold == f)
        train = ex[np.flatnonzero(fold != f)]
        model = fit_model(train)
        text = normalize_series(ex["caption"].gather(test))
        outs["rules"].append(label_text(text, rules, None))
        outs["rules+model"].append(label_text(text, rules, model))
        # The same model and thresholds, but the rules are never 'sure': the model decides
        # wherever its probability reaches the threshold.
        first = Model({**model.data, "thresholds": {**model.thresholds, "margin": 1e9}})
        outs["model first"].append(label_text(text, rules, first))
        tailed = normalize_series(with_tail(ex["caption"].gather(test)))
        outs["rules+model + tails"].append(label_text(tailed, rules, model))
        raw_tails.append((classify_normalized(tailed, rules), model.predict(tailed)))
        other = normalize_series(with_tail(ex["caption"].gather(test), EVAL_TAILS_B))
        outs["rules+model + other tails"].append(label_text(other, rules, model))
        mo = model.predict(text)
        raw.append((classify_normalized(text, rules), mo))
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
    subsets = [("all", np.ones(len(order), bool)), ("fresh", fresh)]
    if upto is not None:
        # The captions of files numbered up to `upto` (and eval_*): the same captions as a run
        # before newer files were added (those then only ever train).
        num = truth["file"].str.extract(r"^(\d+)_", 1).cast(pl.Int64)
        subsets.append((f"<= {upto}", (num.is_null() | (num <= upto)).to_numpy()))
    for name, parts in outs.items():
        out = pl.concat(parts, how="diagonal")
        for sub, mask in subsets:
            if not mask.any():
                continue
            m = metrics(
                truth["label"].filter(mask).to_list(),
                out["content_type"].filter(mask).to_list(),
                truth["figure"].filter(mask).to_list(),
                out["is_figure_centric"].filter(mask).to_list(),
            )
            print(line(f"{name} [{sub} {int(mask.sum())}]", m))
            if name.startswith("rules+model"):
                print(per_label(m))
        if name.startswith("rules+model"):
            print(confusion(truth["label"].to_list(), out["content_type"].to_list()))
            if dump:
                kind = {"rules+model": "", "rules+model + tails": ".tails"}.get(name, ".other")
                truth.select("file", "label", "figure", "caption").with_columns(
                    out["content_type"].alias("pred"),
                    out["content_source"].alias("source"),
                    out["content_reason"].alias("reason"),
                    out["is_figure_centric"].alias("fig_pred"),
                ).write_csv(dump.removesuffix(".csv") + kind + ".csv")
    policies(truth, pl.concat([r for r, _ in raw]), pl.concat([m for _, m in raw]), fresh)
    plain = (pl.concat([r for r, _ in raw]), pl.concat([m for _, m in raw]))
    tails = (pl.concat([r for r, _ in raw_tails]), pl.concat([m for _, m in raw_tails]))
    lead_policies(truth, plain, tails, subsets)


def lead_policies(
    truth: pl.DataFrame,
    plain: tuple[pl.DataFrame, pl.DataFrame],
    tails: tuple[pl.DataFrame, pl.DataFrame],
    subsets: list[tuple[str, np.ndarray]],
) -> None:
    """The rules' lead (combine: where the rules lead by `lead` points without a mixed
    caption, the model needs `lead_prob`), at margin 20 and prob 0.35, scored on every subset,
    without and with tails."""
    print("rules' lead (margin 20, prob 0.35): ucapan F1 / macro-F1")
    for lead in (3.0, 4.0, 5.0, 6.0, 8.0, float("inf")):
        for lp in (0.5, 0.6, 0.7, 0.8):
            cells = []
            for kind, (r, mo) in (("", plain), ("+tails ", tails)):
                rt, mg, mx = (
                    r[c].to_numpy() for c in ("content_type", "rule_margin", "rule_mixed")
                )
                matched = (r["content_reason"] != NO_MATCH_REASON).to_numpy()
                mt, mp = mo["model_type"].to_numpy(), mo["model_prob"].to_numpy()
                need = np.where(matched & (mg >= lead) & ~mx, lp, 0.35)
                pred = np.where((mp >= need) & ~(matched & (mg >= 20.0)), mt, rt)
                for sub, mask in subsets:
                    t = truth.filter(pl.Series(mask))
                    s = metrics(t["label"].to_list(), list(pred[mask]), t["figure"].to_list(),
                                t["figure"].to_list())  # fmt: skip
                    cells.append(f"{kind}{sub} {s['ucapan_f1']:.3f}/{s['macro_f1']:.3f}")
            print(f"  lead {lead:>4} prob {lp:.2f}: " + " | ".join(cells))


def policies(truth: pl.DataFrame, r: pl.DataFrame, mo: pl.DataFrame, mask: np.ndarray) -> None:
    """Fixed combination policies scored on the captions of `mask` (see the module text)."""
    rt, mg, mx = (r[c].to_numpy() for c in ("content_type", "rule_margin", "rule_mixed"))
    matched = (r["content_reason"] != NO_MATCH_REASON).to_numpy()
    mt, mp, fp = (mo[c].to_numpy() for c in ("model_type", "model_prob", "fig_prob"))
    rf = r["is_figure_centric"].to_numpy()
    t = truth.filter(pl.Series(mask))
    print(f"fixed policies on fresh captions ({int(mask.sum())}):")
    for m in (4.0, 8.0, 12.0, 20.0, float("inf")):
        for p in (0.0, 0.2, 0.35, 0.5):
            sure = matched & (mg >= m) & (~mx | (mg >= _mixed_margin(m)))
            pred = np.where(~sure & (mp >= p), mt, rt)[mask]
            s = metrics(t["label"].to_list(), list(pred), t["figure"].to_list(), list(rf[mask]))
            print(f"  margin {m:>4} prob {p:.2f}: ucapan F1 {s['ucapan_f1']:.3f} "
                  f"macro-F1 {s['macro_f1']:.3f}")  # fmt: skip
    for on in (0.3, 0.35, 0.4, 0.5):
        for off in (0.0, 0.2):
            fig = ((rf & (fp >= off)) | (fp >= on))[mask]
            s = metrics(t["label"].to_list(), list(rt[mask]), t["figure"].to_list(), list(fig))
            print(f"  figure: rules unless model < {off}, or model >= {on}: "
                  f"F1 {s['figure_f1']:.3f} (P {s['figure'][0]:.3f} R {s['figure'][1]:.3f})")  # fmt: skip
    for name, fig in (("rules alone", rf), ("model alone", fp >= 0.5)):
        s = metrics(t["label"].to_list(), list(rt[mask]), t["figure"].to_list(), list(fig[mask]))
        print(f"  figure {name}: F1 {s['figure_f1']:.3f}")


if __name__ == "__main__":
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--"))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(
        int(args[0]) if args else 5,
        opts.get("dump"),
        int(opts["upto"]) if "upto" in opts else None,
    )
