"""AppTest: Keaktifan, Jenis Konten and Tren filtered to one OPD tell that OPD's own story
(status in numbers, index parts and rank among all, months with coverage respected, its mix
beside every OPD's, its line beside a typical OPD's) instead of charts meant for many.

Expected figures come from the test's own SQL on the sample warehouse, never through the UI.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reports import idfmt
from tests import factory
from tests.app.conftest import default_period
from tests.app.test_pages import metric, run_page, texts
from tests.factory import coverage_written
from warehouse.db import connect

MONTHS_ID = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip
SHORT_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def _rows(path, sql: str, params: list | None = None) -> list[tuple]:
    con = connect(path)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _month_name(d: dt.date) -> str:
    return f"{MONTHS_ID[d.month - 1]} {d.year}"


@pytest.fixture(scope="module")
def gap_opd(sample_db, tmp_path_factory):
    """A copy of the sample in which an expected-to-post OPD that posted nothing in the default
    period has a month whose data never arrived (every account missing) and a month only partly
    received: its last month's coverage is cut to end 10 days before the data end, so that month
    is partial even within the judged period (a month covered up to the data end is judged, not
    partial). Returns (warehouse, name, missing months, partial month, its last covered day,
    judged months)."""
    start, end = default_period(sample_db)
    months = _rows(
        sample_db,
        "SELECT opd, opd_id, month_start, bool_and(status = 'missing'), sum(n_posts) "
        "FROM v_account_month_coverage WHERE expected_to_post AND month_start BETWEEN ? AND ? "
        "GROUP BY ALL ORDER BY opd, month_start",
        [start, end],
    )
    by_opd: dict[str, list[tuple]] = {}
    for r in months:
        by_opd.setdefault(r[0], []).append(r)
    (data_end,) = _rows(sample_db, "SELECT data_end FROM v_data_end")[0]
    last_month = dt.date(data_end.year, data_end.month, 1)
    silent = [
        (name, rows[0][1], [r[2] for r in rows if r[3]])
        for name, rows in sorted(by_opd.items())
        if sum(r[4] for r in rows) == 0
        and any(r[3] for r in rows)
        and any(r[2] == last_month and not r[3] for r in rows)
    ]
    if not silent:
        pytest.fail("the sample has no silent OPD with a missing month and data in the last one")
    name, opd_id, missing = silent[0]
    through = data_end - dt.timedelta(days=10)
    path = factory.private_copy(sample_db, tmp_path_factory.mktemp("gap"))
    con = connect(path)
    try:
        con.execute(
            "UPDATE load_coverage SET period_end = $t WHERE opd_id = $o AND period_end > $t",
            {"t": through, "o": opd_id},
        )
        con.execute(
            "DELETE FROM load_coverage WHERE opd_id = $o AND period_start > period_end",
            {"o": opd_id},
        )
        coverage_written(con)
    finally:
        con.close()
    # Judged: months every account's data covers up to the month's end or the data end.
    (judged,) = _rows(
        path,
        "SELECT count(*) FROM (SELECT month_start FROM v_account_month_coverage "
        "WHERE opd_id = ? AND month_start BETWEEN ? AND ? GROUP BY ALL "
        "HAVING bool_and(status = 'received' OR last_covered >= least(month_end, ?)))",
        [opd_id, start, end, data_end],
    )[0]
    return path, name, missing, last_month, through, judged


def _no_errors(at) -> None:
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", ["keaktifan", "tren", "ringkasan"])
def test_a_month_not_received_and_a_partial_month_are_named(page, use_db, gap_opd):
    path, name, missing, partial, through, judged = gap_opd
    use_db(path)
    at = run_page(page, {"opd": name})
    _no_errors(at)
    shown = texts(at)
    gone = ", ".join(_month_name(m) for m in missing)
    assert f"Data belum diterima (bukan nol postingan): {gone}." in shown
    reach = f"s.d. {through.day} {SHORT_ID[through.month - 1]}"
    assert (
        f"Data sebagian: {_month_name(partial)} ({reach}); 0 postingan (semua akun) sudah masuk"
        in shown
    )
    # Months not judged are neither active nor inactive: "0 dari <judged>".
    assert metric(at, "Bulan aktif") == f"0 dari {judged}"


def test_keaktifan_one_opd_shows_its_status_index_and_rank_among_all(sample_db, use_db):
    use_db(sample_db)
    everyone = run_page("keaktifan")
    _no_errors(everyone)
    ranking = everyone.dataframe[0].value
    # The table shows formatted figures ("96,3"); "-" for an OPD without an index.
    ranked = ranking[ranking["Indeks"].notna() & (ranking["Indeks"] != "-")]
    top = ranked.iloc[0]
    at = run_page("keaktifan", {"opd": top["OPD"]})
    _no_errors(at)
    labels = [m.label for m in at.metric]
    # No rate or count over one OPD, no ranking table of one row.
    assert "OPD aktif" not in labels and "OPD belum aktif" not in labels
    assert not any("Peringkat Indeks Medsos OPD" in s.value for s in at.subheader)
    # The index and rank are those of the ranking over every OPD (an interaction score is a
    # percentile among OPDs: computed over one OPD it would differ).
    assert metric(at, "Indeks Medsos") == top["Indeks"]
    assert metric(at, f"Peringkat dari {len(ranked)} OPD") == "1"
    assert metric(at, "Status keaktifan") == "Aktif"
    assert any("dari mana nilainya" in s.value for s in at.subheader)
    assert f"peringkat 1 dari {len(ranked)} OPD" in texts(at)


def test_jenis_konten_one_opd_compares_its_mix_with_all(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    name, opd_posts = _rows(
        sample_db,
        "SELECT o.name, count(*) FROM opd o JOIN v_posts p USING (opd_id) "
        "WHERE o.expected_to_post AND p.published_at >= ? AND p.published_at < ? + 1 "
        "GROUP BY ALL ORDER BY count(*) DESC, o.name LIMIT 1",
        [start, end],
    )[0]
    all_posts = _rows(
        sample_db,
        "SELECT count(*) FROM v_posts WHERE published_at >= ? AND published_at < ? + 1",
        [start, end],
    )[0][0]
    at = run_page("konten", {"opd": name})
    _no_errors(at)
    assert metric(at, "Postingan") == idfmt.format_number(opd_posts)
    heads = [s.value for s in at.subheader]
    assert any(h.startswith("Komposisi konten") and "dibanding semua OPD" in h for h in heads)
    assert any(h.startswith("Format postingan") and "dibanding semua OPD" in h for h in heads)
    assert "Komposisi konten per OPD" not in heads and "Format postingan per OPD" not in heads
    assert f"{idfmt.format_number(opd_posts)} postingan" in texts(
        at
    ) and f"abu-abu: {idfmt.format_number(all_posts)} postingan semua OPD" in texts(at)
    assert any(h.startswith("Contoh postingan") for h in heads)


def test_tren_one_opd_draws_its_line_against_a_typical_opd(use_db, gap_opd):
    path, name, _missing, _partial, _through, judged = gap_opd
    use_db(path)
    at = run_page("tren", {"opd": name})
    _no_errors(at)
    labels = [m.label for m in at.metric]
    assert "OPD aktif" not in labels
    assert any("dibanding OPD lain" in s.value for s in at.subheader)
    # The OPD posted nothing: above the median in 0 of its judged months.
    assert f"di atas median pada 0 dari {judged} bulan yang dinilai" in texts(at)


@pytest.mark.parametrize(
    ("page", "slides"),
    [
        ("keaktifan", {"Angka utama", "dari mana nilainya", "per bulan", "Kalender", "Akun"}),
        ("konten", {"Angka utama", "dibanding semua OPD", "per bulan"}),
        ("tren", {"Angka utama", "dibanding OPD lain"}),
    ],
)
def test_one_opd_decks_hold_its_own_slides(page, slides, sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    name = _rows(
        sample_db,
        "SELECT o.name FROM opd o JOIN v_posts p USING (opd_id) WHERE o.expected_to_post "
        "AND p.published_at >= ? AND p.published_at < ? + 1 "
        "GROUP BY ALL ORDER BY count(*) DESC, o.name LIMIT 1",
        [start, end],
    )[0][0]
    at = run_page(page, {"opd": name, "presentasi": "1"})
    seen: list[str] = []
    while True:
        _no_errors(at)
        bar = [m.value for m in at.markdown if str(m.value).startswith("**Slide ")]
        assert bar, "no slide bar"
        seen.append(" ".join(s.value for s in at.subheader) or "Angka utama")
        if at.button(key="slide_next").disabled:
            break
        at.button(key="slide_next").click().run()
    assert bar[0].startswith(f"**Slide {len(seen)} dari {len(seen)}**")
    for want in slides:
        assert any(want in s for s in seen), (want, seen)
