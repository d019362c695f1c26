"""Golden cases by glob: tests/cases/<format>/<case>/input.* -> expected.csv (posts) and
expected_rejects.csv (row rejects). Regenerate inputs and expectations with
tests/cases/make_cases.py; expectations there are literal values, not parser output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from etl.parse import parse_file
from etl.schema import POST_SCHEMA, REJECT_SCHEMA

CASES = Path(__file__).resolve().parent.parent / "cases"
INPUTS = sorted(p for p in CASES.glob("*/*/input.*"))


def _read_expected(path: Path, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    raw = pl.read_csv(path, infer_schema=False)
    exprs = []
    for name, dtype in schema.items():
        c = pl.col(name)
        if dtype == pl.Datetime("us"):
            exprs.append(c.str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S").alias(name))
        else:
            exprs.append(c.cast(dtype).alias(name))
    return raw.select(exprs)


def test_cases_exist() -> None:
    formats = {p.parent.parent.name for p in INPUTS}
    assert formats == {"meta_facebook", "meta_instagram", "tiktok", "youtube", "x", "logbook"}


@pytest.mark.parametrize("inp", INPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_golden(inp: Path) -> None:
    case = inp.parent
    name_file = case / "file_name.txt"
    file_name = name_file.read_text().strip() if name_file.exists() else inp.name
    stamp = case / "exported_at.txt"
    exported = dt.datetime.fromisoformat(stamp.read_text().strip()) if stamp.exists() else None
    tables = parse_file(inp, file_name=file_name, exported_at=exported)
    assert {t.format for t in tables} == {case.parent.name}
    posts = pl.concat([t.posts for t in tables])
    expected = _read_expected(case / "expected.csv", POST_SCHEMA)
    assert_frame_equal(posts, expected)
    rej_path = case / "expected_rejects.csv"
    if rej_path.exists():
        rejects = pl.concat([t.rejects for t in tables])
        assert_frame_equal(rejects, _read_expected(rej_path, REJECT_SCHEMA))
