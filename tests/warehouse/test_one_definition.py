"""Each rule written once: the activity rule, its minimum and the filter preamble live in
warehouse/sql/views/030_scope_and_activity.sql; every q_*.sql reads through the view layer.
A copy of the rule anywhere else makes these tests fail."""

from __future__ import annotations

import ast
import calendar
import datetime as dt
import fractions
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse.db import SQL_DIR, connect

ROOT = Path(__file__).resolve().parents[2]
RULE_FILE = SQL_DIR / "views" / "030_scope_and_activity.sql"
Q_FILES = sorted(SQL_DIR.glob("q_*.sql"))
CODE = [
    p
    for top in ("warehouse", "etl", "ui", "app_pages", "reports", "app.py")
    for p in ([ROOT / top] if top.endswith(".py") else sorted((ROOT / top).rglob("*")))
    if p.suffix in (".sql", ".py") and p != RULE_FILE
]

# What a second copy of the activity rule or of its minimum looks like.
RULE_COPIES = {
    "busiest account (max per account)": re.compile(r"max\(\s*n\s*\)", re.I),
    "comparison with the minimum": re.compile(
        r"(>=|<)\s*\$?(required_posts|min_per_month|min_per_week|min_bucket|required)\b", re.I
    ),
    "busiest account compared": re.compile(r"max_account_posts\s*(>=|<)", re.I),
    "minimum computed in Python": re.compile(
        r"def\s+(required_posts|scaled_count|grain_required_posts)\b|math\.ceil\(\s*per_month"
    ),
}
# The filter preamble: the sidebar's lists tested against a column.
PREAMBLE = re.compile(
    r"list_contains\(\s*\$?(platforms|opd_kinds|opd_ids)\b|len\(\s*\$(platforms|opd_kinds|opd_ids)\)"
)
# Tables a q_ file must not read directly: posts, OPDs and accounts come through the views.
BASE_TABLES = re.compile(r"\b(from|join)\s+(posts|opd|account|v_post_facts)\b", re.I)


def _code_lines(path: Path) -> list[tuple[int, str]]:
    comment = "--" if path.suffix == ".sql" else "#"
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip().startswith(comment):
            out.append((i, line))
    return out


def test_the_activity_rule_is_written_once():
    found = [
        f"{p.relative_to(ROOT)}:{i}: {what}: {line.strip()}"
        for p in CODE
        for i, line in _code_lines(p)
        for what, pattern in RULE_COPIES.items()
        if pattern.search(line)
    ]
    assert found == [], "the activity rule belongs only in " + RULE_FILE.name
    text = RULE_FILE.read_text(encoding="utf-8")
    assert "CREATE OR REPLACE MACRO opd_activity" in text
    # What the chosen rule counts is computed once, and compared with the minimum once.
    assert len(re.findall(r"counted_posts\(rule, max\(n\), sum\(n\)\)", text)) == 1
    assert len(re.findall(r"counted_n\s*>=\s*required_n", text)) == 1  # meets_minimum
    assert re.findall(r"counted_posts\s*>=", text) == []


CALLS = re.compile(r"\bopd_(activity|judgement)\(([^;]*?)\)", re.S)


@pytest.mark.parametrize("path", Q_FILES, ids=lambda p: p.name)
def test_every_activity_reader_passes_the_rule_setting(path):
    """The analyst's activity rule reaches every caller: a q_ file judging activity binds
    $activity_rule right after the minimums (the macros have no default for it)."""
    text = path.read_text(encoding="utf-8")
    for m in CALLS.finditer(text):
        args = re.sub(r"\s+", " ", m.group(2))
        assert "$min_per_month, $min_per_week, $activity_rule" in args, f"{path.name}: {args}"


def test_the_rule_texts_live_in_the_vocabulary():
    """'... dari satu akun' is said by vocabulary.ACTIVITY_RULES only: a list or lampiran
    that writes its own copy can disagree with the setting in force."""
    said = re.compile(r"(di|pada|dari) satu akun", re.I)
    copies = [
        f"{p.relative_to(ROOT)}:{line}: {text[:60]}"
        for p in CODE
        if p.suffix == ".py" and p.name != "vocabulary.py"
        for line, text in _string_literals(p)
        if said.search(text)
    ]
    assert copies == []


