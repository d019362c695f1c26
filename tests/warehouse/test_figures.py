"""A figure and the list it summarises come from one definition: the Keaktifan tiles recount
queries.activity.opd_index and queries.activity.inactive_opds, the campaign tiles recount
queries.campaigns.campaign_participation, under any settings and period."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factory import hand_warehouse
from warehouse import analyst_settings, figures, vocabulary
from warehouse.queries import activity, campaigns, filters

_WH = hand_warehouse()
_FIRST = dt.date(2025, 12, 1)

periods = st.tuples(st.integers(0, 80), st.integers(0, 60)).map(
    lambda t: (_FIRST + dt.timedelta(days=t[0]), _FIRST + dt.timedelta(days=t[0] + t[1]))
)
rules = st.builds(
    analyst_settings.Settings,
    min_posts_per_month=st.integers(1, 8),
    activity_rule=st.sampled_from(sorted(vocabulary.ACTIVITY_RULES)),
    dormant_days=st.integers(1, 60),
    target_posts_per_month=st.integers(1, 20),
    grade_very_good=st.floats(50, 90),
    grade_good=st.floats(30, 50),
    grade_fair=st.floats(0, 30),
)
kinds = st.sampled_from([(), ("dinas",), ("kecamatan", "desa")])


@settings(max_examples=15, deadline=None)
@given(periods, rules, kinds)
def test_keaktifan_figures_recount_the_lists(period, s, opd_kinds):
    f = filters.Filters(*period, opd_kinds=opd_kinds)
    as_of = period[1]
    idx = activity.opd_index(_WH, f, s)
    inactive = activity.inactive_opds(_WH, f, s, as_of=as_of)
    got = figures.keaktifan_figures(_WH, f, s, as_of=as_of).row(0, named=True)
    assert got["expected_opds"] == idx.height
    assert got["judged_opds"] == idx.filter(pl.col("activity_status") != "no_data").height
    assert got["active_opds"] == idx.get_column("is_active").sum()
    assert got["inactive_opds"] == inactive.height
    assert got["kurang_opds"] == idx.filter(pl.col("grade") == "Kurang").height
    mean = idx.get_column("index_score").mean()
    if mean is None:
        assert got["mean_index"] is None
    else:
        assert got["mean_index"] == mean

    counts = figures.inactive_reason_counts(_WH, f, s, as_of=as_of)
    recount = inactive.group_by("reason_code").agg(pl.len().cast(pl.Int64).alias("opds"))
    assert dict(counts.iter_rows()) == dict(recount.iter_rows())
    assert counts.get_column("opds").to_list() == sorted(counts.get_column("opds"), reverse=True)


def test_the_hand_warehouse_has_something_to_count():
    # January 2026 (tests/factory.py): three expected OPDs are not active, for three reasons.
    f = filters.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    got = figures.keaktifan_figures(_WH, f, as_of=dt.date(2026, 1, 31)).row(0, named=True)
    assert (got["active_opds"], got["inactive_opds"]) == (2, 3)
    counts = dict(figures.inactive_reason_counts(_WH, f, as_of=dt.date(2026, 1, 31)).iter_rows())
    assert counts == {"untrained_operator": 1, "no_operator": 1, "dormant": 1}


def test_campaign_totals_recount_the_participation_rows():
    con = hand_warehouse()
    con.execute(
        "INSERT INTO campaign (campaign_id, name, start_date, end_date)"
        " VALUES (1, 'Gerakan Uji', DATE '2026-01-01', DATE '2026-01-31')"
    )
    # Two January posts of OPD 1 and one of OPD 2 are tagged for the campaign.
    for opd, n in ((1, 2), (2, 1)):
        con.execute(
            "INSERT INTO post_campaign (post_key, campaign_id) SELECT post_key, 1 FROM posts"
            " WHERE opd_id = ? AND published_at < DATE '2026-02-01' ORDER BY post_key LIMIT ?",
            [opd, n],
        )
    around = filters.Filters(dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert figures.campaign_totals(con, around, 1).row(0, named=True)["campaign_posts"] == 3
    for f in (around, filters.Filters(dt.date(2027, 1, 1), dt.date(2027, 1, 31))):
        part = campaigns.campaign_participation(con, f, 1)
        got = figures.campaign_totals(con, f, 1).row(0, named=True)
        assert got["expected_opds"] == part.height
        assert got["participating_opds"] == part.get_column("participated").sum()
        assert got["campaign_posts"] == part.get_column("campaign_posts").sum()
        assert got["participation_rate"] == got["participating_opds"] / part.height
    assert got["participating_opds"] == 0  # 2027: no post at all
