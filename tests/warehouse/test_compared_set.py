"""A change compares only the OPDs whose data is complete on both compared spans, on every
figure and on both sides (warehouse.compare.restrict, macro compared_opds), and the card, the
caption, the reports and `metrics --json` say on how many. Hand warehouse (tests.factory):
January 2026 against December 2025; one logbook covers every OPD from 2024 to 2027, and each
test takes some of it away."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import cli_reports
from reports import idfmt, monthly, whatsapp
from tests.factory import ACCOUNTS, JAN, OPDS, POSTS, coverage_written, hand_warehouse
from tests.warehouse import reference as ref
from tests.warehouse.test_properties import post
from ui import explain, kpi_cards
from warehouse import analyst_settings, day_counts
from warehouse.queries import summary
from warehouse.queries.filters import Filters

DEC = (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
F = Filters(*JAN)
ALL = [o[0] for o in OPDS]


def _gap(con, opd_id: int, month: tuple[dt.date, dt.date], *, keep: tuple = ()) -> None:
    """The OPD's data for `month` never sent: its logbook covers the days around the month
    only, and its posts of the month are gone, except on the accounts in `keep` (account ids:
    their export for the month did arrive)."""
    a, b = month
    # Every span of the OPD cut around the month: its part after the month kept apart.
    con.execute(
        "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
        " period_end, basis) SELECT load_id, opd_id, platform, account_id, ?, period_end, basis"
        " FROM load_coverage WHERE opd_id = ? AND period_start <= ? AND period_end > ?",
        [b + dt.timedelta(days=1), opd_id, b, b],
    )
    con.execute(
        "UPDATE load_coverage SET period_end = ? WHERE opd_id = ? AND period_start < ?"
        " AND period_end >= ?",
        [a - dt.timedelta(days=1), opd_id, a, a],
    )
    con.execute(
        "DELETE FROM load_coverage WHERE opd_id = ? AND period_start BETWEEN ? AND ?",
        [opd_id, a, b],
    )
    for account_id in keep:
        platform = next(p for acc, _, p, _ in ACCOUNTS if acc == account_id)
        con.execute(
            "INSERT INTO load_coverage (load_id, opd_id, platform, account_id, period_start,"
            " period_end, basis) VALUES (1, ?, ?, ?, ?, ?, 'title')",
            [opd_id, platform, account_id, a, b],
        )
    coverage_written(con)
    kept = f" AND account_id NOT IN ({', '.join(map(str, keep))})" if keep else ""
    con.execute(
        "DELETE FROM posts WHERE opd_id = ? AND published_at >= ? AND published_at < ?" + kept,
        [opd_id, a, b + dt.timedelta(days=1)],
    )
    day_counts.recount(con)


def _posts(start: dt.date, end: dt.date, opds, source=POSTS) -> list[dict]:
    return [p for p in ref.posts_in(start, end, source=source) if p["opd_id"] in opds]


def _source(con) -> list[tuple]:
    """The warehouse's posts in the factory's tuple shape (tests.warehouse.reference reads it)."""
    return con.execute(
        "SELECT opd_id, account_id, platform, published_at, content_type, is_figure_centric,"
        " reactions, comments, shares, reach FROM posts"
    ).fetchall()


def _cards(con, f: Filters = F) -> dict[str, dict]:
    return {r["key"]: r for r in summary.kpi_summary(con, f).iter_rows(named=True)}


def _card_words(monkeypatch, row: dict) -> tuple[str, str | None, str | None]:
    """(value, delta, description) as kpi_cards.kpi_from draws the card of `row`."""
    seen: list[tuple] = []
    monkeypatch.setattr(
        kpi_cards, "kpi", lambda label, value, delta=None, **kw: seen.append((value, delta, kw))
    )
    kpi_cards.kpi_from(pl.DataFrame([row]), row["key"])
    value, delta, kw = seen[0]
    return value, delta, kw.get("description")


def _caption(monkeypatch, row: dict, *, presenting: bool = False) -> str:
    said: list[str] = []
    monkeypatch.setattr(kpi_cards.st, "caption", said.append)
    monkeypatch.setattr(kpi_cards, "presenting", lambda: presenting)
    kpi_cards.comparison_caption(pl.DataFrame([row]))
    return said[0]


def _sides(mine: int, other: int) -> str:
    """': 12 vs 9': the compared OPDs' figures on each side, as the subset words end."""
    return f": {idfmt.format_number(mine, 0)}\u00a0vs\u00a0{idfmt.format_number(other, 0)}"


