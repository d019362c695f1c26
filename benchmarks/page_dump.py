"""Every warehouse query the pages ask for, with its result, to compare two versions of the code.

    .venv/bin/python benchmarks/page_dump.py dump WAREHOUSE OUT_DIR     # with this tree's code
    .venv/bin/python benchmarks/page_dump.py compare DIR_BEFORE DIR_AFTER

`dump` runs each meeting page (and Kampanye, Kelengkapan) in AppTest on WAREHOUSE (opened as a
copy: nothing is written to it), records every call the page makes to ui.data's cached
queries, then replays each call with its own Filters and with variants of them (one month, the
period before, one platform, one OPD kind, one OPD, an operator's scope) and writes every
result (polars frames as parquet, anything else as its repr) under OUT_DIR with an index.
`compare` says which results differ between two dumps (frames compared with
DataFrame.equals: same columns, types, order, values, nulls) and exits 1 when any does.
A speed change must leave every result identical: run `dump` before and after, then `compare`.
With $PAGE_DUMP_DATA_END=YYYY-MM-DD every replayed query is judged as if the data ended that day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

PAGES = ("ringkasan", "keaktifan", "konten", "tren", "kampanye", "kelengkapan")
# Choices a page waits for (select boxes by key), made by `record(..., chosen=True)`.
CHOSEN = {"keaktifan": ("calendar_opd",)}


def record(
    page: str, own_only: bool = False, chosen: bool = False
) -> list[tuple[str, Any, tuple, dict]]:
    """Run one page in AppTest; every (name, fn, args, kwargs) it asks ui.data for (own_only:
    leave out the first run's, which shows Ringkasan, when the page is another; chosen: also
    what the page reads once a reader chooses, CHOSEN: Keaktifan's calendar of the first OPD,
    read on every rerun before it waited for a choice, so dumps of both trees hold it)."""
    from streamlit.testing.v1 import AppTest

    from ui import data, navigation

    calls: list[tuple[str, Any, tuple, dict]] = []
    real = data._run_cached

    def spy(name: str, v: Any, viewer: Any, _fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((name, _fn, args, kwargs))
        return real(name, v, viewer, _fn, *args, **kwargs)

    from warehouse.queries import summary, trend

    queries = {
        "top_bottom_opds": summary.top_bottom_opds,
        "trend_comparison": trend.trend_comparison,
    }
    # Read from other cached results, not queries of their own: recorded as the query.
    derived = {"top_bottom_opds": data.top_bottom_opds, "trend_comparison": data.trend_comparison}

    def spy_on(name: str) -> Any:
        def spy_derived(*args: Any, **kwargs: Any) -> Any:
            fn = queries[name]
            calls.append((f"{fn.__module__}.{name}", fn, args, kwargs))
            return derived[name](*args, **kwargs)

        return spy_derived

    data._run_cached = spy  # type: ignore[assignment]
    for name in derived:
        setattr(data, name, spy_on(name))
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        if page != "ringkasan":
            if own_only:
                calls.clear()
            at.switch_page({s.key: s.path for s in navigation.PAGES}[page]).run()
        for key in CHOSEN.get(page, ()) if chosen else ():
            box = at.selectbox(key=key)
            if box.value is None and box.options:
                box.select(box.options[0]).run()
        assert not at.exception, [e.message for e in at.exception]
    finally:
        data._run_cached = real  # type: ignore[assignment]
        for name, fn in derived.items():
            setattr(data, name, fn)
    return calls


def variants(f: Any, con: Any) -> list[Any]:
    """The page's Filters and variants of it that reach other branches of the queries."""
    from warehouse.queries.options import filter_options

    opds = filter_options(con)
    out = [f]
    month = f.month_of(f.end)
    out += [month, month.shifted(*_prev_month(month.start))]
    out.append(dataclasses.replace(f, platforms=("instagram",)))
    if opds.height:
        kind = opds["opd_kind"][0]
        one = int(opds.filter(opds["expected_to_post"])["opd_id"][0])
        out += [
            dataclasses.replace(f, opd_kinds=(kind,)),
            dataclasses.replace(f, opd_ids=(one,)),
            dataclasses.replace(f, viewer_opd_id=one),
            dataclasses.replace(month, opd_ids=(one,), platforms=("facebook", "instagram")),
        ]
    return out


