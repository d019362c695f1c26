"""The coverage grid, its counts, the collection checklist and the compared set of a comparison
(the OPDs complete on both spans) equal a plain-Python recount from the small tables, on the sample warehouse and on
generated warehouses.

The recount reads only load_coverage, loads, account, opd and post_day_count (nothing of
warehouse/ but THE data end, v_data_end, which is not under test here): every live span
expanded to its days (the definition: a day is covered when a live load covers it for the
account), a month's runs of covered days written "1-5, 9", posts counted per account and month
(a post tied to no account counts for its OPD's only account on that platform). The SQL reads the
spans merged into runs instead of a row per day, and the counts and the checklist share one
relation per rerun (warehouse.coverage._status): both must give what the definition gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import Any

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factory import (
    ACCOUNTS,
    OPDS,
    coverage_written,
    hand_warehouse,
    private_copy,
    sample_warehouse,
)
from warehouse import coverage, periods, vocabulary
from warehouse.db import connect
from warehouse.queries.filters import Filters
from warehouse.queries.run import _run, sharing

DEADLINE_DAY = 5  # Settings().collection_deadline_day


def _month_end(m: dt.date) -> dt.date:
    return m.replace(day=calendar.monthrange(m.year, m.month)[1])


def _next_month(m: dt.date) -> dt.date:
    return _month_end(m) + dt.timedelta(days=1)


def _days(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]


def _runs_text(days: list[dt.date]) -> str | None:
    """'1-5, 9' of sorted days of one month."""
    runs: list[list[dt.date]] = []
    for d in days:
        if runs and d == runs[-1][1] + dt.timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    if not runs:
        return None
    return ", ".join(str(a.day) if a == b else f"{a.day}-{b.day}" for a, b in runs)


def recount_grid(con, f: Filters, as_of: dt.date) -> list[dict[str, Any]]:
    """coverage_grid's rows, counted in Python from the small tables."""
    opds = {
        r[0]: r
        for r in con.execute(
            "SELECT opd_id, name, short_name, kind, expected_to_post FROM opd"
        ).fetchall()
    }
    accounts = con.execute("SELECT account_id, opd_id, platform, handle FROM account").fetchall()
    spans = con.execute(
        "SELECT c.load_id, c.opd_id, c.platform, c.account_id, c.period_start, c.period_end,"
        " coalesce(l.exported_at, l.loaded_at)"
        " FROM load_coverage c JOIN loads l USING (load_id) WHERE l.status = 'loaded'"
    ).fetchall()
    day_counts = con.execute(
        "SELECT opd_id, platform, account_id, pub_date, posts FROM post_day_count"
    ).fetchall()
    (data_end,) = con.execute("SELECT data_end FROM v_data_end").fetchall()[0]
    (today,) = con.execute("SELECT current_date").fetchall()[0]

    # Spans resolved to accounts; the days each account has covered.
    span_of: dict[int, list[tuple]] = defaultdict(list)
    covered: dict[int, set[dt.date]] = defaultdict(set)
    for load_id, opd_id, platform, account_id, a, b, exported in spans:
        for acc_id, acc_opd, acc_platform, _ in accounts:
            if acc_opd != opd_id or (platform is not None and acc_platform != platform):
                continue
            if account_id is not None and acc_id != account_id:
                continue
            span_of[acc_id].append((load_id, a, b, exported))
            covered[acc_id].update(_days(a, b))
    # Posts per account and month.
    per_platform: dict[tuple[int, str], list[int]] = defaultdict(list)
    for acc_id, acc_opd, acc_platform, _ in accounts:
        per_platform[(acc_opd, acc_platform)].append(acc_id)
    posts: dict[tuple[int, dt.date], int] = defaultdict(int)
    for opd_id, platform, account_id, day, n in day_counts:
        if account_id is None:
            only = per_platform.get((opd_id, platform), [])
            account_id = only[0] if len(only) == 1 else None
        if account_id is not None:
            posts[(account_id, day.replace(day=1))] += n

    every_day = [d for days in covered.values() for d in days] + [r[3] for r in day_counts]
    last = max([*every_day, today]).replace(day=1)
    months = []
    m = f.start.replace(day=1)
    while m <= f.end and m <= last:
        months.append(m)
        m = _next_month(m)

    rows = []
    for acc_id, opd_id, platform, handle in accounts:
        _, name, short, kind, expected = opds[opd_id]
        in_scope = (
            expected
            and (not f.platforms or platform in f.platforms)
            and (not f.opd_kinds or kind in f.opd_kinds)
            and (not f.opd_ids or opd_id in f.opd_ids)
        )
        if not in_scope:
            continue
        for m in months:
            end = _month_end(m)
            days = sorted(d for d in covered[acc_id] if m <= d <= end)
            n = len(days)
            status = "missing" if n == 0 else "received" if n == end.day else "partial"
            cut = (
                data_end is not None
                and 0 < n < end.day
                and m <= data_end < end
                and all(d in covered[acc_id] for d in _days(m, data_end))
            )
            touching = [s for s in span_of[acc_id] if s[1] <= end and s[2] >= m]
            due = _next_month(m) + dt.timedelta(days=DEADLINE_DAY - 1)
            rows.append(
                {
                    "opd_id": opd_id, "opd": name, "opd_short": short, "opd_kind": kind,
                    "expected_to_post": expected, "account_id": acc_id, "platform": platform,
                    "handle": handle, "month_start": m, "month_end": end,
                    "days_in_month": end.day, "days_covered": n,
                    "first_covered": days[0] if days else None,
                    "last_covered": days[-1] if days else None,
                    "covered_days": _runs_text(days), "status": status,
                    "to_data_end": bool(cut), "n_posts": posts.get((acc_id, m), 0),
                    "load_ids": sorted({s[0] for s in touching}),
                    "latest_export": max((s[3] for s in touching), default=None),
                    "due_date": due,
                    "reason_code": None if status == "received"
                    else "not_submitted" if as_of > due else "not_received",
                }
            )  # fmt: skip
    return rows


