"""The kecamatan roll-up reading the OPDs through scoped_opd_table (the opd table's own
columns) equals the roll-up as it read them before through v_opd_profile: q_kecamatan_rollup.sql
as it was at 273a49a, kept word for word in tests/warehouse/before/q_kecamatan_rollup_285.sql.
Every column, type, order and null; on the sample warehouse (its kecamatan with their desa) and
on random hand warehouses with random parents, kinds, expected flags, posts and filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import hand_warehouse
from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_properties import post
from warehouse import analyst_settings, periods
from warehouse.queries import activity, options
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters
from warehouse.queries.judgement import judged_tables

BEFORE = (Path(__file__).parent / "before" / "q_kecamatan_rollup_285.sql").read_text("utf-8")


def rollup_before(con, f: Filters, s):
    names, tables = judged_tables(con, f, s)
    params = {**f.params(), **run_queries._activity_params(s), **names}
    return _old(con, BEFORE, params, tables)


def check(con, f: Filters, s) -> int:
    new = activity.kecamatan_rollup(con, f, s)
    _same(rollup_before(con, f, s), new)
    return new.height


def test_sample_rollup_equals_the_statement_before(sample):
    first, last = options.date_bounds(sample)
    assert first is not None and last is not None
    month = last.replace(day=1)
    half = periods.add_months(month, -5)
    rows = 0
    with run_queries.data_end_given(run_queries.read_data_end(sample)):
        for s in (
            analyst_settings.Settings(),
            analyst_settings.Settings(activity_rule="opd_total"),
        ):
            for f in (
                Filters(half, month - dt.timedelta(days=1)),
                Filters(half + dt.timedelta(days=9), last - dt.timedelta(days=3)),
                Filters(half, last, platforms=("instagram",)),
                Filters(half, last, opd_kinds=("desa",)),
                Filters(half, last, opd_kinds=("kecamatan", "dinas")),
                Filters(last, last),
            ):
                rows += check(sample, f, s)
    assert rows > 0  # the sample has kecamatan with desa: rows were compared


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=40),
    st.one_of(whole, cut),
    # parents of OPDs 1..6 (None or an OPD id), kinds of OPDs 1..3, expected flags of 4..6
    st.lists(st.one_of(st.none(), st.integers(1, 6)), min_size=6, max_size=6),
    st.lists(st.sampled_from(["dinas", "kecamatan", "desa", "kelurahan"]), min_size=3, max_size=3),
    st.lists(st.booleans(), min_size=3, max_size=3),
    st.sampled_from([((), (), ()), (("instagram",), (), ()), ((), ("desa", "kecamatan"), ()),
                     ((), (), (4, 5)), (("facebook", "tiktok"), ("kelurahan", "desa"), ())]),
)  # fmt: skip
def test_random_rollup_equals_the_statement_before(posts, span, parents, kinds, expected, fil):
    con = hand_warehouse(posts)
    for opd_id, parent in enumerate(parents, start=1):
        con.execute("update opd set parent_opd_id = ? where opd_id = ?", [parent, opd_id])
    for opd_id, kind in enumerate(kinds, start=1):
        con.execute("update opd set kind = ? where opd_id = ?", [kind, opd_id])
    for opd_id, flag in enumerate(expected, start=4):
        con.execute("update opd set expected_to_post = ? where opd_id = ?", [flag, opd_id])
    s = analyst_settings.Settings(min_posts_per_month=2)
    check(con, Filters(*span, *fil), s)
    con.close()
