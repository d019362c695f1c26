"""kpi_summary's frame built column by column (warehouse.queries.summary): the left-out lists
as one Series repeated, equal to the frame polars built from one dict per row before; and the
analyst settings read once per sharing block (warehouse.queries.run._settings)."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factory import hand_warehouse
from warehouse import analyst_settings, compare
from warehouse.queries import activity, run, summary
from warehouse.queries.filters import Filters

left = st.builds(
    compare.LeftOut,
    st.integers(1, 10_000),
    st.text(max_size=12),
    st.sampled_from(["current", "other", "both"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(left, max_size=30).map(tuple), st.integers(1, 20))
def test_left_out_column_equals_rows_of_dicts(left_out, n):
    name = "previous_left_out"
    rows = [
        {name: [{"opd_id": o.opd_id, "opd": o.opd, "missing": o.missing} for o in left_out]}
        for _ in range(n)
    ]
    before = pl.DataFrame(rows, schema={name: summary._LEFT_OUT})  # as the frame was built
    after = pl.DataFrame([summary.left_out_column(name, left_out, n)])
    assert before.schema == after.schema
    assert before.equals(after, null_equal=True)


def test_kpi_frame_types_and_rows():
    con = hand_warehouse()
    f = Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    df = summary.kpi_summary(con, f)
    assert dict(df.schema) == summary._KPI_SCHEMA
    assert df["key"].to_list() == list(summary.KPI_SUMMARY_KEYS)
    # every row the same comparison: its dates, status and left-out list
    for col in ("previous_start", "year_ago_status", "previous_left_out", "year_ago_left_out"):
        assert df[col].n_unique() == 1, col
    con.close()


def test_settings_read_once_per_sharing_block(monkeypatch):
    con = hand_warehouse()
    reads = []
    real = run.get_settings

    def counted(c):
        reads.append(1)
        return real(c)

    monkeypatch.setattr(run, "get_settings", counted)
    f = Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    with run.sharing({}):
        activity.opd_index(con, f)
        activity.inactive_opds(con, f)
        summary.kpi_summary(con, f)
    assert len(reads) == 1
    # outside a block every call reads them: a change is seen at once
    changed = analyst_settings.Settings(min_posts_per_month=7)
    analyst_settings.save_settings(con, changed)
    assert run._settings(con, None) == changed
    assert len(reads) == 2
    con.close()
