"""Content labels (ucapan vs kinerja types) and the figure-centric flag, vectorized in polars.

Rules are weighted Bahasa Indonesia phrase patterns kept in a JSON data file
(etl/rules/content_rules.json) and versioned in the warehouse table rule_set; the analyst edits
them in the app and re-labels everything. One combined regex per pass extracts every matched
phrase of every caption (one scan of the text instead of one per pattern); the distinct matched
phrases (a few thousand) are mapped back to (label, weight) in Python; per-label scores are list
sums; the decision is a polars when/then chain. The matched phrases are the explanation.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

CONTENT_TYPES = ("ucapan", "kegiatan", "layanan", "informasi", "capaian", "klarifikasi", "lainnya")
KINERJA_TYPES = ("kegiatan", "layanan", "informasi", "capaian", "klarifikasi")
CONTENT_LABELS = {
    "ucapan": "Ucapan",
    "kegiatan": "Kegiatan",
    "layanan": "Layanan",
    "informasi": "Informasi Publik",
    "capaian": "Capaian Program",
    "klarifikasi": "Klarifikasi Hoaks",
    "lainnya": "Lainnya",
}
CONTENT_SOURCES = ("rule", "model", "logbook", "manual")
FIGURE_PARTS = ("person", "action", "substance")

RULES_FILE = Path(__file__).resolve().parent / "rules" / "content_rules.json"
NO_MATCH_REASON = "tidak ada pola yang cocok"


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rules:
    """A rule set: the JSON document as stored in rule_set.rules, plus its version (None = file)."""

    data: dict[str, Any]
    version: int | None = None
    _key: str = field(default="", compare=False, repr=False)

    @property
    def key(self) -> str:
        return self._key or json.dumps(self.data, sort_keys=True, ensure_ascii=False)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=1)


def default_rules() -> Rules:
    """The rules shipped in the repository (seeded as version 1 of rule_set)."""
    return Rules(json.loads(RULES_FILE.read_text(encoding="utf-8")), None)


def _ascii_classes(pattern: str) -> str:
    r"""\b \w \d \s (and negations) outside [...] -> their ASCII forms, (?-u:\b) etc.

    A Unicode word boundary makes the Rust regex engine give up its DFA: one rule set of ~400
    patterns then scans at ~2 ms per caption instead of ~1 us. Captions are NFKC-normalized and
    lower-cased first, so Indonesian text is ASCII where it matters.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if not in_class and nxt in "bBwWdDsS":
                out.append(f"(?-u:\\{nxt})")
            else:
                out.append(ch + nxt)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def _bounded(pattern: str) -> str:
    # Word boundaries so 'apel' does not match 'apelnya' and 'hut' not 'hutan'. ASCII \b keeps
    # the regex on the fast DFA path (captions are NFKC-normalized, so bold letters are ASCII).
    lead = r"(?-u:\b)" if re.match(r"[\w(]", pattern) else ""
    trail = r"(?-u:\b)" if re.search(r"[\w)]$", pattern) else ""
    return f"{lead}(?:{_ascii_classes(pattern)}){trail}"


def _python_regex(rust_pattern: str) -> re.Pattern[str]:
    """The same pattern for Python's re (which has no (?-u:...) groups): ASCII classes."""
    return re.compile(re.sub(r"\(\?-u:(\\[bBwWdDsS])\)", r"\1", rust_pattern), re.ASCII)


# Rule groups as one flat table (the analyst's editor): content labels, then the three parts of
# the figure-centric test, each with a stable code.
FIGURE_GROUPS = {"person": "figur_tokoh", "action": "figur_peran", "substance": "figur_substansi"}
RULE_GROUPS = (*CONTENT_TYPES, *FIGURE_GROUPS.values())


