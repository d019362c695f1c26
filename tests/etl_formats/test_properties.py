"""Hypothesis properties of the vectorized date and number parsers and the normalizers:
format a random value in every supported style -> parse -> the same value; parsing twice
equals parsing once."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.date_text import parse_datetime_series
from etl.normalize import normalize_text
from etl.number_text import parse_count_expr, parse_number_series
from etl.permalinks import normalize_handle, normalize_permalink

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]  # fmt: skip
ID_ABBR = [["Jan"], ["Feb", "Peb"], ["Mar"], ["Apr"], ["Mei"], ["Jun"], ["Jul"],
           ["Agu", "Agt", "Ags", "Agustus"], ["Sep", "Sept"], ["Okt"], ["Nov", "Nop", "Nopember"],
           ["Des"]]  # fmt: skip
EN_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31))


def _minute(d: dt.datetime) -> dt.datetime:
    return d.replace(second=0, microsecond=0)


def _day(d: dt.datetime) -> dt.datetime:
    return d.replace(hour=0, minute=0, second=0, microsecond=0)


# style name -> (formatter, expected value from the original datetime)
STYLES = {
    "iso_seconds": (lambda d, r: d.strftime("%Y-%m-%d %H:%M:%S"), lambda d: d.replace(microsecond=0)),
    "iso_date": (lambda d, r: d.strftime("%Y-%m-%d"), _day),
    "dmy_slash_time": (lambda d, r: d.strftime("%d/%m/%Y %H:%M"), _minute),
    "dmy_dash": (lambda d, r: f"{d.day}-{d.month}-{d.year}", _day),
    "dmy_dot_time_dot": (lambda d, r: d.strftime("%d.%m.%Y %H.%M"), _minute),
    "day_dmy": (lambda d, r: f"{ID_DAYS[d.weekday()]}, {d:%d-%m-%Y}", _day),
    "id_long": (lambda d, r: f"{d.day} {ID_MONTHS[d.month - 1]} {d.year}", _day),
    "id_long_day_time": (
        lambda d, r: f"{ID_DAYS[d.weekday()]}, {d.day} {ID_MONTHS[d.month - 1]} {d.year} pukul {d:%H.%M}",
        _minute,
    ),
    "id_abbr": (lambda d, r: f"{d.day} {r.choice(ID_ABBR[d.month - 1])} {d.year}", _day),
    "id_abbr_upper_time": (
        lambda d, r: f"{d.day} {ID_MONTHS[d.month - 1].upper()} {d.year} {d:%H:%M}",
        _minute,
    ),
    "en_mon_d_y": (lambda d, r: f"{EN_ABBR[d.month - 1]} {d.day}, {d.year}", _day),
    "en_day_mon_d_y": (
        lambda d, r: f"{EN_DAYS[d.weekday()]}, {EN_ABBR[d.month - 1]} {d.day}, {d.year}",
        _day,
    ),
    "excel_serial_day": (lambda d, r: str((_day(d) - dt.datetime(1899, 12, 30)).days), _day),
    "excel_serial_time": (
        lambda d, r: repr((d.replace(microsecond=0) - dt.datetime(1899, 12, 30)).total_seconds() / 86400),
        lambda d: d.replace(microsecond=0),
    ),
}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(values=st.lists(moments, min_size=1, max_size=20), rnd=st.randoms(use_true_random=False))
def test_datetime_round_trip_every_style(values: list[dt.datetime], rnd) -> None:
    # One vectorized call over every style at once (mixed styles in one column, like logbooks).
    texts, want, labels = [], [], []
    for style, (fmt, expect) in STYLES.items():
        for v in values:
            texts.append(fmt(v, rnd))
            want.append(expect(v))
            labels.append(style)
    got = parse_datetime_series(pl.Series(texts), order="dmy").to_list()
    bad = [(lab, t, g, w) for lab, t, g, w in zip(labels, texts, got, want, strict=True) if g != w]
    assert not bad


@settings(max_examples=40, deadline=None)
@given(values=st.lists(moments, min_size=1, max_size=20))
def test_datetime_us_order(values: list[dt.datetime]) -> None:
    texts = [v.strftime("%m/%d/%Y %H:%M") for v in values]
    got = parse_datetime_series(pl.Series(texts), order="mdy").to_list()
    assert got == [_minute(v) for v in values]


@settings(max_examples=40, deadline=None)
@given(values=st.lists(moments, min_size=1, max_size=20))
def test_utc_offset_converts_to_wib(values: list[dt.datetime]) -> None:
    texts = [v.strftime("%Y-%m-%d %H:%M +0000") for v in values]
    got = parse_datetime_series(pl.Series(texts)).to_list()
    assert got == [_minute(v) + dt.timedelta(hours=7) for v in values]


@settings(max_examples=40, deadline=None)
@given(values=st.lists(moments, min_size=1, max_size=20))
def test_datetime_parse_twice_equals_once(values: list[dt.datetime]) -> None:
    texts = [f"{v.day} {ID_MONTHS[v.month - 1]} {v.year} {v:%H.%M}" for v in values]
    once = parse_datetime_series(pl.Series(texts))
    twice = parse_datetime_series(once.dt.strftime("%Y-%m-%d %H:%M:%S"))
    assert once.to_list() == twice.to_list()


@given(st.sampled_from(["31/02/2025", "29/02/2025", "32/01/2025", "00/01/2025", "2025-13-01",
                        "31 Juni 2025", "bukan tanggal", "Senin", "", "12345"]))  # fmt: skip
@settings(deadline=None)
def test_impossible_dates_are_null(text: str) -> None:
    assert parse_datetime_series(pl.Series([text])).to_list() == [None]


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), sep=st.sampled_from([",", ".", " ", "\u00a0"]))
def test_thousands_separators(n: int, sep: str) -> None:
    text = _group(n, sep)
    assert parse_number_series(pl.Series([text])).to_list() == [float(n)]


@settings(max_examples=60, deadline=None)
@given(
    tenths=st.integers(min_value=1, max_value=9999),
    suffix=st.sampled_from([("K", 1_000), ("k", 1_000), ("M", 1_000_000), ("rb", 1_000), (" jt", 1_000_000)]),
    dec=st.sampled_from([".", ","]),
)  # fmt: skip
def test_k_m_suffixes(tenths: int, suffix: tuple[str, int], dec: str) -> None:
    whole, frac = divmod(tenths, 10)
    text = f"{whole}{dec}{frac}{suffix[0]}" if frac else f"{whole}{suffix[0]}"
    got = pl.DataFrame({"s": [text]}).select(parse_count_expr(pl.col("s"))).item()
    assert got == tenths * suffix[1] // 10


@settings(max_examples=100, deadline=None)
@given(hundredths=st.integers(min_value=0, max_value=10000), dec=st.sampled_from([".", ","]))
def test_percent(hundredths: int, dec: str) -> None:
    whole, frac = divmod(hundredths, 100)
    text = f"{whole}{dec}{frac:02d}%"
    got = parse_number_series(pl.Series([text])).item()
    assert abs(got - hundredths / 100) < 1e-9


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), sep=st.sampled_from([",", "."]))
def test_number_parse_twice_equals_once(n: int, sep: str) -> None:
    once = parse_number_series(pl.Series([_group(n, sep)]))
    twice = parse_number_series(once.cast(pl.Int64).cast(pl.String))
    assert once.to_list() == twice.to_list()


@given(st.text())
def test_normalize_text_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once


def test_normalize_text_unicode_bold() -> None:
    assert normalize_text("  𝐒𝐞𝐥𝐚𝐦𝐚𝐭\n\t𝗛𝗔𝗥𝗜  Jadi ") == "selamat hari jadi"
    assert normalize_text(None) is None


HANDLE_CASES = [
    ("instagram", "@Dinkes.Kab", "dinkes.kab"),
    ("instagram", "https://www.instagram.com/dinkes.kab/", "dinkes.kab"),
    ("instagram", "instagram.com/dinkes.kab?igsh=abc", "dinkes.kab"),
    ("facebook", "https://web.facebook.com/dinkes.sukamaju?ref=embed", "dinkes.sukamaju"),
    ("facebook", "https://www.facebook.com/profile.php?id=61550123456789", "61550123456789"),
    ("facebook", "Dinas Kesehatan  Kab. Sukamaju", "dinas kesehatan kab. sukamaju"),
    ("tiktok", "https://www.tiktok.com/@dinkes_skmj/video/7420000000000000001", "dinkes_skmj"),
    ("tiktok", "@Dinkes_SKMJ", "dinkes_skmj"),
    ("youtube", "https://www.youtube.com/@DinkesSukamaju", "dinkessukamaju"),
    ("youtube", "https://www.youtube.com/channel/UCabcDEF", "ucabcdef"),
    ("x", "https://twitter.com/Prokopim_SKMJ/status/1768810000000000001", "prokopim_skmj"),
    ("x", "x.com/prokopim_skmj", "prokopim_skmj"),
    ("instagram", "", None),
    ("instagram", None, None),
]


def test_normalize_handle_cases() -> None:
    for platform, raw, want in HANDLE_CASES:
        assert normalize_handle(platform, raw) == want, raw


PERMALINK_CASES = [
    ("http://m.facebook.com/123/posts/456/?ref=share#x", "https://www.facebook.com/123/posts/456"),
    ("https://web.facebook.com/123/posts/456", "https://www.facebook.com/123/posts/456"),
    ("https://WWW.Instagram.com/p/AbC/?igsh=1", "https://www.instagram.com/p/AbC"),
    ("instagram.com/reel/AbC/", "https://www.instagram.com/reel/AbC"),
    ("youtu.be/xyz?t=3", "https://www.youtube.com/watch?v=xyz"),
    ("https://m.youtube.com/watch?v=abc&feature=share", "https://www.youtube.com/watch?v=abc"),
    ("https://twitter.com/a/status/1?s=20", "https://x.com/a/status/1"),
    ("https://vm.tiktok.com/@a/video/1/", "https://www.tiktok.com/@a/video/1"),
    (
        "https://web.facebook.com/permalink.php?story_fbid=1&id=2&ref=x",
        "https://www.facebook.com/permalink.php?story_fbid=1&id=2",
    ),
    ("bukan link", None),
    (None, None),
]


def test_normalize_permalink_cases() -> None:
    for raw, want in PERMALINK_CASES:
        assert normalize_permalink(raw) == want, raw


@given(
    host=st.sampled_from(["facebook.com", "m.facebook.com", "web.facebook.com", "www.instagram.com",
                          "twitter.com", "x.com", "www.tiktok.com"]),
    path=st.lists(st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True), min_size=1, max_size=4),
    query=st.sampled_from(["", "?ref=share", "?igsh=abc&utm_source=x", "?story_fbid=5&id=6"]),
    scheme=st.sampled_from(["http://", "https://", ""]),
)  # fmt: skip
def test_normalize_permalink_idempotent(
    host: str, path: list[str], query: str, scheme: str
) -> None:
    once = normalize_permalink(f"{scheme}{host}/{'/'.join(path)}/{query}")
    assert once is not None
    assert normalize_permalink(once) == once