def test_one_opd_missing_on_the_previous_side_is_left_out_of_every_figure(monkeypatch):
    # The c14 case: several OPDs; Dinkes's Instagram export for December never came, its
    # Facebook one did (its December is partial). Every other OPD is complete.
    con = hand_warehouse()
    try:
        _gap(con, 1, DEC, keep=(1,))
        source = _source(con)
        k = _cards(con)
        payload = cli_reports.metrics_payload(con, F)
    finally:
        con.close()
    others = [o for o in ALL if o != 1]
    posts = k["posts"]
    # Value: the whole month, every OPD. Change: the others only, both sides.
    assert posts["value"] == len(_posts(*JAN, ALL, source))
    assert posts["previous_value"] == len(_posts(*DEC, others, source))
    assert posts["change_previous"] == len(_posts(*JAN, others, source)) - len(
        _posts(*DEC, others, source)
    )
    assert posts["previous_compared_value"] == len(_posts(*JAN, others, source))
    # Dinkes posted in December (on Facebook) and in January: the old change counted both.
    assert _posts(*DEC, [1], source) and _posts(*JAN, [1], source)
    kinerja = k["kinerja_share"]
    dec = _posts(*DEC, others, source)
    assert kinerja["previous_value"] == pytest.approx(
        sum(p["ctype"] in ref.KINERJA for p in dec) / len(dec)
    )
    assert (posts["previous_compared_opds"], posts["previous_scope_opds"]) == (5, 6)
    assert posts["previous_left_out"] == [
        {"opd_id": 1, "opd": "Dinas Kesehatan", "missing": "other"}
    ]
    # Active OPDs among the compared: expected to post, by the reference's rule.
    s = analyst_settings.Settings()
    expected = [o for o in ref.expected_opds() if o != 1]
    for span, col in ((JAN, "previous_compared_value"), (DEC, "previous_value")):
        active = [o for o in ref.active_opds(*span, s.min_posts_per_month, source=source) if o != 1]
        assert k["active_opds"][col] == len(active)
        assert k["activity_rate"][col] == pytest.approx(len(active) / len(expected))
    # The card says so, the caption names who is left out, the JSON lists it.
    # The compared sides are named: the card's own value is over every OPD, so the change
    # alone would be read against value - change.
    sides = _sides(len(_posts(*JAN, others, source)), len(_posts(*DEC, others, source)))
    _value, delta, description = _card_words(monkeypatch, posts)
    assert delta == f"+{posts['change_previous']:.0f}"
    assert description == "vs Des 2025 · 5\u00a0dari\u00a06\u00a0OPD lengkap" + sides
    caption = _caption(monkeypatch, posts)
    assert caption == (
        "Perubahan dibanding Des 2025, pada 5 dari 6 OPD yang datanya lengkap di kedua "
        "periode. Tidak dibandingkan karena datanya belum lengkap di salah satu periode: "
        "Dinas Kesehatan."
    )
    assert "Dinas Kesehatan" not in _caption(monkeypatch, posts, presenting=True)
    prev = payload["comparison"]["previous"]
    assert prev["compared_opds"]["count"] == 5 and prev["compared_opds"]["of"] == 6
    (left,) = prev["compared_opds"]["left_out"]
    assert (left["opd"], left["missing"]) == ("Dinas Kesehatan", "other")
    assert left["reason"] == "datanya tidak lengkap 2025-12-01 s.d. 2025-12-31"
    assert prev["kpis"]["posts"]["value"] == posts["previous_compared_value"]
    assert prev["text"] == "pada 5 dari 6 OPD yang datanya lengkap di kedua periode"
    assert cli_reports._against(prev, "posts").endswith(
        f", pada 5 dari 6 OPD yang datanya lengkap di kedua periode{sides})"
    )


def test_one_opd_missing_on_the_current_side(monkeypatch):
    # Disdik's January never came (its December did): its December posts are left out too.
    con = hand_warehouse()
    try:
        _gap(con, 2, JAN)
        source = _source(con)
        k = _cards(con)
        letter = monthly._change_text(k["posts"])
        recap = whatsapp._change(k["posts"], "id")
    finally:
        con.close()
    others = [o for o in ALL if o != 2]
    posts = k["posts"]
    assert posts["value"] == len(_posts(*JAN, ALL, source))  # the card's own value: every OPD
    assert posts["previous_value"] == len(_posts(*DEC, others, source))
    assert posts["change_previous"] == len(_posts(*JAN, others, source)) - len(
        _posts(*DEC, others, source)
    )
    assert posts["previous_left_out"] == [
        {"opd_id": 2, "opd": "Dinas Pendidikan", "missing": "current"}
    ]
    sides = _sides(len(_posts(*JAN, others, source)), len(_posts(*DEC, others, source)))
    subset = "pada 5 dari 6 OPD yang datanya lengkap di kedua periode" + sides
    assert letter.endswith(f"vs Desember 2025 ({subset})")
    assert recap.endswith(f"Desember 2025, {subset}")
    assert _card_words(monkeypatch, posts)[2].endswith(
        "5\u00a0dari\u00a06\u00a0OPD lengkap" + sides
    )


