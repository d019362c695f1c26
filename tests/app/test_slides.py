"""Presentation mode: one slide at a time, slide number in the URL, clamped when out of range;
the normal layout still draws every chart. And the index breakdown adds up to the index."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP
from ui import slides


def charts(at: AppTest) -> int:
    return len(at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))


def slide_line(at: AppTest) -> str:
    found = [str(m.value) for m in at.markdown if str(m.value).startswith("**Slide ")]
    assert len(found) == 1, found
    return found[0]


def present(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["presentasi"] = "1"
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    return at


def test_navigation_changes_what_is_drawn(sample_db, use_db):
    use_db(sample_db)
    at = present()
    assert slide_line(at).startswith("**Slide 1 dari 5**")
    assert len(at.metric) == 4 and charts(at) == 0
    assert at.button(key="slide_prev").disabled

    at.button(key="slide_next").click().run()
    assert not at.exception
    assert slide_line(at).startswith("**Slide 2 dari 5**")
    assert _param(at) == "2"
    assert len(at.metric) == 0 and charts(at) == 1
    assert [s.value for s in at.subheader] == ["Tingkat keaktifan per bulan"]

    at.button(key="slide_next").click().run()
    assert [s.value for s in at.subheader] == ["Komposisi konten"]
    at.button(key="slide_prev").click().run()
    at.button(key="slide_prev").click().run()
    assert slide_line(at).startswith("**Slide 1 dari 5**")
    assert len(at.metric) == 4


def _param(at: AppTest) -> str:
    v = at.query_params["slide"]
    return v[0] if isinstance(v, list) else v


def test_url_slide_is_honoured(sample_db, use_db):
    use_db(sample_db)
    at = present({"slide": "5"})
    assert slide_line(at).startswith("**Slide 5 dari 5**")
    assert [s.value for s in at.subheader] == ["5 OPD terbawah (Indeks Medsos)"]
    assert charts(at) == 1 and len(at.metric) == 0
    assert at.button(key="slide_next").disabled


@pytest.mark.parametrize(("asked", "shown"), [("99", 5), ("0", 1), ("-3", 1), ("dua", 1)])
def test_out_of_range_slide_clamps(asked, shown, sample_db, use_db):
    use_db(sample_db)
    at = present({"slide": asked})
    assert slide_line(at).startswith(f"**Slide {shown} dari 5**")
    assert _param(at) == str(shown)


def test_clamp():
    assert [slides.clamp(n, 4) for n in (None, -1, 0, 1, 4, 5, 100)] == [1, 1, 1, 1, 4, 4, 4]


def test_normal_layout_draws_every_chart(sample_db, use_db):
    use_db(sample_db)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["slide"] = "3"
    at.run()
    assert not at.exception
    assert not [m for m in at.markdown if str(m.value).startswith("**Slide ")]
    assert len(at.metric) == 4 and charts(at) == 4
    assert "slide" not in at.query_params


def test_index_breakdown_adds_up_to_the_index(sample_db, use_db):
    from tests.app.test_pages import run_page

    use_db(sample_db)
    at = run_page("keaktifan")
    at.session_state["index_explain_open"] = True  # drawn only while open
    at.run()
    assert not at.exception
    ranking = at.dataframe[0].value
    who = at.selectbox(key="index_opd").value
    row = ranking[ranking["OPD"] == who].iloc[0]
    num = lambda s: float(str(s).replace(".", "").replace(",", "."))  # noqa: E731
    breakdown = next(d.value for d in at.dataframe if "Sumbangan ke indeks" in d.value.columns)
    assert list(breakdown["Komponen"]) == [
        "Frekuensi", "Konsistensi", "Porsi kinerja", "Cakupan platform", "Interaksi",
    ]  # fmt: skip
    weights = [num(str(w).rstrip("%")) for w in breakdown["Bobot"]]
    assert sum(weights) == pytest.approx(100, abs=0.3)
    # Rounded to one decimal each: five contributions sum to the index within rounding.
    total = sum(num(p) for p in breakdown["Sumbangan ke indeks"])
    assert total == pytest.approx(num(row["Indeks"]), abs=0.3)
    assert f"Indeks **{row['Indeks']}**" in "\n".join(str(m.value) for m in at.markdown)
