"""Regenerate the golden cases: tests/cases/<format>/<case>/input.<ext> + expected.csv.

    .venv/bin/python tests/cases/make_cases.py

Inputs are shaped like the real exports (docs: /work/shared/reference/export-formats.md):
exact headers, BOM, quoting, multi-line captions with emoji and Unicode bold, Lifetime rows,
Total rows, kop/title rows, merged cells (openpyxl), spacer rows, JUMLAH, signature blocks.
Expected values are written here by hand (literal dates and numbers), never computed by the
parser under test. Optional files: expected_rejects.csv, file_name.txt (the upload's name).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import polars as pl

HERE = Path(__file__).resolve().parent

POST_COLS = [
    "source_sheet", "source_row", "platform", "native_id", "account_handle", "opd_hint",
    "published_at", "caption", "post_format_raw", "post_format", "permalink", "views", "reach",
    "reactions", "comments", "shares", "saves", "logbook_label",
]  # fmt: skip
REJECT_COLS = ["sheet", "row_number", "column_name", "value", "reason"]

BOLD = "𝐒𝐞𝐥𝐚𝐦𝐚𝐭 𝐇𝐚𝐫𝐢 𝐊𝐞𝐬𝐞𝐡𝐚𝐭𝐚𝐧 𝐍𝐚𝐬𝐢𝐨𝐧𝐚𝐥"


def case_dir(fmt: str, name: str) -> Path:
    d = HERE / fmt / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


def write_expected(d: Path, posts: list[dict], rejects: list[dict] | None = None) -> None:
    rows = [{c: p.get(c) for c in POST_COLS} for p in posts]
    pl.DataFrame(rows, schema=dict.fromkeys(POST_COLS, pl.String), orient="row").write_csv(
        d / "expected.csv"
    )
    if rejects is not None:
        rr = [{c: r.get(c) for c in REJECT_COLS} for r in rejects]
        pl.DataFrame(rr, schema=dict.fromkeys(REJECT_COLS, pl.String), orient="row").write_csv(
            d / "expected_rejects.csv"
        )


def csv_text(header: list[str], rows: list[list[object]], delim: str = ",", quote_all: bool = False,
             eol: str = "\n") -> str:  # fmt: skip
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delim,
        lineterminator=eol,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


# ------------------------------------------------------------------------------------------
# Meta Facebook
# ------------------------------------------------------------------------------------------
FB_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time",
    "Caption type", "Permalink", "Is crosspost", "Is share", "Post type", "Languages",
    "Custom labels", "Funded content status", "Data comment", "Date", "Views", "Reach",
    "Reactions, Comments and Shares", "Reactions", "Comments", "Shares", "Total clicks",
    "Other Clicks", "Matched Audience Targeting Consumption (Photo Click)", "Link Clicks",
]  # fmt: skip


def fb_basic() -> None:
    d = case_dir("meta_facebook", "basic_en_bom")
    page, pid = "Dinas Kesehatan Kabupaten Sukamaju", "61550123456789"
    cap1 = f"{BOLD} 🎉\nMari jaga kesehatan keluarga.\nInfo: https://dinkes.sukamajukab.go.id #SukamajuSehat"
    rows = [
        # Excel-mangled id: recovered from the permalink.
        ["1.22158E+17", pid, page, "", cap1, "", "08/01/2025 14:05", "", f"https://www.facebook.com/{pid}/posts/122158012345678901",
         "No", "No", "Photos", "", "", "", "", "Lifetime", "1,234", "900", "55", "40", "10", "5", "3", "2", "1", "0"],
        # Reel: caption in Title, Description empty.
        ["122158099999999999", pid, page, "Posyandu Balita Desa Mekarwangi 👶", "", "31", "08/13/2025 09:00", "",
         "https://www.facebook.com/reel/1234567890123456", "No", "No", "Reels", "", "", "", "", "Lifetime",
         "12400", "9,000", "3", "1", "1", "1", "0", "0", "0", "0"],
        # Video: both filled, Description longer.
        ["122158055555555555", pid, page, "Imbauan DBD", "Imbauan DBD: lakukan 3M Plus di rumah masing-masing.", "60",
         "12/31/2025 23:59", "", f"https://www.facebook.com/{pid}/videos/122158055555555555", "No", "No", "Videos",
         "", "", "", "", "Lifetime", "0", "0", "0", "0", "0", "0", "0", "0", "0", ""],
        # Unreadable date: a reject naming the row (row 5 as seen in Excel).
        ["122158066666666666", pid, page, "", "Link info", "", "13/13/2025 09:00", "", f"https://www.facebook.com/{pid}/posts/122158066666666666",
         "No", "No", "Links", "", "", "", "", "Lifetime", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["122158077777777777", pid, page, "", "Status teks", "", "01/02/2026 07:00", "",
         f"https://www.facebook.com/permalink.php?story_fbid=122158077777777777&id={pid}",
         "No", "No", "Text", "", "", "", "", "Lifetime", "2,500,000", "1", "0", "0", "0", "0", "0", "0", "0", "0"],
    ]  # fmt: skip
    text = csv_text(FB_HEADER, rows, quote_all=False)
    (d / "input.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    base = {"platform": "facebook", "account_handle": page}
    write_expected(
        d,
        [
            {**base, "source_row": 2, "native_id": "122158012345678901", "published_at": "2025-08-01 14:05:00",
             "caption": cap1, "post_format_raw": "Photos", "post_format": "foto",
             "permalink": f"https://www.facebook.com/{pid}/posts/122158012345678901",
             "views": 1234, "reach": 900, "reactions": 40, "comments": 10, "shares": 5},
            {**base, "source_row": 3, "native_id": "122158099999999999", "published_at": "2025-08-13 09:00:00",
             "caption": "Posyandu Balita Desa Mekarwangi 👶", "post_format_raw": "Reels", "post_format": "reels",
             "permalink": "https://www.facebook.com/reel/1234567890123456",
             "views": 12400, "reach": 9000, "reactions": 1, "comments": 1, "shares": 1},
            {**base, "source_row": 4, "native_id": "122158055555555555", "published_at": "2025-12-31 23:59:00",
             "caption": "Imbauan DBD: lakukan 3M Plus di rumah masing-masing.", "post_format_raw": "Videos",
             "post_format": "video", "permalink": f"https://www.facebook.com/{pid}/videos/122158055555555555",
             "views": 0, "reach": 0, "reactions": 0, "comments": 0, "shares": 0},
            {**base, "source_row": 6, "native_id": "122158077777777777", "published_at": "2026-01-02 07:00:00",
             "caption": "Status teks", "post_format_raw": "Text", "post_format": "teks",
             "permalink": f"https://www.facebook.com/permalink.php?story_fbid=122158077777777777&id={pid}",
             "views": 2500000, "reach": 1, "reactions": 0, "comments": 0, "shares": 0},
        ],
        [{"row_number": 5, "column_name": "Publish time", "value": "13/13/2025 09:00",
          "reason": "Tanggal tidak dapat dibaca: '13/13/2025 09:00'"}],
    )  # fmt: skip


def fb_indonesian() -> None:
    d = case_dir("meta_facebook", "indonesian_ui_impresi")
    header = ["ID Postingan", "ID Halaman", "Nama halaman", "Judul", "Deskripsi", "Durasi (detik)",
              "Waktu publikasi", "Tautan permanen", "Jenis postingan", "Tanggal", "Impresi",
              "Jangkauan", "Reaksi", "Komentar", "Dibagikan"]  # fmt: skip
    rows = [
        ["122100000000000001", "61550999999999", "Diskominfo Sukamaju", "", "Rapat koordinasi SPBE",
         "", "03/02/2025 13:45", "https://web.facebook.com/61550999999999/posts/122100000000000001",
         "Foto", "Seumur hidup", "2.300", "1.100", "12", "3", "1"],
    ]  # fmt: skip
    (d / "input.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(header, rows).encode())
    write_expected(
        d,
        [{"source_row": 2, "platform": "facebook", "native_id": "122100000000000001",
          "account_handle": "Diskominfo Sukamaju", "published_at": "2025-03-02 13:45:00",
          "caption": "Rapat koordinasi SPBE", "post_format_raw": "Foto", "post_format": "foto",
          "permalink": "https://web.facebook.com/61550999999999/posts/122100000000000001",
          "views": 2300, "reach": 1100, "reactions": 12, "comments": 3, "shares": 1}],
        [],
    )  # fmt: skip


# ------------------------------------------------------------------------------------------
# Meta Instagram
# ------------------------------------------------------------------------------------------
IG_HEADER = ["Post ID", "Account ID", "Account username", "Account name", "Description",
             "Duration (sec)", "Publish time", "Permalink", "Post type", "Views", "Reach", "Likes",
             "Shares", "Follows", "Comments", "Saves"]  # fmt: skip


def ig_basic() -> None:
    d = case_dir("meta_instagram", "basic_no_date_column")
    cap = "𝗝𝗮𝗱𝘄𝗮𝗹 𝗞𝗧𝗣-𝗲𝗹 𝗞𝗲𝗹𝗶𝗹𝗶𝗻𝗴 📢\nSenin s.d. Jumat"
    rows = [
        ["18012345678901234", "17841400000000001", "dinkes.sukamaju", "Dinkes Sukamaju", cap, "0",
         "07/14/2026 08:30", "https://www.instagram.com/p/DAbCdEfGhIj/", "IG carousel", "12,400", "9,800", "1,200", "15", "2", "30", "44"],
        ["18012345678901235", "17841400000000001", "dinkes.sukamaju", "Dinkes Sukamaju", "Reel posyandu", "29",
         "07/15/2026 19:05", "https://www.instagram.com/reel/DAbCdEfGhIk/", "IG reel", "800", "700", "50", "1", "0", "2", "3"],
        ["18012345678901236", "17841400000000001", "dinkes.sukamaju", "Dinkes Sukamaju", "Foto", "0",
         "07/16/2026 07:00", "https://www.instagram.com/p/DAbCdEfGhIl/", "IG image", "10", "9", "8", "0", "0", "0", "0"],
    ]  # fmt: skip
    (d / "input.csv").write_bytes(
        b"\xef\xbb\xbf" + csv_text(IG_HEADER, rows, quote_all=True).encode()
    )
    base = {"platform": "instagram", "account_handle": "dinkes.sukamaju"}
    write_expected(
        d,
        [
            {**base, "source_row": 2, "native_id": "18012345678901234", "published_at": "2026-07-14 08:30:00", "caption": cap,
             "post_format_raw": "IG carousel", "post_format": "carousel", "permalink": "https://www.instagram.com/p/DAbCdEfGhIj/",
             "views": 12400, "reach": 9800, "reactions": 1200, "comments": 30, "shares": 15, "saves": 44},
            {**base, "source_row": 3, "native_id": "18012345678901235", "published_at": "2026-07-15 19:05:00", "caption": "Reel posyandu",
             "post_format_raw": "IG reel", "post_format": "reels", "permalink": "https://www.instagram.com/reel/DAbCdEfGhIk/",
             "views": 800, "reach": 700, "reactions": 50, "comments": 2, "shares": 1, "saves": 3},
            {**base, "source_row": 4, "native_id": "18012345678901236", "published_at": "2026-07-16 07:00:00", "caption": "Foto",
             "post_format_raw": "IG image", "post_format": "foto", "permalink": "https://www.instagram.com/p/DAbCdEfGhIl/",
             "views": 10, "reach": 9, "reactions": 8, "comments": 0, "shares": 0, "saves": 0},
        ],
        [],
    )  # fmt: skip


def ig_semicolon() -> None:
    d = case_dir("meta_instagram", "semicolon_ddmm")
    header = [*IG_HEADER[:9], "Data comment", "Date", *IG_HEADER[9:]]
    rows = [
        ["18000000000000001", "17841400000000002", "pupr.sukamaju", "PUPR", "Perbaikan jalan", "0",
         "25/06/2026 10:15", "https://www.instagram.com/p/PUPR1/", "IG image", "", "Lifetime", "2.300", "1.250", "99", "0", "0", "4", "1"],
        ["18000000000000002", "17841400000000002", "pupr.sukamaju", "PUPR", "Jembatan", "0",
         "03/07/2026 16:40", "https://www.instagram.com/p/PUPR2/", "IG image", "", "Lifetime", "1.234.567", "12", "1", "0", "0", "0", "0"],
    ]  # fmt: skip
    (d / "input.csv").write_bytes(
        b"\xef\xbb\xbf" + csv_text(header, rows, delim=";", eol="\r\n").encode()
    )
    base = {
        "platform": "instagram",
        "account_handle": "pupr.sukamaju",
        "post_format_raw": "IG image",
        "post_format": "foto",
    }
    write_expected(
        d,
        [
            {**base, "source_row": 2, "native_id": "18000000000000001", "published_at": "2026-06-25 10:15:00", "caption": "Perbaikan jalan",
             "permalink": "https://www.instagram.com/p/PUPR1/", "views": 2300, "reach": 1250, "reactions": 99, "comments": 4, "shares": 0, "saves": 1},
            {**base, "source_row": 3, "native_id": "18000000000000002", "published_at": "2026-07-03 16:40:00", "caption": "Jembatan",
             "permalink": "https://www.instagram.com/p/PUPR2/", "views": 1234567, "reach": 12, "reactions": 1, "comments": 0, "shares": 0, "saves": 0},
        ],
        [],
    )  # fmt: skip


# ------------------------------------------------------------------------------------------
# TikTok, YouTube, X
# ------------------------------------------------------------------------------------------
def tiktok_zip() -> None:
    d = case_dir("tiktok", "content_zip")
    header = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
              "Total shares", "Total views", "Add to favorites", "Watched full video"]  # fmt: skip
    rows = [
        ["2026-10-03", "Jumat Berkah 🙏 #SukamajuMelayani", "https://www.tiktok.com/@diskominfo.sukamaju/video/7420000000000000001",
         "2026-10-03 09:10", "1.2K", "18", "7", "18,400", "12", "38%"],
        ["2026-10-05", "Cek fakta: hoaks bansos", "https://www.tiktok.com/@diskominfo.sukamaju/video/7420000000000000002",
         "2026-10-05 20:00", "950", "4", "1.5K", "1.1M", "0", "12.5%"],
    ]  # fmt: skip
    content = b"\xef\xbb\xbf" + csv_text(header, rows, quote_all=True).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("Content.csv", (2026, 10, 6, 0, 0, 0)), content)
    (d / "input.zip").write_bytes(buf.getvalue())
    (d / "file_name.txt").write_text("Content_diskominfo.sukamaju.zip")
    base = {"platform": "tiktok", "account_handle": "diskominfo.sukamaju", "post_format": "video"}
    write_expected(
        d,
        [
            {**base, "source_row": 2, "native_id": "7420000000000000001", "published_at": "2026-10-03 09:10:00",
             "caption": "Jumat Berkah 🙏 #SukamajuMelayani", "permalink": rows[0][2],
             "views": 18400, "reactions": 1200, "comments": 18, "shares": 7, "saves": 12},
            {**base, "source_row": 3, "native_id": "7420000000000000002", "published_at": "2026-10-05 20:00:00",
             "caption": "Cek fakta: hoaks bansos", "permalink": rows[1][2],
             "views": 1100000, "reactions": 950, "comments": 4, "shares": 1500, "saves": 0},
        ],
        [],
    )  # fmt: skip


def youtube_table() -> None:
    d = case_dir("youtube", "table_data_total_row")
    header = ["Content", "Video title", "Video publish time", "Duration", "Views",
              "Watch time (hours)", "Subscribers", "Estimated revenue (USD)", "Impressions",
              "Impressions click-through rate (%)", "Likes", "Comments added"]  # fmt: skip
    rows = [
        ["Total", "", "", "", "1530", "40.2", "12", "0", "9000", "3.1", "80", "9"],
        ["dQw4w9WgXcQ", "Profil Kabupaten Sukamaju 2026", "Oct 3, 2026", "245", "1500", "39.9", "11", "0", "8800", "3.2", "78", "9"],
        ["a1B2c3D4e5F", "Rapat Paripurna", "Sep 30, 2026", "3600", "30", "0.3", "1", "0", "200", "1.0", "2", "0"],
    ]  # fmt: skip
    (d / "input.csv").write_text(csv_text(header, rows), encoding="utf-8")
    base = {"platform": "youtube", "post_format": "video"}
    write_expected(
        d,
        [
            {**base, "source_row": 3, "native_id": "dQw4w9WgXcQ", "published_at": "2026-10-03 00:00:00",
             "caption": "Profil Kabupaten Sukamaju 2026", "permalink": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
             "views": 1500, "reactions": 78, "comments": 9},
            {**base, "source_row": 4, "native_id": "a1B2c3D4e5F", "published_at": "2026-09-30 00:00:00",
             "caption": "Rapat Paripurna", "permalink": "https://www.youtube.com/watch?v=a1B2c3D4e5F",
             "views": 30, "reactions": 2, "comments": 0},
        ],
        [],
    )  # fmt: skip


def x_classic() -> None:
    d = case_dir("x", "tweet_activity_utc")
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
              "engagement rate", "retweets", "replies", "likes", "user profile clicks", "url clicks",
              "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
              "follows", "email tweet", "dial phone", "media views", "media engagements"]  # fmt: skip
    rows = [
        # 23:00 UTC on 30 Nov = 06:00 WIB on 1 Dec: next month in WIB.
        ["1.76881E+18", "https://twitter.com/prokopim_skmj/status/1768810000000000001", "Bupati Sukamaju menghadiri rakor",
         "2025-11-30 23:00 +0000", "1234.0", "50.0", "0.04", "3.0", "2.0", "40.0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["1768810000000000002", "https://twitter.com/prokopim_skmj/status/1768810000000000002", "Selamat pagi",
         "2025-12-01 01:30 +0000", "10.0", "1.0", "0.1", "0.0", "0.0", "1.0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "35.0", "2.0"],
    ]  # fmt: skip
    (d / "input.csv").write_text(csv_text(header, rows), encoding="utf-8")
    (d / "file_name.txt").write_text(
        "tweet_activity_metrics_prokopim_skmj_20251101_20251201_en.csv"
    )
    base = {"platform": "x", "account_handle": "prokopim_skmj"}
    write_expected(
        d,
        [
            {**base, "source_row": 2, "native_id": "1768810000000000001", "published_at": "2025-12-01 06:00:00",
             "caption": "Bupati Sukamaju menghadiri rakor", "permalink": rows[0][1],
             "views": 1234, "reactions": 40, "comments": 2, "shares": 3, "post_format": "teks"},
            {**base, "source_row": 3, "native_id": "1768810000000000002", "published_at": "2025-12-01 08:30:00",
             "caption": "Selamat pagi", "permalink": rows[1][1], "views": 10, "reactions": 1, "comments": 0, "shares": 0,
             "post_format": "foto"},
        ],
        [],
    )  # fmt: skip


def x_content() -> None:
    d = case_dir("x", "account_analytics_content")
    header = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
              "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
              "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks"]  # fmt: skip
    rows = [
        ["1812000000000000001", "Tue, Jul 14, 2026", "Info layanan\nKTP-el 🪪", "https://x.com/diskominfo_skmj/status/1812000000000000001",
         "5,432", "21", "40", "2", "1", "0", "3", "4", "1", "1", "0", "0", "0"],
        ["1812000000000000002", "Wed, Jul 15, 2026", "Baca: https://sukamajukab.go.id/berita/1", "https://x.com/diskominfo_skmj/status/1812000000000000002",
         "100", "2", "3", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0"],
    ]  # fmt: skip
    (d / "input.csv").write_text(csv_text(header, rows), encoding="utf-8")
    write_expected(
        d,
        [{"source_row": 2, "platform": "x", "native_id": "1812000000000000001", "account_handle": "diskominfo_skmj",
          "published_at": "2026-07-14 00:00:00", "caption": "Info layanan\nKTP-el 🪪", "permalink": rows[0][3],
          "views": 5432, "reactions": 21, "comments": 3, "shares": 4, "saves": 2, "post_format": "teks"},
         {"source_row": 3, "platform": "x", "native_id": "1812000000000000002", "account_handle": "diskominfo_skmj",
          "published_at": "2026-07-15 00:00:00", "caption": "Baca: https://sukamajukab.go.id/berita/1", "permalink": rows[1][3],
          "views": 100, "reactions": 2, "comments": 1, "shares": 0, "saves": 0, "post_format": "tautan"}],
        [],
    )  # fmt: skip


# ------------------------------------------------------------------------------------------
# Logbooks
# ------------------------------------------------------------------------------------------
def _kop(ws, title: str, width: str) -> None:
    ws["A1"] = "PEMERINTAH KABUPATEN SUKAMAJU"
    ws.merge_cells(f"A1:{width}1")
    ws["A2"] = "KECAMATAN SUKARESMI"
    ws.merge_cells(f"A2:{width}2")
    ws["A3"] = title
    ws.merge_cells(f"A3:{width}3")


def logbook_merged_links() -> None:
    """Two header rows: 'Link Postingan' merged over Instagram | Facebook | TikTok."""
    d = case_dir("logbook", "merged_platform_columns")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Des 25"
    _kop(ws, "REKAP POSTINGAN MEDIA SOSIAL KECAMATAN SUKARESMI BULAN DESEMBER 2025", "G")
    # row 4 blank; header rows 5-6
    for c, v in zip(
        "ABCDG", ["No", "Tanggal", "Judul Kegiatan", "Link Postingan", "Jenis Konten"], strict=True
    ):
        ws[f"{c}5"] = v
    ws.merge_cells("D5:F5")
    for c in "ABCG":
        ws.merge_cells(f"{c}5:{c}6")
    ws["D6"], ws["E6"], ws["F6"] = "Instagram", "Facebook", "TikTok"
    data = [
        (7, [1, 45994, BOLD, "https://www.instagram.com/p/DNDL_hIiLv-/", "https://www.facebook.com/616/posts/1221", None, "Ucapan Hari Besar"]),
        (8, [2, "15 Des 2025", "Pelayanan KTP-el", "https://www.instagram.com/p/Dhq/", "-", "https://www.tiktok.com/@kec.sukaresmi/video/7400000000000000009", "Informasi Layanan"]),
        # row 9: spacer
        (10, [3, dt.datetime(2025, 12, 20, 13, 45), "Kerja bakti", None, "✓", None, "Kegiatan"]),
        (11, [4, "31/02/2025", "Tanggal salah", "https://www.instagram.com/p/BAD/", None, None, "Kegiatan"]),
        (12, [5, None, "Lupa tanggal", None, "https://www.facebook.com/share/p/XyZ/", None, "Kegiatan"]),
        (13, [6, None, None, None, None, None, None]),  # pre-numbered empty template row
        (14, ["JUMLAH", None, "5 kegiatan", 3, 2, 1, None]),
        (16, [None, None, None, "Sukaresmi, 31 Desember 2025", None, None, None]),
        (17, [None, None, None, "Mengetahui,", None, None, None]),
        (18, [None, None, None, "Camat Sukaresmi", None, None, None]),
        (21, [None, None, None, "Hj. Yayan Suryana, M.AP.", None, None, None]),
        (22, [None, None, None, "NIP. 19740711 199609 1 007", None, None, None]),
    ]  # fmt: skip
    for r, vals in data:
        for c, v in zip("ABCDEFG", vals, strict=True):
            if v is not None:
                ws[f"{c}{r}"] = v
    ws.merge_cells("A14:B14")
    wb.save(d / "input.xlsx")
    base = {"source_sheet": "Des 25"}
    write_expected(
        d,
        [
            {**base, "source_row": 7, "platform": "instagram", "published_at": "2025-12-03 00:00:00", "caption": BOLD,
             "permalink": "https://www.instagram.com/p/DNDL_hIiLv-/", "logbook_label": "Ucapan Hari Besar",
             "post_format": "foto"},
            {**base, "source_row": 7, "platform": "facebook", "published_at": "2025-12-03 00:00:00", "caption": BOLD,
             "permalink": "https://www.facebook.com/616/posts/1221", "logbook_label": "Ucapan Hari Besar"},
            {**base, "source_row": 8, "platform": "instagram", "published_at": "2025-12-15 00:00:00", "caption": "Pelayanan KTP-el",
             "permalink": "https://www.instagram.com/p/Dhq/", "logbook_label": "Informasi Layanan",
             "post_format": "foto"},
            {**base, "source_row": 8, "platform": "tiktok", "published_at": "2025-12-15 00:00:00", "caption": "Pelayanan KTP-el",
             "permalink": "https://www.tiktok.com/@kec.sukaresmi/video/7400000000000000009", "logbook_label": "Informasi Layanan",
             "post_format": "video"},
            {**base, "source_row": 10, "platform": "facebook", "published_at": "2025-12-20 13:45:00", "caption": "Kerja bakti",
             "logbook_label": "Kegiatan"},
        ],
        [
            {"sheet": "Des 25", "row_number": 11, "column_name": "Tanggal", "value": "31/02/2025",
             "reason": "Tanggal tidak dapat dibaca: '31/02/2025'"},
            {"sheet": "Des 25", "row_number": 12, "column_name": "Tanggal", "value": None,
             "reason": "Tanggal kosong pada baris yang berisi link/isi postingan"},
        ],
    )  # fmt: skip


def logbook_platform_sheets() -> None:
    """One sheet per platform, no Platform column; a signature-only sheet is skipped."""
    d = case_dir("logbook", "sheet_per_platform")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Instagram"
    ws["A1"] = "REKAP POSTINGAN INSTAGRAM DINAS LINGKUNGAN HIDUP TAHUN 2026"
    ws.merge_cells("A1:F1")
    ws.append(["No", "Tanggal Unggah", "Topik Konten", "URL", "Jenis", "Admin"])
    ws.append([1, "1 Desember 2025", "Bank sampah", "instagram.com/p/DLH1", "Edukasi", "Rina"])
    ws.append([2, "Rabu, 3 Februari 2027", "Hari Peduli Sampah", None, "Ucapan", "Rina"])
    ws.append([None, None, None, None, None, None])
    ws.append(["TOTAL", None, 2])
    fb = wb.create_sheet("FB")
    fb.append(["No", "Tanggal Unggah", "Topik Konten", "URL", "Jenis", "Admin"])
    fb.append(
        [1, "3 Agt 2026", "Uji emisi", "https://m.facebook.com/dlh/posts/9", "Kegiatan", "Budi"]
    )
    ttd = wb.create_sheet("TTD")
    ttd["B3"] = "Mengetahui,"
    ttd["B4"] = "Kepala Dinas Lingkungan Hidup"
    ttd["B7"] = "NIP. 19700101 199001 1 001"
    wb.create_sheet("Kosong")
    wb.save(d / "input.xlsx")
    write_expected(
        d,
        [
            {"source_sheet": "Instagram", "source_row": 3, "platform": "instagram", "published_at": "2025-12-01 00:00:00",
             "caption": "Bank sampah", "permalink": "instagram.com/p/DLH1", "logbook_label": "Edukasi",
             "post_format": "foto"},
            {"source_sheet": "FB", "source_row": 2, "platform": "facebook", "published_at": "2026-08-03 00:00:00",
             "caption": "Uji emisi", "permalink": "https://m.facebook.com/dlh/posts/9", "logbook_label": "Kegiatan"},
        ],
        # A date after the export is a typo, not a post.
        [{"sheet": "Instagram", "row_number": "4", "column_name": "Tanggal Unggah",
          "value": "Rabu, 3 Februari 2027",
          "reason": "Tanggal 03-02-2027 jatuh setelah tanggal ekspor berkas (20-11-2026)"}],
    )  # fmt: skip
    (d / "exported_at.txt").write_text("2026-11-20")


LB_HEADER = [
    "No",
    "Hari/Tanggal",
    "Jam",
    "Media",
    "Tautan",
    "Keterangan",
    "Jenis Postingan/Format",
    "Nama OPD",
]


def _lb_rows() -> list[list[object]]:
    return [
        [1, "Senin, 01-12-2025", "13.45", "FB", "https://web.facebook.com/share/p/AAA/", "Rakor 🚀 stunting", "Foto", "Kec. Cipanas Hilir"],
        [2, "Rabu, 3 Februari 2025", "08:05", "Instagram & Facebook",
         "https://www.instagram.com/p/IG2/\nhttps://www.facebook.com/123/posts/456", "Jumat berkah", "Video", "Kec. Cipanas Hilir"],
        [3, "3 Feb 2025", "", "IG", "-", "Tanpa link", "Reels", "Kec. Cipanas Hilir"],
        ["", "", "", "", "", "", "", ""],
        ["JUMLAH", "", "", "", "3", "", "", ""],
    ]  # fmt: skip


def _lb_expected() -> list[dict]:
    base = {"opd_hint": "Kec. Cipanas Hilir"}
    return [
        {**base, "source_row": 4, "platform": "facebook", "published_at": "2025-12-01 13:45:00", "caption": "Rakor 🚀 stunting",
         "permalink": "https://web.facebook.com/share/p/AAA/", "post_format_raw": "Foto", "post_format": "foto"},
        {**base, "source_row": 5, "platform": "instagram", "published_at": "2025-02-03 08:05:00", "caption": "Jumat berkah",
         "permalink": "https://www.instagram.com/p/IG2/", "post_format_raw": "Video", "post_format": "video"},
        {**base, "source_row": 5, "platform": "facebook", "published_at": "2025-02-03 08:05:00", "caption": "Jumat berkah",
         "permalink": "https://www.facebook.com/123/posts/456", "post_format_raw": "Video", "post_format": "video"},
        {**base, "source_row": 6, "platform": "instagram", "published_at": "2025-02-03 00:00:00", "caption": "Tanpa link",
         "post_format_raw": "Reels", "post_format": "reels"},
    ]  # fmt: skip


def logbook_utf16() -> None:
    """Excel 'Unicode text': UTF-16 LE with BOM, tab-delimited, two title rows."""
    d = case_dir("logbook", "unicode_text_utf16")
    text = "REKAP POSTINGAN MEDIA SOSIAL\r\nKECAMATAN CIPANAS HILIR TAHUN 2025\r\n"
    text += csv_text(LB_HEADER, _lb_rows(), delim="\t", eol="\r\n")
    (d / "input.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    write_expected(d, _lb_expected(), [])


def logbook_cp1252() -> None:
    """Excel 'CSV' in an Indonesian locale: ';', cp1252 (emoji lost as '?')."""
    d = case_dir("logbook", "csv_semicolon_cp1252")
    text = "REKAP POSTINGAN MEDIA SOSIAL;;;;;;;\r\nKECAMATAN CIPANAS HILIR TAHUN 2025;;;;;;;\r\n"
    text += csv_text(LB_HEADER, _lb_rows(), delim=";", eol="\r\n").replace("🚀", "?")
    (d / "input.csv").write_bytes(text.encode("cp1252"))
    exp = _lb_expected()
    exp[0]["caption"] = "Rakor ? stunting"
    write_expected(d, exp, [])


def main() -> None:
    for f in (fb_basic, fb_indonesian, ig_basic, ig_semicolon, tiktok_zip, youtube_table,
              x_classic, x_content, logbook_merged_links, logbook_platform_sheets,
              logbook_utf16, logbook_cp1252):  # fmt: skip
        f()
    print("cases written under", HERE)


if __name__ == "__main__":
    main()
