"""What the meeting pages count and say, on the hand warehouse (tests/factory.py), numbers by
hand: interactions of an OPD without interaction data are no data, not 0; a calendar day after
the data's cut-off is no data; days since the last post count from the data's end; an account
whose data stopped is "data belum diterima", not dormant; captions say what is computed."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from tests.factory import JAN, coverage_written, hand_warehouse
from ui import charts_mix, coverage_panel
from warehouse import day_counts
from warehouse.queries import activity, filters, summary
from warehouse.queries import trend as trend_queries

F = filters.Filters(*JAN)
KOTA = 4  # Kecamatan Kota: logbook rows only, no interaction counts


@pytest.fixture
def con():
    c = hand_warehouse()
    yield c
    c.close()


def _kpi(con, f) -> dict:
    return {r["key"]: r["value"] for r in summary.kpi_summary(con, f).iter_rows(named=True)}


def test_interactions_of_a_logbook_only_opd_are_no_data_not_zero(con):
    kota = filters.Filters(*JAN, opd_ids=(KOTA,))
    k = _kpi(con, kota)
    assert k["posts"] == 4
    assert k["engagement"] is None and k["engagement_per_post"] is None
    trend = trend_queries.trend(con, kota)
    assert trend.get_column("engagement").to_list() == [None]
    by_opd = {r["opd_id"]: r for r in trend_queries.engagement_by_opd(con, F).iter_rows(named=True)}
    assert by_opd[KOTA]["engagement"] is None
    # Dinkes's January posts carry counts: 10+2+1 + 20 + 5+1 + 8+2 + 30+5+5 + 40 + 12+3 = 144.
    assert by_opd[1]["engagement"] == 144
    # Every OPD together: the logbook rows add nothing, the sum is still a number.
    assert _kpi(con, F)["engagement"] == 144 + 6 + 7  # + Disdik 1+2+3, Setwan 7


def test_calendar_days_after_the_data_cut_off_are_no_data(con):
    # Disdik's only account: data 1-15 January.
    con.execute("DELETE FROM load_coverage WHERE opd_id = 2")
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) VALUES (1, 2, NULL, NULL, DATE '2026-01-01', DATE '2026-01-15',"
        " 'title')"
    )
    coverage_written(con)
    days = activity.opd_daily_counts(con, F, opd_id=2)
    assert days.height == 31
    missing = days.filter(~pl.col("has_data")).get_column("day").to_list()
    assert missing == [dt.date(2026, 1, d) for d in range(16, 32)]
    # A day with data and no post is 0 posts, with data.
    jan2 = days.filter(pl.col("day") == dt.date(2026, 1, 2)).row(0, named=True)
    assert (jan2["posts"], jan2["has_data"]) == (0, True)


def test_days_since_last_post_count_to_the_data_end_not_today(con):
    # Every load covers up to 10 February 2026 only: asked on 31 March, the days after
    # 10 February hold no data, so they are not days without a post.
    con.execute("UPDATE load_coverage SET period_end = DATE '2026-02-10'")
    coverage_written(con)
    acc = activity.account_dormancy(con, filters.Filters(*JAN), as_of=dt.date(2026, 3, 31))
    rows = {r["account_id"]: r for r in acc.iter_rows(named=True)}
    assert set(acc.get_column("data_end").to_list()) == {dt.date(2026, 2, 10)}
    assert rows[1]["data_through"] == dt.date(2026, 2, 10)
    assert rows[1]["days_since_last_post"] == 9  # last post 1 February
    # Disdik facebook: last post 8 January, 33 days before 10 February (not 82 before 31 March).
    assert rows[3]["days_since_last_post"] == 33
    assert rows[3]["status"] == "dorman"  # 30 days is the default limit


def test_an_account_whose_data_stopped_is_not_received_not_dormant(con):
    # Disdik's data stops on 15 December 2025 (a month and more before the data's end).
    con.execute("DELETE FROM load_coverage WHERE opd_id = 2")
    con.execute("DELETE FROM posts WHERE opd_id = 2 AND published_at >= DATE '2025-12-16'")
    # A hand write to posts keeps the per-day counts in step, as every writer does.
    day_counts.recount(con, [2])
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) VALUES (1, 2, NULL, NULL, DATE '2025-12-01', DATE '2025-12-15',"
        " 'title')"
    )
    coverage_written(con)
    acc = activity.account_dormancy(con, filters.Filters(*JAN), settings=None, as_of=JAN[1])
    r = acc.filter(pl.col("account_id") == 3).row(0, named=True)
    assert r["status"] == "not_received"
    assert r["days_since_last_post"] is None
    assert r["data_through"] == dt.date(2025, 12, 15)
    # Desa Sukamaju's tiktok: data in, never posted.
    assert acc.filter(pl.col("account_id") == 5).item(0, "status") == "belum_pernah"


def test_format_note_states_the_unrecorded_share():
    fmt = pl.DataFrame({"category": ["foto", "tidak_tercatat", "video"], "posts": [56, 81, 5]})
    note = charts_mix.unrecorded_note(fmt, "Kec. Cibening", col="category")
    assert "81 dari 142 postingan Kec. Cibening (57%) tidak tercatat" in note
    assert charts_mix.unrecorded_note(fmt.filter(pl.col("posts") != 81), "X", col="category") == ""


def test_trend_caption_says_what_is_computed():
    trend = pl.DataFrame(
        {
            "month": [dt.date(2026, 10, 1), dt.date(2026, 11, 1)],
            "judged_opds": [46, 33],
            "no_data_opds": [0, 13],
            "expected_opds": [46, 46],
        }
    )
    rate = coverage_panel.gap_text(trend, rate=True)
    total = coverage_panel.gap_text(trend, rate=False)
    assert "OPD yang dapat dinilai" in rate and "33/46" in rate
    assert "dapat dinilai" not in total
    assert "Jumlah dari semua OPD, dari data yang sudah diterima" in total


def test_not_judged_sentence_never_says_partial_data_did_not_arrive():
    text = coverage_panel.not_judged_text(13, 13)
    assert "baru sebagian" in text and "belum diterima" not in text
    both = coverage_panel.not_judged_text(13, 11)
    assert "11 datanya baru sebagian" in both and "2 datanya belum diterima" in both
