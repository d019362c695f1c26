"""Campaigns: matching inside the period only, participation per OPD, deletion, the analyst's
campaign file and its command, post format normalization."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.campaign_file import CampaignFileError, read_campaign_file
from etl.campaigns import delete_campaign, load_campaign_file, match_campaigns, save_campaign
from etl.cli import main as cli_main
from tests.factory import ig_post, load_rows, one

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CAMPAIGNS = ROOT / "sample_data" / "Program Unggulan Bupati Sukamaju 2026.xlsx"

D = dt.date
POSTS = [
    # n, caption, handle, day
    (1, "Posyandu serentak hari ini #SukamajuSehat", "dinkes.sukamaju", D(2026, 3, 1)),
    (2, "Posyandu lagi #SukamajuSehat", "dinkes.sukamaju", D(2026, 2, 28)),  # before the period
    (3, "Imunisasi anak #SUKAMAJUSEHAT 💉", "kec.sukamaju", D(2026, 6, 30)),  # last day, upper case
    (4, "Lomba foto #SukamajuSehatBanget", "kominfo.sukamaju", D(2026, 4, 1)),  # longer tag
    (5, "Jalan sehat bersama warga: Sukamaju Sehat!", "kominfo.sukamaju", D(2026, 4, 2)),  # keyword
    (6, "Tanam padi serentak #GerakanTanamPangan", "distan.sukamaju", D(2026, 5, 5)),
    (7, "Senam pagi #SukamajuSehat", "dinkes.sukamaju", D(2026, 7, 1)),  # after the period
]


@pytest.fixture
def posts(con):
    rows = [ig_post(n, cap, handle=h, day=d) for n, cap, h, d in POSTS]
    load_rows(con, rows, "posts.csv")
    return con


def _matched(con, campaign_id: int) -> list[int]:
    rows = con.execute(
        "SELECT p.native_id FROM post_campaign pc JOIN posts p USING (post_key) "
        "WHERE pc.campaign_id = ? ORDER BY 1",
        [campaign_id],
    ).fetchall()
    return [int(r[0][-4:]) for r in rows]


def test_campaign_matches_hashtag_and_keyword_inside_the_period_only(posts) -> None:
    cid = save_campaign(
        posts,
        "Sukamaju Sehat",
        start_date=D(2026, 3, 1),
        end_date=D(2026, 6, 30),
        hashtags="#SukamajuSehat",
        keywords=["sukamaju sehat"],
    )
    assert _matched(posts, cid) == [1, 3, 5]
    terms = dict(
        posts.execute(
            "SELECT p.native_id, pc.matched_terms FROM post_campaign pc JOIN posts p "
            "USING (post_key) WHERE campaign_id = ?",
            [cid],
        ).fetchall()
    )
    assert sorted(terms.values()) == ["#sukamajusehat", "#sukamajusehat", "sukamaju sehat"]


def test_open_period_and_new_loads_are_matched(posts) -> None:
    cid = save_campaign(
        posts, "Sehat", start_date=None, end_date=None, hashtags=["SukamajuSehat"], keywords=None
    )
    assert _matched(posts, cid) == [1, 2, 3, 7]
    # A later load is matched by the loader (match_campaigns for that load).
    load_rows(posts, [ig_post(8, "Cek kesehatan gratis #SukamajuSehat")], "later.csv")
    assert _matched(posts, cid) == [1, 2, 3, 7, 8]
    assert match_campaigns(posts) == 5  # re-running all is idempotent


def test_participation_lists_who_took_part_and_who_did_not(posts) -> None:
    cid = save_campaign(
        posts,
        "Sukamaju Sehat",
        start_date=D(2026, 3, 1),
        end_date=D(2026, 6, 30),
        hashtags=["#SukamajuSehat"],
        keywords=["sukamaju sehat"],
    )
    got = posts.execute(
        "SELECT opd_short, opd, participated, n_posts FROM v_campaign_participation "
        "WHERE campaign_id = ? ORDER BY opd",
        [cid],
    ).fetchall()
    by_opd = {(short or name): (took, n) for short, name, took, n in got}
    assert by_opd == {
        "Dinkes": (True, 1),  # post 2 and 7 fall outside the period
        "Diskominfo": (True, 1),  # by keyword
        "Distan": (False, 0),
        "Kecamatan Sukamaju": (True, 1),
    }


def test_deleting_a_campaign_removes_its_links(posts) -> None:
    keep = save_campaign(posts, "Pangan", start_date=None, end_date=None,
                         hashtags="#GerakanTanamPangan", keywords=None)  # fmt: skip
    gone = save_campaign(posts, "Sehat", start_date=None, end_date=None,
                         hashtags="#SukamajuSehat", keywords=None)  # fmt: skip
    assert one(posts, "SELECT count(*) FROM post_campaign WHERE campaign_id = ?", [gone]) == (4,)
    delete_campaign(posts, gone)
    assert one(posts, "SELECT count(*) FROM campaign WHERE campaign_id = ?", [gone]) == (0,)
    assert posts.execute("SELECT DISTINCT campaign_id FROM post_campaign").fetchall() == [(keep,)]
    assert one(posts, "SELECT count(*) FROM v_campaign_participation WHERE campaign_id = ?",
               [gone]) == (0,)  # fmt: skip


def test_saving_again_under_the_same_name_updates_and_rematches(posts) -> None:
    cid = save_campaign(posts, "Sehat", start_date=None, end_date=None,
                        hashtags="#SukamajuSehat", keywords=None)  # fmt: skip
    again = save_campaign(posts, "Sehat", start_date=D(2026, 7, 1), end_date=None,
                          hashtags="#SukamajuSehat", keywords=None)  # fmt: skip
    assert again == cid and _matched(posts, cid) == [7]


def test_campaign_input_errors_are_indonesian(con) -> None:
    with pytest.raises(ValueError, match="Nama kampanye wajib diisi"):
        save_campaign(con, "  ", start_date=None, end_date=None, hashtags="#x", keywords=None)
    with pytest.raises(ValueError, match="isi minimal satu tagar atau kata kunci"):
        save_campaign(con, "A", start_date=None, end_date=None, hashtags="", keywords=[])
    with pytest.raises(ValueError, match=r"tanggal mulai \(02-03-2026\) sesudah"):
        save_campaign(con, "A", start_date=D(2026, 3, 2), end_date=D(2026, 3, 1),
                      hashtags="#x", keywords=None)  # fmt: skip
    assert one(con, "SELECT count(*) FROM campaign") == (0,)


# --------------------------------------------------------------------------- campaign file


def test_sample_campaign_file_reads_as_written() -> None:
    defs = read_campaign_file(SAMPLE_CAMPAIGNS)
    assert [(c.name, c.start_date, c.end_date, c.hashtags, c.row) for c in defs] == [
        ("Sukamaju Melayani", D(2025, 12, 1), D(2026, 12, 31), ("sukamajumelayani",), 5),
        ("Sukamaju Sehat", D(2026, 3, 1), D(2026, 12, 31), ("sukamajusehat",), 6),
        ("Gerakan Tanam Pangan", D(2026, 6, 1), D(2026, 12, 31), ("gerakantanampangan",), 7),
    ]


def _write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_campaign_csv_in_indonesian_excel_style_loads(posts, tmp_path) -> None:
    f = _write_csv(
        tmp_path / "kampanye.csv",
        "sep=;\nDaftar Kampanye 2026;;;;\n"
        "Nama Kampanye;Mulai;Selesai;Tagar;Kata Kunci\n"
        "Sukamaju Sehat;1 Maret 2026;30/06/2026;#SukamajuSehat #SehatBersama;sukamaju sehat\n"
        ";;;;\n"
        "Tanam Pangan;;;#GerakanTanamPangan;\n",
        encoding="cp1252",
    )
    done = load_campaign_file(posts, f)
    assert [(name, n) for name, _, n in done] == [("Sukamaju Sehat", 3), ("Tanam Pangan", 1)]
    assert one(
        posts, "SELECT hashtags, start_date FROM campaign WHERE name = 'Sukamaju Sehat'"
    ) == (
        ["sukamajusehat", "sehatbersama"],
        D(2026, 3, 1),
    )


def test_campaign_file_problems_name_file_row_and_column(con, tmp_path) -> None:
    f = _write_csv(
        tmp_path / "Kampanye Bupati.csv",
        "Nama Kampanye,Mulai,Selesai,Tagar,Kata Kunci\n"
        "Sukamaju Sehat,01/03/2026,31/02/2026,#SukamajuSehat,\n"
        ",01/01/2026,,#x,\n"
        "Tanpa Tagar,,,,\n"
        "Terbalik,01/07/2026,01/06/2026,#y,\n"
        "sukamaju sehat,,,#z,\n",
    )
    with pytest.raises(CampaignFileError) as err:
        load_campaign_file(con, f)
    assert str(err.value).splitlines() == [
        "Daftar kampanye tidak dimuat:",
        "Berkas Kampanye Bupati.csv, baris 2, kolom Selesai: tanggal '31/02/2026' tidak terbaca "
        "(contoh yang benar: 01/03/2026 atau 1 Maret 2026).",
        "Berkas Kampanye Bupati.csv, baris 3, kolom Nama Kampanye: nama kampanye kosong.",
        "Berkas Kampanye Bupati.csv, baris 4: kampanye 'Tanpa Tagar' belum punya tagar "
        "(kolom Tagar) atau kata kunci (kolom Kata Kunci).",
        "Berkas Kampanye Bupati.csv, baris 5, kolom Selesai: tanggal selesai (01-06-2026) "
        "sebelum tanggal mulai (01-07-2026).",
        "Berkas Kampanye Bupati.csv, baris 6, kolom Nama Kampanye: kampanye 'sukamaju sehat' "
        "sudah ditulis di baris 2.",
    ]
    assert one(con, "SELECT count(*) FROM campaign") == (0,)  # nothing half-written


def test_campaign_xlsx_errors_name_the_sheet(con, tmp_path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Program 2026"
    ws.append(["PROGRAM UNGGULAN"])
    ws.append(["No", "Nama Kampanye", "Mulai", "Selesai", "Tagar"])
    ws.append([1, "Sukamaju Sehat", dt.datetime(2026, 3, 1), "akhir tahun", "#SukamajuSehat"])
    wb.save(tmp_path / "k.xlsx")
    with pytest.raises(CampaignFileError, match=r"Berkas k\.xlsx, sheet 'Program 2026', baris 3, "
                       r"kolom Selesai: tanggal 'akhir tahun' tidak terbaca"):  # fmt: skip
        load_campaign_file(con, tmp_path / "k.xlsx")


def test_campaign_file_without_headers_or_of_wrong_type(con, tmp_path) -> None:
    f = _write_csv(tmp_path / "x.csv", "a,b,c\n1,2,3\n")
    with pytest.raises(CampaignFileError, match=r"Berkas x\.csv: judul kolom tidak ditemukan"):
        read_campaign_file(f)
    with pytest.raises(CampaignFileError, match=r"Berkas x\.pdf: format tidak didukung"):
        read_campaign_file(_write_csv(tmp_path / "x.pdf", "x"))
    with pytest.raises(CampaignFileError, match="Berkas tidak ditemukan"):
        read_campaign_file(tmp_path / "none.xlsx")


def test_cli_campaigns_command(tmp_path, capsys) -> None:
    db = tmp_path / "w.duckdb"
    from warehouse.db import connect

    c = connect(str(db))
    c.close()
    assert cli_main(["--db", str(db), "campaigns", str(SAMPLE_CAMPAIGNS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Kampanye #1 Sukamaju Melayani: 0 postingan cocok.",
        "Kampanye #2 Sukamaju Sehat: 0 postingan cocok.",
        "Kampanye #3 Gerakan Tanam Pangan: 0 postingan cocok.",
    ]
    bad = _write_csv(tmp_path / "bad.csv", "Nama Kampanye,Tagar\nA,\n")
    assert cli_main(["--db", str(db), "campaigns", str(bad)]) == 1
    assert "Berkas bad.csv, baris 2: kampanye 'A' belum punya tagar" in capsys.readouterr().err


# --------------------------------------------------------------------------- post format


def test_post_formats_are_normalized_across_platforms() -> None:
    from etl.post_values import post_format_expr
    from etl.schema import POST_FORMATS

    raw = ["Photos", "IG image", "IG carousel", "IG reel", "Reels", "Videos", "Links",
           "Status", "Album", "Siaran langsung", "Stories", "Foto", "gambar", "???"]  # fmt: skip
    got = pl.DataFrame({"r": raw}).select(post_format_expr(pl.col("r")))["r"].to_list()
    assert got == ["foto", "foto", "carousel", "reels", "reels", "video", "tautan",
                   "teks", "carousel", "live", "story", "foto", "foto", None]  # fmt: skip
    assert set(got) - {None} <= set(POST_FORMATS)


# The match before terms were screened by plain containment (kept to compare with): the
# pattern was compiled for every post and term.
_OLD_WHERE = "WHERE regexp_matches(s.text, t.rx)\nGROUP BY"
_CHARS = "ab#. _é-()[]*+?\\|^$"


@settings(max_examples=80, deadline=None)
@given(
    captions=st.lists(st.text(_CHARS, max_size=14), min_size=1, max_size=8),
    tags=st.lists(st.text(_CHARS, min_size=1, max_size=4), max_size=3),
    words=st.lists(st.text(_CHARS, min_size=1, max_size=4), max_size=3),
)
def test_match_equals_the_unscreened_match(captions, tags, words) -> None:
    import duckdb

    from etl import campaigns
    from etl.campaign_terms import norm_terms

    old = campaigns._MATCH_SQL.split("-- The pattern")[0] + _OLD_WHERE
    old += campaigns._MATCH_SQL.split("GROUP BY", 1)[1]
    assert old != campaigns._MATCH_SQL
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE posts (post_key VARCHAR, published_at TIMESTAMP, caption VARCHAR,"
        " caption_norm VARCHAR, load_id INTEGER);"
        "CREATE TABLE campaign (campaign_id INTEGER, start_date DATE, end_date DATE,"
        " hashtags VARCHAR[], keywords VARCHAR[]);"
        "CREATE TABLE post_campaign (post_key VARCHAR, campaign_id INTEGER, matched_terms VARCHAR)"
    )
    for i, c in enumerate(captions):
        norm = c.lower() if i % 2 else None  # caption_norm, else lower(caption)
        con.execute(
            "INSERT INTO posts VALUES (?, TIMESTAMP '2026-03-01', ?, ?, 1)", [str(i), c, norm]
        )
    con.execute(
        "INSERT INTO campaign VALUES (1, NULL, NULL, ?, ?)",
        [norm_terms(tags, hashtag=True), norm_terms(words, hashtag=False)],
    )
    params = {"load_ids": None, "campaign_id": None}
    out = []
    for sql in (campaigns._MATCH_SQL, old):
        con.execute("DELETE FROM post_campaign")
        con.execute(sql, params)
        out.append(con.execute("SELECT * FROM post_campaign ORDER BY ALL").fetchall())
    assert out[0] == out[1]
