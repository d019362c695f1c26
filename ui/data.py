"""The Streamlit side of the warehouse: one cached DuckDB handle, cached query results.

- One handle per process (st.cache_resource); every query runs on its own cursor
  (warehouse.queries.run._run does that), so sessions never share a cursor.
- Every warehouse query is wrapped by st.cache_data keyed by its Filters (hashable) and
  `version()`: queries.options.data_version, which moves on every load, undo, override, rule set,
  campaign, master list or setting change, so an import shows at once in every session without
  anyone clearing caches by hand. Writes made here also call `changed()` (belt and braces).
- Cached results are pickled copies: a page can never mutate another session's frame.
- Who looks is part of every key (`_viewer()`: the operator OPD scope and whether operators'
  names may be seen): every Filters argument gets the viewer's scope (macro visible_posts),
  and operators' names and phones are masked before caching for a viewer who may not see them,
  so no cached result crosses scopes or roles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import weakref
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

import duckdb
import polars as pl
import streamlit as st

from warehouse import analyst_settings, coverage, db, figures, opd_story, periods, settings
from warehouse.queries import activity as activity_queries
from warehouse.queries import campaigns as campaign_queries
from warehouse.queries import content as content_queries
from warehouse.queries import drilldown as drilldown_queries
from warehouse.queries import history as history_queries
from warehouse.queries import options as option_queries
from warehouse.queries import run as run_queries
from warehouse.queries import summary as summary_queries
from warehouse.queries import trend as trend_queries
from warehouse.queries.filters import Filters, Grain

__all__ = ["Filters", "con", "version", "changed"]

P = ParamSpec("P")
R = TypeVar("R")


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


# The data version read in this script run, keyed weakly by an object Streamlit makes anew for
# every run (full or fragment), so a page with 15 cached queries reads it once, and the next
# run (after a load in any session) reads it again.
_RUN_VERSION: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def _this_run() -> Any:
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return getattr(ctx, "parallel_coordinator", None) if ctx is not None else None


def _data_version() -> int:
    try:
        return int(option_queries.data_version(con()))
    except Exception:
        return 0


def version() -> tuple[int, int, str]:
    """Cache key part that changes whenever the data or the settings change. The warehouse's
    data version is read once per script run (outside a run: every time)."""
    run = _this_run()
    if run is None:
        dv = _data_version()
    else:
        try:
            dv = _RUN_VERSION[run]
        except KeyError:
            dv = _RUN_VERSION[run] = _data_version()
    # The file is part of the key: one process may serve (or test) several warehouses.
    return dv, int(st.session_state.get("_ui_writes", 0)), str(settings.db_path())


def changed() -> None:
    """Call after any write made from the UI (upload, undo, relabel, campaign, settings)."""
    clear_all()
    run = _this_run()
    if run is not None:  # the rest of this run reads the new version
        _RUN_VERSION.pop(run, None)
    st.session_state["_ui_writes"] = int(st.session_state.get("_ui_writes", 0)) + 1


# Operators' personal data (opd.operator_name / operator_phone) wherever a query returns it.
PERSONAL_COLUMNS = ("operator_name", "operator_phone")
MASK = "••••"


def _viewer() -> tuple[int | None, bool]:
    """(operator OPD scope or None, may see operators' names and phones) of this session."""
    from ui import auth

    me = auth.principal()
    return me.scope_opd_id, auth.can("view_personal")


def mask_personal(df: Any) -> Any:
    """The frame with every non-empty operator name/phone replaced by MASK (other values as is)."""
    if not isinstance(df, pl.DataFrame):
        return df
    cols = [c for c in PERSONAL_COLUMNS if c in df.columns]
    return df.with_columns(
        pl.when(pl.col(c).is_not_null() & (pl.col(c).cast(pl.String).str.strip_chars() != ""))
        .then(pl.lit(MASK))
        .otherwise(pl.col(c).cast(pl.String))
        .alias(c)
        for c in cols
    )


# The data end (v_data_end) read once per data version: every query that judges activity takes
# it as $data_end (warehouse.queries.run.data_end_given) instead of reading the view itself.
@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def _data_end(v: tuple[int, int, str]) -> dt.date | None:
    return run_queries.read_data_end(con())


@st.cache_resource(show_spinner=False, max_entries=4)
def _shared_store(v: tuple[int, int, str]) -> run_queries.SharedStore:
    """What the queries of one data version share (run_queries.sharing: the period's judgement)."""
    return run_queries.SharedStore()


# `name`, `v`, `viewer` and the arguments make the cache key; `_fn` (leading underscore) is
# not hashed. The version moves on every write, so no session sees a stale result.
@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def _run_cached(
    name: str, v: tuple[int, int, str], viewer: tuple[int | None, bool], _fn: Any, *args: Any,
    **kwargs: Any,
) -> Any:  # fmt: skip
    with run_queries.data_end_given(_data_end(v)), run_queries.sharing(_shared_store(v)):
        out = _fn(con(), *args, **kwargs)
    return out if viewer[1] else mask_personal(out)


def _cached(fn: Callable[Concatenate[duckdb.DuckDBPyConnection, P], R]) -> Callable[P, R]:
    """warehouse.queries.<fn> without its connection argument, cached per arguments and data
    version. Same signature and docstring as the query, so a page's call leads to it."""

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        viewer = _viewer()
        # The viewer's scope overrides whatever a Filters says: a page cannot widen it.
        args = tuple(  # type: ignore[assignment]
            dataclasses.replace(a, viewer_opd_id=viewer[0]) if isinstance(a, Filters) else a
            for a in args
        )
        return _run_cached(f"{fn.__module__}.{fn.__name__}", version(), viewer, fn, *args, **kwargs)

    return call


def clear_all() -> None:
    _run_cached.clear()
    _shared_store.clear()


# ---------------------------------------------------------------- queries the pages call

kpi_summary = _cached(summary_queries.kpi_summary)
activity_trend = _cached(activity_queries.activity_trend)
activity_by_kind = _cached(activity_queries.activity_by_kind)
content_mix = _cached(content_queries.content_mix)
opd_index = _cached(activity_queries.opd_index)


def top_bottom_opds(f: Filters, n: int = 5, settings: Any = None) -> pl.DataFrame:
    """queries.summary.top_bottom_opds from the cached opd_index: a page showing the ranking and the
    top/bottom lists (Ringkasan with its report buttons) computes the index once."""
    index = opd_index(f) if settings is None else opd_index(f, settings)  # the pages' key
    return summary_queries.top_bottom(index, n)


opd_month_heatmap = _cached(activity_queries.opd_month_heatmap)
inactive_opds = _cached(activity_queries.inactive_opds)
account_dormancy = _cached(activity_queries.account_dormancy)
opd_daily_counts = _cached(activity_queries.opd_daily_counts)
content_share_by_opd = _cached(content_queries.content_share_by_opd)
content_mix_by_opd = _cached(content_queries.content_mix_by_opd)
content_mix_over_time = _cached(content_queries.content_mix_over_time)
figure_share_trend = _cached(content_queries.figure_share_trend)
example_posts = _cached(content_queries.example_posts)
label_agreement = _cached(content_queries.label_agreement)
label_disagreements = _cached(content_queries.label_disagreements)
trend = _cached(trend_queries.trend)


def trend_comparison(f: Filters, grain: Grain = "month", settings: Any = None) -> pl.DataFrame:
    """queries.trend.trend_comparison from the cached trends (by "none"): the Tren page's own trend
    of the period is not read a second time."""
    y_start, y_end = periods.year_ago_period(f.start, f.end)
    kw = {} if settings is None else {"settings": settings}
    now = trend(f, grain=grain, by="none", **kw)
    ago = trend(f.shifted(y_start, y_end), grain=grain, by="none", **kw)
    return trend_queries.aligned_trends(now, ago, date_bounds()[0], grain)


engagement_by_opd = _cached(trend_queries.engagement_by_opd)
top_posts = _cached(trend_queries.top_posts)
campaigns = _cached(campaign_queries.campaigns)
campaign_participation = _cached(campaign_queries.campaign_participation)
campaign_summary = _cached(campaign_queries.campaign_summary)
_rejected_rows = _cached(history_queries.rejected_rows)
_load_history = _cached(history_queries.load_history)
drilldown_posts = _cached(drilldown_queries.drilldown_posts)
drilldown_count = _cached(drilldown_queries.drilldown_count)
format_mix_by_opd = _cached(content_queries.format_mix_by_opd)
format_mix_over_time = _cached(content_queries.format_mix_over_time)
kecamatan_rollup = _cached(activity_queries.kecamatan_rollup)
opd_months = _cached(opd_story.opd_months)
opd_month_benchmark = _cached(opd_story.opd_month_benchmark)
mix_against_all = _cached(opd_story.mix_against_all)
master_contradictions = _cached(option_queries.master_contradictions)
coverage_grid = _cached(coverage.coverage_grid)
coverage_accounts = _cached(coverage.coverage_accounts)
coverage_missing = _cached(coverage.coverage_missing)
coverage_summary = _cached(coverage.coverage_summary)
keaktifan_figures = _cached(figures.keaktifan_figures)
inactive_reason_counts = _cached(figures.inactive_reason_counts)
campaign_totals = _cached(figures.campaign_totals)
_date_bounds = _cached(option_queries.date_bounds)
_filter_options = _cached(option_queries.filter_options)
_platforms = _cached(option_queries.platforms)
_opd_kinds = _cached(option_queries.opd_kinds)


def rejected_rows(limit: int = 500) -> pl.DataFrame:
    """queries.history.rejected_rows for this viewer (an operator: their own OPD's loads only)."""
    return _rejected_rows(limit, opd_id=_viewer()[0])


def load_history(limit: int = 200) -> pl.DataFrame:
    """queries.history.load_history for this viewer (an operator: their own OPD's loads only)."""
    return _load_history(limit, opd_id=_viewer()[0])


# ---------------------------------------------------------------- options and bounds


def date_bounds() -> tuple[dt.date | None, dt.date | None]:
    """(first, last) publication date; (None, None) on an empty warehouse."""
    return _date_bounds()


def filter_options() -> pl.DataFrame:
    """Every OPD (opd_id, opd, opd_kind, ...) for the sidebar."""
    return _filter_options()


def platforms() -> list[str]:
    return list(_platforms())


def opd_kinds() -> list[str]:
    return list(_opd_kinds())


def grade_thresholds() -> tuple[float, float, float]:
    """(Sangat Baik, Baik, Cukup) lower bounds of the index grades, as set in Pengaturan."""

    s = analyst_settings.get_settings(con())
    return float(s.grade_very_good), float(s.grade_good), float(s.grade_fair)


def activity_rule() -> str:
    """The activity rule in force ('account' | 'opd_total'), as set in Pengaturan."""

    return str(analyst_settings.get_settings(con()).activity_rule)