def recount_days(con) -> tuple[set[tuple], set[tuple]]:
    """The covered days kept at load time, counted in Python from the small tables as
    recount_grid resolves the live spans: coverage_day's rows (opd_id, account_id, platform,
    day, latest_load_id: the newest live load covering the day) and coverage_opd_day's (opd_id,
    platform, day: what the OPD's own live coverage rows name, whatever its accounts)."""
    accounts = con.execute("SELECT account_id, opd_id, platform FROM account").fetchall()
    spans = con.execute(
        "SELECT c.load_id, c.opd_id, c.platform, c.account_id, c.period_start, c.period_end"
        " FROM load_coverage c JOIN loads l USING (load_id) WHERE l.status = 'loaded'"
    ).fetchall()
    latest: dict[tuple, int] = {}
    own: set[tuple] = set()
    for load_id, opd_id, platform, account_id, a, b in spans:
        if opd_id is None:
            # A coverage row whose OPD the master list dropped names no OPD and no account
            # (v_coverage_span joins accounts by OPD, v_coverage_opd_day_recount keeps only rows
            # with an OPD): in Python None == None would match the accounts that have no OPD.
            continue
        days = _days(a, b)
        own.update((opd_id, platform, d) for d in days)
        for acc_id, acc_opd, acc_platform in accounts:
            if acc_opd != opd_id or (platform is not None and acc_platform != platform):
                continue
            if account_id is not None and acc_id != account_id:
                continue
            for d in days:
                key = (acc_opd, acc_id, acc_platform, d)
                latest[key] = max(latest.get(key, load_id), load_id)
    return {(*k, v) for k, v in latest.items()}, own


def _sort_key(r: dict[str, Any]) -> tuple:
    return (r["opd_kind"], r["opd"], r["platform"], r["handle"], r["month_start"])


