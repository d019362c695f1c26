"""Running a q_*.sql file: its $parameters bound, DuckDB's decimals handed over as plain numbers,
and the parameter sets several queries share (the activity rule, the index, the not-active list).

$data_end (the value of v_data_end, views/025_v_coverage.sql: the day the activity judgement is
cut at) is bound by _run itself: the value given by `data_end_given` when a caller read it once
for many queries (the UI, once per data version), else read for this query (q_data_end.sql).
The macros take the value, so no query plans or runs the view inside every macro call."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import re
import warnings
from collections.abc import Callable, Hashable, Iterator, MutableMapping
from typing import Any

import duckdb
import polars as pl

from warehouse.analyst_settings import Settings, get_settings
from warehouse.db import sql_text
from warehouse.queries.filters import Filters

MAX_ROWS = 5_000  # Altair's default row limit; also the drill-down cap.


@functools.cache
def _param_names(name: str) -> frozenset[str]:
    """The $parameters warehouse/sql/<name>.sql uses, as DuckDB's own parser reads them: a
    `$word` in a comment or a string literal is none (a pattern over the text bound those, and
    DuckDB then refused the statement for an unused parameter)."""
    return frozenset(
        p
        for statement in duckdb.extract_statements(sql_text(name))
        for p in statement.named_parameters
    )


# The data end a caller read once and gives to every query it runs (data_end_given); a tuple,
# so that a given None (an empty warehouse) differs from nothing given.
_GIVEN_DATA_END: contextvars.ContextVar[tuple[dt.date | None] | None] = contextvars.ContextVar(
    "pantau_data_end", default=None
)


@contextlib.contextmanager
def data_end_given(data_end: dt.date | None) -> Iterator[None]:
    """Inside the block, queries bind $data_end to `data_end` instead of reading it: the value
    of q_data_end.sql (read_data_end) read by the caller for the same data version. Per thread
    and task (a context variable): a session never sees another's value."""
    token = _GIVEN_DATA_END.set((data_end,))
    try:
        yield
    finally:
        _GIVEN_DATA_END.reset(token)


