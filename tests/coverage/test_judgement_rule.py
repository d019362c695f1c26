"""Properties of THE judgement (opd_judgement, views/030_scope_and_activity.sql): an OPD is
judged over the months of the period whose data all arrived, the same way whether it would be
active or not. Coverage is drawn by hypothesis on a hand warehouse whose posts are spread over
December 2025 to March 2026 (account a, month i: (3a + 2i) mod 7 posts, so some months reach
the minimum of 4 and some do not)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import ACCOUNTS, D, hand_warehouse

MONTHS = [dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
END = dt.date(2026, 4, 1)
OPD_IDS = (1, 2, 3, 4, 5)  # expected to post; 4 (Kecamatan Kota) has no account


def _month_end(m: dt.date) -> dt.date:
    nxt = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _posts() -> list[tuple]:
    rows = []
    for account_id, opd_id, platform, _ in ACCOUNTS:
        for i, m in enumerate(MONTHS):
            for k in range((3 * account_id + 2 * i) % 7):
                rows.append((opd_id, account_id, platform, D(m.year, m.month, 2 + 3 * k, 9),
                             "kegiatan", False, 1, 0, 0, None))  # fmt: skip
    # Kecamatan Kota reports by logbook only (no account): 5 rows in January.
    rows += [(4, None, "instagram", D(2026, 1, 3 + k, 9), "kegiatan", False, 0, 0, 0, None)
             for k in range(5)]  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def con():
    c = hand_warehouse(_posts())
    yield c
    c.close()


# Per account and month: all days covered, the first half only, or none.
SPAN = st.sampled_from(["full", "half", "none"])
COVERAGE = st.fixed_dictionaries(
    {(a[0], i): SPAN for a in ACCOUNTS for i in range(len(MONTHS))}
)


def _set_coverage(con, cov: dict) -> None:
    con.execute("DELETE FROM load_coverage")
    rows = []
    for (account_id, i), span in cov.items():
        if span == "none":
            continue
        m = MONTHS[i]
        end = _month_end(m) if span == "full" else m + dt.timedelta(days=14)
        opd_id = next(o for a, o, _, _ in ACCOUNTS if a == account_id)
        rows.append((opd_id, account_id, m, end))
    for opd_id, account_id, a, b in rows:
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (1, ?, NULL, ?, ?, ?, 'file_name')",
            [opd_id, account_id, a, b],
        )


def _judge(con, bucket: str, rule: str = "opd_total") -> dict:
    rows = con.execute(
        "SELECT opd_id, period_start, activity_status, counted_posts, required_posts, posts"
        " FROM opd_judgement(?, ?, ?, [], [], [], 4, 1, ?) WHERE expected_to_post",
        [bucket, MONTHS[0], END, rule],
    ).fetchall()
    return {(o, p): (s, c, r, n) for o, p, s, c, r, n in rows}


RUN = settings(max_examples=8, deadline=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@RUN
@given(cov=COVERAGE)
def test_period_is_judged_over_its_complete_months_alike(con, cov):
    _set_coverage(con, cov)
    months = _judge(con, "month")
    period = _judge(con, "period")
    for opd_id in OPD_IDS:
        judged = [m for m in MONTHS if months[(opd_id, m)][0] != "no_data"]
        status, counted, required, _ = period[(opd_id, MONTHS[0])]
        if not judged:
            assert status == "no_data"
            continue
        # Same months, same rule, whatever the posts say: the minimum of the judged months
        # and the posts of those months only (a partial month's posts never count).
        assert required == 4 * len(judged)
        assert counted == sum(months[(opd_id, m)][1] for m in judged)
        assert status == ("active" if counted >= required else "inactive")


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(cov=COVERAGE, extra=st.sampled_from(range(len(MONTHS))))
def test_adding_a_month_of_data_changes_no_other_month(con, cov, extra):
    _set_coverage(con, cov)
    before = _judge(con, "month", "account")
    for account_id, opd_id, _, _ in ACCOUNTS:
        m = MONTHS[extra]
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (1, ?, NULL, ?, ?, ?, 'file_name')",
            [opd_id, account_id, m, _month_end(m)],
        )
    after = _judge(con, "month", "account")
    for key, value in before.items():
        if key[1] != MONTHS[extra]:
            assert after[key] == value, key
    # The month whose data now arrived is judged for every OPD.
    assert all(after[(o, MONTHS[extra])][0] != "no_data" for o in OPD_IDS)


@RUN
@given(cov=COVERAGE)
def test_a_partial_month_is_judged_for_no_opd(con, cov):
    _set_coverage(con, cov)
    months = _judge(con, "month", "account")
    # The data end: the newest covered day or post (an OPD without an account waits for no
    # export, but no day after it is over for anyone).
    covered = [_month_end(MONTHS[i]) if span == "full" else MONTHS[i] + dt.timedelta(days=14)
               for (_, i), span in cov.items() if span != "none"]  # fmt: skip
    data_end = max(covered + [r[3].date() for r in _posts()])
    for (opd_id, m), (status, *_rest) in months.items():
        accounts = [a for a, o, _, _ in ACCOUNTS if o == opd_id]
        complete = all(cov[(a, MONTHS.index(m))] == "full" for a in accounts)
        if not accounts:
            complete = _month_end(m) <= data_end
        assert (status != "no_data") == complete, (opd_id, m)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(cov=COVERAGE)
def test_active_inactive_and_not_judged_add_up(con, cov):
    from warehouse.queries import run
    from warehouse.queries.filters import Filters

    _set_coverage(con, cov)
    f = Filters(MONTHS[0], END - dt.timedelta(days=1))
    params = {**f.params(), **run._activity_params(run._settings(con, None)),
              "starts": [f.start], "ends_excl": [END]}  # fmt: skip
    k = run._run(con, "q_kpi", params).row(0, named=True)
    period = _judge(con, "period", str(params["activity_rule"]))
    assert k["judged_opds"] + k["no_data_opds"] == k["expected_opds"] == len(OPD_IDS)
    assert k["active_opds"] == sum(v[0] == "active" for v in period.values())
    assert k["judged_opds"] == sum(v[0] != "no_data" for v in period.values())