def recount_missing(grid: list[dict[str, Any]], month: dt.date, operators: dict) -> list[tuple]:
    """coverage_missing's rows from the recounted grid: per OPD in the grid's order."""
    per_opd: dict[int, list[dict[str, Any]]] = {}
    for r in sorted(grid, key=_sort_key):
        if r["month_start"] == month and r["status"] != "received":
            per_opd.setdefault(r["opd_id"], []).append(r)
    out = []
    for opd_id, rs in per_opd.items():
        missing_word = vocabulary.COVERAGE_STATUS["missing"][0].lower()
        text = ", ".join(
            f"{r['platform'].title()} {r['handle']} ("
            + (missing_word if r["status"] == "missing" else f"ada tgl {r['covered_days']}")
            + ")"
            for r in rs
        )
        late = any(r["reason_code"] == "not_submitted" for r in rs)
        out.append(
            (opd_id, rs[0]["opd"], rs[0]["opd_kind"], operators[opd_id], text,
             sum(r["status"] == "missing" for r in rs), sum(r["status"] == "partial" for r in rs),
             "not_submitted" if late else "not_received", rs[0]["due_date"])
        )  # fmt: skip
    return out


def recount_summary(grid: list[dict[str, Any]]) -> dict[str, Any]:
    late = [r for r in grid if r["reason_code"] == "not_submitted"]
    return {
        "partial_running": sum(r["to_data_end"] and r["status"] == "partial" for r in grid),
        "total": len(grid),
        **{k: sum(r["status"] == k for r in grid) for k in vocabulary.COVERAGE_STATUS},
        "accounts": len({r["account_id"] for r in grid}),
        "months": len({r["month_start"] for r in grid}),
        "not_submitted": len(late),
        "not_submitted_partial": sum(r["status"] == "partial" for r in late),
        "not_submitted_missing": sum(r["status"] == "missing" for r in late),
    }


def _scoped_spans(con, f: Filters) -> dict[int, tuple[list, list]]:
    """Per OPD in scope: its accounts in scope [(account_id, platform)] and the live loads'
    spans naming it [(platform, account_id, first, last)]; for an OPD with no account in scope
    only a logbook's (platform null) or a platform's in scope."""
    live = con.execute(
        "SELECT c.opd_id, c.platform, c.account_id, c.period_start, c.period_end"
        " FROM load_coverage c JOIN loads l USING (load_id) WHERE l.status = 'loaded'"
    ).fetchall()
    accounts = con.execute("SELECT account_id, opd_id, platform FROM account").fetchall()
    out: dict[int, tuple[list, list]] = {}
    for opd_id, kind in con.execute("SELECT opd_id, kind FROM opd ORDER BY opd_id").fetchall():
        if (f.opd_kinds and kind not in f.opd_kinds) or (f.opd_ids and opd_id not in f.opd_ids):
            continue
        mine = [
            (acc, platform)
            for acc, opd, platform in accounts
            if opd == opd_id and (not f.platforms or platform in f.platforms)
        ]
        spans = [
            (p, a, x, y)
            for o, p, a, x, y in live
            if o == opd_id and (mine or p is None or not f.platforms or p in f.platforms)
        ]
        out[opd_id] = (mine, spans)
    return out


def _covered(spans: list, ok=lambda p, a: True) -> set[dt.date]:
    return {d for p, a, x, y in spans if ok(p, a) for d in _days(x, y)}


def recount_compared(
    con, f: Filters, current: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]
) -> list[tuple]:
    """q_compared_opds's rows for one comparison (the compared set, macro compared_opds): per
    OPD in scope, whether every day of each span is covered by a live load for every one of its
    accounts in scope (a logbook row covers all its OPD's accounts, a platform row all its
    accounts on that platform); an OPD with no account in scope, by live loads naming it (a
    logbook, or a platform in scope), and complete when no live load ever named it."""
    rows = []
    for opd_id, (mine, spans) in _scoped_spans(con, f).items():
        if mine:
            held = [
                _covered(spans, lambda p, a, acc=acc, pl_=pl_: p in (None, pl_) and a in (None, acc))
                for acc, pl_ in mine
            ]  # fmt: skip
        else:
            # Nothing ever sent naming it: nothing to wait for, complete (as its judgement).
            held = [_covered(spans)] if spans else []
        whole = [all(set(_days(*span)) <= h for h in held) for span in (current, other)]
        rows.append((1, opd_id, *whole, whole[0] and whole[1]))
    return rows