def data_end_in_force(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The value $data_end is bound to here: the one given (data_end_given), else read now."""
    given = _GIVEN_DATA_END.get()
    return given[0] if given is not None else read_data_end(con)


def read_data_end(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """THE data end (v_data_end): the last whole day any live data reaches; None when empty."""
    value = _run(con, "q_data_end", {})["data_end"][0]
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"v_data_end is not a date: {value!r}")
    return value


# Results shared while a block runs (sharing): the UI keeps one store per data version, a
# benchmark one per page run. Nothing shared outside such a block.
_SHARED: contextvars.ContextVar[MutableMapping[Hashable, Any] | None] = contextvars.ContextVar(
    "pantau_shared", default=None
)


class SharedStore(dict[Hashable, Any]):
    """A store for `sharing` kept to a few hundred results: full, it starts again empty (the UI
    keeps one per data version: the period's judgement read by the index, the not-active list,
    the ranking and the counts)."""

    LIMIT = 256

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if len(self) >= self.LIMIT:
            self.clear()
        super().__setitem__(key, value)


@contextlib.contextmanager
def sharing(store: MutableMapping[Hashable, Any]) -> Iterator[None]:
    """Inside the block, `once` keeps what it computes in `store` and hands it out again: the
    caller promises the store sees one data version only (the UI: a store per version)."""
    token = _SHARED.set(store)
    try:
        yield
    finally:
        _SHARED.reset(token)


def once(key: Hashable, compute: Callable[[], Any]) -> Any:
    """compute(), or its result kept under key in the store of `sharing` (when inside one).
    The data end in force (data_end_given) is part of the key."""
    store = _SHARED.get()
    if store is None:
        return compute()
    full = (key, _GIVEN_DATA_END.get())
    try:
        return store[full]
    except KeyError:
        value = store[full] = compute()
        return value


def is_sharing() -> bool:
    """Whether a `sharing` block is in force (a result kept now is read by later callers)."""
    return _SHARED.get() is not None


def is_kept(key: Hashable) -> bool:
    """Whether `once(key, ...)` would hand out a kept result now (False outside a sharing
    block)."""
    store = _SHARED.get()
    return store is not None and (key, _GIVEN_DATA_END.get()) in store


def keep(key: Hashable, value: Any) -> None:
    """Put `value` in the store of `sharing` under key, as `once(key, ...)` would have kept it,
    unless something is kept there already; outside a sharing block: nothing. For a result
    computed as part of another (a period's judgement inside the judgement of several)."""
    store = _SHARED.get()
    if store is None:
        return
    full = (key, _GIVEN_DATA_END.get())
    if full not in store:
        store[full] = value


def _bound(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> dict[str, Any]:
    used = _param_names(name)
    if "data_end" in used and "data_end" not in params:
        given = _GIVEN_DATA_END.get()
        params = {**params, "data_end": given[0] if given is not None else read_data_end(con)}
    missing = used - params.keys()
    if missing:
        raise KeyError(f"{name}.sql needs parameters {sorted(missing)}")
    return {k: v for k, v in params.items() if k in used}


def _run(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: dict[str, Any],
    tables: dict[str, Any] | None = None,
) -> pl.DataFrame:
    """Run warehouse/sql/<name>.sql binding only the parameters the file uses (DuckDB rejects
    extra ones), so every function can pass the common filter set. $data_end is bound here
    (module docstring) unless params carry it. tables: relations (Arrow tables) the SQL reads
    by name, registered on this query's own cursor only."""
    df = pl.from_arrow(_fetch_arrow(con, name, params, tables), rechunk=False)
    assert isinstance(df, pl.DataFrame)
    return _plain_numbers(df)


# A result fetched as Arrow from execute() is copied once more than from a relation: nothing
# for the few thousand rows a page query returns, and it saves the relation's binding.
_ARROW_COPY = "Arrow output on a DB-API result makes an extra copy of the rows"
warnings.filterwarnings("ignore", message=re.escape(_ARROW_COPY), category=UserWarning)


def _fetch_arrow(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: dict[str, Any],
    tables: dict[str, Any] | None = None,
) -> Any:
    """The rows of warehouse/sql/<name>.sql (parameters bound as _run binds them) as an Arrow
    table with DuckDB's own column types, run on a cursor of its own. Run with execute(), not
    as a relation (DuckDB 2.0's con.sql): a relation binds the statement once more to learn its
    columns, and binding the view and macro stack is much of a page query's cost (10-30 ms of
    the index, the activity trend and the trends at 1M posts). Same column types as a
    relation's .pl() (tests/warehouse/test_consistency.py)."""
    bound = _bound(con, name, params)
    cur = con.cursor()
    try:
        for table_name, table in (tables or {}).items():
            cur.register(table_name, table)
        cur.execute(sql_text(name), bound)
        return cur.to_arrow_table()
    finally:
        cur.close()


def _run_arrow(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> Any:
    """As _run, but the result as an Arrow table with DuckDB's own column types (decimals
    kept): a relation other queries read as if they had computed it themselves."""
    return _fetch_arrow(con, name, params)


def _plain_numbers(df: pl.DataFrame) -> pl.DataFrame:
    """DuckDB sums integers into DECIMAL(38,0): hand the UI Int64 / Float64 instead."""
    casts = []
    for name, dtype in df.schema.items():
        if isinstance(dtype, pl.Decimal):
            casts.append(pl.col(name).cast(pl.Int64 if dtype.scale == 0 else pl.Float64))
    return df.with_columns(casts) if casts else df


def _settings(con: duckdb.DuckDBPyConnection, settings: Settings | None) -> Settings:
    return settings if settings is not None else get_settings(con)


def _activity_params(s: Settings) -> dict[str, Any]:
    """The settings the activity rule (opd_activity, views/030_scope_and_activity.sql) takes:
    the minimum itself is computed there, for the bucket at hand."""
    return {
        "min_per_month": s.min_posts_per_month,
        "min_per_week": s.min_posts_per_week,
        "activity_rule": s.activity_rule,
        "target_per_month": s.target_posts_per_month,
    }


def index_params(f: Filters, s: Settings, *, expected_only: bool = True) -> dict[str, Any]:
    """The $parameters of the Indeks Medsos (macro opd_index, views/087_keaktifan.sql)."""
    return {
        **f.params(),
        **_activity_params(s),
        "expected_only": expected_only,
        "w_frequency": s.w_frequency,
        "w_consistency": s.w_consistency,
        "w_kinerja": s.w_kinerja,
        "w_platform": s.w_platform,
        "w_engagement": s.w_engagement,
        "grade_very_good": s.grade_very_good,
        "grade_good": s.grade_good,
        "grade_fair": s.grade_fair,
    }


def inactive_params(f: Filters, s: Settings, as_of: dt.date | None) -> dict[str, Any]:
    """The $parameters of the not-active list (macro inactive_opds, views/087_keaktifan.sql);
    as_of defaults to min(f.end, today)."""
    return {
        **f.params(),
        **_activity_params(s),
        "dormant_days": s.dormant_days,
        "as_of": _as_of(f, as_of),
        "deadline_day": s.collection_deadline_day,
        # The collection deadline is about today, not about the end of the period.
        "today": dt.date.today(),
    }


def _grain(grain: str) -> str:
    if grain not in ("day", "week", "month"):
        raise ValueError(f"Satuan waktu tidak dikenal: {grain!r}")
    return grain


def _limit(n: int) -> int:
    return max(0, min(int(n), MAX_ROWS))


def _as_of(f: Filters, as_of: dt.date | None) -> dt.date:
    return as_of if as_of is not None else min(f.end, dt.date.today())
