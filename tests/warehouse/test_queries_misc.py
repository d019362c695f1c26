"""Drill-down, example posts, campaigns, load history, filter options and the cache key."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from etl.classify import set_override
from tests.factory import JAN, coverage_written
from warehouse.queries import activity, content, drilldown, filters, summary, trend
from warehouse.queries import campaigns as campaigns_queries
from warehouse.queries import history as history_queries
from warehouse.queries import options as options_queries

F = filters.Filters(*JAN)


def test_filters_are_hashable_cache_keys():
    a = filters.Filters(*JAN, platforms=("facebook",), opd_ids=(1, 2))
    b = filters.Filters(*JAN, platforms=("facebook",), opd_ids=(1, 2))
    assert a == b and hash(a) == hash(b) and len({a, b, F}) == 2
    assert a.params()["end_excl"] == dt.date(2026, 2, 1)


def test_drilldown_returns_the_posts_behind_a_number(wh):
    kinerja = drilldown.drilldown_posts(wh, F, kinerja_only=True)
    assert kinerja.height == 12 == drilldown.drilldown_count(wh, F, kinerja_only=True)
    assert kinerja["permalink"].str.starts_with("https://example.test/").all()
    assert kinerja["published_at"].is_sorted(descending=True)
    ucapan = drilldown.drilldown_posts(wh, F, content_types=("ucapan",))
    assert ucapan.height == 5
    unlabelled = drilldown.drilldown_posts(wh, F, content_types=("belum_dilabeli",))
    assert unlabelled["post_key"].to_list() == ["p013"]
    figure = drilldown.drilldown_posts(wh, filters.Filters(*JAN, opd_ids=(2,)), figure_centric=True)
    assert sorted(figure["post_key"]) == ["p008", "p009"]


def test_drilldown_sort_whitelist_and_limit(wh):
    by_eng = drilldown.drilldown_posts(wh, F, sort_by="engagement", limit=3)
    assert by_eng.height == 3 and by_eng["engagement"].to_list() == [40, 40, 20]
    asc = drilldown.drilldown_posts(wh, F, sort_by="opd", descending=False)
    assert asc["opd"].to_list() == sorted(asc["opd"].to_list())
    with pytest.raises(ValueError):
        drilldown.drilldown_posts(wh, F, sort_by="published_at desc; drop table posts")
    assert drilldown.drilldown_posts(wh, F, limit=10**9).height == 19  # capped, not an error


def test_search_is_a_bound_value_not_sql(wh):
    assert drilldown.drilldown_count(wh, F, search="postingan p01") == 9  # p010 .. p018
    hostile = "x' OR 1=1; DROP TABLE posts; --"
    assert drilldown.drilldown_count(wh, F, search=hostile) == 0
    assert wh.execute("SELECT count(*) FROM posts").fetchone()[0] == 29


def test_example_posts_carry_the_reason(wh):
    ex = content.example_posts(wh, F, content_type="ucapan", limit=2)
    assert ex.height == 2 and set(ex["content_type"]) == {"ucapan"}
    assert ex["content_reason"].to_list() == ["aturan uji", "aturan uji"]
    assert ex["published_at"].to_list()[0] == dt.datetime(2026, 1, 31, 23, 59)
    fig = content.example_posts(wh, F, figure_centric=True)
    assert fig.height == 3


def test_manual_override_wins_everywhere(wh):
    # Through the one writer of overrides: it recounts the per-month content counts
    # (warehouse.label_counts) that the tiles read whole months from.
    set_override(wh, "p007", "kegiatan", note="cek", by="uji")
    k = {r["key"]: r["value"] for r in summary.kpi_summary(wh, F).iter_rows(named=True)}
    assert k["kinerja_share"] == pytest.approx(13 / 19)
    ex = drilldown.drilldown_posts(
        wh, filters.Filters(*JAN, opd_ids=(2,)), content_types=("kegiatan",)
    )
    assert "diubah manual: cek" in ex["content_reason"].to_list()


def test_campaign_participation(wh):
    wh.execute(
        "INSERT INTO campaign (campaign_id, name, start_date, end_date, hashtags)"
        " VALUES (1, 'Gerakan Tanam Pohon', DATE '2026-01-01', DATE '2026-01-31', ['tanampohon'])"
    )
    wh.execute(
        "INSERT INTO post_campaign (post_key, campaign_id, matched_terms)"
        " VALUES ('p000', 1, '#tanampohon'), ('p005', 1, '#tanampohon'),"
        " ('p014', 1, '#tanampohon'), ('p018', 1, '#tanampohon')"
    )  # Dinkes x2, Kec Kota, and Setwan (not expected to post)
    c = campaigns_queries.campaigns(wh).row(0, named=True)
    assert (c["posts"], c["opds_participating"]) == (4, 3)
    part = campaigns_queries.campaign_participation(wh, F, 1)
    assert part.height == 5  # expected OPDs only
    assert part.filter(~pl.col("participated"))["opd_id"].to_list() == [3, 5, 2]
    assert part.filter(pl.col("opd_id") == 1)["campaign_posts"].item() == 2
    summ = {
        r["opd_kind"]: r for r in campaigns_queries.campaign_summary(wh, F, 1).iter_rows(named=True)
    }
    assert (summ["dinas"]["participating_opds"], summ["dinas"]["expected_opds"]) == (1, 2)
    assert summ["dinas"]["participation_rate"] == 0.5
    assert summ["kecamatan"]["campaign_posts"] == 1
    # Outside the period nothing counts.
    dec = filters.Filters(dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert not campaigns_queries.campaign_participation(wh, dec, 1)["participated"].any()


def test_load_history_and_data_version(wh):
    v1 = options_queries.data_version(wh)
    h = history_queries.load_history(wh)
    assert h["file_name"].to_list() == ["rekap.xlsx"] and h["status"].to_list() == ["loaded"]
    wh.execute("UPDATE loads SET status = 'undone' WHERE load_id = 1")
    coverage_written(wh)
    v2 = options_queries.data_version(wh)
    assert v2 != v1
    wh.execute("INSERT INTO label_override (post_key, content_type) VALUES ('p001', 'ucapan')")
    assert options_queries.data_version(wh) not in (v1, v2)
    v3 = options_queries.data_version(wh)
    # A master-list reload that keeps every count: an account moved to another OPD, then an
    # OPD renamed (before session 21 the key read only the counts and stayed the same).
    moved = wh.execute("SELECT account_id, opd_id FROM account ORDER BY account_id").fetchone()
    other = wh.execute("SELECT min(opd_id) FROM opd WHERE opd_id <> ?", [moved[1]]).fetchone()[0]
    wh.execute("UPDATE account SET opd_id = ? WHERE account_id = ?", [other, moved[0]])
    v4 = options_queries.data_version(wh)
    assert v4 not in (v1, v2, v3)
    wh.execute("UPDATE opd SET name = name || ' (baru)' WHERE opd_id = ?", [other])
    assert options_queries.data_version(wh) not in (v1, v2, v3, v4)


def test_filter_options(wh):
    opts = options_queries.filter_options(wh)
    assert opts.height == 6
    assert opts.filter(pl.col("opd_id") == 1)["n_accounts"].item() == 2
    assert options_queries.platforms(wh) == ["facebook", "instagram", "tiktok"]
    assert options_queries.opd_kinds(wh) == ["badan", "desa", "dinas", "kecamatan", "sekretariat"]
    # The last bound is the data end (v_data_end): the hand load declares every day to the end
    # of 2027 (no export time to cut it at), past the newest post (1 Feb 2026).
    assert options_queries.date_bounds(wh) == (dt.date(2025, 1, 10), dt.date(2027, 12, 31))
    wh.execute("UPDATE load_coverage SET period_end = DATE '2026-01-20'")
    coverage_written(wh)
    try:  # coverage ending before the newest post: the post's day is the data end
        assert options_queries.date_bounds(wh)[1] == dt.date(2026, 2, 1)
    finally:
        wh.execute("UPDATE load_coverage SET period_end = DATE '2027-12-31'")
        coverage_written(wh)


def test_empty_warehouse_does_not_fail():
    from warehouse.db import connect

    con = connect(":memory:")
    k = summary.kpi_summary(con, F)
    assert k.filter(pl.col("key") == "activity_rate")["value"].item() is None
    assert activity.opd_index(con, F).height == 0
    assert trend.trend(con, F)["posts"].sum() == 0
    assert options_queries.date_bounds(con) == (None, None)
    assert options_queries.data_version(con) >= 0


def test_label_agreement_counts_logbook_labels_against_the_label_in_use(wh):
    # Give every third post a logbook label: 'kegiatan' (agrees where the post is kegiatan).
    wh.execute(
        "UPDATE posts SET logbook_label = 'Giat', logbook_content_type = 'kegiatan'"
        " WHERE CAST(substr(post_key, 2) AS INTEGER) % 3 = 0"
    )
    posts = wh.sql(
        "SELECT opd_id, content_type, logbook_content_type FROM posts"
        " WHERE logbook_content_type IS NOT NULL AND published_at >= $s AND published_at < $e",
        params={"s": JAN[0], "e": JAN[1] + dt.timedelta(days=1)},
    ).pl()
    expected = {
        opd_id: (g.height, int((g["content_type"] == "kegiatan").sum()))
        for (opd_id,), g in posts.group_by("opd_id")
    }
    got = content.label_agreement(wh, F)
    assert {
        r["opd_id"]: (r["labelled_posts"], r["agreeing_posts"]) for r in got.iter_rows(named=True)
    } == expected
    assert (got["agreeing_posts"] + got["disagreeing_posts"] == got["labelled_posts"]).all()
    assert got["agreement_share"].is_sorted()
    differ = content.label_disagreements(wh, F)
    assert differ.height == sum(n - same for n, same in expected.values())
    assert (differ["content_type"] != "kegiatan").all()
    # An analyst relabelling a post to the logbook's label removes the disagreement.
    from etl.classify import set_override

    set_override(wh, differ["post_key"][0], "kegiatan", by="uji", note="uji")
    assert content.label_disagreements(wh, F).height == differ.height - 1


def test_rejected_rows_of_live_loads_only(wh):
    wh.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status, loaded_at) VALUES"
        " (2, 'rekap2.xlsx', 'b2', 'loaded', TIMESTAMP '2026-02-01 10:00'),"
        " (3, 'rekap3.xlsx', 'b3', 'undone', TIMESTAMP '2026-02-02 10:00')"
    )
    wh.execute(
        "INSERT INTO rejects VALUES"
        " (2, 'rekap2.xlsx', 'Feb 26', 10, 'Tanggal', '31/02/2026', 'Tanggal tidak dapat dibaca'),"
        " (2, 'rekap2.xlsx', 'Feb 26', 4, 'Tanggal', '30/02/2026', 'Tanggal tidak dapat dibaca'),"
        " (3, 'rekap3.xlsx', NULL, 7, 'Link', 'x', 'Tautan tidak sah')"
    )
    got = history_queries.rejected_rows(wh)
    assert got.select("load_id", "row_number").rows() == [(2, 4), (2, 10)]  # undone load left out
    assert got["reason"].to_list() == ["Tanggal tidak dapat dibaca"] * 2
    assert got["total_rejected"].to_list() == [2, 2]


def test_rejected_rows_count_every_row_beyond_the_limit(wh):
    """A list cut at `limit` still says how many rows were rejected (a page showed "500" for
    any larger number)."""
    wh.execute(
        "INSERT INTO loads (load_id, file_name, sha256, status, loaded_at) VALUES"
        " (2, 'rekap2.xlsx', 'b2', 'loaded', TIMESTAMP '2026-02-01 10:00')"
    )
    wh.execute(
        "INSERT INTO rejects SELECT 2, 'rekap2.xlsx', 'Feb 26', i, 'Tanggal', 'x', 'tidak sah'"
        " FROM range(1, 8) t(i)"
    )
    got = history_queries.rejected_rows(wh, limit=3)
    assert got["row_number"].to_list() == [1, 2, 3]
    assert got["total_rejected"].to_list() == [7, 7, 7]
