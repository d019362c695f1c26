"""Ringkasan judges its period once per rerun: the KPI tiles' one judgement of the compared
periods (q_periods_judgement) holds the period's own, which the index then reads
(warehouse.queries.judgement). The report bar asks for the index too (its rapor list), so the
tiles must be asked before it; asked after, the index judged the period in a statement of its
own (q_period_judgement, 40-60 ms CPU at 1M posts) and the tiles judged it again. The activity
trend's months are judged in the tiles' statement too (their months kept: judgement.
periods_judgement), so the page runs one judgement statement."""

from __future__ import annotations

from tests.app.test_pages import run_page
from ui import data
from warehouse.queries import judgement


def test_ringkasan_with_its_report_bar_judges_the_period_once(copy_db, use_db, monkeypatch):
    use_db(copy_db)
    data.clear_all()
    ran: list[str] = []
    real = judgement._run_arrow

    def counted(con, name, params):
        ran.append(name)
        return real(con, name, params)

    monkeypatch.setattr(judgement, "_run_arrow", counted)
    at = run_page("ringkasan")
    assert not at.exception
    # The report bar is drawn (its rapor list reads the index) ...
    keys = [d.proto.id.rsplit("-", 1)[-1] for d in at.get("download_button")]
    assert "rapor_pdf" in keys
    # ... and the period is judged inside the tiles' one statement only.
    # (q_periods_judgement_months.sql when the periods are whole months the data end
    # does not cut; q_periods_judgement_mixed.sql when one holds a whole month, as the sample's
    # default period cut by its data end on 20 Nov does; else q_periods_judgement.sql:
    # warehouse.queries.judgement._judge_periods)
    assert ran.count("q_period_judgement") == 0, ran
    # Its months (the activity trend) judged in that statement too: no statement more.
    assert ran.count("q_months_judgement") == 0, ran
    periods_statements = {
        "q_periods_judgement", "q_periods_judgement_months", "q_periods_judgement_mixed"
    }  # fmt: skip
    assert len(ran) == 1 and ran[0] in periods_statements, ran
