"""One data end, printed the same everywhere (v_data_end / v_account_data_end,
views/025_v_coverage.sql), on the sample warehouse. The sample's exports were pulled on 20-21
November 2026 with data up to 20 November (sample_data/generate.py LAST_DAY), the logbooks'
titles declaring "... NOVEMBER 2026", two of them text files (csv/txt) whose only date is the
file's modification time, which a git checkout sets to the checkout day. Every query that
prints a data end must say the one day, never the day after, never today."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import polars as pl
import pytest

from tests.factory import private_copy, sample_warehouse
from warehouse import coverage, opd_story
from warehouse.queries import activity, options
from warehouse.queries.filters import Filters
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[2]
PERIOD = Filters(dt.date(2026, 6, 1), dt.date(2026, 11, 30))
NOV = Filters(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _sample_last_day() -> dt.date:
    spec = importlib.util.spec_from_file_location("sample_generate", ROOT / "sample_data" / "generate.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.LAST_DAY


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = connect(private_copy(sample_warehouse(), tmp_path_factory.mktemp("data_end")))
    yield c
    c.close()


@pytest.fixture(scope="module")
def data_end(con) -> dt.date:
    (end,) = con.execute("SELECT data_end FROM v_data_end").fetchone()
    return end


def test_the_data_end_is_the_samples_last_day(data_end):
    assert data_end == _sample_last_day()


def test_date_bounds_and_account_dormancy_say_the_data_end(con, data_end):
    assert options.date_bounds(con)[1] == data_end
    acc = activity.account_dormancy(con, PERIOD, as_of=dt.date(2026, 11, 30))
    assert set(acc.get_column("data_end").to_list()) == {data_end}
    # No account's own data end is past it, and the accounts whose data is current end on it.
    through = acc.get_column("data_through").drop_nulls()
    assert through.max() == data_end


def test_coverage_lists_no_day_past_the_data_end(con, data_end):
    accounts = coverage.coverage_accounts(con, PERIOD)
    assert accounts.get_column("covered_until").max() == data_end
    grid = coverage.coverage_grid(con, NOV, as_of=dt.date(2026, 11, 30))
    assert grid.get_column("last_covered").max() == data_end
    # "ada tgl 1-20" in the collection list, never "1-21" or "1-30".
    last_days = {
        int(re.findall(r"\d+", text)[-1])
        for text in grid.get_column("covered_days").drop_nulls().to_list()
    }
    assert max(last_days) == data_end.day
    missing = coverage.coverage_missing(con, NOV, dt.date(2026, 11, 1), as_of=data_end)
    days = {int(d) for t in missing.get_column("accounts").to_list()
            for d in re.findall(r"ada tgl [\d, -]*?(\d+)\)", t)}  # fmt: skip
    assert days and max(days) == data_end.day


def test_partly_received_rows_are_not_called_not_received(con, data_end):
    missing = coverage.coverage_missing(con, NOV, dt.date(2026, 11, 1), as_of=data_end)
    only_partial = missing.filter(pl.col("n_missing") == 0)
    assert only_partial.height
    assert set(only_partial.get_column("reason_code").to_list()) == {"partly_received"}


def test_one_opd_months_and_calendar_reach_the_data_end(con, data_end):
    months = opd_story.opd_months(con, NOV)
    assert months.get_column("covered_through").max() == data_end
    opd_id = con.execute(
        "SELECT opd_id FROM opd WHERE name LIKE '%Kependudukan%'"
    ).fetchone()[0]  # Disdukcapil: Facebook, Instagram and a TikTok export without a period
    days = activity.opd_daily_counts(con, NOV, opd_id)
    with_data = days.filter(pl.col("has_data")).get_column("day")
    assert with_data.max() == data_end
    # Every day up to the data end has data; none after it.
    assert days.filter(pl.col("day") <= data_end).get_column("has_data").all()


def test_days_since_the_last_post_count_to_the_data_end(con, data_end):
    rows = activity.inactive_opds(con, PERIOD, as_of=dt.date(2026, 11, 30)).filter(
        pl.col("last_post_at").is_not_null()
    )
    assert rows.height
    for r in rows.iter_rows(named=True):
        assert r["days_since_last_post"] == (data_end - r["last_post_at"].date()).days


def test_the_running_month_is_judged_for_no_opd(con, data_end):
    """November runs to the data end (20 Nov): judged for no OPD, with or without accounts,
    so the period Jun-Nov is judged exactly as Jun-Oct is."""
    nov = activity.opd_month_heatmap(con, NOV)
    assert nov.height and nov.get_column("no_data").all()
    whole = activity.opd_index(con, PERIOD).select("opd_id", "activity_status", "required_posts")
    upto_oct = activity.opd_index(con, Filters(PERIOD.start, dt.date(2026, 10, 31))).select(
        "opd_id", "activity_status", "required_posts"
    )
    assert whole.sort("opd_id").equals(upto_oct.sort("opd_id"))
