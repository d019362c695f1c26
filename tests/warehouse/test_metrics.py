"""Activity, content shares, engagement and period comparisons against hand-computed numbers
and the plain-Python reference (tests/warehouse/reference.py)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from tests.factory import JAN
from tests.warehouse import reference as ref
from warehouse import analyst_settings, metrics, periods
from warehouse.db import connect
from warehouse.queries import activity as activity_queries
from warehouse.queries import content as content_queries
from warehouse.queries import filters, options, summary, trend

F = filters.Filters(*JAN)


def kpis(df):
    return {r["key"]: r for r in df.iter_rows(named=True)}


def test_kpi_tiles_january_by_hand(wh):
    k = kpis(summary.kpi_summary(wh, F))
    # Active: Dinkes (5 on facebook) and Kecamatan Kota (4 logbook facebook rows); BKD has 4
    # posts but only 2 on any one account; Setwan is not expected to post.
    assert k["expected_opds"]["value"] == 5
    assert k["active_opds"]["value"] == 2
    assert k["activity_rate"]["value"] == pytest.approx(2 / 5)
    assert k["posts"]["value"] == 19
    # kinerja: 4 Dinkes fb + 1 Dinkes ig + 1 Disdik + 2 BKD + 3 Kec + 1 Setwan = 12
    assert k["kinerja_share"]["value"] == pytest.approx(12 / 19)
    assert k["ucapan_share"]["value"] == pytest.approx(5 / 19)
    assert k["figure_share"]["value"] == pytest.approx(3 / 19)
    assert k["engagement"]["value"] == 13 + 20 + 6 + 10 + 40 + 40 + 15 + 1 + 2 + 3 + 7
    assert k["engagement_per_reach"]["value"] == pytest.approx(83 / 780)
    assert k["engagement_per_reach"]["year_ago_value"] is None  # no reach known
    # Badan Keuangan (no name, no phone, training not stated): no operator. Desa Sukamaju
    # (blank name, "Sudah pelatihan: Ya") has an unnamed operator: not counted.
    assert k["opds_without_operator"]["value"] == 1
    assert all(k[key]["label"] == metrics.KPIS[key].label for key in k)


def test_period_comparisons(wh):
    k = kpis(summary.kpi_summary(wh, F))
    rate = k["activity_rate"]
    # December 2025: only Dinkes reached 4 on one account (Disdik 3, BKD 1) -> 1/5.
    assert (rate["previous_start"], rate["previous_end"]) == (
        dt.date(2025, 12, 1),
        dt.date(2025, 12, 31),
    )
    assert rate["previous_value"] == pytest.approx(0.2)
    assert rate["change_previous"] == pytest.approx(0.2)
    # January 2025: one post -> 0 active.
    assert (rate["year_ago_start"], rate["year_ago_end"]) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 31),
    )
    assert rate["year_ago_value"] == pytest.approx(0.0)
    assert rate["change_year_ago"] == pytest.approx(0.4)
    assert k["posts"]["previous_value"] == 8
    assert k["posts"]["year_ago_value"] == 1
    assert k["kinerja_share"]["previous_value"] == pytest.approx(3 / 8)
    assert k["engagement_per_post"]["year_ago_value"] == pytest.approx(100.0)


def test_activity_rate_per_kind_matches_reference(wh):
    got = {r["opd_kind"]: r for r in activity_queries.activity_by_kind(wh, F).iter_rows(named=True)}
    want = ref.by_kind_activity(*JAN, required=4)
    assert {k: (r["active_opds"], r["expected_opds"]) for k, r in got.items()} == want
    assert want == {"dinas": (1, 2), "badan": (0, 1), "kecamatan": (1, 1), "desa": (0, 1)}
    assert got["dinas"]["activity_rate"] == pytest.approx(0.5)
    assert {r["required_posts"] for r in got.values()} == {4}


def test_threshold_setting_changes_activity(wh):
    s = analyst_settings.Settings(min_posts_per_month=2)
    k = kpis(summary.kpi_summary(wh, F, s))
    # With 2 a month: Dinkes, Disdik (3), BKD (2 on instagram), Kec Kota -> 4 of 5.
    assert k["active_opds"]["value"] == 4 == len(ref.active_opds(*JAN, required=2))
    analyst_settings.save_settings(wh, s)
    assert kpis(summary.kpi_summary(wh, F))["active_opds"]["value"] == 4


def test_platform_and_kind_filters(wh):
    f = filters.Filters(*JAN, platforms=("instagram",))
    k = kpis(summary.kpi_summary(wh, f))
    assert k["posts"]["value"] == len(ref.posts_in(*JAN, platforms=("instagram",))) == 6
    assert k["active_opds"]["value"] == 0
    f = filters.Filters(*JAN, opd_kinds=("dinas",))
    k = kpis(summary.kpi_summary(wh, f))
    assert (k["active_opds"]["value"], k["expected_opds"]["value"]) == (1, 2)
    assert k["posts"]["value"] == 10
    f = filters.Filters(*JAN, opd_ids=(4,))
    assert kpis(summary.kpi_summary(wh, f))["activity_rate"]["value"] == 1.0


def test_activity_trend_by_month_and_kind(wh):
    f = filters.Filters(dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    t = activity_queries.activity_trend(wh, f)
    assert t["month"].to_list() == [dt.date(2025, 12, 1), dt.date(2026, 1, 1)]
    assert t["activity_rate"].to_list() == pytest.approx([0.2, 0.4])
    assert t["posts"].to_list() == [8, 18]  # Setwan's post is not an expected OPD's post
    by_kind = activity_queries.activity_trend(wh, f, by_kind=True).filter(
        pl.col("opd_kind") == "dinas"
    )
    assert by_kind["active_opds"].to_list() == [1, 1]
    assert by_kind["expected_opds"].to_list() == [2, 2]


def _minimum(con, start: dt.date, end: dt.date, per_month: int = 4) -> int:
    """The activity minimum the warehouse applies to [start, end] (views/030)."""
    sql = "SELECT activity_minimum('period', ?, ?, ?, 1, (SELECT data_end FROM v_data_end))"
    return con.execute(sql, [start, end + dt.timedelta(days=1), per_month]).fetchone()[0]


def test_required_posts_scaling_rule():
    con = connect(":memory:")
    assert _minimum(con, dt.date(2026, 2, 1), dt.date(2026, 2, 28)) == 4
    assert _minimum(con, dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == 12
    assert _minimum(con, dt.date(2026, 1, 5), dt.date(2026, 1, 11)) == 1
    assert _minimum(con, dt.date(2026, 1, 1), dt.date(2026, 1, 15)) == 2
    assert _minimum(con, dt.date(2026, 1, 10), dt.date(2026, 2, 20)) == 6  # 42 days
    assert _minimum(con, dt.date(2025, 12, 1), dt.date(2026, 1, 31), per_month=3) == 6


def test_the_minimum_every_query_reports_is_the_rule(wh):
    s = analyst_settings.Settings(min_posts_per_month=5)
    f = filters.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 20))  # 20 days: ceil(5 x 20 / 30) = 4
    assert set(activity_queries.opd_index(wh, f, s)["required_posts"]) == {4}
    assert set(activity_queries.activity_by_kind(wh, f, s)["required_posts"]) == {4}
    assert set(activity_queries.inactive_opds(wh, f, s)["required_posts"]) == {4}
    # The grid's January holds the period's 20 days: its share too (before session 21: 5)
    assert set(activity_queries.opd_month_heatmap(wh, f, s)["required_posts"]) == {4}
    whole = filters.Filters(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert set(activity_queries.opd_month_heatmap(wh, whole, s)["required_posts"]) == {5}


def test_previous_and_year_ago_periods():
    assert periods.previous_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == (
        dt.date(2026, 2, 1), dt.date(2026, 2, 28))  # fmt: skip
    assert periods.previous_period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == (
        dt.date(2025, 10, 1), dt.date(2025, 12, 31))  # fmt: skip
    assert periods.previous_period(dt.date(2026, 1, 10), dt.date(2026, 1, 16)) == (
        dt.date(2026, 1, 3), dt.date(2026, 1, 9))  # fmt: skip
    assert periods.year_ago_period(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == (
        dt.date(2023, 2, 1), dt.date(2023, 2, 28))  # fmt: skip
    assert periods.year_ago_period(dt.date(2024, 2, 29), dt.date(2024, 3, 5)) == (
        dt.date(2023, 2, 28), dt.date(2023, 3, 5))  # fmt: skip


def test_content_mix_and_shares(wh):
    mix = {r["content_type"]: r for r in content_queries.content_mix(wh, F).iter_rows(named=True)}
    assert mix["kegiatan"]["posts"] == 7 and mix["kegiatan"]["is_kinerja"]
    assert mix["belum_dilabeli"]["posts"] == 1 and not mix["belum_dilabeli"]["is_kinerja"]
    assert sum(r["posts"] for r in mix.values()) == 19
    assert sum(r["share"] for r in mix.values()) == pytest.approx(1.0)
    share = content_queries.content_share_by_opd(wh, F)
    assert share["opd"].to_list()[0] == "Dinas Pendidikan"  # 2 of 3 ucapan: highest
    disdik = share.row(0, named=True)
    assert (disdik["ucapan_share"], disdik["figure_share"]) == pytest.approx((2 / 3, 2 / 3))
    by_kinerja = content_queries.content_share_by_opd(wh, F, sort_by="kinerja_share")
    assert by_kinerja["kinerja_share"].to_list() == sorted(
        by_kinerja["kinerja_share"], reverse=True
    )
    with pytest.raises(ValueError):
        content_queries.content_share_by_opd(wh, F, sort_by="posts; drop table posts")


def test_content_mix_by_opd_and_over_time(wh):
    by_opd = content_queries.content_mix_by_opd(wh, F)
    dinkes = by_opd.filter(pl.col("opd_id") == 1)
    assert dict(zip(dinkes["content_type"], dinkes["posts"], strict=True)) == {
        "capaian": 1, "informasi": 1, "kegiatan": 2, "layanan": 1, "ucapan": 2}  # fmt: skip
    assert dinkes["share"].sum() == pytest.approx(1.0)
    over = content_queries.content_mix_over_time(
        wh, filters.Filters(dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    )
    dec = over.filter(pl.col("period_start") == dt.date(2025, 12, 1))
    assert dict(zip(dec["content_type"], dec["posts"], strict=True)) == {"kegiatan": 3, "ucapan": 5}
    fig = content_queries.figure_share_trend(wh, F)
    assert fig.row(0, named=True)["figure_posts"] == 3


def test_engagement_per_opd_and_reach(wh):
    e = {r["opd_id"]: r for r in trend.engagement_by_opd(wh, F).iter_rows(named=True)}
    assert e[1]["engagement"] == 144 and e[1]["engagement_per_post"] == pytest.approx(144 / 7)
    # Reach known on 4 Dinkes facebook posts: 100 + 200 + 80 + 400; their engagement 13+20+10+40.
    assert e[1]["reach"] == 780 and e[1]["posts_with_reach"] == 4
    assert e[1]["engagement_per_reach"] == pytest.approx(83 / 780)
    # Kecamatan Kota reports by logbook only: no interaction data, so none ("-"), never 0.
    assert e[4]["engagement"] is None and e[4]["engagement_per_reach"] is None
    top = trend.top_posts(wh, F, n=2)
    assert top["engagement"].to_list() == [40, 40]
    assert top["engagement_per_reach"].to_list()[0] == pytest.approx(40 / 400)
    assert top["post_key"].to_list() == ["p004", "p005"]  # tie broken by newest first


def test_trend_by_platform_week(wh):
    t = trend.trend(wh, F, grain="week", by="platform")
    weeks = sorted(set(t["period_start"]))
    assert weeks == ref.mondays(*JAN)
    fb = t.filter(pl.col("group") == "facebook").sort("period_start")
    want = [sum(1 for p in ref.posts_in(*JAN, platforms=("facebook",))
                if p["at"].date() - dt.timedelta(days=p["at"].weekday()) == w) for w in weeks]  # fmt: skip
    assert fb["posts"].to_list() == want
    assert t["posts"].sum() == 19
    none = trend.trend(wh, F, grain="month")
    assert none.row(0, named=True)["group"] == "semua"
    assert none.row(0, named=True)["active_opds"] == 2  # Dinkes, Kec Kota (Setwan posts once)
    with pytest.raises(ValueError):
        trend.trend(wh, F, grain="hour")


def test_trend_zero_fills_periods(wh):
    t = trend.trend(wh, filters.Filters(dt.date(2025, 11, 1), dt.date(2026, 1, 31)), by="opd_kind")
    assert len(set(t["period_start"])) == 3
    nov = t.filter(pl.col("period_start") == dt.date(2025, 11, 1))
    assert nov["posts"].sum() == 0 and nov.height == t["group"].n_unique()


def test_trend_comparison_year_ago(wh):
    t = trend.trend_comparison(wh, F)
    row = t.row(0, named=True)
    assert (row["posts"], row["year_ago_posts"]) == (19, 1)
    assert row["year_ago_start"] == dt.date(2025, 1, 1)
    assert row["year_ago_engagement"] == 100


def test_trend_comparison_before_first_post_is_null_not_zero(wh):
    first, _ = options.date_bounds(wh)
    # A window whose year-ago half lies wholly before the first post in the warehouse.
    start = dt.date(first.year + 1, first.month, 1) - dt.timedelta(days=31)
    f = filters.Filters(start.replace(day=1), first.replace(year=first.year + 1))
    t = trend.trend_comparison(wh, f)
    before = t.filter(pl.col("year_ago_start") < first.replace(day=1))
    assert before.height >= 1
    assert before["year_ago_posts"].null_count() == before.height
    covered = t.filter(pl.col("year_ago_start") >= first.replace(day=1))
    assert covered["year_ago_posts"].null_count() == 0


def test_daily_counts_for_calendar(wh):
    d = activity_queries.opd_daily_counts(wh, F, opd_id=4)
    assert d.height == 31 and d["posts"].sum() == 4
    last = d.row(30, named=True)
    assert (last["day"], last["posts"], last["weekday"]) == (dt.date(2026, 1, 31), 1, 5)  # Sabtu
    assert d.filter(pl.col("day") == dt.date(2026, 1, 15))["kinerja_posts"].item() == 1


def test_heatmap_is_zero_filled(wh):
    f = filters.Filters(dt.date(2025, 12, 1), dt.date(2026, 1, 31))
    h = activity_queries.opd_month_heatmap(wh, f)
    assert h.height == 5 * 2
    disdik = h.filter(pl.col("opd_id") == 2).sort("month")
    assert disdik["posts"].to_list() == [3, 3] and disdik["is_active"].to_list() == [False, False]
    kec = h.filter(pl.col("opd_id") == 4).sort("month")
    assert kec["posts"].to_list() == [0, 4] and kec["is_active"].to_list() == [False, True]


@pytest.mark.parametrize(
    ("name", "phone", "trained", "without"),
    [
        (None, None, None, True),
        ("  ", None, False, True),  # "Belum pelatihan" says nothing about who the operator is
        ("Ani", None, None, False),
        (None, "0812", None, False),  # a phone to call: an operator, name missing
        ("", None, True, False),  # trained: an operator, name missing
    ],
)
def test_an_opd_is_without_operator_only_when_the_master_list_shows_none(
    wh, name, phone, trained, without
):
    wh.execute(
        "UPDATE opd SET operator_name = ?, operator_phone = ?, operator_trained = ? "
        "WHERE opd_id = 3",
        [name, phone, trained],
    )
    k = kpis(summary.kpi_summary(wh, F))
    # Only Badan Keuangan (opd 3) can count: the others name their operator or were trained.
    assert k["opds_without_operator"]["value"] == int(without)
