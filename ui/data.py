"""The Streamlit side of the warehouse: one cached DuckDB handle, cached query results.

- One handle per process (st.cache_resource); every query runs on its own cursor
  (warehouse.db.query does that), so sessions never share a cursor.
- Every warehouse query is wrapped by st.cache_data keyed by its Filters (hashable) and
  `version()`: the newest load id plus the settings, so an import, an undo or a settings change
  shows at once without anyone clearing caches by hand. Writes made through the UI also call
  `changed()`, which drops cached results (label overrides and campaigns do not create a load).
- Cached results are pickled copies: a page can never mutate another session's frame.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl
import streamlit as st

from warehouse import db, settings

try:  # the metrics engineer's modules; the UI degrades to empty states until they exist
    from warehouse import queries
    from warehouse.queries import Filters
except ImportError:  # pragma: no cover - only while the tree is being built
    queries = None  # type: ignore[assignment]
    Filters = Any  # type: ignore[misc,assignment]


@st.cache_resource(show_spinner=False)
def _handle(path: str) -> duckdb.DuckDBPyConnection:
    return db.connect(path)


def con() -> duckdb.DuckDBPyConnection:
    """The process-wide handle for the configured warehouse ($PANTAU_DB)."""
    return _handle(str(settings.db_path()))


def _settings_token() -> str:
    try:
        from warehouse import metrics

        return repr(metrics.get_settings(con()))
    except Exception:  # settings table or module not ready: still a stable key
        return ""


def version() -> tuple[int, str, int]:
    """Cache key part that changes whenever the data or the settings change."""
    try:
        dv = int(queries.data_version(con()))
    except Exception:
        dv = 0
    return dv, _settings_token(), int(st.session_state.get("_ui_writes", 0))


def changed() -> None:
    """Call after any write made from the UI (upload, undo, relabel, campaign, settings)."""
    clear_all()
    st.session_state["_ui_writes"] = int(st.session_state.get("_ui_writes", 0)) + 1


def _strip(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if k != "__v"}


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _cached_f(name: str, f: Any, kwargs: tuple[tuple[str, Any], ...]) -> Any:
    # The version travels inside kwargs (as "__v") so it is part of the cache key.
    return getattr(queries, name)(con(), f, **_strip(dict(kwargs)))


@st.cache_data(show_spinner=False, max_entries=128, ttl=3600)
def _cached_plain(name: str, kwargs: tuple[tuple[str, Any], ...]) -> Any:
    return getattr(queries, name)(con(), **_strip(dict(kwargs)))


def q(name: str, f: Any, **kwargs: Any) -> Any:
    """Cached result of warehouse.queries.<name>(con, f, **kwargs) for the current version."""
    return _cached_f(name, f, tuple(sorted(kwargs.items())) + (("__v", version()),))


def qp(name: str, **kwargs: Any) -> Any:
    """Cached result of warehouse.queries.<name>(con, **kwargs) (no filters)."""
    return _cached_plain(name, tuple(sorted(kwargs.items())) + (("__v", version()),))


def clear_all() -> None:
    _cached_f.clear()
    _cached_plain.clear()


# ---------------------------------------------------------------- options and bounds


def ready() -> bool:
    """True when the query layer is importable (it always is once the tree is complete)."""
    return queries is not None


def date_bounds() -> tuple[dt.date | None, dt.date | None]:
    if not ready():
        return None, None
    try:
        return qp("date_bounds")
    except NotImplementedError:
        return None, None


def filter_options() -> pl.DataFrame:
    empty = pl.DataFrame(schema={"opd_id": pl.Int64, "opd": pl.String, "opd_kind": pl.String})
    if not ready():
        return empty
    try:
        return qp("filter_options")
    except NotImplementedError:
        return empty


def platforms() -> list[str]:
    if not ready():
        return []
    try:
        return list(qp("platforms"))
    except NotImplementedError:
        return []


def opd_kinds() -> list[str]:
    if not ready():
        return []
    try:
        return list(qp("opd_kinds"))
    except NotImplementedError:
        return []