def _prev_month(start: dt.date) -> tuple[dt.date, dt.date]:
    end = start - dt.timedelta(days=1)
    return end.replace(day=1), end


def _key(name: str, args: tuple, kwargs: dict) -> str:
    return f"{name}{args!r}{sorted(kwargs.items())!r}"


def dump(db: Path, out: Path) -> int:
    import polars as pl

    from warehouse.db import connect
    from warehouse.queries.filters import Filters

    with tempfile.TemporaryDirectory(prefix="pantau-dump-") as d:
        copy = Path(d) / "wh.duckdb"
        shutil.copy(db, copy)
        os.environ["PANTAU_DB"] = str(copy)
        os.environ["PANTAU_BOOTSTRAP"] = "0"
        seen: dict[str, tuple] = {}
        for page in PAGES:
            for name, fn, args, kwargs in record(page, chosen=True):
                seen.setdefault(_key(name, args, kwargs), (name, fn, args, kwargs))
        con = connect(copy)
        out.mkdir(parents=True, exist_ok=True)
        index: dict[str, str] = {}
        # Replayed sharing one store, as ui.data does for a data version (results one query
        # keeps for another, the period's judgement inside the KPI tiles', are read as the app
        # reads them); a tree without warehouse.queries.run.sharing: nothing shared.
        shared = _sharing()
        shared.__enter__()
        cut = _data_end_cut()
        cut.__enter__()
        for name, fn, args, kwargs in list(seen.values()):
            f = next((a for a in args if isinstance(a, Filters)), None)
            for g in variants(f, con) if f is not None else [None]:
                a2 = tuple(g if isinstance(x, Filters) else x for x in args)
                key = _key(name, a2, kwargs)
                if key in index:
                    continue
                res = fn(con, *a2, **kwargs)
                h = hashlib.sha1(key.encode()).hexdigest()[:16]
                if isinstance(res, pl.DataFrame):
                    res.write_parquet(out / f"{h}.parquet")
                else:
                    (out / f"{h}.txt").write_text(repr(res), encoding="utf-8")
                index[key] = h
        cut.__exit__(None, None, None)
        shared.__exit__(None, None, None)
        con.close()
    (out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"{len(index)} results from {len(seen)} distinct page queries -> {out}")
    return 0


def _data_end_cut() -> Any:
    """$PAGE_DUMP_DATA_END (YYYY-MM-DD): every replayed query judged as if the data ended that
    day (warehouse.queries.run.data_end_given; a day inside the last month: the running month
    of a real warehouse, whose statements differ from whole months'); unset: the warehouse's."""
    import contextlib

    cut = os.environ.get("PAGE_DUMP_DATA_END")
    if not cut:
        return contextlib.nullcontext()
    from warehouse.queries.run import data_end_given

    return data_end_given(dt.date.fromisoformat(cut))


def _sharing() -> Any:
    import contextlib

    try:
        from warehouse.queries.run import SharedStore, sharing
    except ImportError:
        return contextlib.nullcontext()
    return sharing(SharedStore())


def compare(before: Path, after: Path) -> int:
    import polars as pl

    a = json.loads((before / "index.json").read_text(encoding="utf-8"))
    b = json.loads((after / "index.json").read_text(encoding="utf-8"))
    bad = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            bad.append(f"only in {'after' if key in b else 'before'}: {key[:160]}")
            continue
        pa, pb = before / f"{a[key]}.parquet", after / f"{b[key]}.parquet"
        if pa.exists() and pb.exists():
            same = pl.read_parquet(pa).equals(pl.read_parquet(pb))
        else:
            ta, tb = before / f"{a[key]}.txt", after / f"{b[key]}.txt"
            same = ta.exists() and tb.exists() and ta.read_text() == tb.read_text()
        if not same:
            bad.append(f"differs: {key[:160]}")
    print(f"{len(set(a) & set(b))} results in both; {len(bad)} differ or are missing")
    for line in bad:
        print(" ", line)
    return 1 if bad else 0


if __name__ == "__main__":
    cmd, x, y = sys.argv[1:4]
    sys.exit(dump(Path(x), Path(y)) if cmd == "dump" else compare(Path(x), Path(y)))
