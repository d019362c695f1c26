"""The script that translates Streamlit's tooltips and aria-labels survives st.html's
sanitizer and carries the table for the chosen language."""

from __future__ import annotations

import json
import re

from ui import streamlit_texts


def test_the_script_survives_dompurify():
    # DOMPurify removes an element whose text holds "<" followed by a letter or "/": the
    # whole script would silently never run (it happened with a comment "'<name> icon'").
    html = streamlit_texts.global_js()
    body = html.removeprefix("<script>\n").removesuffix("</script>")
    assert html.startswith("<script>") and html.endswith("</script>")
    assert re.search(r"<[/\w]", body) is None


def test_the_table_goes_in_for_indonesian_readers():
    html = streamlit_texts.global_js()
    m = re.search(r"w\.__pmTexts = (\{.*?\});", html)
    assert m is not None
    table = json.loads(m.group(1))
    assert table["Fullscreen"] == "Layar penuh"
    assert table["Show/hide columns"] == "Tampilkan/sembunyikan kolom"
    assert "w.__pmVega = true;" in html
