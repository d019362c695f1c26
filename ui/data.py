"""The Streamlit side of the warehouse: one cached DuckDB handle, cached query results.

- One handle per process (st.cache_resource); every query runs on its own cursor
  (warehouse.db.query does that), so sessions never share a cursor.
- Every warehouse query is wrapped by st.cache_data keyed by its Filters (hashable) and
  `version()`: queries.data_version, which moves on every load, undo, override, rule set,
  campaign, master list or setting change, so an import shows at once in every session without
  anyone clearing caches by hand. Writes made here also call `changed()` (belt and braces).
- Cached results are pickled copies: a page can never mutate another session's frame.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl
import streamlit as st

from warehouse import db, queries, settings
from warehouse.queries import Filters

__all__ = ["Filters", "con", "q", "qp", "version", "changed"]


@st.cache_resource(show_spinner=False)
def _handle(path: str) -> duckdb.DuckDBPyConnection:
    return db.connect(path)


def con() -> duckdb.DuckDBPyConnection:
    """The process-wide handle for the configured warehouse ($PANTAU_DB). A warehouse failing
    its integrity check is not served: the page shows why and how to restore, then stops."""
    from warehouse.integrity import WarehouseCorrupt

    try:
        return _handle(str(settings.db_path()))
    except WarehouseCorrupt as exc:
        from ui import backup_panel

        backup_panel.refused(str(exc))
        st.stop()
        raise  # st.stop() raises; this line keeps the type checker honest


def version() -> tuple[int, int, str]:
    """Cache key part that changes whenever the data or the settings change."""
    try:
        dv = int(queries.data_version(con()))
    except Exception:
        dv = 0
    # The file is part of the key: one process may serve (or test) several warehouses.
    return dv, int(st.session_state.get("_ui_writes", 0)), str(settings.db_path())


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


def date_bounds() -> tuple[dt.date | None, dt.date | None]:
    """(first, last) publication date; (None, None) on an empty warehouse."""
    return qp("date_bounds")


def filter_options() -> pl.DataFrame:
    """Every OPD (opd_id, opd, opd_kind, ...) for the sidebar."""
    return qp("filter_options")


def platforms() -> list[str]:
    return list(qp("platforms"))


def opd_kinds() -> list[str]:
    return list(qp("opd_kinds"))


def grade_thresholds() -> tuple[float, float, float]:
    """(Sangat Baik, Baik, Cukup) lower bounds of the index grades, as set in Pengaturan."""
    from warehouse import metrics

    s = metrics.get_settings(con())
    return float(s.grade_very_good), float(s.grade_good), float(s.grade_fair)
