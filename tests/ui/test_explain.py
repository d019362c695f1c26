"""The "not active" explanation states the failed rule with the row's own numbers."""

from __future__ import annotations

import datetime as dt

from tests.factory import JAN
from ui import explain
from warehouse import analyst_settings
from warehouse.queries import activity, filters


def test_explanations_of_the_hand_warehouse(wh):
    df = explain.with_inactive_detail(activity.inactive_opds(wh, filters.Filters(*JAN)))
    got = dict(zip(df["opd_id"], df["detail"], strict=True))
    # BKD: 2 on its busiest account of 4 needed, 4 over all accounts, two accounts tied.
    assert " 2 dari minimal 4, 2 akun sama banyak" in got[3]
    assert "(semua akun 4; minimal berlaku per akun)" in got[3]
    assert got[3].startswith("akun terbanyak: ")
    # Desa Sukamaju never posted.
    assert got[5] == (
        "belum ada postingan (minimal 4 unggahan dari satu akun); belum pernah mengunggah"
    )


def test_the_opd_total_rule_is_stated_and_applied(wh):
    """Rule 'opd_total': BKD's 2 + 2 posts on two accounts reach the 4 together, so it leaves
    the list; the rest say the total, never "akun terbanyak"."""
    s = analyst_settings.Settings(activity_rule="opd_total")
    df = explain.with_inactive_detail(activity.inactive_opds(wh, filters.Filters(*JAN), settings=s))
    got = dict(zip(df["opd_id"], df["detail"], strict=True))
    assert 3 not in got
    assert got[5] == (
        "belum ada postingan (minimal 4 unggahan dari semua akun OPD); belum pernah mengunggah"
    )
    assert not any("akun terbanyak" in d for d in got.values())
    assert set(df["activity_rule"]) == {"opd_total"}


def test_dormant_days_are_stated():
    row = {
        "required_posts": 24,
        "busiest_posts": 14,
        "busiest_platform": "instagram",
        "busiest_account": "@dinsos",
        "tied_accounts": 1,
        "posts": 14,
        "days_since_last_post": 45,
        "dormant_days": 30,
        "last_post_at": dt.datetime(2026, 10, 1),
    }
    assert explain.inactive_detail(row) == (
        "akun terbanyak: Instagram @dinsos 14 dari minimal 24; "
        "terakhir mengunggah 45 hari lalu (batas 30)"
    )
    assert "hari lalu" not in explain.inactive_detail({**row, "days_since_last_post": 29})
