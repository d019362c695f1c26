"""The not-active list in one statement (q_inactive_opds.sql with each listed OPD's busiest
account) equals the list as it was made before: q_inactive_opds.sql and q_busiest_account.sql
as they were at 273a49a (kept word for word in tests/warehouse/before/q_inactive_opds_285.sql
and q_busiest_account_285.sql), joined in polars as queries.activity.inactive_opds joined them.
Every column, type, order and null; on the sample warehouse and on random hand warehouses
(posts tied to no account, ties between accounts, coverage gaps), for whole and cut periods,
several as_of days, filters and settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, vocabulary
from warehouse.queries import activity
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import judged_tables

BEFORE_DIR = Path(__file__).parent / "before"
LIST_BEFORE = (BEFORE_DIR / "q_inactive_opds_285.sql").read_text(encoding="utf-8")
BUSIEST_BEFORE = (BEFORE_DIR / "q_busiest_account_285.sql").read_text(encoding="utf-8")


def inactive_before(con, f: Filters, s, as_of: dt.date | None) -> pl.DataFrame:
    """queries.activity.inactive_opds as it was at 273a49a: two statements, joined in polars."""
    names, tables = judged_tables(con, f, s, run_queries._as_of(f, as_of))
    df = _old(con, LIST_BEFORE, {**run_queries.inactive_params(f, s, as_of), **names}, tables)
    busiest = _old(con, BUSIEST_BEFORE, f.params())
    df = df.join(busiest, on="opd_id", how="left")
    texts = vocabulary.INACTIVE_REASONS
    return df.select(
        "opd_id",
        "opd",
        "opd_kind",
        pl.col("reason_codes").list.first().alias("reason_code"),
        pl.col("reason_codes").list.first().replace_strict(texts).alias("reason"),
        pl.col("reason_codes")
        .list.eval(pl.element().replace_strict(texts))
        .list.join("; ")
        .alias("all_reasons"),
        "n_accounts",
        "has_operator",
        "operator_trained",
        "posts",
        "max_account_posts",
        "counted_posts",
        "required_posts",
        pl.lit(s.activity_rule, dtype=pl.String).alias("activity_rule"),
        "last_post_at",
        pl.col("days_since_last_post").cast(pl.Int64),
        "busiest_platform",
        "busiest_account",
        pl.col("busiest_posts").fill_null(0).cast(pl.Int64),
        pl.col("tied_accounts").fill_null(0).cast(pl.Int64),
        pl.col("n_accounts_posting").fill_null(0).cast(pl.Int64),
        pl.lit(s.dormant_days, dtype=pl.Int64).alias("dormant_days"),
    )


def check_all(con, f: Filters, s) -> int:
    """The list now and before for several as_of days; how many rows had a busiest account."""
    named = 0
    for as_of in (None, f.start, f.start + (f.end - f.start) // 2, f.end + dt.timedelta(days=40)):
        new = activity.inactive_opds(con, f, s, as_of)
        _same(inactive_before(con, f, s, as_of), new)
        named += new["busiest_account"].drop_nulls().len()
    return named


@pytest.mark.parametrize("s", [analyst_settings.Settings(), analyst_settings.Settings(
    activity_rule="opd_total", min_posts_per_month=40, dormant_days=5)])  # fmt: skip
def test_sample_list_equals_the_two_statements_before(sample, s, sample_windows):
    named = 0
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for f in sample_windows.filters:
            named += check_all(sample, f, s)
    assert named > 0  # the busiest accounts were compared, not only empty lists


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.one_of(whole, cut),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
    st.sampled_from([(1, 3, "account"), (4, 30, "account"), (6, 30, "opd_total")]),
)
def test_random_list_equals_the_two_statements_before(posts, span, platforms, kinds, ids, rule):
    minimum, dormant, activity_rule = rule
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(
        min_posts_per_month=minimum, dormant_days=dormant, activity_rule=activity_rule
    )
    check_all(con, Filters(*span, platforms, kinds, ids), s)
    con.close()


def test_one_statement_for_the_list():
    """The list and its busiest accounts are read by one statement (no q_busiest_account)."""
    con = hand_warehouse()
    data_end = run_queries.read_data_end(con)
    ran: list[str] = []
    real = run_queries._fetch_arrow

    def counted(con_, name, params, tables=None):
        ran.append(name)
        return real(con_, name, params, tables)

    run_queries._fetch_arrow = counted  # type: ignore[assignment]
    try:
        f = Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
        with run_queries.data_end_given(data_end):
            got = activity.inactive_opds(con, f, analyst_settings.Settings(min_posts_per_month=50))
    finally:
        run_queries._fetch_arrow = real  # type: ignore[assignment]
    assert got.height > 0
    # January, a whole month the data end does not cut: the months statement (h22m)
    assert ran == ["q_periods_judgement_months", "q_inactive_opds"]
    con.close()
