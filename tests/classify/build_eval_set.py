"""Build tests/classify/eval_set.csv from the hand-written sources in etl/rules/labelled/.

etl/rules/labelled/eval_holdout.txt was written first, before the rules were tuned, and is not read while
tuning; eval_tune.txt is the part the rules were tuned on. Line format:
label|figure(0/1)|source_style|caption, with '\\n' for a new line and **text** for the Unicode
bold letters that "bold font" generators put in Instagram/Facebook captions.
Run: PYTHONPATH=. .venv/bin/python tests/classify/build_eval_set.py
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from etl.classify.training import to_bold

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parents[1] / "etl" / "rules" / "labelled"


def read_source(path: Path, split: str) -> list[dict[str, object]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, fig, style, caption = line.split("|", 3)
        caption = re.sub(r"\*\*(.+?)\*\*", lambda m: to_bold(m.group(1)), caption)
        caption = caption.replace("\\n", "\n")
        rows.append(
            {
                "caption": caption,
                "content_type": label,
                "is_figure_centric": fig == "1",
                "split": split,
                "source_style": style,
            }
        )
    return rows


def build() -> pl.DataFrame:
    rows = read_source(LABELLED / "eval_holdout.txt", "holdout")
    rows += read_source(LABELLED / "eval_tune.txt", "tune")
    return pl.DataFrame(rows)


if __name__ == "__main__":
    df = build()
    df.write_csv(HERE / "eval_set.csv")
    print(df.group_by("split", "content_type").len().sort("split", "content_type"))
