"""Not-active OPDs with their reasons, and dormant accounts (days since the last post)."""

from __future__ import annotations

import datetime as dt

from tests.factory import JAN
from warehouse import analyst_settings, vocabulary
from warehouse.queries import activity, filters

F = filters.Filters(*JAN)
R = vocabulary.INACTIVE_REASONS


def test_inactive_opds_and_reasons(wh):
    df = activity.inactive_opds(wh, F, as_of=dt.date(2026, 1, 31))
    got = {r["opd_id"]: r for r in df.iter_rows(named=True)}
    assert set(got) == {2, 3, 5}  # Dinkes and Kec Kota are active; Setwan is not expected
    disdik, bkd, desa = got[2], got[3], got[5]
    assert disdik["reason_code"] == "untrained_operator"
    assert disdik["all_reasons"] == f"{R['untrained_operator']}; {R['below_minimum']}"
    assert (disdik["days_since_last_post"], disdik["posts"]) == (23, 3)  # 8 -> 31 January
    assert bkd["reason_code"] == "no_operator"
    assert (bkd["posts"], bkd["max_account_posts"], bkd["required_posts"]) == (4, 2, 4)
    assert bkd["days_since_last_post"] == 11
    # Desa: blank operator name but "Sudah pelatihan: Ya": someone was trained, so it has an
    # operator whose name is missing (a contradiction for Pengaturan), not "no operator".
    assert desa["reason_code"] == "dormant"
    assert desa["all_reasons"] == "; ".join([R["dormant"], R["below_minimum"]])
    assert desa["last_post_at"] is None and desa["days_since_last_post"] is None
    assert desa["reason"] == R["dormant"]


def test_no_account_and_dormant_reasons(wh):
    # February 2026 (as of 28 Feb): Kec Kota has no account and no February post.
    feb = filters.Filters(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    got = {r["opd_id"]: r for r in activity.inactive_opds(wh, feb).iter_rows(named=True)}
    kec = got[4]
    assert kec["reason_code"] == "no_account" and kec["n_accounts"] == 0
    # Last post 31 Jan 23:59 -> 28 days before 28 Feb: not yet dormant (30 days).
    assert kec["days_since_last_post"] == 28
    assert R["dormant"] not in kec["all_reasons"]
    # Dinkes posted once on 1 Feb (below 4) with a trained operator: only below_minimum.
    assert got[1]["reason_code"] == "below_minimum"
    # Disdik: last post 8 Jan -> 51 days: dormant after the untrained operator.
    assert got[2]["all_reasons"].split("; ")[:2] == [R["untrained_operator"], R["dormant"]]
    assert got[2]["days_since_last_post"] == 51


def test_as_of_defaults_to_period_end(wh):
    df = activity.inactive_opds(wh, F)  # F ends 31 Jan 2026, before today
    assert {r["opd_id"]: r["days_since_last_post"] for r in df.iter_rows(named=True)}[2] == 23


def test_account_dormancy(wh):
    df = activity.account_dormancy(wh, F, as_of=dt.date(2026, 1, 31))
    got = {r["account_id"]: r for r in df.iter_rows(named=True)}
    assert set(got) == {1, 2, 3, 4, 5, 6}
    assert got[5]["status"] == "belum_pernah" and got[5]["days_since_last_post"] is None
    assert df["account_id"].to_list()[0] == 5  # never posted first
    assert (got[1]["days_since_last_post"], got[1]["posts_in_period"]) == (8, 5)
    assert (got[3]["days_since_last_post"], got[3]["status"]) == (23, "aktif")
    # The 1 Feb post is after as_of: it does not count. The hand warehouse's loads cover every
    # day to 2027, so the days up to as_of are days of data without a post.
    later = activity.account_dormancy(wh, F, as_of=dt.date(2026, 3, 15))
    g = {r["account_id"]: r for r in later.iter_rows(named=True)}
    assert (g[1]["days_since_last_post"], g[1]["status"]) == (42, "dorman")
    assert g[1]["data_through"] == dt.date(2026, 3, 15)
    s = analyst_settings.Settings(dormant_days=60)
    assert activity.account_dormancy(wh, F, s, as_of=dt.date(2026, 3, 15)).filter(
        q_account(1))["status"].item() == "aktif"  # fmt: skip


def q_account(account_id: int):
    import polars as pl

    return pl.col("account_id") == account_id


def test_inactive_rows_name_the_busiest_account(wh):
    got = {r["opd_id"]: r for r in activity.inactive_opds(wh, F).iter_rows(named=True)}
    bkd, desa = got[3], got[5]
    # BKD: 4 posts, 2 on each of two accounts: the rule judges one account (2 of 4 needed).
    assert (bkd["busiest_posts"], bkd["max_account_posts"], bkd["posts"]) == (2, 2, 4)
    assert bkd["tied_accounts"] == 2 and bkd["busiest_platform"] in ("facebook", "instagram")
    assert (desa["busiest_posts"], desa["busiest_platform"], desa["tied_accounts"]) == (0, None, 0)
    assert {r["dormant_days"] for r in got.values()} == {analyst_settings.Settings().dormant_days}


def test_platform_filter_names_the_missing_platform_account_not_a_missing_official_one(wh):
    # TikTok only, January: Dinkes, Disdik and BKD have official accounts on other platforms,
    # Kec Kota has none anywhere, Desa's TikTok never posted. A letter must not tell Dinkes it
    # has no official account, nor any OPD without a TikTok account that its account sleeps.
    tiktok = filters.Filters(*JAN, platforms=("tiktok",))
    got = {
        r["opd_id"]: r["all_reasons"].split("; ")
        for r in activity.inactive_opds(wh, tiktok, as_of=dt.date(2026, 1, 31)).iter_rows(
            named=True
        )
    }
    assert set(got) == {1, 2, 3, 4, 5}
    for opd_id in (1, 2, 3):
        assert got[opd_id][0] == R["no_account_platform"], got[opd_id]
        assert R["no_account"] not in got[opd_id] and R["dormant"] not in got[opd_id]
    assert got[4][0] == R["no_account"] and R["dormant"] not in got[4]
    assert R["dormant"] in got[5]  # its TikTok account exists and never posted


def test_an_opd_with_no_account_at_all_is_never_called_dormant(wh):
    # March 2026: Kec Kota's last logbook row is 31 Jan (> 30 days): still no account to sleep.
    mar = filters.Filters(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    got = {r["opd_id"]: r for r in activity.inactive_opds(wh, mar).iter_rows(named=True)}
    assert got[4]["reason_code"] == "no_account"
    assert R["dormant"] not in got[4]["all_reasons"]
    assert got[4]["days_since_last_post"] >= 30


def test_every_account_with_a_written_handle_has_a_link(wh):
    # The account list's "Tautan" column showed "None" for every account the master list gave
    # as a handle (only written URLs were kept): a handle gives its profile address.
    df = activity.account_dormancy(wh, F, as_of=dt.date(2026, 1, 31))
    links = dict(zip(df["handle"].to_list(), df["url"].to_list(), strict=True))
    assert links["dinkes.ig"] == "https://www.instagram.com/dinkes.ig/"
    assert links["sukamaju"] == "https://www.tiktok.com/@sukamaju"
    assert all(u is not None for u in links.values()), links
