"""The period's judgement computed once and shared (warehouse.queries.judgement): the figures
that read it give the same frames whether it is shared or judged per call, and inside one
store (warehouse.queries.run.sharing) it is judged once per filters, settings and as_of."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factory import JAN
from warehouse import analyst_settings, figures
from warehouse.queries import activity, judgement
from warehouse.queries.filters import Filters
from warehouse.queries.run import SharedStore, sharing

F = Filters(*JAN)
OTHER = analyst_settings.Settings(activity_rule="opd_total", min_posts_per_month=1)


def _figures(wh, s, as_of):
    return [
        activity.opd_index(wh, F, s),
        activity.inactive_opds(wh, F, s, as_of=as_of),
        activity.kecamatan_rollup(wh, F, s),
        activity.activity_by_kind(wh, F, s),
        figures.keaktifan_figures(wh, F, s, as_of=as_of),
        figures.inactive_reason_counts(wh, F, s, as_of=as_of),
    ]


@pytest.mark.parametrize("as_of", [JAN[1], dt.date(2026, 1, 10)])
@pytest.mark.parametrize("s", [None, OTHER])
def test_shared_judgement_gives_the_same_figures_judged_once(wh, monkeypatch, s, as_of):
    alone = _figures(wh, s, as_of)
    calls = []
    real = judgement._run_arrow

    def counting(con, name, params):
        calls.append(params.get("counted_before"))  # none: the whole months read (h22m)
        return real(con, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", counting)
    with sharing({}):
        shared = _figures(wh, s, as_of)
    for a, b in zip(alone, shared, strict=True):
        assert a.equals(b, null_equal=True)
    # The whole period once; counted to as_of once more only when as_of cuts the period.
    cut = [] if as_of >= JAN[1] else [as_of + dt.timedelta(days=1)]
    assert calls == [None, *cut]


def test_posts_after_as_of_do_not_count_in_the_not_active_list(wh):
    # A judgement counted to a day inside the period is its own, never the whole period's.
    early = dt.date(2026, 1, 2)
    with sharing({}):
        whole = activity.inactive_opds(wh, F, as_of=JAN[1])
        upto = activity.inactive_opds(wh, F, as_of=early)
    posts = dict(zip(whole["opd_id"], whole["posts"], strict=True))
    assert posts == {2: 3, 3: 4, 5: 0}  # by hand: the January posts (tests/factory.py)
    # Up to 2 January Dinkes (1) and Kec Kota (4) posted once each: not active then.
    upto_posts = dict(zip(upto["opd_id"], upto["posts"], strict=True))
    assert upto_posts == {1: 1, 2: 0, 3: 0, 4: 1, 5: 0}


def test_a_full_store_starts_again_empty():
    store = SharedStore()
    for i in range(SharedStore.LIMIT):
        store[i] = i
    assert len(store) == SharedStore.LIMIT
    store["next"] = 1
    assert dict(store) == {"next": 1}
