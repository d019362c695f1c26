"""Hypothesis: for random posts of the conftest OPDs and accounts, the SQL metrics equal the
plain-Python reference (activity per kind, shares, every index component)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import ACCOUNTS, JAN, hand_warehouse
from tests.warehouse import reference as ref
from warehouse import analyst_settings
from warehouse.queries import activity as activity_queries
from warehouse.queries import filters, summary

# (opd_id, account_id, platform): every official account, plus logbook rows without an account.
SOURCES = [(a[1], a[0], a[2]) for a in ACCOUNTS] + [(3, None, "instagram"), (4, None, "facebook")]
TYPES = [None, "ucapan", "kegiatan", "layanan", "informasi", "capaian", "klarifikasi", "lainnya"]

post = st.tuples(
    st.sampled_from(SOURCES),
    st.datetimes(min_value=dt.datetime(2025, 12, 20), max_value=dt.datetime(2026, 2, 10)),
    st.sampled_from(TYPES),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 300)),
    st.one_of(st.none(), st.integers(0, 30)),
).map(lambda t: (t[0][0], t[0][1], t[0][2], t[1], t[2], t[3], t[4], t[5], 0, None))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(post, max_size=60), st.integers(1, 5), st.sampled_from(["account", "opd_total"]))
def test_sql_metrics_equal_reference(posts, min_posts, rule):
    con = hand_warehouse(posts)
    s = analyst_settings.Settings(min_posts_per_month=min_posts, activity_rule=rule)
    f = filters.Filters(*JAN)
    in_jan = ref.posts_in(*JAN, source=posts)

    k = {r["key"]: r["value"] for r in summary.kpi_summary(con, f, s).iter_rows(named=True)}
    active = ref.active_opds(*JAN, required=min_posts, source=posts, rule=rule)
    assert k["active_opds"] == len(active)
    assert k["posts"] == len(in_jan)
    if in_jan:
        kinerja = sum(p["ctype"] in ref.KINERJA for p in in_jan)
        assert k["kinerja_share"] == pytest.approx(kinerja / len(in_jan))
        assert k["engagement"] == sum(p["engagement"] for p in in_jan)
    else:
        assert k["kinerja_share"] is None

    by_kind = {
        r["opd_kind"]: r["active_opds"]
        for r in activity_queries.activity_by_kind(con, f, s).iter_rows(named=True)
    }
    for kind in by_kind:
        want_kind = ref.active_opds(*JAN, min_posts, kinds=(kind,), source=posts, rule=rule)
        assert by_kind[kind] == len(want_kind)

    want = ref.index_rows(
        *JAN, required=min_posts, target=12, weights=s.weights(), source=posts, rule=rule
    )
    for row in activity_queries.opd_index(con, f, s).iter_rows(named=True):
        w = want[row["opd_id"]]
        for c in ("frequency", "consistency", "kinerja", "platform", "engagement"):
            assert row[f"score_{c}"] == pytest.approx(w[f"score_{c}"]), c
        assert row["index_score"] == pytest.approx(w["index_score"])
        assert row["is_active"] == w["is_active"]
    con.close()
