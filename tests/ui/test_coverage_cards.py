"""The Kelengkapan key figures partition the grid: received + partial + missing add up to the
account-months of the grid, and "tidak menyerahkan data" is said inside its parent card."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from ui import coverage_panel
from warehouse import coverage

_CELL = st.sampled_from(
    [
        ("received", None),
        ("partial", "not_received"),
        ("partial", "not_submitted"),
        ("missing", "not_received"),
        ("missing", "not_submitted"),
    ]
)


def _grid(cells: list[tuple[str, str | None]], months: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "account_id": [i // months for i in range(len(cells))],
            "month_start": [dt.date(2026, 1 + i % months, 1) for i in range(len(cells))],
            "status": [c[0] for c in cells],
            "reason_code": [c[1] for c in cells],
        },
        schema={
            "account_id": pl.Int64,
            "month_start": pl.Date,
            "status": pl.String,
            "reason_code": pl.String,
        },
    )


@given(st.lists(_CELL, max_size=60), st.integers(1, 12))
def test_the_status_cards_add_up_to_the_grid(cells, months):
    grid = _grid(cells, months)
    cards = coverage_panel.status_cards(coverage.summarize(grid))
    total = [c for c in cards if not c.part]
    parts = [c for c in cards if c.part]
    assert len(total) == 1 and total[0].value == grid.height
    assert sum(c.value for c in parts) == grid.height
    late = sum(1 for c in cells if c[1] == "not_submitted")
    # The late account-months are named inside the cards that hold them, and only there.
    named = 0
    for c in parts:
        if c.note:
            n = int(c.note.split()[1].replace(".", ""))
            assert "menyerahkan" in c.note and n <= c.value
            named += n
    assert named == late


def test_the_sample_cards_add_up(wh):
    # The warehouse's own grid (the SQL), not a made-up frame: the same partition.
    con = wh
    f = coverage.Filters(dt.date(2026, 6, 1), dt.date(2026, 11, 30))
    s = coverage.coverage_summary(con, f, as_of=dt.date(2026, 12, 20))
    cards = coverage_panel.status_cards(s)
    assert s["total"] == coverage.coverage_grid(con, f, as_of=dt.date(2026, 12, 20)).height
    assert sum(c.value for c in cards if c.part) == s["total"] > 0
