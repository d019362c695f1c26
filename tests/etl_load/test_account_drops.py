"""A new master list whose OPD row no longer names an account (written "-", left empty, or
another account in its place): nothing waits for that account any more (independent evaluator
15's P5: Kecamatan Margaluyu stayed "data belum diterima" for a Facebook page its new list says
it has not, and fell out of the judged OPDs). An account without data goes, as if the list had
said so from the start; one with posts is detached and its posts stay their OPD's."""

from __future__ import annotations

import datetime as dt

from etl.load import load_file
from etl.master import load_master
from etl.undo import undo_load
from tests.etl_load.master_change import checks, ig_export, state, warehouse
from tests.factory import write_master
from warehouse import integrity
from warehouse.queries import activity, filters

HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
KEC = [1, "Kecamatan Margaluyu", "Kec. Margaluyu", "Kecamatan", None, "@kec.margaluyu", "-", None]
DESA = [2, "Desa Sukaresmi", "Sukaresmi", "Desa", "Kecamatan Margaluyu", "@sukaresmi.desa",
        "Pemdes Sukaresmi", "@sukaresmi.tt"]  # fmt: skip
OCT = filters.Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
NOV = filters.Filters(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def _judged(con, period) -> dict[str, dict]:
    rows = activity.opd_index(con, period).select(
        "opd", "posts", "activity_status", "data_complete"
    )
    return {r["opd"]: r for r in rows.iter_rows(named=True)}


def _handles(con) -> dict[str, int | None]:
    return dict(con.execute("SELECT handle, opd_id FROM account").fetchall())


def _kec_files(tmp_path):
    return [ig_export(tmp_path / "unduhan", "kec.margaluyu", 5, 2, m) for m in (10, 11)]


def test_an_account_never_sent_goes_as_if_the_list_had_never_named_it(tmp_path):
    # The desa's Facebook page and TikTok were never exported; the new list writes "-" and
    # leaves TikTok empty: the desa waits for Instagram only, like a warehouse built with it.
    desa_v2 = [*DESA[:6], "-", None]
    files = [*_kec_files(tmp_path), ig_export(tmp_path / "desa", "sukaresmi.desa", 4, 1)]
    dropped, notes = warehouse(tmp_path, "dropped", HEADER, [[KEC, DESA]], files, [[KEC, desa_v2]])
    fresh, _ = warehouse(tmp_path, "fresh", HEADER, [[KEC, desa_v2]], files, [])
    try:
        for period in (OCT, NOV):
            got, want = state(dropped, period), state(fresh, period)
            for name in want:
                assert got[name].equals(want[name]), (name, got[name], want[name])
        assert _handles(dropped) == _handles(fresh)
        assert "Pemdes Sukaresmi" not in _handles(dropped)
        oct_ = _judged(dropped, OCT)["Desa Sukaresmi"]
        assert (oct_["posts"], oct_["data_complete"]) == (4, True)
        assert sum("Pemdes Sukaresmi" in n and "dihapus" in n for n in notes) == 1, notes
        assert sum("@sukaresmi.tt" in n for n in notes) == 1, notes
        # The list has no dates: each note says past periods' platform score reads it too.
        assert all("periode lalu" in n for n in notes if "sukaresmi" in n.lower()), notes
        assert integrity.problems(dropped) == [] and checks(dropped) == {}
    finally:
        dropped.close()
        fresh.close()


def test_an_account_with_posts_is_waited_for_no_more_and_its_posts_stay(tmp_path):
    desa_v2 = [*DESA[:5], "-", "Pemdes Sukaresmi", "@sukaresmi.tt"]
    desa_oct = ig_export(tmp_path / "desa", "sukaresmi.desa", 4, 1)
    con, notes = warehouse(
        tmp_path, "w", HEADER, [[KEC, DESA]], [*_kec_files(tmp_path), desa_oct], []
    )
    try:
        before_oct, before_nov = _judged(con, OCT), _judged(con, NOV)
        assert before_nov["Desa Sukaresmi"]["data_complete"] is False  # its Instagram awaited
        rep = load_master(con, write_master(tmp_path / "v2.xlsx", header=HEADER,
                                            rows=[KEC, desa_v2]))  # fmt: skip
        # Its October posts still count (they were loaded while the list named it) ...
        assert _judged(con, OCT)["Desa Sukaresmi"] == before_oct["Desa Sukaresmi"]
        # ... November waits for the accounts it has: the Facebook Page and TikTok (never sent).
        assert _judged(con, NOV)["Desa Sukaresmi"]["data_complete"] is False
        assert _handles(con)["@sukaresmi.desa"] is None
        assert rep.accounts_dropped == 1
        assert any("@sukaresmi.desa" in n and "4 postingan" in n for n in rep.notes), rep.notes
        assert integrity.problems(con) == [] and checks(con) == {}
        # A list naming only Instagram: the desa has no account left to wait for in November.
        only_ig = [*DESA[:5], "-", "-", "-"]
        load_master(con, write_master(tmp_path / "v3.xlsx", header=HEADER, rows=[KEC, only_ig]))
        nov = _judged(con, NOV)["Desa Sukaresmi"]
        assert (nov["posts"], nov["data_complete"]) == (0, True)
        assert _judged(con, OCT)["Desa Sukaresmi"]["posts"] == 4
        assert integrity.problems(con) == [] and checks(con) == {}
        # A later export of the dropped account: the desa has no Instagram account, refused.
        late = load_file(con, ig_export(tmp_path / "desa", "sukaresmi.desa", 3, 2, 11))
        assert late.status == "failed" and "belum terdaftar" in late.error, late.error
        # Undoing its export takes the posts out; nothing waits for it then either.
        (load_id,) = con.execute(
            "SELECT load_id FROM loads WHERE file_name = ?", [desa_oct.name]
        ).fetchone()
        undo_load(con, load_id)
        oct_ = _judged(con, OCT)["Desa Sukaresmi"]
        assert (oct_["posts"], oct_["data_complete"]) == (0, True)
        assert integrity.problems(con) == [] and checks(con) == {}
    finally:
        con.close()


def test_listing_a_dropped_account_again_gives_back_the_first_warehouse(tmp_path):
    files = [*_kec_files(tmp_path), ig_export(tmp_path / "desa", "sukaresmi.desa", 4, 1)]
    desa_v2 = [*DESA[:5], "-", "Pemdes Sukaresmi", "@sukaresmi.tt"]
    again, notes = warehouse(
        tmp_path, "again", HEADER, [[KEC, DESA]], files, [[KEC, desa_v2], [KEC, DESA]]
    )
    first, _ = warehouse(tmp_path, "first", HEADER, [[KEC, DESA]], files, [])
    try:
        for period in (OCT, NOV):
            got, want = state(again, period), state(first, period)
            for name in want:
                assert got[name].equals(want[name]), (name, got[name], want[name])
        assert _handles(again) == _handles(first)
        assert any("tercantum lagi" in n and "@sukaresmi.desa" in n for n in notes), notes
        assert integrity.problems(again) == [] and checks(again) == {}
    finally:
        again.close()
        first.close()


def test_a_row_or_column_the_new_list_lacks_drops_nothing(tmp_path):
    # The new sheet has no TikTok column and no desa row: a partial list changes only the
    # accounts its rows and columns speak for.
    header = HEADER[:-1]
    con, notes = warehouse(tmp_path, "w", HEADER, [[KEC, DESA]], _kec_files(tmp_path), [])
    try:
        before = _handles(con)
        rep = load_master(
            con, write_master(tmp_path / "partial.xlsx", header=header, rows=[KEC[:-1]])
        )
        assert _handles(con) == before
        assert rep.accounts_dropped == 0
        # A desa row without the TikTok column keeps its TikTok; its "-" Facebook goes.
        load_master(
            con,
            write_master(tmp_path / "p2.xlsx", header=header, rows=[KEC[:-1], [*DESA[:6], "-"]]),
        )
        assert set(_handles(con)) == set(before) - {"Pemdes Sukaresmi"}
        assert integrity.problems(con) == [] and checks(con) == {}
    finally:
        con.close()


def test_a_header_only_export_goes_with_the_only_account_it_covered(tmp_path):
    # The desa's only Instagram: October's export with posts (tied to it), November's with none
    # (placed by --opd: a coverage row naming no account). Dropped, the desa has no account and
    # nothing waits: before, the November row made it an OPD that "sends its own data", and
    # October, which that row does not cover, turned "tidak menyerahkan data" (evaluator 16's X5).
    desa = [*DESA[:6], "-", "-"]
    con, _ = warehouse(
        tmp_path, "w", HEADER, [[KEC, desa]],
        [*_kec_files(tmp_path), ig_export(tmp_path / "desa", "sukaresmi.desa", 4, 1)], [],
    )  # fmt: skip
    try:
        empty = ig_export(tmp_path / "kosong", "sukaresmi.desa", 0, 1, 11)
        assert load_file(con, empty, opd="Desa Sukaresmi").status == "loaded"
        assert _judged(con, NOV)["Desa Sukaresmi"]["data_complete"] is True
        rep = load_master(
            con,
            write_master(
                tmp_path / "v2.xlsx", header=HEADER, rows=[KEC, [*DESA[:5], "-", "-", "-"]]
            ),
        )
        assert rep.accounts_dropped == 1
        for period, posts in ((OCT, 4), (NOV, 0)):
            got = _judged(con, period)["Desa Sukaresmi"]
            assert (got["posts"], got["data_complete"]) == (posts, True), (period, got)
        assert integrity.problems(con) == [] and checks(con) == {}
    finally:
        con.close()


def test_an_export_of_a_replaced_page_is_not_loaded_onto_its_successor(tmp_path):
    # The desa's Instagram is replaced by a new account. A later export of the old one, named
    # by its username or only by the id its earlier export's name carried, was tied to the new
    # account (the OPD's only one there): posts and coverage it never had (evaluator 16's X1).
    desa = [*DESA[:6], "-", "-"]
    oct_old = ig_export(tmp_path / "desa", "sukaresmi.desa", 4, 1)
    con, _ = warehouse(tmp_path, "w", HEADER, [[KEC, desa]], [*_kec_files(tmp_path), oct_old], [])
    try:
        new = [*DESA[:5], "@sukaresmi.baru", "-", "-"]
        load_master(con, write_master(tmp_path / "v2.xlsx", header=HEADER, rows=[KEC, new]))
        before = state(con, NOV)
        by_name = ig_export(tmp_path / "lama", "sukaresmi.desa", 3, 2, 11)
        nameless = ig_export(tmp_path / "tanpa-nama", "", 3, 2, 11)
        by_id = nameless.with_name(f"Nov-01-2026_Nov-30-2026_{oct_old.stem.rsplit('_', 1)[1]}.csv")
        nameless.rename(by_id)
        for path in (by_name, by_id):
            got = load_file(con, path, opd="Desa Sukaresmi")
            assert got.status == "failed" and "sudah dilepas" in got.error, (path, got.error)
        after = state(con, NOV)
        for name in before:
            assert after[name].equals(before[name]), name
        # Listed again, the old account's export loads onto it.
        load_master(con, write_master(tmp_path / "v3.xlsx", header=HEADER, rows=[KEC, desa]))
        assert load_file(con, by_name, opd="Desa Sukaresmi").status == "loaded"
        assert integrity.problems(con) == [] and checks(con) == {}
    finally:
        con.close()