def rules_table(rules: Rules) -> pl.DataFrame:
    """Every pattern of a rule set as rows (group, pattern, weight), groups in RULE_GROUPS order."""
    rows = [
        (g, str(e.get("pattern", "")), float(e.get("weight", 1)))
        for g in CONTENT_TYPES
        for e in rules.data.get("labels", {}).get(g, [])
    ]
    rows += [
        (code, str(e.get("pattern", "")), float(e.get("weight", 1)))
        for part, code in FIGURE_GROUPS.items()
        for e in rules.data.get("figure", {}).get(part, [])
    ]
    return pl.DataFrame(
        rows, schema={"group": pl.String, "pattern": pl.String, "weight": pl.Float64}, orient="row"
    )


def rules_with_table(rules: Rules, table: pl.DataFrame) -> dict[str, Any]:
    """The rule document with its patterns replaced by the table's rows (blank patterns dropped);
    decision settings and logbook mappings are kept. Validate with validate_rules."""
    data = json.loads(rules.to_json())
    labels: dict[str, list[dict[str, Any]]] = {g: [] for g in CONTENT_TYPES}
    figure: dict[str, list[dict[str, Any]]] = {part: [] for part in FIGURE_GROUPS}
    part_of = {code: part for part, code in FIGURE_GROUPS.items()}
    unknown = []
    for group, pattern, weight in table.select("group", "pattern", "weight").iter_rows():
        if pattern is None or not str(pattern).strip():
            continue
        entry = {"pattern": str(pattern).strip(), "weight": weight if weight is not None else 1}
        if isinstance(entry["weight"], float) and entry["weight"].is_integer():
            entry["weight"] = int(entry["weight"])
        if group in labels:
            labels[group].append(entry)
        elif group in part_of:
            figure[part_of[group]].append(entry)
        else:
            unknown.append(group)
    data["labels"] = labels
    data["figure"] = figure
    if unknown:
        # Reported by validate_rules like any other unknown label.
        for g in unknown:
            data["labels"].setdefault(str(g), [])
    return data


def validate_rules(data: dict[str, Any]) -> list[str]:
    """Problems in a rule document, in Bahasa Indonesia (empty list = valid)."""
    problems: list[str] = []
    labels = data.get("labels")
    if not isinstance(labels, dict):
        return ["Bagian 'labels' tidak ada atau bukan objek."]
    for label, entries in labels.items():
        if label not in CONTENT_TYPES:
            problems.append(f"Label '{label}' tidak dikenal (pilihan: {', '.join(CONTENT_TYPES)}).")
            continue
        problems += _validate_entries(entries, f"labels.{label}")
    figure = data.get("figure", {})
    for part, entries in figure.items():
        if part not in FIGURE_PARTS:
            problems.append(f"Bagian figur '{part}' tidak dikenal.")
            continue
        problems += _validate_entries(entries, f"figure.{part}")
    return problems


def _validate_entries(entries: Any, where: str) -> list[str]:
    problems = []
    if not isinstance(entries, list):
        return [f"{where}: harus berupa daftar pola."]
    for i, entry in enumerate(entries, start=1):
        pattern = entry.get("pattern") if isinstance(entry, dict) else None
        weight = entry.get("weight", 1) if isinstance(entry, dict) else None
        if not isinstance(pattern, str) or not pattern.strip():
            problems.append(f"{where} baris {i}: pola kosong.")
            continue
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            problems.append(f"{where} baris {i} ('{pattern}'): bobot harus angka lebih dari 0.")
        try:
            _python_regex(_bounded(pattern))
            pl.Series([""]).str.contains(_bounded(pattern))
        except Exception as exc:  # noqa: BLE001 - both engines' errors are reported the same way
            problems.append(f"{where} baris {i} ('{pattern}'): pola tidak sah ({exc}).")
            continue  # an invalid pattern cannot be tried on empty text
        if re.fullmatch(pattern, "", re.ASCII) is not None:
            problems.append(f"{where} baris {i} ('{pattern}'): pola cocok dengan teks kosong.")
    return problems


