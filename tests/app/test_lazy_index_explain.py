"""Keaktifan's "how is an OPD's index made?" and the one-OPD view's index detail are built
only while open, like a drill-down (their body, the OPD list and the breakdown table, was built
on every rerun unseen); opened, they show the chosen OPD's breakdown, and the OPD chosen is
still chosen after closing and opening again."""

from __future__ import annotations

import pytest

from tests.app.test_pages import run_page
from ui import scorecard
from warehouse.db import connect


@pytest.fixture
def explained(monkeypatch):
    """The OPDs whose index explanation was built, in order."""
    calls: list[str] = []
    real = scorecard.explain

    def spy(row, thresholds):
        calls.append(row["opd"])
        return real(row, thresholds)

    monkeypatch.setattr(scorecard, "explain", spy)
    return calls


def _selectboxes(at) -> list[str]:
    return [s.key for s in at.selectbox]


def _breakdowns(at) -> list:
    return [d.value for d in at.dataframe if "Sumbangan ke indeks" in d.value.columns]


def test_built_only_while_open_and_the_choice_kept(sample_db, use_db, explained):
    use_db(sample_db)
    at = run_page("keaktifan")
    assert not at.exception
    assert [e.label for e in at.expander if e.label.startswith("Bagaimana indeks")]
    assert "index_opd" not in _selectboxes(at) and not _breakdowns(at) and not explained

    at.session_state["index_explain_open"] = True  # what a click on the header does
    at.run()
    assert not at.exception
    names = at.selectbox(key="index_opd").options
    assert explained == [names[0]] and len(_breakdowns(at)) == 1

    at.selectbox(key="index_opd").select(names[3]).run()
    assert explained[-1] == names[3]
    at.session_state["index_explain_open"] = False
    at.run()
    assert "index_opd" not in _selectboxes(at) and explained[-1] == names[3]
    n = len(explained)
    at.session_state["index_explain_open"] = True
    at.run()
    assert at.selectbox(key="index_opd").value == names[3]
    assert explained[n:] == [names[3]]
    markdown = "\n".join(str(m.value) for m in at.markdown)
    assert f"**{names[3]}**: Indeks **" in markdown


def test_one_opd_detail_built_only_while_open(sample_db, use_db, explained):
    con = connect(sample_db)
    try:
        sql = "SELECT opd FROM v_posts GROUP BY opd ORDER BY count(*) DESC, opd LIMIT 1"
        (name,) = con.execute(sql).fetchone()
    finally:
        con.close()
    use_db(sample_db)
    at = run_page("keaktifan", {"opd": name})
    assert not at.exception
    assert [e.label for e in at.expander if e.label == "Rincian perhitungan indeks"]
    assert not explained and not _breakdowns(at)
    at.session_state["index_detail_open"] = True
    at.run()
    assert not at.exception
    assert explained == [name] and len(_breakdowns(at)) == 1
