"""Every warehouse query function's result on one warehouse, to compare two versions of the code.

    .venv/bin/python benchmarks/query_dump.py dump WAREHOUSE OUT.pickle   # with this tree's code
    .venv/bin/python benchmarks/query_dump.py compare BEFORE.pickle AFTER.pickle

`dump` calls each query function directly (no Streamlit, unlike page_dump.py: seconds, not
minutes) with a set of filters derived from the warehouse's own dates (the whole range, the
last month, the three months before it, one platform, one OPD kind, one OPD, an operator's
scope) and two settings (the defaults, and the OPD-total activity rule with other weights),
plus the period arithmetic on a set of dates. A function is found by name wherever it lives
(warehouse.queries or any module of the warehouse.queries package, warehouse.metrics or the
modules split out of it), so the same script runs before and after a move. `compare` says
which results differ (frames with DataFrame.equals: same columns, types, order, values, nulls)
and exits 1 when any does. The warehouse is opened from a copy: nothing is written to it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
import pkgutil
import re
import shutil
import sys
import tempfile
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODULES = (
    "warehouse.queries",
    "warehouse.metrics",
    "warehouse.analyst_settings",
    "warehouse.periods",
    "warehouse.vocabulary",
    "warehouse.figures",
    "warehouse.coverage",
    "warehouse.opd_story",
)


def _namespace() -> dict[str, Any]:
    """Every public name of the query and metric modules (a name defined twice would be an
    error: the split must keep one definition of each)."""
    names: dict[str, Any] = {}
    mods = []
    for name in MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        mods.append(mod)
        if hasattr(mod, "__path__"):
            for info in pkgutil.iter_modules(mod.__path__):
                mods.append(importlib.import_module(f"{name}.{info.name}"))
    for mod in mods:
        for key, value in vars(mod).items():
            if key.startswith("__") or isinstance(value, types.ModuleType):
                continue
            home = getattr(value, "__module__", mod.__name__)
            if callable(value) and home != mod.__name__:
                continue  # imported, not defined here
            names.setdefault(key, value)
    return names


def _calls(ns: dict[str, Any], con: Any) -> list[tuple[str, Any]]:
    Filters, Settings = ns["Filters"], ns["Settings"]
    first, last = ns["date_bounds"](con)
    opts = ns["filter_options"](con)
    opd = int(opts.filter(opts["expected_to_post"])["opd_id"][0])
    kind = ns["opd_kinds"](con)[0]
    platform = ns["platforms"](con)[0]
    month = last.replace(day=1)
    before = ns["add_months"](month, -3)
    filters = {
        "all": Filters(first, last),
        "month": Filters(month, last),
        "three": Filters(before, month - dt.timedelta(days=1)),
        "platform": Filters(before, last, platforms=(platform,)),
        "kind": Filters(before, last, opd_kinds=(kind,)),
        "opd": Filters(before, last, opd_ids=(opd,)),
        "viewer": Filters(before, last, viewer_opd_id=opd),
    }
    other = Settings(activity_rule="opd_total", min_posts_per_month=6, w_engagement=40.0)
    campaigns = ns["campaigns"](con)
    cid = int(campaigns["campaign_id"][0]) if campaigns.height else 1
    as_of = last
    out: list[tuple[str, Any]] = []

    def add(label: str, fn: str, *args: Any, **kw: Any) -> None:
        out.append((f"{label}:{fn}{args!r}{sorted(kw.items())!r}", lambda: ns[fn](*args, **kw)))

    for name in ("data_version", "filter_options", "platforms", "opd_kinds", "date_bounds"):
        add("-", name, con)
    for name in ("campaigns", "master_contradictions", "get_settings"):
        add("-", name, con)
    add("-", "rejected_rows", con)
    add("-", "rejected_rows", con, 5, opd)
    add("-", "load_history", con)
    add("-", "load_history", con, 5, opd)
    for fl, f in filters.items():
        for sl, s in (("default", None), ("other", other)):
            tag = f"{fl}/{sl}"
            add(tag, "kpi_summary", con, f, s)
            add(tag, "activity_trend", con, f, s)
            add(tag, "activity_trend", con, f, s, True)
            add(tag, "activity_by_kind", con, f, s)
            add(tag, "top_bottom_opds", con, f, 5, s)
            add(tag, "top_bottom_opds", con, f, 10, s)
            add(tag, "opd_index", con, f, s)
            add(tag, "opd_index", con, f, s, False)
            add(tag, "opd_month_heatmap", con, f, s)
            add(tag, "inactive_opds", con, f, s, as_of)
            add(tag, "account_dormancy", con, f, s, as_of)
            add(tag, "kecamatan_rollup", con, f, s)
            for grain in ("month", "week"):
                for by in ("none", "platform", "opd_kind", "opd"):
                    add(tag, "trend", con, f, grain, by, s)
                add(tag, "trend_comparison", con, f, grain, s)
            add(tag, "keaktifan_figures", con, f, s, as_of)
            add(tag, "inactive_reason_counts", con, f, s, as_of)
            add(tag, "coverage_grid", con, f, s, as_of)
            add(tag, "coverage_missing", con, f, month, s, as_of)
            add(tag, "coverage_summary", con, f, s, as_of)
            add(tag, "opd_months", con, f, s)
            add(tag, "opd_month_benchmark", con, f, s)
        add(fl, "opd_daily_counts", con, f, opd)
        add(fl, "content_mix", con, f)
        for sort in ("ucapan_share", "kinerja_share", "figure_share", "posts", "opd"):
            add(fl, "content_share_by_opd", con, f, sort, sort != "opd")
        add(fl, "content_mix_by_opd", con, f)
        for grain in ("day", "week", "month"):
            add(fl, "content_mix_over_time", con, f, grain)
            add(fl, "figure_share_trend", con, f, grain)
            add(fl, "format_mix_over_time", con, f, grain)
        add(fl, "example_posts", con, f)
        add(fl, "example_posts", con, f, "ucapan", None, 7)
        add(fl, "example_posts", con, f, None, True, 7)
        add(fl, "label_agreement", con, f)
        add(fl, "label_disagreements", con, f)
        add(fl, "engagement_by_opd", con, f)
        add(fl, "top_posts", con, f)
        add(fl, "top_posts", con, f, 3)
        add(fl, "campaign_participation", con, f, cid)
        add(fl, "campaign_summary", con, f, cid)
        add(fl, "campaign_totals", con, f, cid)
        add(fl, "format_mix_by_opd", con, f)
        add(fl, "coverage_accounts", con, f)
        for dim in ("content", "format"):
            add(fl, "mix_against_all", con, f, dim)
        for sort in ("published_at", "engagement", "opd", "reach"):
            add(fl, "drilldown_posts", con, f, sort_by=sort, descending=sort != "opd", limit=50)
        add(fl, "drilldown_posts", con, f, content_types=("ucapan",), search="selamat")
        add(fl, "drilldown_posts", con, f, kinerja_only=True, figure_centric=False)
        add(fl, "drilldown_posts", con, f, campaign_id=cid)
        add(fl, "drilldown_count", con, f)
        add(fl, "drilldown_count", con, f, kinerja_only=True, search="a")
        add(fl, "drilldown_count", con, f, campaign_id=cid)
    days = [dt.date(2024, 2, 29), dt.date(2026, 1, 1), dt.date(2026, 10, 31), dt.date(2026, 3, 15)]
    for a in days:
        for b in days:
            if a <= b:
                for name in ("previous_period", "year_ago_period", "is_whole_months"):
                    add("-", name, a, b)
                add("-", "months_between", a, b)
        for n in (-13, -1, 0, 1, 12):
            add("-", "add_months", a, n)
    for name in ("KPIS", "INDEX_COMPONENTS", "INDEX_COMPONENTS_EN", "COVERAGE_STATUS"):
        out.append((f"-:{name}", lambda name=name: repr(ns[name])))
    out.append(("-:SETTING_LABELS", lambda: repr(dict(ns["SETTING_LABELS"]))))
    out.append(("-:Settings()", lambda: repr(ns["Settings"]())))
    out.append(("-:validate", lambda: ns["Settings"](grade_good=90.0, w_kinerja=-1).validate()))
    return out


def dump(warehouse: Path, out: Path) -> int:
    from warehouse.db import connect

    ns = _namespace()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "w.duckdb"
        shutil.copy(warehouse, copy)
        con = connect(str(copy))
        results: dict[str, Any] = {}
        for key, call in _calls(ns, con):
            try:
                results[key] = call()
            except Exception as exc:  # an error is a result too: it must stay the same
                results[key] = f"{type(exc).__name__}: {exc}"
        con.close()
    out.write_bytes(pickle.dumps(results))
    print(f"{len(results)} results -> {out}")
    return 0


def _same(a: Any, b: Any) -> bool:
    import polars as pl

    if isinstance(a, pl.DataFrame) and isinstance(b, pl.DataFrame):
        return a.schema == b.schema and a.equals(b, null_equal=True)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(type(a) is type(b) and a == b)


class _Moved(pickle.Unpickler):
    """Unpickles a dump made before a class moved: a name missing from its old module is
    looked up among the query and metric modules of this tree."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return super().find_class(module, name)
        except AttributeError:
            return _namespace()[name]


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        raw = dict(_Moved(fh).load())
    # The connection's repr carries its address: one name for it in every key.
    return {
        re.sub(r"<_duckdb\.DuckDBPyConnection object at 0x[0-9a-f]+>", "con", k): v
        for k, v in raw.items()
    }


def compare(before: Path, after: Path) -> int:
    a = _load(before)
    b = _load(after)
    differ = [k for k in a if k not in b or not _same(a[k], b[k])]
    extra = [k for k in b if k not in a]
    errors = sum(isinstance(v, str) and v.split(":")[0].endswith("Error") for v in a.values())
    print(f"{len(a)} results before, {len(b)} after, {errors} of them errors before")
    for k in differ + extra:
        print("DIFFERS:", k[:200])
    print("all equal" if not differ and not extra else f"{len(differ) + len(extra)} differ")
    return 1 if differ or extra else 0


if __name__ == "__main__":
    cmd, x, y = sys.argv[1:4]
    sys.exit(dump(Path(x), Path(y)) if cmd == "dump" else compare(Path(x), Path(y)))
