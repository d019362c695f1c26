"""Training data of the content model and how a model is fitted and measured.

Sources, with their sample weight:
- the labelled captions shipped in etl/rules/labelled/ (weight 1);
- every analyst correction on the Jenis Konten page (label_override with the post's caption,
  weight 2: the analyst's word on this kabupaten's own captions);
- the OPDs' own "Jenis Konten" column of logbooks (posts.logbook_content_type, weight 0.3, and
  all of them together at most half the weight of the gold captions: weak labels, often a
  habit rather than a reading; never used for measuring);
- captions made from the gold ones when fitting (wrapped_greetings, weight 0.5, figure flag
  unknown): a greeting's opening sentence put before a kinerja caption, with that caption's
  label; never used for measuring;
- captions made from the gold ones when fitting (neutral_tails, weight 0.5): a line any post
  may end with (a date and place, hashtags, a photo credit) put after a caption of any label,
  with that caption's label and figure flag; never used for measuring.
The held-out split is one fifth of the gold captions (shipped and corrections), chosen by a hash
of the caption so it is the same on every run; weak labels only ever train.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import duckdb
import polars as pl

from etl.classify.combine import CV_THRESHOLDS
from etl.classify.model import Model
from etl.classify.model_fit import fit
from etl.classify.textnorm import normalize_series
from etl.classify.vocab import CONTENT_TYPES, KINERJA_TYPES, RULES_FILE

LABELLED_DIR = RULES_FILE.parent / "labelled"
WEIGHT_SHIPPED = 1.0
WEIGHT_CORRECTION = 2.0
WEIGHT_LOGBOOK = 0.3
HOLDOUT_SHARE = 5  # one caption in 5 (by hash) is held out
# Labelled files numbered from here on were written after the shipped rules: the rules' score on
# them is not flattered by having been written while looking at them.
FRESH_FROM = 24
# Greetings wrapped around substance (see wrapped_greetings): one kinerja caption in WRAP_EVERY
# gets a greeting put before it, at weight WEIGHT_WRAPPED. Chosen by cross-validation on the
# labelled captions (benchmarks/classify_cv.py); 0 = none.
WRAP_EVERY = 3
WEIGHT_WRAPPED = 0.5
# Label-neutral lines put after one gold caption in TAIL_EVERY (any label), at WEIGHT_TAIL: the
# labelled informasi captions are the longest, so without these a long caption that ends with
# a date, a place or hashtags leans to informasi whatever it says. 0 = none.
TAIL_EVERY = 3
WEIGHT_TAIL = 0.5
NEUTRAL_TAILS_FILE = RULES_FILE.parent / "neutral_tails.txt"

EXAMPLE_SCHEMA = {
    "caption": pl.String,
    "label": pl.String,
    "figure": pl.Boolean,
    "weight": pl.Float64,
    "source": pl.String,  # contoh | koreksi | logbook | made: sapaan (wrapped_greetings), ekor
    # (neutral_tails)
}


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


def read_labelled(path: Path) -> list[dict[str, object]]:
    """One labelled file: `label|figure|style|caption` (eval_*.txt) or
    `label|figure|account_kind|region|caption`; `\\n` = new line, **text** = Unicode bold.
    Raises ValueError naming the file and line for an unknown label."""
    rows = []
    five = not path.name.startswith("eval_")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 4 if five else 3)
        label, fig, caption = parts[0], parts[1], parts[-1]
        if label not in CONTENT_TYPES or fig not in ("0", "1"):
            raise ValueError(
                f"{path.name} baris {n}: label '{label}' atau figur '{fig}' tidak sah."
            )
        caption = re.sub(r"\*\*(.+?)\*\*", lambda m: to_bold(m.group(1)), caption)
        rows.append(
            {
                "caption": caption.replace("\\n", "\n"),
                "label": label,
                "figure": fig == "1",
                "style": parts[2],
                "region": parts[3] if five else None,
            }
        )
    return rows


def shipped_examples() -> pl.DataFrame:
    """The labelled captions shipped with the application (EXAMPLE_SCHEMA)."""
    rows = []
    for path in sorted(LABELLED_DIR.glob("*.txt")):
        rows += read_labelled(path)
    return pl.DataFrame(rows).select(
        "caption",
        "label",
        "figure",
        pl.lit(WEIGHT_SHIPPED).alias("weight"),
        pl.lit("contoh").alias("source"),
    )


def written_with_rules(path: Path) -> bool:
    """Whether a labelled file was written together with the shipped rules (files numbered
    below FRESH_FROM and the earlier evaluation set eval_*.txt)."""
    num = path.name.split("_", 1)[0]
    return not (num.isdigit() and int(num) >= FRESH_FROM)


def warehouse_examples(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Analyst corrections and logbook labels from the warehouse (EXAMPLE_SCHEMA). A post with a
    correction is never also used with its logbook label."""
    rows = con.execute(
        """
        SELECT p.caption, o.content_type, o.is_figure_centric, $w_fix, 'koreksi'
        FROM label_override o JOIN posts p USING (post_key)
        WHERE o.content_type IS NOT NULL AND coalesce(trim(p.caption), '') <> ''
        UNION ALL
        SELECT p.caption, p.logbook_content_type, NULL::BOOLEAN, $w_log, 'logbook'
        FROM posts p LEFT JOIN label_override o USING (post_key)
        WHERE o.post_key IS NULL AND p.logbook_content_type IS NOT NULL
          AND coalesce(trim(p.caption), '') <> ''
        """,
        {"w_fix": WEIGHT_CORRECTION, "w_log": WEIGHT_LOGBOOK},
    ).fetchall()
    out = pl.DataFrame(rows, schema=EXAMPLE_SCHEMA, orient="row")
    # Weak labels may outnumber the gold ones many times over: together they weigh at most half
    # of the gold captions (shipped and corrections), so habits in logbooks cannot drown them.
    n_weak = out.filter(pl.col("source") == "logbook").height
    if n_weak:
        gold = float(shipped_examples().height)
        gold += WEIGHT_CORRECTION * out.filter(pl.col("source") == "koreksi").height
        cap = min(WEIGHT_LOGBOOK, 0.5 * gold / n_weak)
        out = out.with_columns(
            pl.when(pl.col("source") == "logbook")
            .then(pl.lit(cap))
            .otherwise(pl.col("weight"))
            .alias("weight")
        )
    return out