def recount_own_logbooks(con, f: Filters, month: dt.date, as_of: dt.date) -> list[tuple]:
    """coverage_missing's rows for the OPDs expected to post with no account in scope whose
    own data (logbooks, loads naming them) is waited for and covers not every day of `month`."""
    opds = {
        r[0]: r
        for r in con.execute(
            "SELECT opd_id, name, kind, operator_name, expected_to_post FROM opd"
        ).fetchall()
    }
    days = set(_days(month, _month_end(month)))
    due = _next_month(month) + dt.timedelta(days=DEADLINE_DAY - 1)
    rows = []
    for opd_id, (mine, spans) in _scoped_spans(con, f).items():
        _, name, kind, operator, expected = opds[opd_id]
        own = _covered(spans)
        if mine or not spans or not expected or days <= own:
            continue
        status = "partial" if own & days else "missing"
        word = vocabulary.COVERAGE_STATUS[status][0].lower()
        rows.append(
            (opd_id, name, kind, operator, f"{vocabulary.OWN_LOGBOOK[0]} ({word})",
             int(status == "missing"), int(status == "partial"),
             "not_submitted" if as_of > due else "not_received", due)
        )  # fmt: skip
    return rows


def check(con, f: Filters, as_of: dt.date, months: list[dt.date]) -> None:
    """coverage_grid, coverage_summary and coverage_missing (for each month, inside one shared
    rerun as the pages run them, and alone) against the recount."""
    want = recount_grid(con, f, as_of)
    got = coverage.coverage_grid(con, f, as_of=as_of)
    if want:
        assert got.columns == list(want[0])
    got_rows = got.to_dicts()
    assert [_sort_key(r) for r in got_rows] == sorted(_sort_key(r) for r in got_rows)
    by_key = {(r["account_id"], r["month_start"]): r for r in got_rows}
    assert len(by_key) == len(got_rows) == len(want)
    for r in want:
        assert by_key[(r["account_id"], r["month_start"])] == r, r
    # The compared set of the period against a year before it (warehouse.compare.restrict).
    other = (f.start - dt.timedelta(days=365), f.end - dt.timedelta(days=365))
    compared = _run(
        con,
        "q_compared_opds",
        {
            **f.params(),
            "cur_starts": [f.start],
            "cur_ends_excl": [f.end + dt.timedelta(days=1)],
            "oth_starts": [other[0]],
            "oth_ends_excl": [other[1] + dt.timedelta(days=1)],
        },
    )
    got = compared.select("i", "opd_id", "complete_current", "complete_other", "compared")
    assert got.rows() == recount_compared(con, f, (f.start, f.end), other)
    operators = dict(con.execute("SELECT opd_id, operator_name FROM opd").fetchall())
    with sharing({}):  # one rerun: the counts and the checklists share the period's relation
        shared = [coverage.coverage_summary(con, f, as_of=as_of)]
        shared += [coverage.coverage_missing(con, f, m, as_of=as_of) for m in months]
    alone = [coverage.coverage_summary(con, f, as_of=as_of)]
    alone += [coverage.coverage_missing(con, f, m, as_of=as_of) for m in months]
    assert shared[0] == alone[0] == recount_summary(want)
    for m, a, b in zip(months, shared[1:], alone[1:], strict=True):
        assert a.equals(b), m
        assert a.schema == b.schema
        assert a.columns == [
            "opd_id", "opd", "opd_kind", "operator_name", "accounts", "n_missing", "n_partial",
            "reason_code", "due_date",
        ]  # fmt: skip
        month_grid = (
            want
            if f.start.replace(day=1) <= m <= f.end
            else recount_grid(con, f.shifted(m, _month_end(m)), as_of)
        )
        own = recount_own_logbooks(con, f, m, as_of)
        want_rows = sorted(
            recount_missing(month_grid, m, operators) + own,
            key=lambda r: (r[2] is None, r[2] or "", r[1]),
        )
        assert a.rows() == want_rows, m


