"""A table on a slide: an HTML table whose text wraps inside its columns, with as many rows
as the screen below the slide's title holds, measured in the browser.

A projector cannot scroll and a data grid (a canvas) cuts a long cell at its column's edge and
its last columns at the table's edge. On a slide a table is therefore drawn as a plain HTML
table: every cell's text wraps, so nothing is cut sideways, and the browser test measures each
cell (tests/browser/slidecheck.py). Rows: the page sends up to MAX_ROWS of them; a small script
shows the rows whose bottom lies above the screen's bottom edge (less the line that counts the
rest), hides the others and writes "dan N baris lainnya" with their number, again whenever
the window changes size. So a 1366x768 projector shows fewer rows than a 1920x1080 one, each
whole, and neither leaves half the screen empty.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Collection

import polars as pl
import streamlit as st

from ui import i18n

# Rows a slide is sent at most (1920x1080 with one-line rows holds about 16).
MAX_ROWS = 24
_ids = itertools.count(1)

_CSS = """
<style>
.slide-table { width: 100%; }
.slide-table table { width: 100%; border-collapse: collapse; table-layout: auto; }
.slide-table th, .slide-table td {
    padding: 0.3rem 0.6rem; border-bottom: 1px solid rgba(49, 51, 63, 0.15);
    text-align: left; vertical-align: top; white-space: normal; overflow-wrap: anywhere;
    font-size: 1.2rem; line-height: 1.3;
}
.slide-table th { font-weight: 600; color: rgba(49, 51, 63, 0.75); }
.slide-table td.num, .slide-table th.num { text-align: right; white-space: nowrap; }
.slide-table td.short, .slide-table th.short { white-space: nowrap; }
.slide-table .slide-table-more { margin: 0.4rem 0 0 0; color: rgba(49, 51, 63, 0.6); }
@media (max-height: 820px) {
    .slide-table th, .slide-table td { font-size: 1.05rem; padding: 0.2rem 0.5rem; }
}
</style>
"""

# Hides the rows that would end below the screen and counts them. Runs in the page (st.html
# with JavaScript): `__ID__`, `__MORE__` (sentence with {n}) and `__LEFT__` (rows the page did
# not send) are filled in by Python.
_JS = """
<script>
(() => {
  const id = __ID__, more = __MORE__, left = __LEFT__, locale = __LOCALE__;
  const fit = () => {
    const box = document.getElementById(id);
    if (!box) return false;
    const rows = [...box.querySelectorAll('tbody tr')];
    const note = box.querySelector('.slide-table-more');
    rows.forEach(r => { r.style.display = ''; });
    note.style.display = '';
    note.textContent = more.replace('{n}', '0');
    // Room for the note under the table, and the page's own bottom padding.
    const pad = parseFloat(getComputedStyle(
      document.querySelector('[data-testid="stMainBlockContainer"]') || document.body
    ).paddingBottom) || 0;
    const limit = window.innerHeight - pad - note.getBoundingClientRect().height - 8;
    let hidden = 0;
    for (let i = rows.length - 1; i >= 1; i--) {
      if (rows[i].getBoundingClientRect().bottom <= limit) break;
      rows[i].style.display = 'none';
      hidden++;
    }
    const n = hidden + left;
    if (n) note.textContent = more.replace('{n}', n.toLocaleString(locale));
    else note.style.display = 'none';
    return true;
  };
  const start = () => {
    if (!fit()) { setTimeout(start, 100); return; }
    // Fonts and the layout above the table settle after the first paint: fit again then,
    // and whenever the window (the projector) changes size.
    setTimeout(fit, 300);
    window.addEventListener('resize', fit);
  };
  start();
})();
</script>
"""


def table_html(
    shown: pl.DataFrame,
    *,
    numeric: Collection[str],
    short: Collection[str] = (),
    table_id: str,
) -> str:
    """The <table> of `shown` (display strings, ui.tables.display_frame): header from the
    column names, numbers right-aligned and unbroken (columns in `numeric`), `short` columns
    unbroken, every other cell wrapping. Every text is HTML-escaped."""

    def cls(name: str) -> str:
        if name in numeric:
            return ' class="num"'
        return ' class="short"' if name in short else ""

    head = "".join(f"<th{cls(c)}>{html.escape(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{cls(c)}>{html.escape('' if v is None else str(v))}</td>"
            for c, v in zip(shown.columns, row, strict=True)
        )
        + "</tr>"
        for row in shown.iter_rows()
    )
    return (
        f'<div class="slide-table" id="{table_id}"><table><thead><tr>{head}</tr></thead>'
        f'<tbody>{body}</tbody></table><p class="slide-table-more"></p></div>'
    )


def more_sentence() -> str:
    """The line under a slide table counting the rows left out ({n}: their number)."""
    return i18n.tr(
        "dan {n} baris lainnya (daftar lengkap di tampilan biasa dan lampirannya).",
        "and {n} more rows (the full list is on the normal view and in its lampiran).",
    )


def draw(shown: pl.DataFrame, *, numeric: Collection[str], short: Collection[str] = ()) -> None:
    """Draw `shown` (display strings) as a slide table fitted to the screen's height."""
    sent = shown.head(MAX_ROWS)
    table_id = f"slide-table-{next(_ids)}"
    script = (
        _JS.replace("__ID__", json.dumps(table_id))
        .replace("__MORE__", json.dumps(more_sentence()))
        .replace("__LEFT__", str(shown.height - sent.height))
        .replace("__LOCALE__", json.dumps("en-US" if i18n.current_lang() == "en" else "id-ID"))
    )
    st.html(
        _CSS + table_html(sent, numeric=numeric, short=short, table_id=table_id) + script,
        unsafe_allow_javascript=True,
    )
