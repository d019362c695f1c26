"""Everything a page draws, to compare two versions of the UI code: chart specs, tables,
metrics, texts, widgets and containers, in page order, in both languages, on the screen, on
every slide of the presentation mode and filtered to the busiest OPD; a page whose expanders
are drawn only while open (OPENED) also with them open.

    .venv/bin/python benchmarks/page_elements.py dump WAREHOUSE OUT.json [--pages ...]
    .venv/bin/python benchmarks/page_elements.py compare BEFORE.json AFTER.json

`dump` runs each page in AppTest with this tree's code on WAREHOUSE (opened as a copy: nothing
is written to it) and writes every element of the page as JSON: the element's proto as a dict
without element ids (nor the random ids of deferred downloads), a chart's spec parsed with its datasets as rows in their order (dataset
names are hashes of the data, so each is replaced by its position), a table's Arrow data as
rows with its column names and types. `compare` lists the runs whose elements differ (the
first differing element of each) and exits 1 when any does; rows that differ in order only
are listed apart (Keaktifan's kecamatan chart draws a polars unique(), whose order varies from
run to run with the same code), and so are expanders differing only in their expanded flag (an
expander drawn only while open is keyed, and reports its open state). A change to how the pages are
built must leave every element identical: dump with the tree before (run this script from
that tree, or `git archive` it) and after, then compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

PAGES = ("ringkasan", "keaktifan", "konten", "tren", "kampanye", "kelengkapan")
ONE_OPD_PAGES = ("ringkasan", "keaktifan", "konten", "tren")
# Expanders drawn only while open (their state key): the page is also dumped with them open.
OPENED = {"keaktifan": ("index_explain_open", "index_detail_open")}
MAX_SLIDES = 30


def _arrow_rows(data: bytes) -> dict[str, Any]:
    import pyarrow as pa

    table = pa.ipc.open_stream(data).read_all()
    return {
        "columns": [f"{f.name}: {f.type}" for f in table.schema],
        "rows": [repr(r) for r in table.to_pylist()],
    }


def _plain(msg: Any) -> dict[str, Any]:
    """A proto message as a dict: element ids left out, Arrow bytes as rows, a chart's spec
    parsed."""
    from google.protobuf.descriptor import FieldDescriptor as F

    out: dict[str, Any] = {}
    for fd, value in msg.ListFields():
        if fd.name in ("id", "form_id", "deferred_file_id"):  # random or derived
            continue
        repeated = fd.is_repeated
        vals = list(value) if repeated else [value]
        got: list[Any] = []
        for v in vals:
            if fd.type == F.TYPE_MESSAGE:
                got.append(_plain(v))
            elif fd.type == F.TYPE_BYTES:
                try:
                    got.append(_arrow_rows(v))
                except Exception:
                    got.append(v.hex())
            elif fd.type == F.TYPE_STRING and fd.name == "spec":
                try:
                    got.append(json.loads(v))
                except ValueError:
                    got.append(v)
            else:
                got.append(v)
        out[fd.name] = got if repeated else got[0]
    return out


def element(node: Any) -> dict[str, Any]:
    """One element or container of the tree as comparable JSON."""
    proto = getattr(node, "proto", None)
    if proto is None:
        return {"element": node.type}
    kind = node.type
    if kind in ("arrow_vega_lite_chart", "vega_lite_chart"):
        # Dataset names are hashes of their data: replaced by their position.
        spec = proto.spec
        for i, ds in enumerate(proto.datasets):
            spec = spec.replace(ds.name, f"DATASET{i}")
        out = _plain(proto)
        out["spec"] = json.loads(spec)
        for ds in out.get("datasets", []):
            ds.pop("name", None)
        return {"element": kind, **out}
    return {"element": kind, **_plain(proto)}


def elements(at: Any) -> list[dict[str, Any]]:
    return [element(n) for n in at._tree]


def _runs(page: str, lang: str, opd: str | None) -> dict[str, list[dict[str, Any]]]:
    """The page's elements on the screen, on each slide, and (given opd) on the screen
    filtered to that one OPD (Keaktifan, Jenis Konten and Tren draw that OPD's own story)."""
    from streamlit.testing.v1 import AppTest

    from ui import navigation

    paths = {s.key: s.path for s in navigation.PAGES}
    out: dict[str, list[dict[str, Any]]] = {}
    hows = ["screen", "slides"] + (["one_opd"] if opd else [])
    if page in OPENED:
        hows += [f"{h} opened" for h in hows if h != "slides"]
    for how in hows:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        for key in OPENED.get(page, ()) if how.endswith("opened") else ():
            at.session_state[key] = True
        at.query_params["lang"] = lang
        if how == "slides":
            at.query_params["presentasi"] = "1"
        if how.startswith("one_opd"):
            at.query_params["opd"] = str(opd)
        at.run()
        if page != "ringkasan":
            at.switch_page(paths[page]).run()
        assert not at.exception, (page, lang, how, [e.message for e in at.exception])
        if how != "slides":
            out[f"{page} {lang} {how}"] = elements(at)
            continue
        for n in range(1, MAX_SLIDES + 1):
            out[f"{page} {lang} slide {n}"] = elements(at)
            nxt = [b for b in at.button if b.key == "slide_next"]
            if not nxt or nxt[0].disabled:
                break
            nxt[0].click().run()
            assert not at.exception, (page, lang, n, [e.message for e in at.exception])
    return out


def busiest_opd(db: Path) -> str | None:
    """The OPD with the most posts (ties: by name), for the one-OPD runs."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT opd FROM v_posts GROUP BY opd ORDER BY count(*) DESC, opd LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return row[0] if row else None


def dump(db: Path, out: Path, pages: list[str]) -> None:
    import logging

    logging.disable(logging.WARNING)
    tmp = Path(tempfile.mkdtemp(prefix="page_elements_"))
    try:
        copy = tmp / db.name
        shutil.copy(db, copy)
        os.environ["PANTAU_DB"], os.environ["PANTAU_BOOTSTRAP"] = str(copy), "0"
        os.chdir(ROOT)
        sys.path.insert(0, str(ROOT))
        res: dict[str, Any] = {}
        opd = busiest_opd(copy)
        for page in pages:
            for lang in ("id", "en"):
                runs = _runs(page, lang, opd if page in ONE_OPD_PAGES else None)
                res.update(runs)
                n = sum(len(v) for v in runs.values())
                print(f"{page} {lang}: {len(runs)} runs, {n} elements", flush=True)
        out.write_text(json.dumps(res, sort_keys=True, indent=0, default=repr))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _unexpanded(e: Any) -> Any:
    """An expander without its expanded flag (a keyed expander reports its open state)."""
    if isinstance(e, dict) and e.get("element") == "expander":
        return {k: v for k, v in e.items() if k != "expanded"}
    return e


def _rows_sorted(d: Any) -> Any:
    if isinstance(d, dict):
        return {k: sorted(v) if k == "rows" else _rows_sorted(v) for k, v in d.items()}
    if isinstance(d, list):
        return [_rows_sorted(v) for v in d]
    return d


def compare(before: Path, after: Path) -> int:
    """Runs whose elements differ. Rows of a dataset or table in another order only, and an
    expander's expanded flag only, are listed apart and not counted as a difference."""
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    differ: set[str] = set()
    order_only = flag_only = 0
    for run in sorted(set(a) | set(b)):
        ea, eb = a.get(run), b.get(run)
        if ea == eb:
            continue
        if ea is None or eb is None:
            differ.add(run)
            print(f"{run}: only in {'after' if ea is None else 'before'}")
            continue
        if len(ea) != len(eb):
            differ.add(run)
            print(f"{run}: {len(ea)} elements before, {len(eb)} after")
        for i, (x, y) in enumerate(zip(ea, eb, strict=False)):
            if x == y:
                continue
            if _unexpanded(x) == _unexpanded(y):
                flag_only += 1
                print(f"{run}: element {i} (expander): its expanded flag only")
                continue
            if _rows_sorted(x) == _rows_sorted(y):
                order_only += 1
                print(f"{run}: element {i} ({x.get('element')}): the same rows in another order")
                continue
            differ.add(run)
            print(f"{run}: element {i} ({x.get('element')} / {y.get('element')}) differs")
            print("  before:", json.dumps(x, sort_keys=True)[:600])
            print("  after: ", json.dumps(y, sort_keys=True)[:600])
            break
    n = sum(len(v) for v in b.values())
    print(
        f"{len(b)} runs, {n} elements; {len(differ)} runs differ, {order_only} rows in another "
        f"order only, {flag_only} expanders differing in their expanded flag only"
    )
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("warehouse", type=Path)
    d.add_argument("out", type=Path)
    d.add_argument("--pages", default=",".join(PAGES))
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    a = ap.parse_args()
    if a.cmd == "dump":
        dump(a.warehouse.resolve(), a.out.resolve(), a.pages.split(","))
        return 0
    return compare(a.before, a.after)


if __name__ == "__main__":
    sys.exit(main())
