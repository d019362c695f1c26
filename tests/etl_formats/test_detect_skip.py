"""Detection skips a preview row with no header cell of a format without resolving it: the
result equals detection as it was (etl/detect.py kept word for word in before/detect_old.py)
on rows mixing every format's header aliases, link sub-headings, data and empty cells, with
and without a hand column mapping or a format hint, and on the preview rows of every sample
and test-case workbook and export."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from etl import detect as new
from etl import text_grid
from tests.etl_formats.before import detect_old as old

_ALIASES = sorted({a for mod in new.MODULES.values() for al in mod.HEADERS.values() for a in al})
_CELL = st.one_of(
    st.none(),
    st.sampled_from(_ALIASES),
    st.sampled_from(["Facebook", "Instagram", "TikTok", "Link IG", "URL YouTube", "Twitter / X",
                     "", "  ", "1", "05/01/2026", "https://www.instagram.com/p/AB1/",
                     "Rapat koordinasi", "JUMLAH", "Mengetahui"]),
    st.text(max_size=12),
)  # fmt: skip
# A header row of one format: for each of its fields one of its aliases or an empty cell, in
# any order (so rows that qualify for every format are drawn, and rows that nearly do).
_HEADER = st.sampled_from(new.FORMATS).flatmap(
    lambda f: st.tuples(
        *[st.one_of(st.none(), st.sampled_from(al)) for al in new.MODULES[f].HEADERS.values()]
    ).flatmap(lambda row: st.permutations(list(row)))
)
_PLAIN_ROWS = st.lists(st.lists(_CELL, max_size=9), max_size=12)
_ROWS = st.one_of(
    _PLAIN_ROWS,
    st.tuples(_PLAIN_ROWS, _HEADER, st.integers(0, 12)).map(
        lambda t: [*t[0][: t[2]], t[1], *t[0][t[2] :]]
    ),
)
_MAP = st.one_of(st.none(), st.dictionaries(st.sampled_from(["Judul", "Tgl", "Tautan", "x"]),
                                            st.sampled_from(new.POST_FIELDS), max_size=2))  # fmt: skip
_HINT = st.one_of(st.none(), st.sampled_from(new.FORMATS))


def _d(det: object) -> object:
    # Each module has its own Detection class: compare the fields.
    return None if det is None else dataclasses.asdict(det)  # type: ignore[call-overload]


@settings(max_examples=600, deadline=None)
@given(_ROWS, _MAP, _HINT)
# A row with no header cell over a row of sub-headings that alone make a logbook's header.
@example([["Rekap", None], ["Tanggal", "Instagram"]], None, None)
def test_same_detection_as_before(rows, column_map, hint):
    assert _d(new.detect(rows, column_map=column_map, format_hint=hint)) == _d(
        old.detect(rows, column_map=column_map, format_hint=hint)
    )


def test_same_detection_on_every_shipped_file():
    from etl.readers import read_excel_sheets

    seen = 0
    roots = [Path("sample_data"), Path("tests/cases")]
    for f in sorted(p for r in roots for p in r.rglob("*.xlsx")):
        for sheet in read_excel_sheets(f.read_bytes(), f.name, "xlsx"):
            rows = [list(r) for r in sheet.grid.head(text_grid.PREVIEW_ROWS).iter_rows()]
            assert _d(new.detect(rows)) == _d(old.detect(rows)), (f, sheet.name)
            seen += 1
    csvs = sorted(Path("tests/cases").rglob("*.csv")) + sorted(Path("sample_data").rglob("*.csv"))
    for f in csvs[:120]:
        import polars as pl

        grid = pl.read_csv(f, has_header=False, infer_schema=False, truncate_ragged_lines=True)
        rows = [list(r) for r in grid.head(text_grid.PREVIEW_ROWS).iter_rows()]
        assert _d(new.detect(rows)) == _d(old.detect(rows)), f
        seen += 1
    assert seen > 100
