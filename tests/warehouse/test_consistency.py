"""Docs-consistency for the metrics layer: every q_*.sql is used and shaped by the house rules,
every KPI has a label and description, checks return 0 rows, the kinerja list agrees."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

from tests.factory import JAN, hand_warehouse
from warehouse import analyst_settings, metrics, vocabulary
from warehouse.db import SQL_DIR, connect, sql_text
from warehouse.queries import filters, summary
from warehouse.queries import run as run_queries

# Every module of the warehouse.queries package (one per subject).
QUERY_MODULES = [
    importlib.import_module(f"warehouse.queries.{m.name}")
    for m in pkgutil.iter_modules(importlib.import_module("warehouse.queries").__path__)
]

Q_FILES = sorted(SQL_DIR.glob("q_*.sql"))
CHECKS = sorted((SQL_DIR / "checks").glob("*.sql"))


def test_every_q_file_is_used_by_a_query_function():
    from access import audit, proposals
    from warehouse import coverage, figures, master_checks, opd_story

    # Query functions live in the warehouse.queries package and in area modules beside it
    # (the audit trail's reader sits with the rest of access control).
    source = "".join(
        inspect.getsource(m)
        for m in (*QUERY_MODULES, coverage, figures, master_checks, audit, proposals, opd_story)
    )
    used = set(re.findall(r'"(q_[a-z0-9_]+)"', source))
    files = {p.stem for p in Q_FILES}
    assert files - used == set(), "q_*.sql files no function runs"
    assert used - files == set(), "names in query functions without a q_*.sql file"


@pytest.mark.parametrize("path", Q_FILES, ids=lambda p: p.name)
def test_q_files_are_one_cte_chain_with_a_grain(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"-- {path.stem}:"), "header comment names the query"
    assert "grain" in text.lower()
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))
    assert body.strip().startswith("with"), "a named CTE chain"
    assert re.search(r"select \* from final\b", body), "ends with select * from final"
    assert body.count(";") == 0, "one statement per file"
    assert "{" not in body, "no Python format placeholders in SQL"


def test_every_kpi_has_label_format_and_description():
    for key, kpi in metrics.KPIS.items():
        assert kpi.key == key
        assert kpi.label and kpi.description and kpi.source
        assert kpi.fmt in ("persen", "angka", "hari", "skor")
    for key in summary.KPI_SUMMARY_KEYS:
        assert key in metrics.KPIS
    assert set(metrics.INDEX_COMPONENTS) == set(analyst_settings.Settings().weights())
    assert all(label and text for label, text in metrics.INDEX_COMPONENTS.values())


def test_kpi_summary_keys_are_columns_of_q_kpi():
    con = connect(":memory:")
    cols = summary.kpi_summary(con, filters.Filters(*JAN)).columns
    assert cols[:2] == ["key", "label"]
    f = filters.Filters(*JAN)
    cols = summary.kpi_periods(con, f, analyst_settings.Settings(), [(f.start, f.end)]).columns
    assert set(summary.KPI_SUMMARY_KEYS) <= set(cols)


def test_kinerja_types_agree_with_label_table():
    con = connect(":memory:")
    rows = con.execute("SELECT content_type FROM content_type_label WHERE is_kinerja").fetchall()
    assert {r[0] for r in rows} == set(vocabulary.KINERJA_TYPES)


def test_migration_defaults_equal_settings_defaults():
    con = connect(":memory:")
    assert analyst_settings.get_settings(con) == analyst_settings.Settings()


# The hand warehouse holds two loose BKD logbook rows on purpose (the metric's per-platform
# bucket is tested on them); the loader never leaves such rows, which tests/etl_load/
# test_accounts.py checks on the sample warehouse.
HAND_EXEMPT = {"posts_tied_to_account.sql"}


@pytest.mark.parametrize(
    "path", [p for p in CHECKS if p.name not in HAND_EXEMPT], ids=lambda p: p.name
)
def test_checks_return_no_rows(path):
    con = hand_warehouse()
    assert con.sql(path.read_text(encoding="utf-8")).pl().height == 0


def test_metric_checks_catch_problems():
    con = hand_warehouse()
    con.execute("UPDATE posts SET content_type = 'promosi' WHERE post_key = 'p000'")
    con.execute("UPDATE posts SET opd_id = 2 WHERE post_key = 'p001'")  # account 1 is Dinkes'
    con.execute("""UPDATE app_setting SET value = '{"w_kinerja": -5}' WHERE key = 'metrics'""")

    def rows(name: str) -> int:
        return con.sql((SQL_DIR / "checks" / name).read_text(encoding="utf-8")).pl().height

    assert rows("metrics_known_content_types.sql") == 1
    assert rows("metrics_account_opd_agrees.sql") == 1
    assert rows("metrics_settings_valid.sql") == 1
    con.execute("DELETE FROM opd WHERE opd_id = 6")
    assert rows("metrics_posts_have_opd.sql") == 1


def test_every_setting_has_a_label():
    assert set(analyst_settings.SETTING_LABELS) == set(
        analyst_settings.Settings().__dataclass_fields__
    )


def test_month_of():
    import datetime as dt

    f = filters.Filters.month_of(dt.date(2024, 2, 10), platforms=("x",))
    assert (f.start, f.end, f.platforms) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), ("x",))


def _documented_columns(fn) -> list[str]:
    doc = inspect.getdoc(fn) or ""
    m = re.search(r"Columns:(.*?)\.(?:\s|$)", doc, re.S)
    assert m, f"{fn.__name__}: docstring lists no 'Columns:'"
    text = re.sub(r"\([^)]*\)", "", m.group(1).replace("\n", " "))
    return [c.strip().split(" ")[0] for c in text.split(",") if c.strip()]


def _query_frames():
    """(function, frame) of every documented query function of warehouse.queries, run on the
    hand warehouse over January."""
    import datetime as dt

    con = hand_warehouse()
    con.execute("INSERT INTO campaign (campaign_id, name) VALUES (1, 'Kampanye')")
    f = filters.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    extra = {"opd_daily_counts": {"opd_id": 1}, "campaign_participation": {"campaign_id": 1},
             "campaign_summary": {"campaign_id": 1},
             "kpi_periods": {"s": analyst_settings.Settings(), "periods": [(f.start, f.end)]}}  # fmt: skip
    members = [
        (n, fn, m) for m in QUERY_MODULES for n, fn in inspect.getmembers(m, inspect.isfunction)
    ]
    for name, fn, module in members:
        if fn.__module__ != module.__name__ or name.startswith("_"):
            continue
        params = list(inspect.signature(fn).parameters)
        if "Columns:" not in (inspect.getdoc(fn) or ""):
            continue
        args = (con, f) if len(params) > 1 and params[1] == "f" else (con,)
        yield fn, fn(*args, **extra.get(name, {}))


def test_docstring_columns_are_the_returned_columns():
    checked = 0
    for fn, df in _query_frames():
        assert _documented_columns(fn) == df.columns, fn.__name__
        checked += 1
    assert checked >= 24


def test_queries_run_by_execute_give_the_relations_frames(monkeypatch):
    # warehouse.queries.run fetches every q_*.sql with execute() (one binding); DuckDB's
    # relation (con.sql(...).pl(), two bindings) gave the frames before: same columns, types,
    # values and order, for every statement the documented query functions run.
    calls = []
    real = run_queries._fetch_arrow

    def spy(con, name, params, tables=None):
        calls.append((con, name, params, tables))
        return real(con, name, params, tables)

    monkeypatch.setattr(run_queries, "_fetch_arrow", spy)
    for _ in _query_frames():
        pass
    monkeypatch.undo()
    # 29 since the whole months' judgement is one statement (q_periods_judgement_months.sql)
    # where q_months_judgement.sql and q_period_judgement.sql ran (h22m)
    assert len({name for _, name, _, _ in calls}) >= 29
    for con, name, params, tables in calls:
        cur = con.cursor()
        for table_name, table in (tables or {}).items():
            cur.register(table_name, table)
        bound = run_queries._bound(con, name, params)
        relation = run_queries._plain_numbers(cur.sql(sql_text(name), params=bound).pl())
        cur.close()
        now = run_queries._run(con, name, params, tables)
        assert relation.schema == now.schema, name
        assert relation.equals(now, null_equal=True), name


def test_opd_story_docstring_columns_are_the_returned_columns():
    import datetime as dt

    from warehouse import opd_story

    con = hand_warehouse()
    f = filters.Filters(dt.date(2026, 1, 1), dt.date(2026, 2, 28), opd_ids=(1,))
    frames = {
        opd_story.opd_months: opd_story.opd_months(con, f),
        opd_story.opd_month_benchmark: opd_story.opd_month_benchmark(con, f),
        opd_story.mix_against_all: opd_story.mix_against_all(con, f, "format"),
    }
    for fn, df in frames.items():
        assert _documented_columns(fn) == df.columns, fn.__name__
    with pytest.raises(ValueError):
        opd_story.mix_against_all(con, f, "platform")  # type: ignore[arg-type]
