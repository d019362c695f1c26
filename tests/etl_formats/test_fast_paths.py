"""Work skipped when it cannot change the result: a metric column of plain counts and empty
cells is not parsed as numbers; a logbook sheet without a blank date does not parse its dates
to decide what to carry down. The results equal the full path's."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import etl.formats.filldown as filldown
import etl.metric_checks as metric_checks
from etl.formats._common import Context
from etl.metric_checks import metric_problems

_EMPTYISH = ["", " ", "-", "--", "–", "—", "n/a", "NA", "null", "None", ".", None]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 10**9).map(str), st.sampled_from(_EMPTYISH)),
                min_size=1, max_size=12),
       st.sampled_from(["-5", "NaN", "1.5", "abc", "-"]))  # fmt: skip
def test_empty_cells_beside_counts_pass_and_a_bad_value_is_still_rejected(cells, extra):
    rows = list(range(2, len(cells) + 2))
    raw = pl.DataFrame(
        {"__row": rows, "views": cells}, schema={"__row": pl.Int64, "views": pl.String}
    )
    assert metric_problems(raw, {"views": "Views"}, None).height == 0
    raw2 = pl.DataFrame({"__row": [*rows, 99], "views": [*cells, extra]},
                        schema={"__row": pl.Int64, "views": pl.String})  # fmt: skip
    rej = metric_problems(raw2, {"views": "Views"}, None)
    assert rej["row_number"].to_list() == ([] if extra == "-" else [99])


def test_a_column_of_counts_and_empty_cells_is_not_parsed(monkeypatch):
    def refuse(_text):
        raise AssertionError("parsed")

    monkeypatch.setattr(metric_checks, "parse_number_series", refuse)
    raw = pl.DataFrame({"__row": [2, 3, 4], "views": ["12", "", "-"]})
    assert metric_problems(raw, {"views": "Views"}, None).height == 0


def _ctx() -> Context:
    return Context(file_name="logbook.xlsx", sheet="Jan", headers={}, source_tz="Asia/Jakarta")


def _sheet(dates: list[str | None]) -> pl.DataFrame:
    n = len(dates)
    return pl.DataFrame(
        {"__row": list(range(2, n + 2)), "published_at": dates, "caption": ["ada"] * n},
        schema={"__row": pl.Int64, "published_at": pl.String, "caption": pl.String},
    )


def test_a_sheet_without_blank_dates_is_not_date_parsed(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("parsed")

    monkeypatch.setattr(filldown, "parse_datetime_series", refuse)
    df = _sheet(["01/02/2026", "02/02/2026"])
    out = filldown.fill_down(df, _ctx(), pl.col("caption").is_not_null())
    assert out["published_at"].to_list() == ["01/02/2026", "02/02/2026"]
    assert out["__date_filled"].to_list() == [False, False]
    assert out.columns == [*df.columns, "__block", "__date_filled"]


@pytest.mark.parametrize("blank", ["", None])
def test_a_blank_date_under_a_post_is_still_carried_down(blank):
    df = _sheet(["01/02/2026", blank, "03/02/2026"])
    out = filldown.fill_down(df, _ctx(), pl.col("caption").is_not_null())
    assert out["published_at"].to_list() == ["01/02/2026", "01/02/2026", "03/02/2026"]
    assert out["__date_filled"].to_list() == [False, True, False]


def _accounts(fb_id: int) -> pl.DataFrame:
    return pl.DataFrame(
        {"platform": ["facebook", "instagram"], "handle_norm": ["a", "b"],
         "account_id": [fb_id, 11], "acc_opd_id": [1, 1], "handle": ["a", "b"]},
    )  # fmt: skip


def test_account_name_keys_are_kept_for_the_same_master_list_only():
    """tie keeps the name keys of the last accounts frame (a folder load ties file after file
    against one): another frame, a master list read again after a change, is keyed anew."""
    from etl.accounts import tie

    df = pl.DataFrame(
        {"opd_id": [1], "platform": ["facebook"], "account_handle": [None], "account_id": [None]},
        schema={"opd_id": pl.Int64, "platform": pl.String, "account_handle": pl.String,
                "account_id": pl.Int64},
    )  # fmt: skip
    first = _accounts(10)
    assert tie(df, first, {1: "A"})[0]["account_id"].to_list() == [10]
    assert tie(df, first, {1: "A"})[0]["account_id"].to_list() == [10]
    assert tie(df, _accounts(30), {1: "A"})[0]["account_id"].to_list() == [30]
    assert tie(df, first, {1: "A"})[0]["account_id"].to_list() == [10]
