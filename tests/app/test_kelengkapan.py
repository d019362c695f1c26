"""Kelengkapan Data under AppTest on the sample warehouse: the tiles equal a recount of the raw
coverage rows done here in Python, the missing list and the WhatsApp text name the OPDs, the
Ringkasan panel shows the same counts, and the CLI's `metrics --json` equals the page numbers."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import json

from etl import cli
from reports import idfmt
from tests.app.conftest import default_period
from tests.app.test_pages import metric, run_page, texts
from warehouse.db import connect


def _recount(path, start: dt.date, end: dt.date) -> dict[str, int]:
    """received / partial / missing account-months of expected OPDs, from load_coverage itself:
    the union of live loads' days per account, resolved to master accounts by hand."""
    con = connect(path)
    try:
        accounts = con.execute(
            "SELECT a.account_id, a.opd_id, a.platform FROM account a JOIN opd o USING (opd_id)"
            " WHERE o.expected_to_post"
        ).fetchall()
        spans = con.execute(
            "SELECT c.opd_id, c.platform, c.account_id, c.period_start, c.period_end"
            " FROM load_coverage c JOIN loads l USING (load_id) WHERE l.status = 'loaded'"
        ).fetchall()
    finally:
        con.close()
    days: dict[int, set[dt.date]] = {a: set() for a, _, _ in accounts}
    for aid, opd, plat in accounts:
        for s_opd, s_plat, s_acc, a, b in spans:
            if s_opd == opd and s_plat in (None, plat) and s_acc in (None, aid):
                days[aid].update(a + dt.timedelta(n) for n in range((b - a).days + 1))
    counts = {"received": 0, "partial": 0, "missing": 0}
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        month = {dt.date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)}
        for aid in days:
            got = len(days[aid] & month)
            counts["received" if got == len(month) else "partial" if got else "missing"] += 1
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return counts


def test_tiles_equal_an_independent_recount(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    expected = _recount(sample_db, start, end)
    at = run_page("kelengkapan")
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.error, [e.value for e in at.error]
    assert metric(at, "Diterima lengkap") == idfmt.format_number(expected["received"])
    # The first card is the grid and the three statuses add up to it (recounted apart).
    total = expected["received"] + expected["partial"] + expected["missing"]
    assert metric(at, "Akun-bulan") == idfmt.format_number(total)
    assert metric(at, "Sebagian") == idfmt.format_number(expected["partial"])
    assert metric(at, "Belum ada") == idfmt.format_number(expected["missing"])
    assert expected["missing"] > 0, "the sample keeps some months missing on purpose"
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert charts, "no coverage grid drawn"


def test_missing_list_names_operators_and_whatsapp_text(sample_db, use_db):
    use_db(sample_db)
    _, end = default_period(sample_db)
    con = connect(sample_db)
    try:
        rows = con.execute(
            "SELECT DISTINCT o.name, o.operator_name FROM v_account_month_coverage m"
            " JOIN opd o USING (opd_id) WHERE m.expected_to_post AND m.status <> 'received'"
            " AND m.month_start = ?",
            [end.replace(day=1)],
        ).fetchall()
    finally:
        con.close()
    assert rows, "some account is incomplete in the last month of the sample"
    at = run_page("kelengkapan")
    table = at.dataframe[0].value
    assert sorted(table["OPD"]) == sorted(name for name, _ in rows)
    shown_ops = {o for o in table["Operator"] if o}
    assert shown_ops == {op for _, op in rows if op}
    text = at.code[0].value
    assert text.startswith(f"*Data medsos {idfmt.format_month(end)} yang belum masuk*")
    assert all(name in text for name, _ in rows)
    # Operator names are personal data: only in the text when the analyst asks.
    assert not any(op in text for _, op in rows if op)
    at.checkbox(key="coverage_wa_ops").check().run()
    assert any(op in at.code[0].value for _, op in rows if op)


def test_presentation_hides_operator_names(sample_db, use_db):
    use_db(sample_db)
    con = connect(sample_db)
    try:
        ops = [
            r[0]
            for r in con.execute(
                "SELECT operator_name FROM opd WHERE operator_name <> ''"
            ).fetchall()
        ]
    finally:
        con.close()
    at = run_page("kelengkapan", {"presentasi": "1"})
    assert not at.exception
    # On the projector the page is slides: go to the one listing what is still missing.
    for _ in range(3):
        if "Yang belum masuk" in [s.value for s in at.subheader]:
            break
        at.button(key="slide_next").click().run()
    assert [s.value for s in at.subheader] == ["Yang belum masuk"]
    # A slide's table is an HTML table (ui/slide_table.py): its whole text is in the page.
    tables = [h.proto.body for h in at.get("html") if 'class="slide-table"' in h.proto.body]
    assert tables and "<th>OPD</th>" in tables[0]
    shown = " ".join(tables)
    assert not any(op in shown for op in ops)
    assert not at.code


def test_ringkasan_panel_counts(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    expected = _recount(sample_db, start, end)
    total = sum(expected.values())
    at = run_page("ringkasan")
    assert not at.exception
    body = texts(at)
    assert (
        f"**{idfmt.format_number(expected['received'])}** dari {idfmt.format_number(total)} "
        "akun-bulan diterima"
    ) in body


def test_cli_metrics_json_equals_the_pages(sample_db, use_db):
    use_db(sample_db)
    start, end = default_period(sample_db)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(
            ["--db", str(sample_db), "metrics", "--from", f"{start:%Y-%m}", "--to", f"{end:%Y-%m}",
             "--json"]
        )  # fmt: skip
    assert code == 0
    got = json.loads(out.getvalue())
    at = run_page("ringkasan")
    assert metric(at, "Tingkat keaktifan") == idfmt.format_percent(got["kpis"]["activity_rate"])
    assert metric(at, "Postingan") == idfmt.format_number(got["kpis"]["posts"])
    assert metric(at, "Porsi kinerja") == idfmt.format_percent(got["kpis"]["kinerja_share"])
    ka = run_page("keaktifan")
    ranking = ka.dataframe[0].value
    assert list(ranking["OPD"]) == [o["opd"] for o in got["opds"]]
    inactive = {o["opd"] for o in got["opds"] if not o["is_active"]}
    listed = [d.value for d in ka.dataframe if "Alasan" in d.value.columns]
    assert set(listed[0]["OPD"]) == inactive
