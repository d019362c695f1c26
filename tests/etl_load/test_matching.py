"""Which OPD a post belongs to: account, --opd, logbook Nama OPD, file name; rejects."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.load import load_tables
from etl.master import load_master
from etl.opd_index import FUZZY_THRESHOLD, OpdIndex, OpdNotFound
from tests.factory import MASTER_HEADER, MASTER_ROWS, ig_post, sha, table, write_master


@pytest.fixture
def youtube_con(con, tmp_path):
    """The test master list with YouTube channels for Bappeda and Diskominfo: an export of a
    channel the master list does not hold is refused (etl.unregistered)."""
    channel = {"Bappeda": "Bappeda Sukamaju", "Diskominfo": "Kominfo Sukamaju TV"}
    rows = [[*r, channel.get(r[2])] for r in MASTER_ROWS]
    load_master(con, write_master(tmp_path / "Daftar Akun.xlsx", [*MASTER_HEADER, "YouTube"], rows))
    return con


def _opd_of(con):
    return dict(
        con.execute("SELECT p.native_id, o.name FROM posts p JOIN opd o USING (opd_id)").fetchall()
    )


def logbook_row(n: int, hint: str | None, *, link: str | None = None) -> dict:
    return {
        "platform": "instagram",
        "opd_hint": hint,
        "published_at": dt.datetime(2026, 10, 3, 9, n),
        "caption": f"Sosialisasi stunting ke-{n}",
        "permalink": link,
        "logbook_label": "Kegiatan",
        "source_sheet": "Oktober",
        "source_row": 5 + n,
    }


def test_account_from_handle_or_permalink(master_con):
    rows = [ig_post(1), {**ig_post(2, handle=None)}]
    rows[1]["permalink"] = None
    rows[1]["account_handle"] = None
    # Second row: no handle but an X-style permalink naming the account.
    x_row = {
        "platform": "x",
        "native_id": "555",
        "published_at": dt.datetime(2026, 10, 1, 7, 0),
        "caption": "Info layanan",
        "permalink": "https://x.com/kominfo_sukamaju/status/555",
    }
    r1 = load_tables(master_con, [table(rows[:1])], file_name="ig.csv", sha256=sha("1"))
    assert r1.status == "loaded" and r1.opd == "Dinas Kesehatan"
    # X account is not in the master list, but tiktok/ig of Diskominfo are: unknown -> rejected.
    r2 = load_tables(master_con, [table([x_row], fmt="x", platform="x")], file_name="x.csv",
                     sha256=sha("2"))  # fmt: skip
    assert r2.status == "failed"
    assert "kominfo_sukamaju (x)" in r2.error and "--opd" in r2.error and "Daftar Akun" in r2.error
    tt = {
        "platform": "tiktok",
        "native_id": "777",
        "published_at": dt.datetime(2026, 10, 2, 7, 0),
        "caption": "Video kegiatan",
        "permalink": "https://www.tiktok.com/@kominfosukamaju/video/777",
    }
    r3 = load_tables(master_con, [table([tt], fmt="tiktok", platform="tiktok")], file_name="t.csv",
                     sha256=sha("3"))  # fmt: skip
    assert r3.status == "loaded" and r3.opd == "Dinas Komunikasi dan Informatika"
    acc = master_con.execute("SELECT account_id FROM posts WHERE native_id = '777'").fetchall()[0][
        0
    ]
    assert (
        acc
        == master_con.execute(
            "SELECT account_id FROM account WHERE platform = 'tiktok'"
        ).fetchall()[0][0]
    )


def test_opd_option_by_name_short_name_and_typo(youtube_con):
    master_con = youtube_con
    yt = {
        "platform": "youtube",
        "native_id": "vid1",
        "published_at": dt.datetime(2026, 10, 2, 7, 0),
        "caption": "Video",
    }
    for i, name in enumerate(["bappeda", "Badan Perencanaan Pembangunan Daerah",
                              "Badan Perencanaan Pembangunn Daerah"]):  # fmt: skip
        row = {**yt, "native_id": f"vid{i}"}
        r = load_tables(master_con, [table([row], fmt="youtube", platform="youtube")],
                        file_name=f"Table data {i}.csv", sha256=sha(name), opd=name)  # fmt: skip
        assert r.status == "loaded", r.error
        assert r.opd == "Badan Perencanaan Pembangunan Daerah"
    assert any("dibaca sebagai" in n for n in r.notes)  # the typo is reported


def test_unknown_or_ambiguous_opd_option_says_did_you_mean(master_con):
    index = OpdIndex.from_db(master_con)
    with pytest.raises(OpdNotFound) as err:
        index.resolve_option("Dinas Kesehatan Hewan")
    assert "Maksud Anda" in str(err.value) and '"Dinas Kesehatan"' in str(err.value)
    with pytest.raises(OpdNotFound) as err:
        index.resolve_option("Dinas")  # every dinas: ambiguous
    assert "Maksud Anda" in str(err.value)
    r = load_tables(master_con, [table([ig_post(1, handle="akun.lain")])], file_name="a.csv",
                    sha256=sha("a"), opd="Dinas Perikanan")  # fmt: skip
    assert r.status == "failed" and 'OPD "Dinas Perikanan" tidak dikenal' in r.error
    assert master_con.execute("SELECT count(*) FROM posts").fetchall()[0] == (0,)


def test_fuzzy_threshold_is_documented_and_applied(master_con):
    index = OpdIndex.from_db(master_con)
    good = index.match_name("Dinas Kesehatn")
    assert good is not None and good.name == "Dinas Kesehatan" and good.score >= FUZZY_THRESHOLD
    assert index.match_name("Dinas Sosial") is None


def test_unknown_account_loads_under_opd_option_with_a_note(master_con):
    r = load_tables(master_con, [table([ig_post(1, handle="puskesmas.cibodas")])],
                    file_name="ig.csv", sha256=sha("p"), opd="Dinkes")  # fmt: skip
    assert r.status == "loaded" and r.new == 1
    assert any("puskesmas.cibodas" in n and "belum ada di Daftar Akun" in n for n in r.notes)
    assert master_con.execute("SELECT account_id, opd_id FROM posts").fetchall()[0] == (
        None,
        master_con.execute("SELECT opd_id FROM opd WHERE short_name = 'Dinkes'").fetchall()[0][0],
    )


def test_logbook_hints_alias_fuzzy_and_other_opd(master_con):
    rows = [
        logbook_row(1, "Dinkes"),
        logbook_row(2, "DINAS KESEHATAN"),
        logbook_row(3, "Dinas Kesehatn"),  # typo: fuzzy
        logbook_row(4, "Bappeda"),  # another OPD's row in Dinkes' logbook
    ]
    t = table(rows, fmt="logbook", platform=None, sheet="Oktober")
    r = load_tables(master_con, [t], file_name="Rekap.xlsx", sha256=sha("lb"), opd="Dinkes")
    assert r.status == "loaded" and (r.new, r.rejected) == (3, 1)
    rej = r.rejects.row(0, named=True)
    assert rej["sheet"] == "Oktober" and rej["row_number"] == 9 and rej["column_name"] == "Nama OPD"
    assert rej["reason"].startswith("Baris milik OPD lain: Bappeda")
    stored = master_con.execute(
        "SELECT file_name, sheet, row_number, column_name, value FROM rejects"
    ).fetchall()
    assert stored == [("Rekap.xlsx", "Oktober", 9, "Nama OPD", "Bappeda")]
    # Without --opd each row goes to the OPD it names.
    t2 = table(
        [logbook_row(10, "Bappeda"), logbook_row(11, "dinkes")], fmt="logbook", platform=None
    )
    r2 = load_tables(master_con, [t2], file_name="Rekap gabungan.xlsx", sha256=sha("lb2"))
    assert r2.status == "loaded" and r2.new == 2 and r2.opd == "2 OPD"
    names = dict(
        master_con.execute(
            "SELECT p.source_row, o.short_name FROM posts p JOIN opd o USING (opd_id)"
            " WHERE p.load_id = ?",
            [r2.load_id],
        ).fetchall()
    )
    assert names == {15: "Bappeda", 16: "Dinkes"}


def test_opd_from_file_or_folder_name(master_con, tmp_path):
    rows = [logbook_row(1, None), logbook_row(2, None)]
    t = table(rows, fmt="logbook", platform=None)
    r = load_tables(master_con, [t], file_name="Rekap Postingan Bappeda Oktober 2026.xlsx",
                    sha256=sha("f"))  # fmt: skip
    assert r.status == "loaded" and r.opd == "Badan Perencanaan Pembangunan Daerah"
    assert any("nama berkas/folder" in n for n in r.notes)
    t = table([logbook_row(3, None)], fmt="logbook", platform=None)
    r = load_tables(master_con, [t], file_name="rekap.xlsx", sha256=sha("g"),
                    file_path=str(tmp_path / "Kecamatan Sukamaju" / "rekap.xlsx"))  # fmt: skip
    assert r.status == "loaded" and r.opd == "Kecamatan Sukamaju"


def test_file_whose_opd_cannot_be_determined_is_rejected_whole(master_con):
    t = table([logbook_row(1, None), logbook_row(2, None)], fmt="logbook", platform=None)
    r = load_tables(master_con, [t], file_name="rekap.xlsx", sha256=sha("u"))
    assert r.status == "failed"
    assert "rekap.xlsx" in r.error and "--opd" in r.error and "Daftar Akun" in r.error
    assert master_con.execute("SELECT count(*) FROM post_observation").fetchall()[0] == (0,)
    assert master_con.execute(
        "SELECT status, message FROM loads WHERE load_id = ?", [r.load_id]
    ).fetchall()[0] == ("failed", r.error)


def test_logbook_hint_spelled_with_kabupaten_or_unknown(master_con):
    rows = [
        logbook_row(1, "Dinas Kesehatan Kab. Sukamaju"),
        logbook_row(2, "Kec. Sukamaju"),
        logbook_row(3, "Puskesmas Cibodas"),  # unknown: loaded under --opd, with a note
    ]
    t = table(rows, fmt="logbook", platform=None, sheet="Oktober")
    r = load_tables(master_con, [t], file_name="Rekap.xlsx", sha256=sha("k"), opd="Dinkes")
    assert (r.new, r.rejected) == (2, 1)
    assert r.rejects.item(0, "value") == "Kec. Sukamaju"
    assert any('"Puskesmas Cibodas" tidak dikenal' in n for n in r.notes)
    index = OpdIndex.from_db(master_con)
    assert index.match_name("Kec. Sukamaju").name == "Kecamatan Sukamaju"


def test_opd_from_an_account_handle_in_the_folder_name(youtube_con, tmp_path):
    master_con = youtube_con
    # YouTube Studio files never name the channel; the analyst's folder or ZIP name does.
    yt = {"platform": "youtube", "native_id": "v1", "published_at": dt.datetime(2026, 10, 2, 7),
          "caption": "Video"}  # fmt: skip
    folder = tmp_path / "Content 2025-12-01_2026-11-20 kominfosukamaju"
    r = load_tables(master_con, [table([yt], fmt="youtube", platform="youtube")],
                    file_name="Table data.csv", sha256=sha("yt"),
                    file_path=str(folder / "Table data.csv"))  # fmt: skip
    assert r.status == "loaded" and r.opd == "Dinas Komunikasi dan Informatika"
    # Tied to the OPD's one registered channel, so it counts on that account.
    tied = master_con.execute(
        "SELECT a.handle FROM posts p JOIN account a USING (account_id)"
    ).fetchall()
    assert tied == [("Kominfo Sukamaju TV",)]


def test_an_unknown_nama_opd_is_asked_to_be_corrected_not_registered(master_con):
    # A logbook's Nama OPD naming no OPD: the fix is the name, not an account registration.
    rows = [logbook_row(1, "Dinas Kesehatan"), logbook_row(2, "Dinas Kesehatan"),
            logbook_row(3, "Bagian Entah Apa")]  # fmt: skip
    t = table(rows, fmt="logbook", platform=None, sheet="Oktober")
    r = load_tables(master_con, [t], file_name="Rekap.xlsx", sha256=sha("fix"))
    why = [x for x in [r.error or "", *r.rejects.get_column("reason").to_list(), *r.notes]
           if "Bagian Entah Apa" in x or "Nama OPD" in x]  # fmt: skip
    assert why, (r.status, r.error, r.notes)
    assert any("Perbaiki isi kolom 'Nama OPD'" in x for x in why), why
    assert not any("daftarkan akun" in x for x in why), why
