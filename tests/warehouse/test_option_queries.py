"""The sidebar's option queries read from the tables themselves (q_platforms.sql, q_opd_kinds.sql)
and the date bounds with the data end bound as $data_end (q_date_bounds.sql) give the rows the
statements gave before, kept word for word in tests/warehouse/before/*_230.sql: frames equal
with their column types, order and nulls, on the sample warehouse, on an empty one and on random
hand warehouses (random posts, accounts and OPDs removed, coverage removed), the data end read
by the query itself or given once (warehouse.queries.run.data_end_given)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import coverage_written, hand_warehouse
from tests.warehouse.test_properties import post
from warehouse.db import connect
from warehouse.queries import run as run_queries

BEFORE_DIR = Path(__file__).parent / "before"
NAMES = ("q_platforms", "q_opd_kinds", "q_date_bounds")


def old(con, name: str) -> pl.DataFrame:
    cur = con.cursor()
    try:
        cur.execute((BEFORE_DIR / f"{name}_230.sql").read_text("utf-8"))
        df = pl.from_arrow(cur.to_arrow_table())
    finally:
        cur.close()
    assert isinstance(df, pl.DataFrame)
    return df


def new(con, name: str) -> pl.DataFrame:
    df = pl.from_arrow(run_queries._fetch_arrow(con, name, {}))
    assert isinstance(df, pl.DataFrame)
    return df


def check(con) -> None:
    for end_given in (False, True):
        for name in NAMES:
            if end_given:
                with run_queries.data_end_given(run_queries.read_data_end(con)):
                    got = new(con, name)
            else:
                got = new(con, name)
            want = old(con, name)
            assert want.schema == got.schema, (name, want.schema, got.schema)
            assert want.equals(got, null_equal=True), (name, want, got)


def test_sample_options_equal_the_statements_before(sample):
    check(sample)
    assert new(sample, "q_platforms").height > 1
    assert new(sample, "q_date_bounds")["last_date"][0] is not None


def test_empty_warehouse_options_equal_the_statements_before():
    con = connect(":memory:")
    check(con)
    assert new(con, "q_date_bounds").row(0) == (None, None)
    con.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=40),
    st.sets(st.integers(1, 8), max_size=4),
    st.booleans(),
    st.booleans(),
    # OPDs added to the list without an account or a post: their kinds are listed
    st.lists(st.tuples(st.sampled_from(["dinas", "desa", "rsud", "lainnya"]), st.booleans())),
)
def test_random_options_equal_the_statements_before(
    posts, gone_accounts, no_coverage, no_opd, new_opds
):
    con = hand_warehouse(posts)
    for n, (kind, expected) in enumerate(new_opds, start=100):
        con.execute(
            "INSERT INTO opd (opd_id, name, kind, expected_to_post) VALUES (?, ?, ?, ?)",
            [n, f"OPD {n}", kind, expected],
        )
    for account_id in gone_accounts:  # an account left out: its platform may go with it
        con.execute("DELETE FROM account WHERE account_id = ?", [account_id])
    coverage_written(con)
    if no_coverage:
        con.execute("DELETE FROM load_coverage")
        coverage_written(con)
    if no_opd:  # an OPD off the list: its accounts' platforms and posts are not listed
        with contextlib.suppress(duckdb.Error):  # a key still points at it: it stays
            con.execute("DELETE FROM opd WHERE opd_id = 6")
    check(con)
    con.close()


def test_bounds_keep_the_data_end_type_when_given_none():
    con = connect(":memory:")
    with run_queries.data_end_given(None):
        got = new(con, "q_date_bounds")
    assert got.schema == old(con, "q_date_bounds").schema
    assert got["last_date"].dtype == pl.Date
    con.close()