def test_sample_warehouse_coverage_equals_recount(tmp_path):
    con = connect(private_copy(sample_warehouse(), tmp_path))
    try:
        (lo, hi), *_ = con.execute(
            "SELECT min(pub_date), max(pub_date) FROM post_day_count"
        ).fetchall()
        last = hi.replace(day=1)
        six = periods.add_months(last, -5)
        for f, as_of in (
            (Filters(six, _month_end(last)), _month_end(last) + dt.timedelta(days=3)),
            (Filters(lo, hi), hi + dt.timedelta(days=40)),
            (Filters(six, hi, platforms=("instagram",)), hi),
            (Filters(lo, _month_end(last), opd_kinds=("desa", "kecamatan")), hi),
        ):
            check(con, f, as_of, [f.end.replace(day=1), f.start.replace(day=1), lo.replace(day=1)])
    finally:
        con.close()


# --- generated warehouses ----------------------------------------------------------------------

LO, HI = dt.date(2025, 10, 1), dt.date(2026, 4, 30)
SPAN = (HI - LO).days
PLATFORMS = sorted({a[2] for a in ACCOUNTS})


@st.composite
def _day(draw) -> dt.date:
    return LO + dt.timedelta(days=draw(st.integers(0, SPAN)))


@st.composite
def _coverage_row(draw) -> tuple:
    opd_id = draw(st.sampled_from([o[0] for o in OPDS]))
    own = [a for a in ACCOUNTS if a[1] == opd_id]
    kind = draw(st.sampled_from(["logbook", "platform", "account"] if own else ["logbook"]))
    shape = draw(st.sampled_from(["month", "month", "short", "long", "reversed"]))
    a = draw(_day())
    if shape == "month":  # a month's export: touches the next month's, overlaps a repeat
        a = a.replace(day=1)
        b = _month_end(a)
    else:
        # Short spans on a few days of the month (so that spans touch and overlap inside a
        # month), long ones, and some ending before they start (cover no day).
        a = a.replace(day=draw(st.sampled_from([1, 2, 10, 11, 20, 21, 28])))
        length = {"short": st.sampled_from([0, 1, 8, 9, 10, 18, 19]),
                  "long": st.integers(0, SPAN), "reversed": st.integers(-3, -1)}[shape]  # fmt: skip
        b = a + dt.timedelta(days=draw(length))
    if kind == "logbook":
        return (opd_id, None, None, a, b)
    acc = draw(st.sampled_from(own))
    return (opd_id, acc[2], acc[0] if kind == "account" else None, a, b)


@st.composite
def _load(draw) -> tuple:
    status = draw(st.sampled_from(["loaded", "loaded", "loaded", "undone"]))
    exported = draw(
        st.one_of(
            st.none(),
            st.builds(lambda d, h: dt.datetime.combine(d, dt.time(h)), _day(), st.integers(0, 23)),
        )
    )
    rows = draw(st.lists(_coverage_row(), min_size=1, max_size=4))
    if draw(st.booleans()):
        # A span that starts the day after another ends (the next export of the same account,
        # or of its whole OPD): one run of covered days, not two.
        opd_id, platform, account_id, _, b = draw(st.sampled_from(rows))
        if draw(st.booleans()):
            platform = account_id = None
        length = draw(st.sampled_from([0, 3, 9, 30]))
        start = b + dt.timedelta(days=1)
        rows.append((opd_id, platform, account_id, start, start + dt.timedelta(days=length)))
    return status, exported, rows


