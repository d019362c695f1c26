"""Indeks Medsos OPD: every component score, the weighted index and the grade, against the
plain-Python reference and hand arithmetic."""

from __future__ import annotations

import pytest

from tests.factory import JAN
from tests.warehouse import reference as ref
from warehouse import analyst_settings, vocabulary
from warehouse.queries import activity, filters, summary

F = filters.Filters(*JAN)
COMPONENTS = ("frequency", "consistency", "kinerja", "platform", "engagement")


def rows(df):
    return {r["opd_id"]: r for r in df.iter_rows(named=True)}


def test_components_match_reference(wh):
    s = analyst_settings.Settings()
    got = rows(activity.opd_index(wh, F))
    want = ref.index_rows(*JAN, required=4, target=12, weights=s.weights())
    assert set(got) == set(want) == {1, 2, 3, 4, 5}
    for opd_id, w in want.items():
        g = got[opd_id]
        for c in COMPONENTS:
            assert g[f"score_{c}"] == pytest.approx(w[f"score_{c}"]), (opd_id, c)
        assert g["index_score"] == pytest.approx(w["index_score"])
        assert g["is_active"] == w["is_active"]
        assert g["grade"] == ref.grade(w["index_score"])


def test_dinkes_by_hand(wh):
    d = rows(activity.opd_index(wh, F))[1]
    # 7 posts / target 12; 5 of 5 Monday-weeks (29 Dec .. 26 Jan); 5 kinerja of 7;
    # facebook + instagram of 2 account platforms; highest engagement per post -> 100.
    assert d["score_frequency"] == pytest.approx(700 / 12)
    assert (d["weeks_with_post"], d["weeks_in_period"]) == (5, 5)
    assert d["score_kinerja"] == pytest.approx(500 / 7)
    assert (d["platforms_posted"], d["platforms_total"]) == (2, 2)
    assert d["score_engagement"] == 100.0
    want = (30 * 700 / 12 + 20 * 100 + 25 * 500 / 7 + 10 * 100 + 15 * 100) / 100
    assert d["index_score"] == pytest.approx(want)  # 80.357...
    assert d["grade"] == "Sangat Baik" and d["rank"] == 1
    assert (d["w_frequency"], d["w_consistency"], d["w_kinerja"], d["w_platform"],
            d["w_engagement"]) == (30, 20, 25, 10, 15)  # fmt: skip


def test_never_posting_opd_scores_zero(wh):
    desa = rows(activity.opd_index(wh, F))[5]
    assert desa["posts"] == 0 and desa["index_score"] == 0.0 and desa["grade"] == "Kurang"
    # Its tiktok account counts as a platform it should cover.
    assert (desa["platforms_posted"], desa["platforms_total"]) == (0, 1)


def test_weights_and_grade_thresholds_are_settings(wh):
    only_kinerja = analyst_settings.Settings(
        w_frequency=0, w_consistency=0, w_kinerja=1, w_platform=0, w_engagement=0,
        grade_very_good=90, grade_good=70, grade_fair=50,
    )  # fmt: skip
    got = rows(activity.opd_index(wh, F, only_kinerja))
    assert got[4]["index_score"] == pytest.approx(75.0)  # Kec Kota: 3 kinerja of 4
    assert got[4]["grade"] == "Baik"
    assert got[1]["index_score"] == pytest.approx(500 / 7) and got[1]["grade"] == "Baik"
    assert got[2]["grade"] == "Kurang"  # 1 of 3
    ranked = activity.opd_index(wh, F, only_kinerja)
    assert ranked["opd_id"].to_list()[:2] == [4, 1]


def test_index_grade_is_the_one_grade_rule(wh):
    """The grade of every listed OPD is index_grade of its score under the settings in force;
    the bounds are inclusive and the words are the vocabulary's."""
    s = analyst_settings.Settings()
    bounds = [s.grade_very_good, s.grade_good, s.grade_fair]
    grade = "SELECT index_grade(?::DOUBLE, ?, ?, ?)"
    for r in activity.opd_index(wh, F).iter_rows(named=True):
        assert wh.execute(grade, [r["index_score"], *bounds]).fetchone()[0] == r["grade"]
    got = [wh.execute(grade, [x, *bounds]).fetchone()[0] for x in (80.0, 79.99, 40.0, 39.9, None)]
    assert got == ["Sangat Baik", "Baik", "Cukup", "Kurang", None]
    assert set(got[:4]) == set(vocabulary.GRADES_EN)


def test_expected_only_flag_and_top_bottom(wh):
    assert 6 not in rows(activity.opd_index(wh, F))
    assert 6 in rows(activity.opd_index(wh, F, expected_only=False))
    tb = summary.top_bottom_opds(wh, F, n=2)
    assert tb.filter(tb["position"] == "atas")["opd_id"].to_list() == [1, 4]
    assert tb.filter(tb["position"] == "bawah")["opd_id"].to_list()[-1] == 5
    assert tb.height == 4


def test_settings_round_trip_and_validation(wh):
    s = analyst_settings.Settings(min_posts_per_month=6, w_engagement=0, grade_fair=35)
    analyst_settings.save_settings(wh, s)
    assert analyst_settings.get_settings(wh) == s
    with pytest.raises(ValueError, match="Bobot"):
        analyst_settings.save_settings(wh, analyst_settings.Settings(w_kinerja=-1))
    with pytest.raises(ValueError, match="predikat"):
        analyst_settings.save_settings(wh, analyst_settings.Settings(grade_good=90))
    assert analyst_settings.get_settings(wh) == s


def test_top_bottom_keep_ties_and_never_overlap(wh):
    idx = activity.opd_index(wh, F)
    for n in range(1, idx.height + 2):
        tb = summary.top_bottom_opds(wh, F, n=n)
        top = tb.filter(tb["position"] == "atas")
        bottom = tb.filter(tb["position"] == "bawah")
        assert not set(top["opd_id"]) & set(bottom["opd_id"])
        assert top.height >= min(n, idx.height)
        # Every OPD with the rank of a listed one is listed: no tie is cut.
        for part in (top, bottom):
            for rank in set(part["rank"]):
                assert (
                    part.filter(part["rank"] == rank).height
                    == idx.filter(idx["rank"] == rank).height
                )
        sizes = dict(zip(tb["opd_id"], tb["tie_size"], strict=True))
        for r in tb.iter_rows(named=True):
            assert sizes[r["opd_id"]] == idx.filter(idx["rank"] == r["rank"]).height


def test_part_without_data_spreads_its_weight(wh):
    kec = rows(activity.opd_index(wh, F))[4]
    # Kecamatan Kota reports by logbook only: no interaction counts, so no engagement score
    # (not 0), and the index is the weighted mean of the four parts it has.
    assert kec["posts"] == 4 and kec["interaction_posts"] == 0
    assert kec["score_engagement"] is None
    parts = ("frequency", "consistency", "kinerja", "platform")
    want = sum(kec[f"w_{p}"] * kec[f"score_{p}"] for p in parts) / sum(kec[f"w_{p}"] for p in parts)
    assert kec["index_score"] == pytest.approx(want)
