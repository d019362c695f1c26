"""Contradictions in the master list are found, one row per OPD and problem."""

from __future__ import annotations

from warehouse import master_checks


def codes(con):
    df = master_checks.contradictions(con)
    return {(r["opd"], r["code"]) for r in df.iter_rows(named=True)}, df


def test_each_contradiction_is_found(wh):
    before, _ = codes(wh)
    bkd = wh.sql("select name from opd where opd_id = 3").fetchall()[0][0]
    desa = wh.sql("select name from opd where opd_id = 5").fetchall()[0][0]
    kec = wh.sql("select name from opd where opd_id = 4").fetchall()[0][0]
    assert (bkd, "trained_without_operator") not in before
    # BKD has no operator name: say "trained" and give a phone.
    wh.execute("update opd set operator_trained = true, operator_phone = '0812' where opd_id = 3")
    # The desa loses its kecamatan; the kecamatan gets a parent.
    wh.execute("update opd set parent_opd_id = null where opd_id = 5")
    wh.execute("update opd set parent_opd_id = 1 where opd_id = 4")
    after, df = codes(wh)
    assert {
        (bkd, "trained_without_operator"),
        (bkd, "phone_without_operator"),
        (desa, "village_without_kecamatan"),
        (kec, "parent_of_non_village"),
    } <= after
    assert df["problem"].null_count() == 0 and df["problem_en"].null_count() == 0
    # No personal data in the frame.
    assert not {"operator_name", "operator_phone"} & set(df.columns)


def test_not_expected_opd_with_posts(wh):
    # Setwan (opd 6) is not expected to post and has a post in the hand warehouse.
    setwan = wh.sql("select name from opd where opd_id = 6").fetchall()[0][0]
    got, _ = codes(wh)
    assert (setwan, "not_expected_with_posts") in got
