"""Properties per fault kind of imports that never guess silently: date order, years, status,
fill-down, in-file duplicates, refusals, accounts, values, localized headers."""

from __future__ import annotations

import calendar
import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.accounts import tie
from etl.date_text import parse_datetime_series
from etl.dedupe import resolve_in_file
from etl.detect import MODULES, detect
from etl.metric_checks import metric_problems
from etl.parse import parse_file
from etl.schema import FileRejected
from etl.text_grid import decode_text

MON = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December")  # fmt: skip
ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
      "Oktober", "November", "Desember")  # fmt: skip
FB_HEADER = "Post ID,Page ID,Page name,Title,Description,Publish time,Permalink,Post type,Views"


def _meta_csv(dates: list[dt.datetime], fmt: str, delim: str) -> bytes:
    lines = [FB_HEADER.replace(",", delim)]
    for i, d in enumerate(dates):
        cells = [f"12210{i:013d}", "61550123456789", "Dinas Kesehatan Kabupaten Sukamaju", "",
                 f"Kegiatan {i}", d.strftime(fmt), f"https://www.facebook.com/x/posts/12210{i:013d}",
                 "Photos", str(100 + i)]  # fmt: skip
        lines.append(delim.join(cells))
    return ("\n".join(lines) + "\n").encode()


@st.composite
def month_dates(draw):
    y = draw(st.integers(2020, 2026))
    m = draw(st.integers(1, 12))
    days = draw(st.lists(st.integers(1, calendar.monthrange(y, m)[1]), min_size=1, max_size=8))
    hours = draw(st.lists(st.integers(0, 23), min_size=len(days), max_size=len(days)))
    return y, m, [dt.datetime(y, m, d, h, 5) for d, h in zip(days, hours, strict=True)]


# Kind 1: day/month order.
@settings(max_examples=60, deadline=None)
@given(month_dates(), st.sampled_from(["%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"]), st.sampled_from(",;"))
def test_dates_of_a_month_written_either_way_parse_back_or_refuse(md, fmt, delim):
    y, m, dates = md
    last = calendar.monthrange(y, m)[1]
    name = f"{MON[m - 1]}-01-{y}_{MON[m - 1]}-{last:02d}-{y}_1234567890.csv"
    try:
        tables = parse_file(name, data=_meta_csv(dates, fmt, delim), file_name=name,
                            exported_at=dt.datetime(y, m, last))  # fmt: skip
    except FileRejected as exc:
        assert "--date-order" in str(exc)
        return
    got = sorted(pl.concat([t.posts for t in tables])["published_at"].to_list())
    assert got == sorted(dates)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12)), min_size=1, max_size=6))
def test_without_evidence_two_readings_are_refused_never_guessed(pairs):
    # A TikTok export (no documented order), no period, no export date, ',' separator.
    rows = [f"V{i},https://www.tiktok.com/@a/video/{i},{d:02d}/{mo:02d}/2026 10:00,1"
            for i, (d, mo) in enumerate(pairs)]  # fmt: skip
    data = ("Video title,Video link,Post time,Total likes\n" + "\n".join(rows) + "\n").encode()
    if all(d == mo for d, mo in pairs):
        parse_file("c.csv", data=data, file_name="c.csv")  # same date either way: loads
        return
    with pytest.raises(FileRejected, match="--date-order dmy"):
        parse_file("c.csv", data=data, file_name="c.csv")


# Kind 2: dates without a year.
@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(2021, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 364),
       st.sampled_from(["en_md", "id_dm"]))  # fmt: skip
def test_a_day_month_date_takes_the_year_of_the_export(export, back, style):
    d = export - dt.timedelta(days=back)
    if d.month == 2 and d.day == 29:
        return  # 29 February without a year reads in leap years only
    text = f"{EN[d.month - 1]} {d.day}" if style == "en_md" else f"{d.day} {ID[d.month - 1]}"
    got = parse_datetime_series(pl.Series([text]), ref_date=export)[0]
    assert got.date() == d


# Kind 5: in-file duplicates.
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=6, max_size=6), st.booleans(),
       st.sampled_from([1, 0]))  # fmt: skip
def test_the_real_row_wins_whatever_the_order(metrics, placeholder_first, filler):
    real = dict(zip(("views", "reach", "reactions", "comments", "shares", "saves"),
                    [m + 2 for m in metrics], strict=True))  # fmt: skip
    fake = dict.fromkeys(real, filler)
    rows = [fake, real] if placeholder_first else [real, fake]
    df = pl.DataFrame(
        [{"post_key": "k", "source_sheet": None, "source_row": i + 2, **r} for i, r in enumerate(rows)],
        schema={"post_key": pl.String, "source_sheet": pl.String, "source_row": pl.Int64,
                **dict.fromkeys(real, pl.Int64)},
    )  # fmt: skip
    kept, lines = resolve_in_file(df)
    assert kept.height == 1 and kept.select(list(real)).row(0, named=True) == real
    assert len(lines) == 1 and "Duplikat dalam berkas" in lines[0]