@dataclass(frozen=True)
class _Pass:
    """One regex pass: the combined pattern and how to map a matched phrase to (group, weight)."""

    regex: str
    entries: tuple[tuple[str, str, float], ...]  # (group, pattern, weight) in alternation order

    @functools.cached_property
    def _compiled(self) -> list[tuple[str, re.Pattern[str], float]]:
        return [(g, _python_regex(_bounded(p)), w) for g, p, w in self.entries]

    def lookup(self, phrases: list[str]) -> pl.DataFrame:
        """Distinct matched phrases -> the group and weight of the first pattern matching them."""
        rows_phrase, rows_group, rows_weight = [], [], []
        for phrase in phrases:
            for group, rx, weight in self._compiled:
                if rx.fullmatch(phrase):
                    rows_phrase.append(phrase)
                    rows_group.append(group)
                    rows_weight.append(float(weight))
                    break
        return pl.DataFrame(
            {"phrase": rows_phrase, "group": rows_group, "weight": rows_weight},
            schema={"phrase": pl.String, "group": pl.String, "weight": pl.Float64},
        )


def _make_pass(groups: dict[str, list[dict[str, Any]]]) -> _Pass:
    entries = [
        (g, e["pattern"].strip(), float(e.get("weight", 1)))
        for g, es in groups.items()
        for e in es
        if isinstance(e, dict) and str(e.get("pattern", "")).strip()
    ]
    # Longer patterns first: the regex is leftmost-first, so 'apel pagi' wins over 'apel'.
    entries.sort(key=lambda e: -len(e[1]))
    regex = "|".join(_bounded(p) for _, p, _ in entries) or r"(?-u:\b)\z\A"
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


# --------------------------------------------------------------------------- classification


def _normalize_expr(col: pl.Expr) -> pl.Expr:
    # NFKC turns Unicode bold/italic letters (𝐒𝐞𝐥𝐚𝐦𝐚𝐭) into plain ones; lower case for matching.
    return col.fill_null("").str.normalize("NFKC").str.to_lowercase()


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


