"""The Kelengkapan grid on a slide and for one OPD: rows that read, handles without the site,
the accounts with gaps first; tables on a slide never scroll."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl

from ui import coverage_chart

MONTHS = [dt.date(2026, m, 1) for m in (9, 10, 11)]


def _grid(statuses: dict[int, list[str]]) -> pl.DataFrame:
    rows = []
    for acc, per_month in statuses.items():
        for m, status in zip(MONTHS, per_month, strict=True):
            rows.append(
                {
                    "account_id": acc,
                    "opd": f"OPD {acc:02d}",
                    "opd_short": None,
                    "opd_kind": "dinas",
                    "platform": "instagram",
                    "handle": f"@akun{acc}",
                    "month_start": m,
                    "status": status,
                    "reason_code": None,
                    "covered_days": None,
                    "n_posts": 0,
                }
            )
    return pl.DataFrame(rows)


def test_a_one_opd_grid_gets_rows_beyond_its_axes_and_legend():
    # Streamlit fits the whole chart (axes, legend) into the height: 70 px for two rows
    # collapsed the grid to a line.
    two = coverage_chart.grid_height(2)
    assert two - coverage_chart.AXES_PX >= 2 * 30
    assert (
        coverage_chart.grid_height(40) - coverage_chart.AXES_PX == 40 * coverage_chart.ROW_PX_MANY
    )
    spec = json.loads(
        coverage_chart.coverage_grid(_grid({1: ["received"] * 3, 2: ["partial"] * 3})).to_json()
    )
    assert spec["height"] == two


def test_handles_written_as_addresses_lose_the_site():
    df = pl.DataFrame(
        {
            "h": [
                "https://www.facebook.com/bpbdkabsukamaju/",
                "https://web.facebook.com/x.y",
                "@bappeda",
                "Bappeda Sukamaju",
            ]
        }
    )
    out = df.select(coverage_chart.short_handle(pl.col("h"))).get_column("h").to_list()
    assert out == ["bpbdkabsukamaju", "x.y", "@bappeda", "Bappeda Sukamaju"]


def test_a_slide_shows_the_accounts_with_most_gaps_and_counts_the_rest():
    grid = _grid(
        {
            1: ["received"] * 3,
            2: ["missing", "missing", "missing"],
            3: ["received", "received", "partial"],
            4: ["missing", "received", "partial"],
            5: ["received", "missing", "received"],
        }
    )
    shown, more, whole = coverage_chart.needing_attention(grid, limit=2)
    assert shown.get_column("account_id").unique(maintain_order=True).to_list() == [2, 4]
    assert shown.height == 2 * len(MONTHS)
    assert (more, whole) == (2, 1)
    all_gaps, more, whole = coverage_chart.needing_attention(grid, limit=10)
    assert set(all_gaps.get_column("account_id").to_list()) == {2, 3, 4, 5}
    assert (more, whole) == (0, 1)
