"""Build tests/classify/eval_set.csv from the hand-written sources in eval_src/.

eval_src/holdout.txt was written first, before the rules were tuned, and is not read while
tuning; eval_src/tune.txt is the part the rules were tuned on. Line format:
label|figure(0/1)|source_style|caption, with '\\n' for a new line and **text** for the Unicode
bold letters that "bold font" generators put in Instagram/Facebook captions.
Run: .venv/bin/python tests/classify/build_eval_set.py
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent


def to_bold(text: str) -> str:
    """Mathematical bold letters and digits (U+1D400...), as caption generators produce."""
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D400 + ord(ch) - ord("A")))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - ord("a")))
        elif "0" <= ch <= "9":
            out.append(chr(0x1D7CE + ord(ch) - ord("0")))
        else:
            out.append(ch)
    return "".join(out)


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
    rows = read_source(HERE / "eval_src" / "holdout.txt", "holdout")
    rows += read_source(HERE / "eval_src" / "tune.txt", "tune")
    return pl.DataFrame(rows)


if __name__ == "__main__":
    df = build()
    df.write_csv(HERE / "eval_set.csv")
    print(df.group_by("split", "content_type").len().sort("split", "content_type"))
