"""A shared link naming one OPD (?opd=) the way people write it: the short name or another
case opens that OPD's view; a name the list does not have is said aloud, never dropped
silently under figures that are then every OPD's."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from tests.app.test_pages import run_page, texts
from ui.filters import match_opd_names
from warehouse.db import connect

OPDS = pl.DataFrame(
    {
        "opd": ["Dinas Kesehatan", "Dinas Sosial", "Kecamatan Sukamaju"],
        "opd_short": ["Dinkes", "Dinsos", None],
    }
)


def test_short_names_and_case_and_spaces_read_as_the_full_name():
    found, unknown = match_opd_names(["dinkes", "  DINAS   sosial ", "Dinas Entah"], OPDS)
    assert found == ["Dinas Kesehatan", "Dinas Sosial"]
    assert unknown == ["Dinas Entah"]


@given(st.lists(st.sampled_from(["Dinas Kesehatan", "Dinkes", "kecamatan sukamaju", "x"])))
def test_every_name_is_found_once_or_reported(asked):
    found, unknown = match_opd_names(asked, OPDS)
    assert len(found) == len(set(found))
    assert set(found) <= set(OPDS["opd"].to_list())
    assert unknown == [a for a in asked if a == "x"]


def _short_name(db) -> tuple[str, str]:
    con = connect(db)
    try:
        return con.execute(
            "SELECT name, short_name FROM opd WHERE short_name IS NOT NULL"
            " AND short_name <> name ORDER BY name LIMIT 1"
        ).fetchone()
    finally:
        con.close()


def test_a_link_with_the_short_name_opens_that_opds_view(sample_db, use_db):
    use_db(sample_db)
    full, short = _short_name(sample_db)
    at = run_page("ringkasan", {"opd": short.lower()})
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert at.multiselect(key="opd").value == [full]
    assert [m for m in at.metric if m.label == "Status keaktifan"]


def test_an_unknown_opd_in_the_link_is_said_aloud(sample_db, use_db):
    use_db(sample_db)
    at = run_page("ringkasan", {"opd": "Dinas Yang Tidak Ada"})
    assert not at.exception
    warned = " ".join(str(w.value) for w in at.warning)
    assert "Dinas Yang Tidak Ada" in warned and "tidak ditemukan" in warned
    assert at.multiselect(key="opd").value == []
    assert "Status keaktifan" not in texts(at)
