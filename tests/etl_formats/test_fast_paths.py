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


# Counts as exports write them: plain, grouped with one mark, and the odd ones the rules handle.
_COUNT_TEXT = st.one_of(
    st.integers(0, 10**13).map(str),
    st.tuples(st.integers(0, 10**13), st.sampled_from([",", "."])).map(
        lambda t: f"{t[0]:,}".replace(",", t[1])
    ),
    st.from_regex(r"\A\s?[0-9]{0,4}([.,][0-9]{0,4}){0,3}(k|K|rb| jt|%)?\s?\Z"),
    st.sampled_from(["", " ", "-", "1,2345", "12,34", "1.234,5", "+1,000", "1,000.00", None]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_COUNT_TEXT, min_size=1, max_size=8))
def test_number_fast_paths_equal_the_rules(cells):
    from etl.number_text import parse_number_rules, parse_number_series

    s = pl.Series("v", cells, dtype=pl.String)
    assert parse_number_series(s).to_list() == parse_number_rules(s).to_list()


def test_counts_with_thousands_marks_skip_the_rules(monkeypatch):
    import etl.number_text as number_text

    def refuse(_s):
        raise AssertionError("full rules")

    monkeypatch.setattr(number_text, "parse_number_rules", refuse)
    s = pl.Series(["7,815", "12", None, " 1,234,567 ", "2.145"])
    assert number_text.parse_number_series(s).to_list() == [7815.0, 12.0, None, 1234567.0, 2145.0]


def test_a_column_with_thousands_marks_is_not_parsed_for_rejects(monkeypatch):
    def refuse(_text):
        raise AssertionError("parsed")

    monkeypatch.setattr(metric_checks, "parse_number_series", refuse)
    raw = pl.DataFrame({"__row": [2, 3, 4, 5], "views": ["7,815", "", "1.234.567", "12"]})
    assert metric_problems(raw, {"views": "Views"}, None).height == 0


def test_metric_columns_are_parsed_as_series_not_inside_an_expression(monkeypatch):
    """metric_exprs equals parse_count_expr of each stripped column, without the per-column
    Python call inside polars (parse_number_expr)."""
    import etl.number_text as number_text
    from etl.formats._common import METRIC_FIELDS, col, metric_exprs

    raw = pl.DataFrame(
        {"views": [" 7,815", "1.2K", None, "-5"], "reach": ["12", "", "1,5 jt", "abc"]}
    )
    want = raw.with_columns(
        *[
            number_text.parse_count_expr(col(raw, m)).alias(m)
            if m in raw.columns
            else pl.lit(None, pl.Int64).alias(m)
            for m in METRIC_FIELDS
        ]
    )

    def refuse(_e):
        raise AssertionError("map_batches")

    monkeypatch.setattr(number_text, "parse_number_expr", refuse)
    got = raw.with_columns(*metric_exprs(raw))
    assert got.equals(want)
    assert got.schema == want.schema


_TIE_SCHEMA = {"opd_id": pl.Int64, "platform": pl.String, "account_handle": pl.String,
               "account_id": pl.Int32}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([1, 2, None]), st.sampled_from(["facebook", "x"]),
                          st.sampled_from(["a", "Halaman A", None]), st.sampled_from([10, 30, None])),
                min_size=1, max_size=6))  # fmt: skip
def test_tie_without_loose_rows_equals_the_full_tie(rows):
    """A file whose placed rows all have their account skips the tying; the result (rows,
    types, assumptions, notes) equals the full path's."""
    import etl.accounts as accounts

    df = pl.DataFrame(rows, schema=_TIE_SCHEMA, orient="row")
    got = accounts.tie(df, _accounts(10), {1: "A", 2: "B"})
    kept = accounts._any_loose
    accounts._any_loose = lambda _df: True
    try:
        want = accounts.tie(df, _accounts(10), {1: "A", 2: "B"})
    finally:
        accounts._any_loose = kept
    assert got[0].equals(want[0]) and got[0].schema == want[0].schema
    assert got[1:] == want[1:]


def test_tie_skips_a_file_whose_rows_all_have_their_account(monkeypatch):
    import etl.accounts as accounts

    def refuse(_acc):
        raise AssertionError("tied")

    monkeypatch.setattr(accounts, "_account_keys", refuse)
    df = pl.DataFrame([(1, "facebook", "a", 10), (None, "x", None, None)], schema=_TIE_SCHEMA,
                      orient="row")  # fmt: skip
    out, assumptions, notes = accounts.tie(df, _accounts(10), {1: "A"})
    assert out["account_id"].dtype == pl.Int64 and out["account_id"].to_list() == [10, None]
    assert (assumptions, notes) == ([], [])