def in_holdout(captions: pl.Series) -> pl.Series:
    """True for the captions of the held-out split (a stable hash of the caption)."""
    return pl.Series(
        [
            int(hashlib.sha1(c.encode("utf-8")).hexdigest()[:8], 16) % HOLDOUT_SHARE == 0
            for c in captions.fill_null("").to_list()
        ],
        dtype=pl.Boolean,
    )


def split(examples: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(train, holdout): weak labels always train; gold captions by in_holdout. A caption that
    appears twice (a correction of a shipped example) stays on one side."""
    examples = examples.unique(subset=["caption", "source"], keep="last", maintain_order=True)
    held = in_holdout(examples["caption"]) & (examples["source"] != "logbook")
    return examples.filter(~held), examples.filter(held)


def _hash(text: str, salt: str) -> int:
    return int(hashlib.sha1((salt + text).encode("utf-8")).hexdigest()[:8], 16)


def wrapped_greetings(gold: pl.DataFrame) -> pl.DataFrame:
    """Training captions made from gold ones (EXAMPLE_SCHEMA plus body, greeting: the two
    captions each was made of): the opening sentence of a greeting (an ucapan caption, up to 90
    characters) put before a kinerja caption, labelled as that caption. The taxonomy: substance
    for citizens wins over a greeting wrapper (a holiday greeting that says which service stays
    open is layanan); a model that saw few such captions lets the greeting's words decide.
    One kinerja caption in WRAP_EVERY (by a hash of the caption) is used; none when 0."""
    empty = pl.DataFrame(schema={**EXAMPLE_SCHEMA, "body": pl.String, "greeting": pl.String})
    if WRAP_EVERY <= 0 or gold.height == 0:
        return empty
    opener = pl.col("caption").str.extract(r"^([^.!?\n]{6,90}[.!?])", 1)
    whole = pl.when(pl.col("caption").str.len_chars() <= 90).then(pl.col("caption"))
    greetings = (
        gold.filter(pl.col("label") == "ucapan")
        .select(pl.col("caption").alias("greeting"), pl.coalesce(opener, whole).alias("g"))
        .drop_nulls()
    )
    bodies = gold.filter(pl.col("label").is_in(KINERJA_TYPES))
    if greetings.height == 0 or bodies.height == 0:
        return empty
    pick = [_hash(c, "wrap") for c in bodies["caption"].to_list()]
    keep = [h % WRAP_EVERY == 0 for h in pick]
    which = [h // WRAP_EVERY % greetings.height for h in pick]
    bodies = bodies.with_columns(pl.Series("gi", which)).filter(pl.Series(keep))
    g = greetings.with_row_index("gi").with_columns(pl.col("gi").cast(pl.Int64))
    out = bodies.with_columns(pl.col("gi").cast(pl.Int64)).join(g, on="gi", how="left")
    return out.select(
        (pl.col("g") + " " + pl.col("caption")).alias("caption"),
        "label",
        # Unknown: the opening that says who a post centres on is now the greeting's.
        pl.lit(None, dtype=pl.Boolean).alias("figure"),
        pl.lit(WEIGHT_WRAPPED).alias("weight"),
        pl.lit("sapaan").alias("source"),
        pl.col("caption").alias("body"),
        "greeting",
    )


def neutral_tail_lines() -> list[str]:
    """The lines of NEUTRAL_TAILS_FILE (comments and blank lines left out; ``\\n`` = new line)."""
    lines = NEUTRAL_TAILS_FILE.read_text(encoding="utf-8").splitlines()
    return [t.replace("\\n", "\n") for t in lines if t.strip() and not t.startswith("#")]


def neutral_tails(gold: pl.DataFrame) -> pl.DataFrame:
    """Training captions made from gold ones (EXAMPLE_SCHEMA): one caption in TAIL_EVERY (by a
    hash of the caption, every label) with one of the lines of NEUTRAL_TAILS_FILE after it, same label and
    figure flag (the opening that says who a post centres on is unchanged), weight
    WEIGHT_TAIL. Empty when TAIL_EVERY is 0."""
    tails = neutral_tail_lines()
    if TAIL_EVERY <= 0 or gold.height == 0 or not tails:
        return pl.DataFrame(schema=EXAMPLE_SCHEMA)
    pick = [_hash(c, "tail") for c in gold["caption"].to_list()]
    keep = pl.Series([h % TAIL_EVERY == 0 for h in pick])
    tail = pl.Series([tails[h // TAIL_EVERY % len(tails)] for h in pick])
    return (
        gold.with_columns(tail.alias("tail"))
        .filter(keep)
        .select(
            (pl.col("caption") + pl.col("tail")).alias("caption"),
            "label",
            "figure",
            pl.lit(WEIGHT_TAIL).alias("weight"),
            pl.lit("ekor").alias("source"),
        )
    )


def fit_model(train: pl.DataFrame) -> Model:
    """Fit the model on `train` (EXAMPLE_SCHEMA) plus the greetings wrapped around its gold
    kinerja captions and its gold captions with neutral tails; the model carries the combination thresholds CV_THRESHOLDS (chosen by
    cross-validation: etl.classify.combine). Raises ValueError (Bahasa Indonesia) when a label
    has no example."""
    gold = train.filter(pl.col("source") != "logbook")
    wrapped = wrapped_greetings(gold).select(list(EXAMPLE_SCHEMA))
    tails = neutral_tails(gold.select(list(EXAMPLE_SCHEMA)))
    train = pl.concat([train, wrapped, tails], how="diagonal_relaxed")
    final = fit(
        normalize_series(train["caption"]),
        train["label"].to_list(),
        train["figure"].to_list(),
        train["weight"].to_list(),
    )
    final.data["thresholds"] = dict(CV_THRESHOLDS)
    return final


@functools.cache
def shipped_model() -> Model:
    """The model fitted on the shipped labelled captions of the training split (deterministic;
    fitted once per machine and kept on disk: etl.classify.model_cache)."""
    from etl.classify.model_cache import cached_model

    return cached_model("shipped", fit_shipped_model)


def fit_shipped_model() -> Model:
    """shipped_model fitted now, without the cache."""
    # Fitted on the training split only, so the held-out split measures it fairly too.
    return fit_model(split(shipped_examples())[0])
