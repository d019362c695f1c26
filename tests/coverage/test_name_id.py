"""A header-only Meta export placed by the id at the end of its name, learned from the earlier
live loads whose names end in the same id (etl.name_id): one account only, stated in the load
report, taken back out by undo, refused when the evidence names several accounts."""

from __future__ import annotations

import datetime as dt

from etl.load_folder import load_paths
from etl.master import load_master
from etl.undo import undo_load
from tests.factory import IG_EXPORT_START as IG_HEADER
from tests.factory import write_master
from warehouse.db import connect

PAGE_ID = "17841400000000077"


def ig_row(post_id: int, handle: str, day: str) -> str:
    return (
        f'{post_id},{PAGE_ID},{handle},"{handle}","Posyandu balita di balai desa",0,'
        f"{day} 08:30,https://www.instagram.com/p/Ab{post_id}/,IG image,,Lifetime,1200,900,80,3,"
        "1,5,2\n"
    )


def write(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / name
    f.write_text(text, encoding="utf-8")
    return f


def warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    return con


def coverage_rows(con):
    return con.execute(
        "SELECT o.name, c.platform, a.handle_norm, c.period_start, c.period_end FROM load_coverage c"
        " JOIN loads l USING (load_id) JOIN opd o ON o.opd_id = c.opd_id"
        " LEFT JOIN account a ON a.account_id = c.account_id"
        " WHERE l.status = 'loaded' ORDER BY c.period_start"
    ).fetchall()


def test_an_empty_export_takes_the_account_its_id_was_loaded_with_and_undo_takes_it_back(
    tmp_path,
):
    folder = tmp_path / "exports"
    sep = write(
        folder, f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
        IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026"),
    )  # fmt: skip
    oct_ = write(tmp_path / "later", f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
    con = warehouse(tmp_path)
    try:
        [first] = load_paths(con, [sep])
        assert first.status == "loaded", first.error
        [empty] = load_paths(con, [oct_])
        assert empty.status == "loaded", empty.error
        assert empty.opd == "Kecamatan Sukamaju"
        said = [a for a in empty.assumptions if PAGE_ID in a]
        assert len(said) == 1 and sep.name in said[0] and "kec.sukamaju" in said[0], said
        # October is covered for that one account, not for every account of the OPD.
        assert coverage_rows(con)[-1] == (
            "Kecamatan Sukamaju", "instagram", "kec.sukamaju",
            dt.date(2026, 10, 1), dt.date(2026, 10, 31),
        )  # fmt: skip
        month = con.execute(
            "SELECT status, n_posts FROM v_account_month_coverage m JOIN account a"
            " USING (account_id) WHERE a.handle_norm = 'kec.sukamaju'"
            " AND month_start = DATE '2026-10-01'"
        ).fetchone()
        assert month == ("received", 0)

        # Both undone: the evidence went with the September load, so October is refused.
        undo_load(con, empty.load_id)
        undo_load(con, first.load_id)
        [refused] = load_paths(con, [oct_])
        assert refused.status == "needs_review"
        assert (
            f"belum ada ekspor instagram berisi postingan yang sudah dimuat dengan id {PAGE_ID}"
            in refused.error
        ), refused.error
        assert coverage_rows(con) == []
    finally:
        con.close()


def test_an_id_seen_with_two_accounts_places_nothing_and_says_which(tmp_path):
    con = warehouse(tmp_path)
    try:
        for i, (month, handle) in enumerate((("Aug", "kec.sukamaju"), ("Sep", "desa_mekarsari"))):
            end = {"Aug": 31, "Sep": 30}[month]
            day = {"Aug": "08/10/2026", "Sep": "09/10/2026"}[month]
            f = write(
                tmp_path / f"e{i}", f"{month}-01-2026_{month}-{end}-2026_{PAGE_ID}.csv",
                IG_HEADER + ig_row(10 + i, handle, day),
            )  # fmt: skip
            [r] = load_paths(con, [f])
            assert r.status == "loaded", r.error
        oct_ = write(tmp_path / "later", f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
        [refused] = load_paths(con, [oct_])
        assert refused.status == "needs_review"
        assert "pernah dimuat untuk beberapa akun instagram" in refused.error, refused.error
        assert "desa_mekarsari" in refused.error and "kec.sukamaju" in refused.error
        assert len(coverage_rows(con)) == 2
    finally:
        con.close()


def test_the_opd_chosen_wins_over_an_id_seen_with_another_opd_and_says_so(tmp_path):
    con = warehouse(tmp_path)
    try:
        sep = write(
            tmp_path / "e", f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
            IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026"),
        )  # fmt: skip
        assert load_paths(con, [sep])[0].status == "loaded"
        oct_ = write(tmp_path / "later", f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
        [r] = load_paths(con, [oct_], opd="Dinas Kesehatan")
        assert r.status == "loaded", r.error
        assert r.opd == "Dinas Kesehatan"
        assert any("bukan OPD yang dipilih" in n and "kec.sukamaju" in n for n in r.notes), r.notes
        assert not any(PAGE_ID in a for a in r.assumptions)
        assert coverage_rows(con)[-1] == (
            "Dinas Kesehatan", "instagram", None, dt.date(2026, 10, 1), dt.date(2026, 10, 31),
        )  # fmt: skip
    finally:
        con.close()


def test_an_earlier_export_holding_two_accounts_says_nothing_of_whose_id_it_is(tmp_path):
    con = warehouse(tmp_path)
    try:
        sep = write(
            tmp_path / "e", f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
            IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026")
            + ig_row(2, "desa_mekarsari", "09/16/2026"),
        )  # fmt: skip
        assert load_paths(con, [sep])[0].status == "loaded"
        oct_ = write(tmp_path / "later", f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
        [refused] = load_paths(con, [oct_])
        assert refused.status == "needs_review"
        assert "belum ada ekspor instagram berisi postingan" in refused.error, refused.error
    finally:
        con.close()


def test_a_folder_with_the_live_export_and_the_empty_one_places_both(tmp_path):
    # Loaded together, the empty month is read after the live one whatever their names' order.
    folder = tmp_path / "exports"
    write(folder, f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
          IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026"))  # fmt: skip
    write(folder, f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
    con = warehouse(tmp_path)
    try:
        reports = load_paths(con, [folder])
        assert sorted(r.status for r in reports) == ["loaded", "loaded"], [r.error for r in reports]
        assert [r[2] for r in coverage_rows(con)] == ["kec.sukamaju", "kec.sukamaju"]
    finally:
        con.close()


def test_an_earlier_export_with_a_row_of_an_unregistered_page_is_no_evidence(tmp_path):
    # Its other page's row was rejected (account not in the master list): the id was seen with
    # two pages, though only one was loaded.
    con = warehouse(tmp_path)
    try:
        sep = write(
            tmp_path / "e", f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
            IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026")
            + ig_row(2, "halaman.lain", "09/16/2026"),
        )  # fmt: skip
        [first] = load_paths(con, [sep])
        assert first.status == "loaded" and first.rejected == 1, first.error
        oct_ = write(tmp_path / "later", f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
        [refused] = load_paths(con, [oct_])
        assert refused.status == "needs_review"
        assert "semua barisnya milik satu akun terdaftar" in refused.error, refused.error
    finally:
        con.close()


def test_the_cli_tries_the_empty_month_again_after_its_sibling(tmp_path):
    import contextlib
    import io
    import json

    from etl import cli

    folder = tmp_path / "exports"
    write(folder, f"Sep-01-2026_Sep-30-2026_{PAGE_ID}.csv",
          IG_HEADER + ig_row(1, "kec.sukamaju", "09/15/2026"))  # fmt: skip
    empty = write(folder, f"Oct-01-2026_Oct-31-2026_{PAGE_ID}.csv", IG_HEADER)
    db = tmp_path / "w.duckdb"
    warehouse(tmp_path).close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--db", str(db), "load", str(folder), "--json"])
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert code == 0, lines
    last = {x["file"]: x for x in lines}
    assert last[empty.name]["status"] == "loaded", last[empty.name]
    assert last[empty.name]["opd"] == "Kecamatan Sukamaju"
    assert any("Dicoba lagi" in n for n in last[empty.name]["notes"])
    con = connect(db)
    try:
        assert [r[2] for r in coverage_rows(con)] == ["kec.sukamaju", "kec.sukamaju"]
    finally:
        con.close()
