"""loads.exported_at from what the file tells, and the re-export rule: the export with the latest
export date wins, whatever the load order (etl/export_date.py, etl/load.py)."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.export_date import export_date, period_from_name
from etl.load import load_file
from etl.master import load_master
from tests.factory import IG_HEADER, write_master
from warehouse.db import connect


def ig_export(path: Path, days: range, likes: int, *, mtime: dt.datetime | None = None) -> Path:
    """A Meta Instagram export with one post per October day in `days`."""
    lines = [IG_HEADER]
    for d in days:
        lines.append(
            f'"179000000{d:05d}","1784","dinkes.sukamaju","Dinkes Sukamaju","Posyandu hari {d}",0,'
            f'"10/{d:02d}/2026 08:30","https://www.instagram.com/p/ABC{d}/","IG image",,'
            f'"Lifetime",{likes * 10},{likes * 8},{likes},0,0,1,2'
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    if mtime is not None:
        ts = mtime.replace(tzinfo=dt.timezone(dt.timedelta(hours=7))).timestamp()
        os.utime(path, (ts, ts))
    return path


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("Aug-01-2026_Aug-31-2026_5677323933924624.csv", ("2026-08-01", "2026-08-31")),
        ("Sep-01-2026_Nov-20-2026_3216326352980193.csv", ("2026-09-01", "2026-11-20")),
        ("Content 2025-12-01_2026-11-20 Prokopim Sukamaju", ("2025-12-01", "2026-11-20")),
        ("tweet_activity_metrics_prokopim_skmj_20251201_20260301_en.csv",
         ("2025-12-01", "2026-03-01")),
        ("account_analytics_content_2025-12-01_2026-11-20.csv", ("2025-12-01", "2026-11-20")),
        ("Rekap Postingan Medsos Kecamatan Cibening 2026.xlsx", None),
        ("Feb-31-2026_Mar-01-2026_1.csv", None),  # no such day
        ("2026-05-01_2026-04-01.csv", None),  # end before start
    ],
)  # fmt: skip
def test_period_from_name(name, period):
    want = tuple(dt.date.fromisoformat(d) for d in period) if period else None
    assert period_from_name(name) == want


_days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))


@given(a=_days, b=_days, digits=st.integers(min_value=0, max_value=10**16))
def test_period_names_round_trip(a, b, digits):
    a, b = min(a, b), max(a, b)
    meta = f"{a:%b-%d-%Y}_{b:%b-%d-%Y}_{digits}.csv"
    assert period_from_name(meta) == (a, b)
    assert period_from_name(f"Content {a:%Y-%m-%d}_{b:%Y-%m-%d} Dinkes Sukamaju") == (a, b)
    assert period_from_name(f"tweet_activity_metrics_dinkes_{a:%Y%m%d}_{b:%Y%m%d}_en.csv") == (a, b)


def _zip(members: dict[str, bytes], when: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, blob in members.items():
            zf.writestr(zipfile.ZipInfo(name, when), blob)
    return buf.getvalue()


def test_date_inside_the_file_beats_the_name_period_end():
    core = (
        b'<cp:coreProperties><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-21T08:00:00Z'
        b"</dcterms:modified></cp:coreProperties>"
    )
    xlsx = _zip(
        {"xl/workbook.xml": b"<workbook/>", "docProps/core.xml": core}, (2020, 1, 1, 0, 0, 0)
    )
    # UTC in core.xml -> WIB (+7).
    assert export_date(xlsx, "Rekap 2026.xlsx") == dt.datetime(2026, 11, 21, 15, 0)
    tiktok = _zip({"Content.csv": b"Time,Video title\n"}, (2026, 11, 21, 8, 0, 0))
    assert export_date(tiktok, "Content_dinkes.sukamaju.zip") == dt.datetime(2026, 11, 21, 8, 0)
    # YouTube: zip member time (21 Nov) is later than the period end in the name (20 Nov).
    yt = _zip({"Table data.csv": b"Content\n"}, (2026, 11, 21, 8, 0, 0))
    assert export_date(yt, "Content 2025-12-01_2026-11-20 X.zip") == dt.datetime(2026, 11, 21, 8)
    # An export cannot predate its own period: the later of the two.
    old_zip = _zip({"Table data.csv": b"Content\n"}, (2026, 1, 2, 8, 0, 0))
    assert export_date(old_zip, "Content 2025-12-01_2026-11-20 X.zip") == dt.datetime(2026, 11, 20)


def test_mtime_only_for_a_path_and_only_when_the_file_tells_nothing(tmp_path):
    when = dt.datetime(2026, 11, 3, 9, 15)
    f = ig_export(tmp_path / "posts.csv", range(1, 3), 5, mtime=when)
    assert export_date(f.read_bytes(), f.name, f) == when
    assert export_date(f.read_bytes(), f.name, None) is None  # an upload: unknown
    named = ig_export(tmp_path / "Oct-01-2026_Oct-31-2026_1.csv", range(1, 3), 5, mtime=when)
    assert export_date(named.read_bytes(), named.name, named) == dt.datetime(2026, 10, 31)
    # The period of a YouTube Studio folder counts for the files inside it.
    folder = tmp_path / "Content 2025-12-01_2026-11-20 Prokopim Sukamaju"
    folder.mkdir()
    inner = ig_export(folder / "Table data.csv", range(1, 3), 5, mtime=when)
    assert export_date(inner.read_bytes(), inner.name, inner) == dt.datetime(2026, 11, 20)


@pytest.fixture
def con_factory(tmp_path):
    """Fresh warehouses with the test master list (for comparing load orders)."""
    master = write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx")
    made = []

    def make():
        c = connect(":memory:")
        load_master(c, master)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def _metrics(con) -> dict[str, int]:
    return dict(con.execute("SELECT permalink, reactions FROM posts").fetchall())


def test_newer_export_loaded_first_keeps_its_metrics(master_con, tmp_path):
    # The older export (September to mid October) was copied last: newest mtime, loaded last.
    newer = ig_export(tmp_path / "Oct-01-2026_Oct-31-2026_111.csv", range(1, 29), 50,
                      mtime=dt.datetime(2026, 11, 2, 10))  # fmt: skip
    older = ig_export(tmp_path / "Sep-01-2026_Oct-15-2026_222.csv", range(1, 15), 5,
                      mtime=dt.datetime(2026, 11, 25, 10))  # fmt: skip
    a = load_file(master_con, newer)
    b = load_file(master_con, older)
    assert (a.status, a.new, b.status, b.new, b.updated, b.duplicate) == (
        "loaded", 28, "loaded", 0, 0, 14,
    )  # fmt: skip
    got = _metrics(master_con)
    assert len(got) == 28 and set(got.values()) == {50}
    rows = master_con.execute(
        "SELECT file_name, exported_at FROM loads ORDER BY load_id"
    ).fetchall()
    assert rows == [
        (newer.name, dt.datetime(2026, 10, 31)),
        (older.name, dt.datetime(2026, 10, 15)),
    ]


def test_re_export_of_the_same_period_larger_totals_win_in_any_order(con_factory, tmp_path):
    # Two exports of October (3 Nov and 20 Nov): same name period, lifetime totals grew.
    early = ig_export(tmp_path / "a" / "Oct-01-2026_Oct-31-2026_1443.csv", range(1, 11), 20)
    late = ig_export(tmp_path / "b" / "Oct-01-2026_Oct-31-2026_5522.csv", range(1, 11), 30)
    for first, second in ((late, early), (early, late)):
        con = con_factory()
        load_file(con, first)
        load_file(con, second)
        assert set(_metrics(con).values()) == {30}, (first.parent.name, second.parent.name)


def test_upload_without_any_date_records_null(master_con, tmp_path):
    # One post, no period in the name, no date inside and bytes without a file: no export date.
    raw = ig_export(tmp_path / "posts.csv", range(3, 4), 5).read_bytes()
    r = load_file(master_con, "posts.csv", data=raw, file_name="posts.csv")
    assert r.status == "loaded", r.error
    assert master_con.execute("SELECT exported_at FROM loads").fetchall() == [(None,)]
