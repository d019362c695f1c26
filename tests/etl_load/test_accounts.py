"""Posts tied to their master-list account: the SQL check on the sample warehouse, the check
catching a loose post, and an alias mapped once being used by the next load."""

from __future__ import annotations

from tests import factory
from tests.factory import coverage_written, ig_post, sha, table
from warehouse.db import SQL_DIR, connect

CHECK = (SQL_DIR / "checks" / "posts_tied_to_account.sql").read_text(encoding="utf-8")


def test_every_sample_post_of_an_opd_with_an_account_is_tied(tmp_path):
    con = connect(factory.private_copy(factory.sample_warehouse(), tmp_path))
    try:
        loose = con.sql(CHECK).pl()
        assert loose.height == 0, loose.head(5)
        tied = con.execute("SELECT count(*), count(account_id) FROM posts").fetchall()[0]
        assert tied[0] > 10_000 and tied[0] == tied[1]
    finally:
        con.close()


def test_the_check_catches_a_loose_post(master_con):
    from etl.load import load_tables

    load_tables(master_con, [table([ig_post(1)])], file_name="a.csv", sha256=sha("a"))
    assert master_con.sql(CHECK).pl().height == 0
    master_con.execute("UPDATE posts SET account_id = NULL")
    assert master_con.sql(CHECK).pl().height == 1


def test_logbook_rows_go_to_the_opds_only_account_and_say_so(master_con):
    from etl.load import load_tables

    rows = [{**ig_post(i), "account_handle": None, "native_id": None} for i in range(3)]
    r = load_tables(master_con, [table(rows, fmt="logbook")], file_name="rekap.xlsx",
                    sha256=sha("r"), opd="Dinkes")  # fmt: skip
    assert r.status == "loaded"
    got = master_con.execute(
        "SELECT DISTINCT a.handle_norm FROM posts p JOIN account a USING (account_id)"
    ).fetchall()
    assert got == [("dinkes.sukamaju",)]
    assert any("satu-satunya akun instagram" in a for a in r.assumptions)


def test_an_alias_mapped_once_ties_old_and_new_posts(master_con):
    from etl.accounts import map_alias
    from etl.load import load_tables

    # A second Dinkes Instagram account makes "the only account" rule inapplicable.
    master_con.execute(
        "INSERT INTO account (opd_id, platform, handle, handle_norm)"
        " SELECT opd_id, 'instagram', 'dinkes.kedua', 'dinkes.kedua' FROM account"
        " WHERE handle_norm = 'dinkes.sukamaju'"
    )
    coverage_written(master_con)
    first = load_tables(
        master_con, [table([ig_post(1, handle="Dinkes Lama")])], file_name="a.csv",
        sha256=sha("a"), opd="Dinkes",
    )  # fmt: skip
    assert any("belum terkait akun" in n for n in first.notes)
    assert master_con.sql(CHECK).pl().height == 1
    _acc, n = map_alias(master_con, "instagram", "Dinkes Lama", "@dinkes.sukamaju")
    assert n == 1 and master_con.sql(CHECK).pl().height == 0
    load_tables(master_con, [table([ig_post(2, handle="Dinkes Lama")])], file_name="b.csv",
                sha256=sha("b"), opd="Dinkes")  # fmt: skip
    assert master_con.sql(CHECK).pl().height == 0