def _label_scores(text: pl.Series, lp: _LabelPasses, groups: tuple[str, ...]) -> pl.DataFrame:
    """Per-row score and matched phrases for each label, one regex scan per label.

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
    for g in groups:
        if g not in found or not weights[g]:
            cols[f"s_{g}"] = pl.Series(f"s_{g}", [0.0] * len(text), dtype=pl.Float64)
            cols[f"m_{g}"] = pl.Series(f"m_{g}", [[]] * len(text), dtype=pl.List(pl.String))
            continue
        m = found[g].fill_null([])
        cols[f"s_{g}"] = (
            m.list.eval(
                pl.element().replace_strict(weights[g], default=0.0, return_dtype=pl.Float64)
            )
            .list.sum()
            .fill_null(0.0)
            .alias(f"s_{g}")
        )
        cols[f"m_{g}"] = m.alias(f"m_{g}")
    return pl.DataFrame(list(cols.values()))


def _drop_phrases_inside_other_labels(found: dict[str, pl.Series]) -> dict[str, pl.Series]:
    """Remove from each label's matches the phrases contained in another label's match."""
    long = pl.concat(
        [
            pl.DataFrame({"phrase": m})
            .with_row_index("row")
            .explode("phrase")
            .drop_nulls("phrase")
            .with_columns(pl.lit(g).alias("group"))
            for g, m in found.items()
        ]
    )
    if long.height == 0:
        return found
    # Containment among the distinct phrases of different labels (a few thousand at most).
    distinct = long.select("phrase", "group").unique()
    pairs = (
        distinct.join(distinct, how="cross", suffix="_long")
        .filter(
            (pl.col("group") != pl.col("group_long"))
            & (pl.col("phrase_long").str.len_bytes() > pl.col("phrase").str.len_bytes())
            & pl.col("phrase_long").str.contains(pl.col("phrase"), literal=True)
        )
        .select("phrase", "group", "phrase_long", "group_long")
    )
    if pairs.height == 0:
        return found
    drops = (
        long.join(pairs, on=["phrase", "group"])
        .join(
            long.rename({"phrase": "phrase_long", "group": "group_long"}),
            on=["row", "phrase_long", "group_long"],
            how="semi",
        )
        .select("row", "group", "phrase")
        .unique()
    )
    if drops.height == 0:
        return found
    out = {}
    for g, m in found.items():
        d = drops.filter(pl.col("group") == g)
        if d.height == 0:
            out[g] = m
            continue
        per_row = d.group_by("row").agg(pl.col("phrase").alias("drop"))
        frame = (
            pl.DataFrame({"m": m})
            .with_row_index("row")
            .join(per_row, on="row", how="left")
            .sort("row")
        )
        out[g] = frame.select(
            pl.when(pl.col("drop").is_null())
            .then(pl.col("m"))
            .otherwise(pl.col("m").list.set_difference(pl.col("drop")))
            .alias("m")
        ).to_series()
    return out


def _phrase_text(col: str) -> pl.Expr:
    return pl.lit("'") + pl.col(col).list.join("', '") + pl.lit("'")


def _classify_normalized(text: pl.Series, rules: Rules) -> pl.DataFrame:
    """text (already NFKC + lower) -> content_type, content_reason, is_figure_centric, figure_reason."""
    comp = _compile(rules.key)
    dec = comp.decision
    sc = _label_scores(text, comp.content, CONTENT_TYPES)
    # The figure a post centres on is named early (its subject): look at the opening only.
    window = int(dec.get("figure_window", 0) or 0)
    fg = _scores(text.str.slice(0, window) if window > 0 else text, comp.figure, FIGURE_PARTS)
    frame = pl.concat([sc, fg], how="horizontal")

    priority = [t for t in dec.get("priority", KINERJA_TYPES) if t in KINERJA_TYPES]
    priority += [t for t in KINERJA_TYPES if t not in priority]
    beats = float(dec.get("kinerja_beats_greeting", 3))
    lainnya_min = float(dec.get("lainnya_min", 2))

    s = {t: pl.col(f"s_{t}") for t in CONTENT_TYPES}
    max_kin = pl.max_horizontal(*[s[t] for t in KINERJA_TYPES])
    best_kin = pl.when(s[priority[0]] == max_kin).then(pl.lit(priority[0]))
    for t in priority[1:]:
        best_kin = best_kin.when(s[t] == max_kin).then(pl.lit(t))
    best_kin = best_kin.otherwise(pl.lit(priority[-1]))

    kin_wins = (max_kin >= beats) | (max_kin > s["ucapan"])
    content_type = (
        pl.when((max_kin == 0) & (s["ucapan"] == 0))
        .then(pl.lit("lainnya"))
        .when(
            (s["lainnya"] >= lainnya_min)
            & (s["lainnya"] >= pl.max_horizontal(max_kin, s["ucapan"]))
        )
        .then(pl.lit("lainnya"))
        .when((s["ucapan"] > 0) & ~kin_wins)
        .then(pl.lit("ucapan"))
        .otherwise(best_kin)
    )
    frame = frame.with_columns(content_type.alias("content_type"), max_kin.alias("_max_kin"))

    # Reason: the winning label's phrases, then the runner-up that lost (greeting vs kinerja).
    reason = pl.lit(None, dtype=pl.String)
    for t in CONTENT_TYPES:
        reason = (
            pl.when((pl.col("content_type") == t) & (pl.col(f"m_{t}").list.len() > 0))
            .then(
                pl.lit(f"{t} (skor ")
                + pl.col(f"s_{t}").round(0).cast(pl.Int64).cast(pl.String)
                + pl.lit("): ")
                + _phrase_text(f"m_{t}")
            )
            .otherwise(reason)
        )
    reason = reason.fill_null(pl.lit(NO_MATCH_REASON))
    greeting_lost = (pl.col("content_type") != "ucapan") & (pl.col("m_ucapan").list.len() > 0)
    reason = (
        pl.when(greeting_lost)
        .then(reason + pl.lit("; kalah: ucapan: ") + _phrase_text("m_ucapan"))
        .otherwise(reason)
    )

    min_person = float(dec.get("figure_min_person", 1))
    min_action = float(dec.get("figure_min_action", 1))
    max_sub = float(dec.get("figure_max_substance", 2))
    excluded = list(dec.get("figure_excluded_types", []))
    # A greeting posted in an official's name ("Bupati ... mengucapkan") centres on the person.
    role = pl.col("s_action") >= min_action
    if dec.get("figure_greeting_counts", False):
        role = role | (pl.col("content_type") == "ucapan")
    is_fig = (
        (pl.col("s_person") >= min_person)
        & role
        & (pl.col("s_substance") < max_sub)
        & ~pl.col("content_type").is_in(excluded)
    )
    fig_reason = (
        pl.lit("tokoh: ")
        + _phrase_text("m_person")
        + pl.lit("; peran: ")
        + _phrase_text("m_action")
    )
    return frame.select(
        "content_type",
        reason.alias("content_reason"),
        is_fig.alias("is_figure_centric"),
        pl.when(is_fig)
        .then(fig_reason)
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("figure_reason"),
    )


def classify_frame(df: pl.DataFrame, rules: Rules | None = None) -> pl.DataFrame:
    """df with a 'caption' column -> df plus content_type, content_reason, is_figure_centric,
    figure_reason. Pure: no warehouse needed (tests, evaluation, upload preview)."""
    rules = rules or default_rules()
    if df.height == 0:
        return df.with_columns(
            pl.lit(None, dtype=pl.String).alias("content_type"),
            pl.lit(None, dtype=pl.String).alias("content_reason"),
            pl.lit(None, dtype=pl.Boolean).alias("is_figure_centric"),
            pl.lit(None, dtype=pl.String).alias("figure_reason"),
        )
    text = df.select(_normalize_expr(pl.col("caption"))).to_series()
    out = _classify_normalized(text, rules)
    return pl.concat([df.drop(out.columns, strict=False), out], how="horizontal")


# --------------------------------------------------------------------------- logbook labels


def _norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_LOGBOOK_FALLBACK = (  # keyword inside a longer label, checked in this order
    ("klarifikasi", r"hoa[kx]s?|klarifikasi|cek fakta|disinformasi"),
    ("ucapan", r"ucapan|hari besar|\bhb[ni]\b|\bphb[ni]\b|selamat|duka|belasungkawa|hut"),
    ("layanan", r"layanan|pelayanan"),
    ("capaian", r"prestasi|capaian|penghargaan|keberhasilan|realisasi"),
    ("informasi", r"info|edukasi|imbauan|himbauan|pengumuman|sosialisasi"),
    ("kegiatan", r"giat|kegiatan|liputan|rapat|kunjungan|dokumentasi|agenda"),
    ("lainnya", r"lain|kuis|repost|hiburan"),
)


def _logbook_map(rules: Rules | None = None) -> dict[str, str]:
    rules = rules or default_rules()
    out: dict[str, str] = {}
    for code, spellings in rules.data.get("logbook", {}).items():
        if code in CONTENT_TYPES:
            for s in spellings:
                out[_norm_label(s)] = code
    for code in CONTENT_TYPES:
        out.setdefault(code, code)
        out.setdefault(_norm_label(CONTENT_LABELS[code]), code)
    return out


def map_logbook_label(text: str | None, rules: Rules | None = None) -> str | None:
    """Logbook "Jenis Konten" as written ("Giat", "Ucapan HBN", "Info Layanan", "Hoax") -> code."""
    if text is None or not str(text).strip():
        return None
    norm = _norm_label(str(text))
    exact = _logbook_map(rules).get(norm)
    if exact:
        return exact
    for code, rx in _LOGBOOK_FALLBACK:
        if re.search(rx, norm):
            return code
    return None


def map_logbook_series(labels: pl.Series, rules: Rules | None = None) -> pl.Series:
    """Vectorized map_logbook_label: the distinct spellings (few) are mapped once, then joined."""
    distinct = labels.drop_nulls().unique().to_list()
    mapping = {d: map_logbook_label(d, rules) for d in distinct}
    return labels.replace_strict(mapping, default=None, return_dtype=pl.String).alias(
        "logbook_content_type"
    )


# --------------------------------------------------------------------------- warehouse


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
    # DuckDB 2.0: an execute() result must be fetched whole before the next statement. Runs on
    # con itself (not a cursor) so it joins the caller's open transaction.
    return con.execute(sql, params if params is not None else []).fetchall()


def load_rules(con: duckdb.DuckDBPyConnection) -> Rules:
    """The newest rule set; seeds the repository's rules as version 1 when rule_set is empty."""
    rows = _run(con, "SELECT version, rules FROM rule_set ORDER BY version DESC LIMIT 1")
    if not rows:
        rules = default_rules()
        _run(
            con,
            "INSERT INTO rule_set (version, created_by, note, rules) VALUES (1, ?, ?, ?)",
            [SHIPPED_BY, rules.data.get("note", "aturan bawaan"), rules.to_json()],
        )
        return Rules(rules.data, 1)
    version, stored = rows[0]
    data = stored if isinstance(stored, dict) else json.loads(stored)
    return Rules(data, int(version))