# Kind 6: refusals name the detected format's own columns.
YT = ["Content", "Video title", "Video publish time", "Views"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Video publish time", "Content"]))
def test_youtube_refusal_names_youtube_columns(drop):
    header = [h for h in YT if h != drop]
    data = (",".join(header) + "\n" + ",".join("x" for _ in header) + "\n").encode()
    with pytest.raises(FileRejected) as exc:
        parse_file("Table data.csv", data=data, file_name="Table data.csv")
    msg = str(exc.value)
    assert "YouTube Studio" in msg and drop in msg and "Judul/Isi" not in msg


# Kind 7: accounts.
@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([1, 2]), st.sampled_from(["facebook", "instagram"]),
                          st.sampled_from([None, "Nama Halaman Lain"])), min_size=1, max_size=8))  # fmt: skip
def test_posts_of_an_opd_with_one_account_are_tied(rows):
    accounts = pl.DataFrame(
        {"platform": ["facebook", "instagram", "facebook", "instagram"],
         "handle_norm": ["a", "b", "c", "d"], "account_id": [10, 11, 20, 21],
         "acc_opd_id": [1, 1, 2, 2], "handle": ["a", "b", "c", "d"]},
    )  # fmt: skip
    df = pl.DataFrame(
        {"opd_id": [o for o, _, _ in rows], "platform": [p for _, p, _ in rows],
         "account_handle": [h for _, _, h in rows], "account_id": [None] * len(rows)},
        schema={"opd_id": pl.Int64, "platform": pl.String, "account_handle": pl.String,
                "account_id": pl.Int64},
    )  # fmt: skip
    out, assumptions, _notes = tie(df, accounts, {1: "A", 2: "B"})
    want = [{(1, "facebook"): 10, (1, "instagram"): 11, (2, "facebook"): 20,
             (2, "instagram"): 21}[(o, p)] for o, p, _ in rows]  # fmt: skip
    assert out["account_id"].to_list() == want and assumptions


# Kind 8: values.
@settings(max_examples=80, deadline=None)
@given(st.one_of(st.integers(0, 10**9).map(str), st.integers(1000, 10**7).map(lambda n: f"{n:,}")),
       st.sampled_from(["-5", "NaN", "inf", "1.5", "-1", "abc", "2,5"]))  # fmt: skip
def test_counts_pass_and_non_counts_are_rejected(good, bad):
    raw = pl.DataFrame({"__row": [2, 3], "views": [good, bad]})
    rej = metric_problems(raw, {"views": "Views"}, None)
    assert rej["row_number"].to_list() == [3] and "tidak sah" in rej["reason"][0]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.text("abcdXYZ éüñçá,0123", min_size=1, max_size=20),
                          st.sampled_from(["utf-8", "cp1252"])), min_size=1, max_size=8))  # fmt: skip
def test_mixed_encodings_decode_line_by_line(lines):
    data = b"".join((t + "\n").encode(enc) for t, enc in lines)
    assert decode_text(data) == "".join(t + "\n" for t, _ in lines)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["0001", "1900", "9999", "1999"]), st.integers(1, 12), st.integers(1, 28))
def test_implausible_years_are_rejected_never_shifted(year, m, d):
    rows = f"1,{d:02d}/{m:02d}/{year},Kegiatan,https://www.instagram.com/p/X{m}{d}/\n"
    data = ("No,Tanggal,Judul,Link\n" + rows).encode()
    tables = parse_file("r.csv", data=data, file_name="r.csv", exported_at=dt.datetime(2026, 11, 1))
    assert tables[0].posts.height == 0
    reason = tables[0].rejects["reason"][0]
    assert "tidak wajar" in reason or "setelah tanggal ekspor" in reason


# Kind 9: localized headers, one alias table per format.
@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["meta_facebook", "meta_instagram", "tiktok", "youtube"]), st.data())
def test_any_language_mix_of_a_formats_own_headers_detects_that_format(fmt, data):
    mod = MODULES[fmt]
    fields = [f for group in mod.REQUIRED for f in group] + list(mod.DISTINCTIVE)
    header = [data.draw(st.sampled_from(mod.HEADERS[f])) for f in dict.fromkeys(fields)]
    det = detect([header])
    assert det is not None and det.format == fmt