def _string_literals(path: Path, fstring_parts: bool = False) -> list:
    """Every string a module can show (constants and f-string parts), docstrings left out, as
    (line, text), or (line, text, is an f-string part) with fstring_parts=True."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value, id(node) in parts) if fstring_parts else (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_the_filter_preamble_is_written_once():
    found = [
        f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
        for p in CODE
        for i, line in _code_lines(p)
        if PREAMBLE.search(line)
    ]
    assert found == [], "filter by the sidebar only through scoped_* in " + RULE_FILE.name


# Checks of the master list as the analyst uploaded it: reading the opd table is the point.
RAW_MASTER_CHECKS = {"q_master_contradictions.sql"}


@pytest.mark.parametrize(
    "path", [p for p in Q_FILES if p.name not in RAW_MASTER_CHECKS], ids=lambda p: p.name
)
def test_q_files_read_through_the_view_layer(path):
    direct = [line.strip() for _, line in _code_lines(path) if BASE_TABLES.search(line)]
    assert direct == [], f"{path.name} reads a table the views and macros already shape"


def _reference_minimum(per_month: int, start: dt.date, end: dt.date) -> int:
    """The rule as Pengaturan states it (test-only restatement): each month touched counts by
    the share of its days inside [start, end], per_month x the sum rounded up, at least 1."""
    share = fractions.Fraction(0)
    day = start
    while day <= end:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        last = min(end, day.replace(day=days_in_month))
        share += fractions.Fraction((last - day).days + 1, days_in_month)
        day = last + dt.timedelta(days=1)
    return max(1, math.ceil(per_month * share))


_CON = connect(":memory:")


@settings(max_examples=200, deadline=None)
@given(
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    st.integers(0, 800),
    st.integers(1, 40),
    st.booleans(),
)
def test_the_sql_minimum_follows_the_stated_rule(start, days, per_month, snap):
    if snap:  # whole months are the common case: make them likely
        start = start.replace(day=1)
        last = start + dt.timedelta(days=days)
        end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    else:
        end = start + dt.timedelta(days=days)
    got = _CON.execute(
        "SELECT activity_minimum('period', ?, ?, ?, 1, (SELECT data_end FROM v_data_end))",
        [start, end + dt.timedelta(days=1), per_month],
    ).fetchone()[0]
    assert got == _reference_minimum(per_month, start, end)


def test_lookup_tables_are_seeded_from_the_vocabulary(tmp_path):
    from warehouse import vocabulary

    path = tmp_path / "old.duckdb"
    con = connect(path)
    # A warehouse made before the vocabulary was the source: its own longer label.
    con.execute(
        "UPDATE content_type_label SET label = 'Informasi Publik' WHERE content_type = 'informasi'"
    )
    con.close()
    con = connect(path)
    rows = con.execute(
        "SELECT content_type, label, is_kinerja FROM content_type_label ORDER BY sort_order"
    ).fetchall()
    con.close()
    assert [r[0] for r in rows] == list(vocabulary.CONTENT_TYPES)
    assert {r[0]: r[1] for r in rows} == {
        c: vocabulary.CONTENT_LABELS_ID[c] for c in vocabulary.CONTENT_TYPES
    }
    assert {r[0] for r in rows if r[2]} == set(vocabulary.KINERJA_TYPES)


def test_month_and_day_names_are_defined_once():
    """Month and day names are vocabulary's: a module that spells three or more of one list
    again (as a list, a dict, a regex alternation or lowercase) holds a copy that can drift."""
    from warehouse import vocabulary as v

    vocab = {
        "Indonesian months": v.MONTHS_ID,
        "English months": v.MONTHS_EN,
        "Indonesian days": v.DAYS_ID,
        "English days": v.DAYS_EN,
        "Indonesian short days": v.DAYS_SHORT_ID,
        "English short days": v.DAYS_SHORT_EN,
    }
    found = {}
    for p in CODE:
        if p.suffix != ".py" or p.name == "vocabulary.py":
            continue
        words = {w.lower() for _, s in _string_literals(p) for w in re.findall(r"[A-Za-z']+", s)}
        for what, names in vocab.items():
            spelled = sorted({n.lower() for n in names} & words)
            # Short forms shared with ordinary words or long names ("Min", "Sen") need more.
            if len(spelled) >= (5 if "short" in what else 3):
                found[f"{p.relative_to(ROOT)}: {what}"] = spelled
    assert found == {}


def test_grade_cut_offs_are_applied_once():
    """The grade of an index score is index_grade (views/087_keaktifan.sql) only: a Python
    or SQL comparison of a score with the grade bounds elsewhere is a second copy."""
    compared = re.compile(r"[A-Za-z_)\]]\s*(>=|<)\s*\$?[\w.]*grade_(very_good|good|fair)", re.I)
    found = [
        f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
        for p in CODE
        for i, line in _code_lines(p)
        if compared.search(line)
    ]
    assert found == []
    keaktifan = (SQL_DIR / "views" / "087_keaktifan.sql").read_text(encoding="utf-8")
    assert keaktifan.count("then 'Sangat Baik'") == 1


def _label_dicts(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Every dict literal of string keys to words a user reads in a module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or len(node.keys) < 2:
            continue
        pairs = list(zip(node.keys, node.values, strict=True))
        if all(
            isinstance(k, ast.Constant)
            and isinstance(k.value, str)
            and isinstance(val, ast.Constant)
            and isinstance(val.value, str)
            # words, not colours ("#E69F00") nor codes and field names an alias maps to
            and not re.fullmatch(r"#?[a-z0-9_]*|#[0-9A-Fa-f]{6}", val.value)
            for k, val in pairs
        ):
            out.append((node.lineno, {k.value: val.value for k, val in pairs}))  # type: ignore[union-attr]
    return out


def test_vocabulary_labels_are_not_copied():
    """A code's words (format, reason/status, content type, OPD kind, platform, grade) come
    from warehouse.vocabulary: a dict elsewhere giving two or more of its codes words of its
    own is a second copy (detect's format names and the reports' reason texts were)."""
    from warehouse import vocabulary as v

    vocab = {
        "FORMAT_LABELS": v.FORMAT_LABELS,
        "REASON_LABELS": v.REASON_LABELS_ID | v.INACTIVE_REASONS,
        "CONTENT_LABELS": v.CONTENT_LABELS_ID,
        "KIND_LABELS": v.KIND_LABELS,
        "PLATFORM_LABELS": v.PLATFORM_LABELS,
        "GRADES_EN": v.GRADES_EN,
    }
    copies = [
        f"{p.relative_to(ROOT)}:{line}: codes of vocabulary.{name}"
        for p in CODE
        if p.suffix == ".py" and p.name != "vocabulary.py"
        for line, labels in _label_dicts(p)
        for name, codes in vocab.items()
        if len(set(labels) & set(codes)) >= 2
    ]
    assert copies == []


def test_no_comment_points_to_a_tracker_outside_the_repository():
    files = [
        p
        for top in ("warehouse", "etl", "ui", "app_pages", "reports", "tests", "benchmarks")
        for p in sorted((ROOT / top).rglob("*"))
        if p.suffix in (".py", ".sql") and "cases" not in p.parts
    ] + [ROOT / "app.py", ROOT / "Makefile", ROOT / "pyproject.toml"]
    found = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in files
        if p.exists()
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bissues?\s*#\d+", line, re.I)
    ]
    assert found == []


def test_kpi_names_and_help_live_in_metrics_only():
    """A KPI's card name, help and direction come from warehouse.metrics.KPIS: no page or ui
    module writes its own copy of a KPI name, passes inverse= or its own help/label to a
    KPI card."""
    from warehouse.metrics import KPIS

    names = {k.tile for k in KPIS.values() if k.tile} | {k.label for k in KPIS.values()}
    names |= {k.tile_en for k in KPIS.values() if k.tile_en}
    ui_files = [p for top in ("ui", "app_pages") for p in sorted((ROOT / top).rglob("*.py"))] + [
        ROOT / "app.py"
    ]
    # The reports' tables, figures, headings and WhatsApp lines too ("OPD aktif: ", "3. ..."); a
    # one-word name ("Postingan") inside an f-string is prose, not a label.
    copies = [
        f"{p.relative_to(ROOT)}:{line}: {text}"
        for p in ui_files + sorted((ROOT / "reports").rglob("*.py"))
        for line, text, in_fstring in _string_literals(p, fstring_parts=True)
        if (name := text.strip(" .,:;()0123456789")) in names
        and not (in_fstring and " " not in name)
    ]
    assert copies == []
    calls = [
        f"{p.relative_to(ROOT)}:{i}: {line.strip()}"
        for p in ui_files
        if p.name != "widgets.py"
        for i, line in _code_lines(p)
        if re.search(r"inverse\s*=\s*True", line)
        or re.search(r"kpi_from\([^)]*\b(help|label)\s*=", line)
    ]
    assert calls == []


# Modules above the ~300-line house limit, each at its size when this ratchet was set: they may
# shrink, never grow (split them instead); a module not listed here may not pass 300 lines.
_LARGE_UI: dict[str, int] = {}
_LARGE_BELOW_UI: dict[str, int] = {}  # every etl/warehouse/reports/access module fits


def _oversize(root: Path, tops: tuple[str, ...], ceilings: dict[str, int]) -> dict[str, int]:
    """Modules under root/top with more lines than their ceiling (300 unless listed)."""
    sizes = {
        p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for top in tops
        for p in sorted((root / top).rglob("*.py"))
    }
    return {p: n for p, n in sizes.items() if n > ceilings.get(p, 300)}


def test_ui_modules_have_one_job_and_stay_small():
    assert _oversize(ROOT, ("ui", "app_pages"), _LARGE_UI) == {}
    # widgets.py is the page shell only: tables, KPI cards, periods and style live apart.
    shell = (ROOT / "ui" / "widgets.py").read_text(encoding="utf-8")
    for moved in ("def table(", "def kpi(", "def kpi_from(", "def partial_period(", "_BASE_CSS"):
        assert moved not in shell, moved


def test_etl_warehouse_reports_access_modules_stay_small():
    assert _oversize(ROOT, ("etl", "warehouse", "reports", "access"), _LARGE_BELOW_UI) == {}
    # A module that was split below its ceiling leaves the list, so the ceiling cannot be regrown.
    shrunk = {
        p: n
        for p, n in _LARGE_BELOW_UI.items()
        if len((ROOT / p).read_text(encoding="utf-8").splitlines()) <= 300
    }
    assert shrunk == {}


def test_size_ratchet_catches_a_new_and_a_grown_module(tmp_path):
    (tmp_path / "etl").mkdir()
    (tmp_path / "etl" / "small.py").write_text("x = 1\n" * 300, encoding="utf-8")
    (tmp_path / "etl" / "new_big.py").write_text("x = 1\n" * 301, encoding="utf-8")
    (tmp_path / "etl" / "listed.py").write_text("x = 1\n" * 351, encoding="utf-8")
    found = _oversize(tmp_path, ("etl",), {"etl/listed.py": 350})
    assert found == {"etl/new_big.py": 301, "etl/listed.py": 351}


def test_every_kpi_has_its_english_name_and_help():
    """The English switch shows every KPI in English: a KPI without an English name fell back
    to its Indonesian label on an English page."""
    from warehouse.metrics import KPIS

    missing = [k.key for k in KPIS.values() if not k.tile_en or not k.description_en]
    assert missing == []
    assert all(k.tile_en not in (k.tile, k.label) for k in KPIS.values())


def test_cli_exit_codes_are_defined_once():
    """Every command returns etl.exit_codes' names: a literal status or a second definition in
    a cli_*.py could drift from the README's 0 / 1 / 2."""
    found = [
        f"{p.name}:{i}: {line.strip()}"
        for p in sorted((ROOT / "etl").glob("cli*.py"))
        for i, line in _code_lines(p)
        if re.search(r"\breturn\s+\d+\b|^\s*EXIT_\w+(\s*,\s*EXIT_\w+)*\s*=", line)
    ]
    assert found == []
    assert (ROOT / "etl" / "exit_codes.py").is_file()
