"""A kecamatan rolled up with its desa and kelurahan: members and how many are active."""

from __future__ import annotations

from tests.factory import JAN
from warehouse.queries import activity, filters

F = filters.Filters(*JAN)


def test_kecamatan_with_its_desa(wh):
    wh.execute("update opd set parent_opd_id = 4 where opd_id = 5")  # Desa under Kec Kota
    df = activity.kecamatan_rollup(wh, F)
    assert df["kecamatan_id"].to_list() == [4]
    r = df.row(0, named=True)
    # Kecamatan Kota is active (4 logbook posts on facebook), Desa Sukamaju never posted.
    assert (r["members"], r["villages"], r["desa"], r["kelurahan"]) == (2, 1, 1, 0)
    assert (r["active_members"], r["active_villages"], r["office_active"]) == (1, 0, True)
    assert r["posts"] == 4 and r["required_posts"] == 4


def test_rollup_agrees_with_the_index_activity(wh):
    wh.execute("update opd set parent_opd_id = 4 where opd_id = 5")
    idx = activity.opd_index(wh, F)
    active = dict(zip(idx["opd_id"], idx["is_active"], strict=True))
    r = activity.kecamatan_rollup(wh, F).row(0, named=True)
    assert r["active_members"] == active[4] + active[5]
    # Filters apply: only the desa in scope leaves the kecamatan with one member, no office.
    only_desa = activity.kecamatan_rollup(wh, filters.Filters(*JAN, opd_kinds=("desa",))).row(
        0, named=True
    )
    assert (only_desa["members"], only_desa["office_in_scope"]) == (1, False)
    assert activity.kecamatan_rollup(wh, filters.Filters(*JAN, opd_kinds=("dinas",))).height == 0
