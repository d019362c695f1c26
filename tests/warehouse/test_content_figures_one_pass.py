"""Jenis Konten's six count figures (content shares, mix by OPD and over time, the figure-centric
trend, the format mix by OPD and over time) are read in one statement (q_content_figures.sql),
the count macros planned once. Each equals the statement it replaced, kept verbatim
(tests/warehouse/before/*_350.sql: as they were at 34a797d), on the sample warehouse and on
random hand warehouses (labels, analysts' overrides, formats from logbook and export loads),
for periods of whole months, cut months and single days, every grain; and a page's six calls in
one sharing block run one statement."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.warehouse.test_counts_from_months import _old, _same, cut, whole
from tests.warehouse.test_format_from_months import _hand, formats
from tests.warehouse.test_properties import post
from warehouse import label_counts, periods
from warehouse.queries import content, options
from warehouse.queries import run as run_queries
from warehouse.queries.filters import Filters

BEFORE_DIR = Path(__file__).parent / "before"
BEFORE = {
    name: (BEFORE_DIR / f"q_{name}_350.sql").read_text(encoding="utf-8")
    for name in (
        "content_share_by_opd", "content_mix_by_opd", "content_mix_over_time",
        "figure_share_trend", "format_mix_by_opd", "format_mix_over_time",
    )
}  # fmt: skip
BY_OPD = ("content_mix_by_opd", "format_mix_by_opd")
OVER_TIME = ("content_mix_over_time", "figure_share_trend", "format_mix_over_time")


def check(con, f: Filters, grains=("month", "week", "day")) -> None:
    """Every figure of f (each grain of those over time) equals its statement before; so do
    the shares in each of their orders."""
    for sort_by in content.SHARE_SORTS:
        for descending in (True, False):
            old = _old(con, BEFORE["content_share_by_opd"], f.params()).sort(
                [sort_by, "opd"], descending=[descending, False], nulls_last=True
            )
            _same(old, content.content_share_by_opd(con, f, sort_by, descending))
    for name in BY_OPD:
        _same(_old(con, BEFORE[name], f.params()), getattr(content, name)(con, f))
    for grain in grains:
        for name in OVER_TIME:
            old = _old(con, BEFORE[name], {**f.params(), "grain": grain})
            _same(old, getattr(content, name)(con, f, grain))


def test_sample_figures_equal_the_statements_before(sample, sample_windows):
    half, last = sample_windows.half, sample_windows.last
    no_opd = Filters(half, last, opd_ids=(10**6,))  # no OPD: empty frames of the same columns
    for f in (*sample_windows.filters, no_opd):
        check(sample, f, grains=("month", "week"))
    assert content.content_mix_by_opd(sample, Filters(half, last)).height > 0


override = st.tuples(
    st.integers(0, 79), st.sampled_from(["ucapan", "capaian", None]), st.sampled_from([True, None])
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    formats,
    st.lists(override, max_size=5),
    st.one_of(whole, whole, cut),
    st.sampled_from([(), ("instagram",), ("facebook", "youtube")]),
    st.sampled_from([(), ("dinas",), ("kecamatan", "badan")]),
    st.sampled_from([(), (1,), (2, 4)]),
)
def test_random_figures_equal_the_statements_before(
    posts, fmts, overrides, span, platforms, kinds, ids
):
    con = _hand(posts, fmts)
    keys = [r[0] for r in con.execute("select post_key from posts order by post_key").fetchall()]
    changed = set()
    for n, label, figure in overrides:
        if keys:
            key = keys[n % len(keys)]
            con.execute(
                "INSERT OR REPLACE INTO label_override (post_key, content_type, is_figure_centric)"
                " VALUES (?, ?, ?)",
                [key, label, figure],
            )
            changed.add(key)
    label_counts.recount_posts(con, changed)  # as the override writer does
    check(con, Filters(*span, platforms, kinds, ids))
    con.close()


def test_a_pages_six_figures_are_one_statement(sample, monkeypatch):
    """Inside one sharing block (a page's rerun), the six figures of one Filters run one
    statement; outside it, each call answers by itself."""
    first, last = options.date_bounds(sample)
    f = Filters(periods.add_months(last.replace(day=1), -5), last)
    ran = []
    real = run_queries._fetch_arrow

    def spy(con, name, params, tables=None):
        ran.append(name)
        return real(con, name, params, tables)

    monkeypatch.setattr(run_queries, "_fetch_arrow", spy)

    def six():
        content.content_share_by_opd(sample, f)
        content.content_mix_by_opd(sample, f)
        content.content_mix_over_time(sample, f)
        content.figure_share_trend(sample, f)
        content.format_mix_by_opd(sample, f)
        content.format_mix_over_time(sample, f)

    with run_queries.sharing({}):
        six()
    assert len(ran) == 1, ran
    ran.clear()
    six()
    assert len(ran) == 6, ran
