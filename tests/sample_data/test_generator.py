"""The bundled sample data is reproducible and shaped like the real exports."""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"
FB_REQUIRED = {
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Publish time",
    "Permalink",
    "Post type",
    "Date",
    "Reach",
    "Reactions",
    "Comments",
    "Shares",
}


def _load_generator():
    spec = importlib.util.spec_from_file_location("sample_generate", SAMPLE / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["sample_generate"] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    _load_generator().generate(out, 20261123)
    return out


def _files(base: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(base)): p.read_bytes()
        for p in sorted(base.rglob("*"))
        if p.is_file()
        and p.name not in ("generate.py", "README.md")
        and "__pycache__" not in p.parts
    }


def test_same_seed_gives_committed_bytes(regenerated: Path) -> None:
    committed = _files(SAMPLE)
    fresh = _files(regenerated)
    assert sorted(fresh) == sorted(committed)
    text_like = [k for k in committed if k.endswith((".csv", ".txt"))]
    assert len(text_like) > 150
    assert [k for k in text_like if fresh[k] != committed[k]] == []
    # xlsx/zip are made byte-stable too (fixed properties and ZIP timestamps)
    binary = [k for k in committed if k.endswith((".xlsx", ".zip"))]
    assert [k for k in binary if fresh[k] != committed[k]] == []


def _read_csv(raw: bytes, encoding: str = "utf-8-sig", delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode(encoding)), delimiter=delimiter))


def test_facebook_files_have_bom_and_required_header_subset() -> None:
    files = sorted((SAMPLE / "exports" / "facebook").rglob("*.csv"))
    assert 60 <= len(files) <= 150
    widths = set()
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f
        header = _read_csv(raw)[0]
        assert set(header) >= FB_REQUIRED, f
        assert ("Views" in header) != ("Impressions" in header), f
        widths.add(len(header))
    assert widths == {32, 33, 34}


def test_excel_resaved_facebook_file_keeps_permalink() -> None:
    (f,) = (SAMPLE / "exports" / "facebook" / "Satpol_PP").glob("Mar-01-2026_*.csv")
    rows = _read_csv(f.read_bytes())
    h = rows[0]
    body = rows[1:]
    assert body and all("E+" in r[h.index("Post ID")] for r in body)
    posts = [r for r in body if "/posts/" in r[h.index("Permalink")]]
    assert posts
    for r in posts:  # the mangled ID is the rounded permalink ID
        pid = r[h.index("Permalink")].rsplit("/", 1)[1]
        assert float(r[h.index("Post ID")]) == pytest.approx(float(pid), rel=1e-5)


def test_reexport_overlaps_with_higher_metrics() -> None:
    files = sorted((SAMPLE / "exports" / "facebook" / "Diskominfo").glob("Oct-01-2026_*.csv"))
    assert len(files) == 2
    a, b = (_read_csv(f.read_bytes()) for f in files)
    ida = {r[0]: int(r[a[0].index("Reach")].replace(",", "")) for r in a[1:]}
    idb = {r[0]: int(r[b[0].index("Reach")].replace(",", "")) for r in b[1:]}
    assert set(ida) == set(idb) and len(ida) > 10
    # lifetime totals only grow: one file is the newer export for every post
    older, newer = (ida, idb) if sum(ida.values()) < sum(idb.values()) else (idb, ida)
    assert all(newer[k] >= older[k] for k in older)
    assert sum(newer.values()) > sum(older.values())
    assert len(a[0]) != len(b[0])  # the re-export has November's column set


def test_youtube_row_two_is_total() -> None:
    tables = []
    for z in (SAMPLE / "exports" / "youtube").glob("*.zip"):
        with zipfile.ZipFile(z) as zf:
            assert {"Table data.csv", "Chart data.csv", "Totals.csv"} <= set(zf.namelist())
            tables.append(zf.read("Table data.csv"))
    tables += [p.read_bytes() for p in (SAMPLE / "exports" / "youtube").glob("*/Table data.csv")]
    assert len(tables) == 3
    for raw in tables:
        rows = _read_csv(raw)
        assert rows[0][0] == "Content" and rows[1][0] == "Total"
        views = rows[0].index("Views")
        assert int(rows[1][views]) == sum(int(r[views]) for r in rows[2:])


def test_master_list_has_about_forty_opds() -> None:
    wb = openpyxl.load_workbook(SAMPLE / "Daftar Akun Medsos OPD Kabupaten Sukamaju 2026.xlsx")
    ws = wb["Daftar Akun Medsos OPD"]
    assert str(ws["A1"].value).startswith("PEMERINTAH KABUPATEN")
    numbered = [r for r in ws.iter_rows(min_row=7, values_only=True) if isinstance(r[0], int)]
    assert 38 <= len(numbered) <= 48
    assert [r[0] for r in numbered] == list(range(1, len(numbered) + 1))
    kinds = {r[3] for r in numbered}
    assert {"Dinas", "Badan", "Kecamatan", "Desa", "Kelurahan"} <= kinds
    desa = [r for r in numbered if r[3] in ("Desa", "Kelurahan")]
    assert all(str(r[4]).startswith("Kecamatan ") for r in desa)


def test_twelve_months_covered() -> None:
    months = set()
    for f in (SAMPLE / "exports" / "facebook").rglob("*.csv"):
        rows = _read_csv(f.read_bytes())
        i = rows[0].index("Publish time")
        for r in rows[1:]:
            m, _d, y = r[i].split(" ")[0].split("/")
            months.add((int(y), int(m)))
    assert months == {(2025, 12)} | {(2026, m) for m in range(1, 12)}


def test_meta_daily_file_shape() -> None:
    raw = (SAMPLE / "exports" / "meta_daily" / "Jangkauan.csv").read_bytes()
    assert raw.startswith(b"\xff\xfe")
    lines = raw[2:].decode("utf-16-le").splitlines()
    assert lines[:3] == ["sep=,", "Jangkauan", '"Tanggal","Primary"']


def test_total_size_and_post_counts() -> None:
    files = [p for p in SAMPLE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(files) <= 250
    assert sum(p.stat().st_size for p in files) < 15_000_000
    fb_ig = 0
    for sub in ("facebook", "instagram"):
        for f in (SAMPLE / "exports" / sub).rglob("*.csv"):
            raw = f.read_bytes()
            delim = ";" if raw.split(b"\n", 1)[0].count(b";") > 3 else ","
            fb_ig += len(_read_csv(raw, delimiter=delim)) - 1
    assert 5000 <= fb_ig <= 16000