def save_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Rules | dict[str, Any],
    *,
    by: str | None,
    note: str | None,
) -> int:
    """Store an edited rule set as a new version and return its number. Invalid rules raise
    ValueError with the problems listed (Bahasa Indonesia). Posts are re-labelled by
    classify_posts(con) afterwards, which records the version used on every post."""
    data = rules.data if isinstance(rules, Rules) else rules
    problems = validate_rules(data)
    if problems:
        raise ValueError("Aturan tidak disimpan:\n" + "\n".join(problems))
    load_rules(con)  # make sure version 1 (the shipped rules) exists first
    version = int(_run(con, "SELECT coalesce(max(version), 0) + 1 FROM rule_set")[0][0])
    _run(
        con,
        "INSERT INTO rule_set (version, created_by, note, rules) VALUES (?, ?, ?, ?)",
        [version, by, note, json.dumps(data, ensure_ascii=False)],
    )
    return version


def save_rules_and_relabel(
    con: duckdb.DuckDBPyConnection,
    rules: Rules | dict[str, Any],
    *,
    by: str | None,
    note: str | None,
) -> tuple[int, int]:
    """save_rules then classify_posts over every post, in one transaction: a new version is
    never left standing with posts labelled by the old one. Returns (version, posts labelled).
    Invalid rules raise ValueError before anything is written."""
    con.execute("BEGIN TRANSACTION")
    try:
        version = save_rules(con, rules, by=by, note=note)
        n = classify_posts(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return version, n


SHIPPED_BY = "sistem"  # rule_set.created_by of the rules shipped in the repository


def upgrade_shipped_rules(con: duckdb.DuckDBPyConnection) -> int | None:
    """When the newest rule set is a shipped one (no analyst edit since) and the repository's
    rules file has changed, store the new shipped rules as the next version and re-label every
    post. Returns the new version, or None when nothing changed. An analyst's own version is
    never replaced: their edits win until they choose otherwise."""
    current = load_rules(con)
    (by,) = _run(con, "SELECT created_by FROM rule_set WHERE version = ?", [current.version])[0]
    shipped = default_rules()
    if by != SHIPPED_BY or current.key == shipped.key:
        return None
    con.execute("BEGIN TRANSACTION")
    try:
        version = int(_run(con, "SELECT max(version) + 1 FROM rule_set")[0][0])
        _run(
            con,
            "INSERT INTO rule_set (version, created_by, note, rules) VALUES (?, ?, ?, ?)",
            [version, SHIPPED_BY, shipped.data.get("note", "aturan bawaan"), shipped.to_json()],
        )
        classify_posts(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return version


def _fetch_posts(con: duckdb.DuckDBPyConnection, load_id: int | None) -> pl.DataFrame:
    # The loader calls this inside its open transaction: use con itself, not a cursor (a
    # cursor is a separate connection and would not see the uncommitted rows).
    cols = "post_key, caption_norm, caption, logbook_label"
    if load_id is None:
        return con.sql(f"SELECT {cols} FROM posts").pl()
    return con.sql(
        f"SELECT {cols} FROM posts WHERE load_id = $load_id", params={"load_id": load_id}
    ).pl()


def classify_posts(con: duckdb.DuckDBPyConnection, load_id: int | None = None) -> int:
    """Label the posts of one load (None = every post) with the newest rules; returns rows labelled.

    Writes posts.content_type/content_source/content_reason/is_figure_centric/figure_reason/
    rules_version and logbook_content_type. Manual overrides live in label_override and are
    applied by v_posts, so re-running never loses them. No transaction of its own: the loader
    calls it inside the load transaction.
    """
    rules = load_rules(con)
    posts = _fetch_posts(con, load_id)
    if posts.height == 0:
        return 0
    # caption_norm is NFKC + lower from the loader; normalize here only where it is missing.
    text = posts.select(
        pl.when(pl.col("caption_norm").is_null())
        .then(_normalize_expr(pl.col("caption")))
        .otherwise(pl.col("caption_norm"))
    ).to_series()
    labels = _classify_normalized(text, rules)
    logbook = map_logbook_series(posts["logbook_label"], rules)
    out = pl.concat([posts.select("post_key"), labels, logbook.to_frame()], how="horizontal")
    # No phrase matched but the OPD's logbook names a type: use it, and say so.
    no_match = (pl.col("content_reason") == NO_MATCH_REASON) & pl.col(
        "logbook_content_type"
    ).is_not_null()
    out = out.with_columns(
        pl.when(no_match)
        .then(pl.col("logbook_content_type"))
        .otherwise(pl.col("content_type"))
        .alias("content_type"),
        pl.when(no_match).then(pl.lit("logbook")).otherwise(pl.lit("rule")).alias("content_source"),
        pl.when(no_match)
        .then(pl.lit(NO_MATCH_REASON + "; dipakai label logbook OPD"))
        .otherwise(pl.col("content_reason"))
        .alias("content_reason"),
        pl.lit(rules.version, dtype=pl.Int32).alias("rules_version"),
    )
    view = "_classify_out"
    con.register(view, out.to_arrow())
    try:
        _run(
            con,
            f"""
            UPDATE posts SET
                content_type = o.content_type,
                content_source = o.content_source,
                content_reason = o.content_reason,
                is_figure_centric = o.is_figure_centric,
                figure_reason = o.figure_reason,
                rules_version = o.rules_version,
                logbook_content_type = o.logbook_content_type
            FROM {view} o
            WHERE posts.post_key = o.post_key
            """,
        )
    finally:
        con.unregister(view)
    return out.height


# --------------------------------------------------------------------------- overrides


def set_override(
    con: duckdb.DuckDBPyConnection,
    post_key: str,
    content_type: str | None,
    is_figure_centric: bool | None = None,
    *,
    note: str | None = None,
    by: str | None = None,
) -> None:
    """An analyst's correction of one post, kept by post_key so it survives re-imports and
    re-labelling (v_posts applies it)."""
    if content_type is not None and content_type not in CONTENT_TYPES:
        raise ValueError(
            f"Jenis konten '{content_type}' tidak dikenal (pilihan: {', '.join(CONTENT_TYPES)})."
        )
    if content_type is None and is_figure_centric is None:
        raise ValueError("Koreksi kosong: isi jenis konten atau penanda figur.")
    _run(
        con,
        """
        INSERT INTO label_override (post_key, content_type, is_figure_centric, note, overridden_by)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (post_key) DO UPDATE SET
            content_type = excluded.content_type,
            is_figure_centric = excluded.is_figure_centric,
            note = excluded.note,
            overridden_by = excluded.overridden_by,
            overridden_at = current_localtimestamp()
        """,
        [post_key, content_type, is_figure_centric, note, by],
    )


def clear_override(con: duckdb.DuckDBPyConnection, post_key: str) -> None:
    """Drop the analyst's correction: the computed label applies again."""
    _run(con, "DELETE FROM label_override WHERE post_key = ?", [post_key])