def test_all_complete_compares_every_opd_in_the_same_words(monkeypatch, wh):
    k = _cards(wh)
    posts = k["posts"]
    assert posts["previous_left_out"] == [] and posts["previous_compared_opds"] == len(ALL)
    assert posts["previous_value"] == len(_posts(*DEC, ALL))
    assert posts["change_previous"] == len(_posts(*JAN, ALL)) - len(_posts(*DEC, ALL))
    # The words are the ones every comparison had before: nothing about a subset.
    _value, _delta, description = _card_words(monkeypatch, posts)
    assert description == "vs Des 2025"
    assert _caption(monkeypatch, posts) == "Perubahan dibanding Des 2025."
    assert explain.compared_set_text(posts) == ""
    assert monthly._change_text(posts) == f"+{posts['change_previous']:.0f} vs Desember 2025"


def test_nothing_complete_on_both_sides_is_no_comparison(monkeypatch):
    # Dinkes has no December, every other OPD no January: each day of both months has data
    # from someone, but no OPD is complete on both, so nothing compares.
    con = hand_warehouse()
    try:
        _gap(con, 1, DEC)
        for opd_id in ALL[1:]:
            _gap(con, opd_id, JAN)
        k = _cards(con)
        prev = cli_reports.metrics_payload(con, F)["comparison"]["previous"]
    finally:
        con.close()
    posts = k["posts"]
    assert set(k_["previous_status"] for k_ in k.values()) == {"none"}
    assert posts["previous_reason"] == "other_gaps"
    assert posts["change_previous"] is None and posts["previous_value"] is None
    assert posts["previous_compared_opds"] == 0
    _value, delta, description = _card_words(monkeypatch, posts)
    assert delta == "belum ada pembanding" and description is None
    assert _caption(monkeypatch, posts) == (
        "Perubahan tidak ditampilkan: belum ada pembanding (data Desember 2025 belum lengkap)"
    )
    assert prev["status"] == "none" and prev["text"] == "belum ada pembanding"
    assert len(prev["compared_opds"]["left_out"]) == len(ALL)


# --- generated warehouses ----------------------------------------------------------------------

# Which of its data an OPD lacks: nothing, December, January, both, or (Dinkes) only its
# Instagram account's December (its Facebook export for December arrived).
GAPS = st.sampled_from(["none", "none", "dec", "jan", "both", "ig_dec"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(post, max_size=50),
    st.lists(GAPS, min_size=len(ALL), max_size=len(ALL)),
    st.sampled_from([(), ("facebook",), ("instagram", "tiktok")]),
    st.integers(1, 4),
)
def test_compared_figures_equal_a_recount_over_the_complete_opds(posts, gaps, platforms, minimum):
    con = hand_warehouse(posts)
    try:
        for opd_id, gap in zip(ALL, gaps, strict=True):
            if gap in ("dec", "both"):
                _gap(con, opd_id, DEC)
            if gap in ("jan", "both"):
                _gap(con, opd_id, JAN)
            if gap == "ig_dec" and opd_id == 1:
                _gap(con, 1, DEC, keep=(1,))
        source = _source(con)
        s = analyst_settings.Settings(min_posts_per_month=minimum)
        f = Filters(*JAN, platforms=platforms)
        k = {r["key"]: r for r in summary.kpi_summary(con, f, s).iter_rows(named=True)}
    finally:
        con.close()

    # Complete, by hand: an OPD is left out when it lacks a month, Dinkes with "ig_dec" only
    # when its Instagram account is in scope (its Facebook December arrived).
    def lacks(opd_id: int, gap: str) -> bool:
        if gap == "ig_dec":
            return opd_id == 1 and (not platforms or "instagram" in platforms)
        return gap != "none"

    compared = [o for o, g in zip(ALL, gaps, strict=True) if not lacks(o, g)]
    posts_k = k["posts"]
    if not compared:
        assert posts_k["previous_status"] == "none" and posts_k["change_previous"] is None
        return
    jan = [p for p in _posts(*JAN, compared, source) if not platforms or p["platform"] in platforms]
    dec = [p for p in _posts(*DEC, compared, source) if not platforms or p["platform"] in platforms]
    assert posts_k["previous_value"] == len(dec)
    assert posts_k["change_previous"] == len(jan) - len(dec)
    assert posts_k["previous_compared_value"] == len(jan)
    assert posts_k["previous_compared_opds"] == len(compared)
    assert sorted(o["opd_id"] for o in posts_k["previous_left_out"]) == sorted(
        set(ALL) - set(compared)
    )
    for side, col in ((jan, "previous_compared_value"), (dec, "previous_value")):
        share = k["kinerja_share"][col]
        if side:
            assert share == pytest.approx(sum(p["ctype"] in ref.KINERJA for p in side) / len(side))
        else:
            assert share is None
    expected = [o for o in ref.expected_opds() if o in compared]
    for span, col in ((JAN, "previous_compared_value"), (DEC, "previous_value")):
        active = [
            o
            for o in ref.active_opds(*span, minimum, platforms=platforms, source=source)
            if o in compared
        ]
        assert k["active_opds"][col] == len(active)
        rate = k["activity_rate"][col]
        assert rate == (pytest.approx(len(active) / len(expected)) if expected else None)
