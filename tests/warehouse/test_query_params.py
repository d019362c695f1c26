"""The query runner binds the $parameters a q_ file's statement uses, as DuckDB reads them: a
`$word` in a comment or a string literal is not a parameter (session 18: `$months` written in two
files' comments made the runner bind a parameter the statement does not have, and DuckDB refused
the month grid's statement)."""

from __future__ import annotations

import duckdb
import pytest

from warehouse.db import SQL_DIR
from warehouse.queries import run

TEXT = """-- reads $months and $starts[1] (only in this comment)
select $a + 1 as x, '$b costs' as s  /* $c */
"""


@pytest.fixture
def fake_sql(monkeypatch):
    monkeypatch.setattr(run, "sql_text", lambda name: TEXT)
    run._param_names.cache_clear()
    yield
    run._param_names.cache_clear()


def test_words_in_comments_and_strings_are_not_parameters(fake_sql):
    assert run._param_names("q_fake") == {"a"}


def test_a_statement_with_dollar_words_in_comments_runs(fake_sql):
    con = duckdb.connect()
    got = run._run(con, "q_fake", {"a": 1, "months": True, "unrelated": 3})
    assert got.to_dicts() == [{"x": 2, "s": "$b costs"}]


def test_a_used_parameter_left_out_is_named(fake_sql):
    with pytest.raises(KeyError, match=r"\['a'\]"):
        run._run(duckdb.connect(), "q_fake", {"months": True})


@pytest.mark.parametrize("path", sorted(SQL_DIR.glob("q_*.sql")), ids=lambda p: p.stem)
def test_every_query_file_parses_with_its_parameters(path):
    # every q_ file is one statement DuckDB can parse (the runner fetches one result), and each
    # parameter the runner binds is written as $name outside comments
    text = path.read_text(encoding="utf-8")
    assert len(duckdb.extract_statements(text)) == 1, path.name
    code = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    assert all(f"${p}" in code for p in run._param_names(path.stem)), path.name
