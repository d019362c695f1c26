"""A logbook workbook's sheets built together (etl.parse_book, etl.formats.logbook_book) give
what building each sheet on its own gives (etl.parse_table.build_table, kept as the fallback
and switched on here with parse.BOOK_PATH = False): every table's posts, rejects, report lines,
notes, title and period, or the same refusal. Hypothesis books mix plain sheets with the cases
that must fall back (a reject of any kind, a blank date or ditto mark to carry down, an
undecidable order, another header, a repeated header, an unreadable sheet)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import parse, parse_book
from etl.dates import DateEvidence
from etl.readers import RawSheet
from etl.schema import FileRejected

FIELDS = ("format", "sheet", "platform", "account_handle", "exported_at", "title", "notes",
          "assumptions", "period", "period_source")  # fmt: skip
# Sheet name -> the month it declares (the period a date must fall in), or None.
SHEET_NAMES = {"Januari 2026": (2026, 1), "Feb 26": (2026, 2), "MARET 2026": (2026, 3),
               "Des 25": (2025, 12), "April": None, "Instagram": None, "FB": None,
               "Sheet1": None, "Rekap": None}  # fmt: skip
HEADERS = {
    "plain": ["No", "Tanggal", "Judul", "Link", "Platform"],
    "timed": [
        "No",
        "Hari/Tanggal",
        "Jam",
        "Uraian Kegiatan",
        "Link Postingan",
        "Jenis Konten",
        "Like",
    ],  # fmt: skip
    "links": ["No", "Tanggal", "Judul Konten", "Link IG", "Link FB", "Link TikTok"],
}
BAD_DATES = st.sampled_from(["", "idem", "32/13/2026", "besok", "01/01/1999", "05/05/2026",
                             "12/11/2025", "3/4"])  # fmt: skip


STYLES = [
    lambda d: f"{d:%d-%m-%Y}", lambda d: f"{d:%d/%m/%Y}", lambda d: f"{d:%m/%d/%Y}",
    lambda d: f"{d.day} Maret {d.year}", lambda d: f"Senin, {d:%d-%m-%Y}",
    lambda d: f"{d:%Y-%m-%d}", lambda d: f"{d.day}/{d.month}",
]  # fmt: skip


def _dates(month: tuple[int, int] | None, style: int) -> st.SearchStrategy[str]:
    """Dates in the month (or the whole span), all written in one style."""
    lo, hi = dt.date(2025, 11, 25), dt.date(2026, 5, 5)
    if month is not None:
        lo = dt.date(*month, 1)
        hi = dt.date(month[0] + month[1] // 12, month[1] % 12 + 1, 1) - dt.timedelta(days=1)
    return st.dates(lo, hi).map(STYLES[style])


GOOD_LINKS = st.sampled_from(["https://www.instagram.com/p/Abc123/", "https://youtu.be/xyz",
                              "https://facebook.com/x/posts/1"])  # fmt: skip
LINKS = st.sampled_from([
    "", "https://www.instagram.com/p/Abc123/", "https://facebook.com/x/posts/1",
    "https://www.tiktok.com/@a/video/12", "https://youtu.be/xyz", "✓", "-",
    "https://instagram.com/p/A1/ https://facebook.com/p/2", "www.example.com/berita",
])  # fmt: skip
TEXT = st.sampled_from(["Rapat koordinasi", "", "Mengetahui", "JUMLAH", "NIP. 1980",
                        "Kepala Dinas", "Sosialisasi", '"', "Kegiatan posyandu"])  # fmt: skip
CELLS = {
    "Tanggal": BAD_DATES, "Hari/Tanggal": BAD_DATES, "Jam": st.sampled_from(["", "09.30", "14:05", "x"]),
    "Link": LINKS, "Link Postingan": LINKS, "Link IG": LINKS, "Link FB": LINKS,
    "Link TikTok": LINKS,
    "Platform": st.sampled_from(["Instagram", "Facebook", "", "IG", "Koran"]),
    "Jenis Konten": st.sampled_from(["Kegiatan", "", "Informasi", "idem"]),
    "Like": st.sampled_from(["12", "", "1.234", "-5", "x", "1,2rb"]),
}  # fmt: skip


@st.composite
def sheets(draw: st.DrawFn, kind: str, name: str, plain: bool) -> RawSheet:
    """A sheet; `plain`: mostly cells the book path takes (dates in the sheet's month, links
    that name their platform), else any cell, rejects and refusals included."""
    head = HEADERS[kind] if plain or draw(st.integers(0, 3)) else HEADERS["plain"][:3]
    title = draw(st.sampled_from([[], ["REKAP POSTINGAN " + name.upper()], ["Rekap", None]]))
    rows: list[list[str | None]] = [[t, *[None] * (len(head) - 1)] for t in title if t]
    rows.append(list(head))
    style = draw(st.integers(0, len(STYLES) - 1))
    for i in range(draw(st.integers(0, 6))):
        row = [str(i + 1)]
        for h in head[1:]:
            good = plain
            if h in ("Tanggal", "Hari/Tanggal") and good:
                cell = draw(_dates(SHEET_NAMES[name], style))
            elif h.startswith("Link") and good:
                cell = draw(GOOD_LINKS)
            elif h in ("Platform", "Like", "Jenis Konten") and good:
                cell = draw(st.sampled_from(["Instagram", "12", "Kegiatan", ""]))
            else:
                cell = draw(CELLS.get(h, TEXT))
            row.append(cell or None)
        rows.append(row)
    if draw(st.booleans()):
        rows.append([None] * len(head))
        rows.append(["JUMLAH", *[None] * (len(head) - 1)])
    grid = pl.DataFrame(
        {f"c{j}": [r[j] for r in rows] for j in range(len(head))}, schema=dict.fromkeys(
            (f"c{j}" for j in range(len(head))), pl.String)
    )  # fmt: skip
    merges = [(1, 1, 1, len(head))] if title else []
    return RawSheet(name=name, grid=grid, first_row=1 + draw(st.integers(0, 2)), merges=merges)


@st.composite
def books(draw: st.DrawFn) -> list[RawSheet]:
    kind = draw(st.sampled_from(sorted(HEADERS)))
    names = draw(st.lists(st.sampled_from(sorted(SHEET_NAMES)), min_size=2, max_size=4,
                          unique=True))  # fmt: skip
    plain = draw(st.integers(0, 3)) > 0
    return [draw(sheets(kind, n, plain)) for n in names]


def _parse(monkeypatch: pytest.MonkeyPatch, book: list[RawSheet], together: bool,
           exported: dt.datetime | None) -> object:  # fmt: skip
    monkeypatch.setattr(parse, "BOOK_PATH", together)
    parse._NAMES.set([("Rekap Postingan 2026.xlsx", "nama berkas")])
    parse._BASE.set(DateEvidence(exported_at=exported))
    try:
        tables = parse._parse_sheets(iter(book), "Rekap Postingan 2026.xlsx", None, None, None)
    except FileRejected as exc:
        return ("refused", type(exc).__name__, str(exc))
    return [
        ({k: getattr(t, k) for k in FIELDS}, t.posts.to_dicts(), t.posts.schema,
         t.rejects.to_dicts(), t.rejects.schema)
        for t in tables
    ]  # fmt: skip


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    taken: list[bool] = []
    real = parse_book.build_book

    def spy(jobs: list, name: str) -> object:
        out = real(jobs, name)
        taken.append(out is not None)
        return out

    monkeypatch.setattr(parse_book, "build_book", spy)
    return taken


EXPORTED = st.sampled_from([None, dt.datetime(2026, 5, 6, 10, 0), dt.datetime(2026, 2, 1)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(books(), EXPORTED)
def test_a_book_built_together_equals_each_sheet_built_alone(monkeypatch, book, exported):
    alone = _parse(monkeypatch, book, False, exported)
    assert _parse(monkeypatch, book, True, exported) == alone


def _plain_book() -> list[RawSheet]:
    out = []
    for n, (name, month) in enumerate(
        [("Januari 2026", 1), ("Februari 2026", 2), ("Instagram", 3)]
    ):
        rows = [["REKAP " + name.upper(), None, None, None, None], HEADERS["plain"]]
        rows += [[str(i), f"{d:02d}-{month:02d}-2026", f"Kegiatan {i}",
                  f"https://www.instagram.com/p/A{n}{i}/", "Instagram" if i % 2 else None]
                 for i, d in enumerate([3, 13, 14, 20], start=1)]  # fmt: skip
        rows += [[None] * 5, ["5", f"21-{month:02d}-2026", "Rapat", None, "Facebook"]]
        rows += [["JUMLAH", None, None, None, "5"], [None, None, "Mengetahui", None, None]]
        rows += [[None] * 5] * n  # a used range reaching below the data
        grid = pl.DataFrame({f"c{j}": [r[j] for r in rows] for j in range(5)},
                            schema=dict.fromkeys((f"c{j}" for j in range(5)), pl.String))  # fmt: skip
        out.append(RawSheet(name=name, grid=grid, first_row=2, merges=[(2, 1, 2, 5)]))
    return out


def test_a_plain_book_is_built_together_and_equals_the_sheets_alone(monkeypatch):
    taken = _spy(monkeypatch)
    exported = dt.datetime(2026, 4, 1)
    together = _parse(monkeypatch, _plain_book(), True, exported)
    assert taken == [True]
    assert together == _parse(monkeypatch, _plain_book(), False, exported)
    assert [len(t[1]) for t in together] == [5, 5, 5]  # type: ignore[union-attr]
    assert any("baris kosong" in line for t in together for line in t[0]["assumptions"])  # type: ignore[index,union-attr]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda g: g.with_columns(pl.col("c1").replace("13-01-2026", "")),  # a blank date
        lambda g: g.with_columns(pl.col("c1").replace("13-01-2026", "idem")),  # a ditto
        lambda g: g.with_columns(pl.col("c4").replace("Instagram", '"')),  # a platform ditto
        lambda g: g.with_columns(pl.col("c1").replace("13-01-2026", "13-01-2025")),  # period
        lambda g: g.with_columns(
            pl.col("c4").replace("Facebook", "Koran"), pl.col("c3").replace(None, "")
        ),  # no platform  # fmt: skip
    ],
)
def test_a_book_with_a_sheet_that_is_not_plain_is_built_sheet_by_sheet(monkeypatch, spoil):
    book = _plain_book()
    book[0].grid = spoil(book[0].grid)
    taken = _spy(monkeypatch)
    exported = dt.datetime(2026, 4, 1)
    together = _parse(monkeypatch, book, True, exported)
    assert taken == [False]
    assert together == _parse(monkeypatch, _spoilt(spoil), False, exported)


def _spoilt(spoil: object) -> list[RawSheet]:
    book = _plain_book()
    book[0].grid = spoil(book[0].grid)  # type: ignore[operator]
    return book


def test_an_unreadable_sheet_is_refused_in_its_turn(monkeypatch):
    """The sheets are read ahead; an error reading one is raised where the loop reaches it, so
    a repeated header on an earlier sheet is still the refusal."""
    book = _plain_book()
    book[0].grid = book[0].grid.with_columns(pl.col("c4").replace("Platform", "Tanggal"))

    def sheets() -> object:
        yield from book[:2]
        raise FileRejected("sheet 3 tidak dapat dibaca")

    for together in (True, False):
        monkeypatch.setattr(parse, "BOOK_PATH", together)
        with pytest.raises(FileRejected, match="Tanggal"):
            parse._parse_sheets(sheets(), "b.xlsx", None, None, None)


def test_a_large_book_is_built_sheet_by_sheet_as_it_is_read(monkeypatch):
    monkeypatch.setattr(parse_book, "BOOK_CELLS", 40)
    taken = _spy(monkeypatch)
    got = _parse(monkeypatch, _plain_book(), True, dt.datetime(2026, 4, 1))
    assert taken == []
    monkeypatch.setattr(parse_book, "BOOK_CELLS", 10**9)
    assert got == _parse(monkeypatch, _plain_book(), True, dt.datetime(2026, 4, 1))


def test_a_totals_row_ends_its_own_sheet_only(monkeypatch):
    """Sheet 1 ends with JUMLAH and a signature; sheet 2's undated caption row is still a post
    row of its own sheet (carried down from the date above it), not a row below the end."""

    def book() -> list[RawSheet]:
        out = _plain_book()
        g = out[1].grid
        row = pl.DataFrame([["4b", None, "Lanjutan rapat", None, "Instagram"]],
                           schema=g.columns, orient="row")  # fmt: skip
        out[1].grid = pl.concat([g.head(5), row, g.slice(5)])
        return out

    exported = dt.datetime(2026, 4, 1)
    alone = _parse(monkeypatch, book(), False, exported)
    assert "Lanjutan rapat" in [p["caption"] for p in alone[1][1]]  # type: ignore[index]
    assert _parse(monkeypatch, book(), True, exported) == alone