@st.composite
def _post(draw) -> tuple:
    acc = draw(st.sampled_from(ACCOUNTS + [(None, 3, "instagram", None),
                                           (None, 4, "facebook", None)]))  # fmt: skip
    at = dt.datetime.combine(draw(_day()), dt.time(9))
    return (acc[1], acc[0], acc[2], at, "kegiatan", False, 1, 0, 0, None)


def _generated_warehouse(posts: list[tuple], loads: list[tuple]):
    con = hand_warehouse(posts)
    con.execute("DELETE FROM load_coverage")
    con.execute("DELETE FROM loads")
    coverage_written(con)
    for load_id, (status, exported, rows) in enumerate(loads, start=1):
        con.execute(
            "INSERT INTO loads (load_id, file_name, sha256, format, rows_read, status,"
            " exported_at, loaded_at) VALUES (?, ?, ?, 'logbook', 0, ?, ?, ?)",
            [load_id, f"rekap{load_id}.xlsx", f"sha{load_id}", status, exported,
             dt.datetime(2026, 5, 1, load_id)],
        )  # fmt: skip
        for opd_id, platform, account_id, a, b in rows:
            con.execute(
                "INSERT INTO load_coverage (load_id, opd_id, platform, account_id,"
                " period_start, period_end, basis) VALUES (?, ?, ?, ?, ?, ?, 'title')",
                [load_id, opd_id, platform, account_id, a, b],
            )
    coverage_written(con)
    return con


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    posts=st.lists(_post(), max_size=25),
    loads=st.lists(_load(), max_size=6),
    start=_day(),
    length=st.integers(0, 150),
    platforms=st.sampled_from([(), ("facebook",), ("instagram", "tiktok")]),
    kinds=st.sampled_from([(), ("dinas",), ("badan", "kecamatan", "desa")]),
    as_of=_day(),
    other_month=_day(),
)
def test_generated_coverage_equals_recount(
    posts, loads, start, length, platforms, kinds, as_of, other_month
):
    con = _generated_warehouse(posts, loads)
    try:
        f = Filters(start, start + dt.timedelta(days=length), platforms, kinds)
        months = [f.end.replace(day=1), f.start.replace(day=1), other_month.replace(day=1)]
        check(con, f, as_of, months)
    finally:
        con.close()


def test_generated_view_equals_recount_from_first_data():
    """v_account_month_coverage (no period): from the first data's month, every account."""
    con = _generated_warehouse(
        [(1, 1, "facebook", dt.datetime(2025, 11, 3, 9), "kegiatan", False, 1, 0, 0, None)],
        [("loaded", None, [(1, None, None, dt.date(2025, 12, 30), dt.date(2026, 1, 2)),
                           (1, "facebook", 1, dt.date(2026, 1, 3), dt.date(2026, 1, 10)),
                           (3, "instagram", None, dt.date(2026, 2, 1), dt.date(2026, 1, 20))])],
    )  # fmt: skip
    try:
        (today,) = con.execute("SELECT current_date").fetchall()[0]
        view = con.sql(
            "SELECT * FROM v_account_month_coverage ORDER BY account_id, month_start"
        ).pl()
        assert view["month_start"].min() == dt.date(2025, 11, 1)
        every = Filters(dt.date(2025, 11, 1), _month_end(today.replace(day=1)))
        want = {(r["account_id"], r["month_start"]): r for r in recount_grid(con, every, today)}
        assert view.filter(pl.col("expected_to_post")).height == len(want)
        for r in view.iter_rows(named=True):
            if not r["expected_to_post"]:
                continue
            w = want[(r["account_id"], r["month_start"])]
            assert {k: r[k] for k in r} == {k: w[k] for k in r}, r
        jan = want[(1, dt.date(2026, 1, 1))]
        assert jan["covered_days"] == "1-10" and jan["days_covered"] == 10
        assert want[(1, dt.date(2025, 12, 1))]["covered_days"] == "30-31"
        assert want[(4, dt.date(2026, 1, 1))]["status"] == "missing"  # a span ending early
    finally:
        con.close()
