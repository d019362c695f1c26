"""What the "statement before vs statement now" tests share: running a kept old statement on a
warehouse, comparing two frames, the full parameter set a q_ file may name, and the hypothesis
strategies of hand warehouses' coverage, periods, data ends, filter scopes and rules.

A speed change to a statement keeps the old text under tests/warehouse/before/ and compares
old and new with these on the sample and on generated warehouses (docs/speed-history.md).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import polars as pl
from hypothesis import strategies as st

from warehouse import analyst_settings, periods


def run(con, sql: str, params: dict[str, Any], tables: dict[str, Any]) -> pl.DataFrame:
    """`sql` with the parameters it names bound (as warehouse.queries.run binds them) and the
    relations registered on its own cursor; the frame with DuckDB's own column types."""
    used = set(re.findall(r"\$([A-Za-z_]\w*)", sql))
    cur = con.cursor()
    try:
        for name, table in tables.items():
            cur.register(name, table)
        cur.execute(sql, {k: v for k, v in params.items() if k in used})
        df = pl.from_arrow(cur.to_arrow_table())
    finally:
        cur.close()
    assert isinstance(df, pl.DataFrame)
    return df


def minimum_from_its_definition(con, suffix: str) -> None:
    """Make a kept old macro set's bucket_minimum (`bucket_minimum<suffix>`) read the minimum
    from its one definition (views/030's bucket_minimum). The old statements are kept to test
    their rewrites, not the rule: the rule changed on purpose in session 21 (a month or week
    cell the chosen period cuts is judged on its share of the minimum, as the period is), and
    every old statement must now agree with the new one on that rule too."""
    con.execute(
        f"CREATE OR REPLACE MACRO bucket_minimum{suffix}(bucket, start_d, judged_end_d, "
        "per_month, per_week, bucket_start_d, data_end) AS bucket_minimum(bucket, start_d, "
        "judged_end_d, per_month, per_week, bucket_start_d, data_end)"
    )


def same(old: pl.DataFrame, new: pl.DataFrame, what: Any) -> None:
    """Equal schema and equal rows in the same order (nulls equal)."""
    assert old.schema == new.schema, (what, old.schema, new.schema)
    assert old.equals(new, null_equal=True), (what, old, new)


def parameters(
    start: dt.date,
    end: dt.date,
    filters: tuple[tuple, tuple, tuple],
    s: analyst_settings.Settings,
    data_end: dt.date | None,
    as_of: dt.date,
) -> dict[str, Any]:
    """Every parameter a q_ file may name, for the period start..end (inclusive) and the
    scope `filters` = (platforms, OPD kinds, OPD ids)."""
    platforms, kinds, opd_ids = filters
    end_excl = end + dt.timedelta(days=1)
    month_ago = (periods.add_months(start, -1), start)
    return {
        "start": start, "end_excl": end_excl, "platforms": list(platforms),
        "opd_kinds": list(kinds), "opd_ids": list(opd_ids), "data_end": data_end,
        "min_per_month": s.min_posts_per_month, "min_per_week": s.min_posts_per_week,
        "activity_rule": s.activity_rule, "target_per_month": s.target_posts_per_month,
        "expected_only": True, "w_frequency": s.w_frequency, "w_consistency": s.w_consistency,
        "w_kinerja": s.w_kinerja, "w_platform": s.w_platform, "w_engagement": s.w_engagement,
        "grade_very_good": s.grade_very_good, "grade_good": s.grade_good,
        "grade_fair": s.grade_fair, "dormant_days": s.dormant_days, "as_of": as_of,
        "deadline_day": s.collection_deadline_day, "today": as_of + dt.timedelta(days=9),
        "starts": [start, month_ago[0]], "ends_excl": [end_excl, month_ago[1]],
        "by_kind": False, "grain": "month", "by": "none", "campaign_id": 1,
        "dimension": "content", "opd_id": opd_ids[0] if opd_ids else 1,
        "counted_before": None, "by_platform": False, "bucket": "period",
        "buckets": ["period", "month"], "sets": [[], [1, 4]], "months": False,
    }  # fmt: skip


# The analyst settings every sample test runs under: the defaults, and the other activity rule
# with other minimums.
BOTH_RULES = [
    analyst_settings.Settings(),
    analyst_settings.Settings(
        activity_rule="opd_total", min_posts_per_month=12, min_posts_per_week=3
    ),
]

# Coverage spans of a hand warehouse (tests.factory.coverage_spans_written): (opd_id, platform
# or None, account_id or None, first day, days). A logbook row (platform None) covers every
# account of its OPD; spans may leave days or accounts out.
span = st.tuples(
    st.sampled_from([1, 2, 3, 4, 5, 6]),
    st.sampled_from([None, "facebook", "instagram", "tiktok"]),
    st.sampled_from([None, None, 1, 2, 3, 4, 5, 6]),
    st.dates(dt.date(2025, 11, 15), dt.date(2026, 2, 15)),
    st.integers(0, 75),
)
# A period: (first day, days after it).
period = st.tuples(st.dates(dt.date(2025, 11, 20), dt.date(2026, 2, 20)), st.integers(0, 100))
# The data end: the warehouse's own (None), or a day this many days after the period's start
# (often cutting it).
data_end_after_start = st.one_of(st.none(), st.integers(-15, 110))
# Filter scopes: (platforms, OPD kinds, OPD ids).
scope = st.sampled_from(
    [
        ((), (), ()),
        (("instagram",), (), ()),
        ((), ("dinas", "desa"), ()),
        ((), (), (1, 4)),
        (("facebook", "tiktok"), (), (5, 6)),
    ]
)  # fmt: skip
rule = st.sampled_from(["account", "opd_total"])
# Whole calendar months: the first month (Dec 2025 + k) and how many (whole_months_period).
whole_months = st.tuples(st.integers(0, 2), st.integers(1, 3))
# An account moved to another OPD before judging (test_judgement_months.moved): (account,
# OPD), or none.
account_move = st.one_of(st.none(), st.tuples(st.integers(1, 6), st.sampled_from([1, 2, 4, 6])))


def whole_months_period(k: int, n: int) -> tuple[dt.date, dt.date]:
    """(first, last day) of n whole months from Dec 2025 + k months (whole_months)."""
    start = periods.add_months(dt.date(2025, 12, 1), k)
    return start, periods.add_months(start, n) - dt.timedelta(days=1)
