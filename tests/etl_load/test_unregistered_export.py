"""A platform export whose posts no registered account takes, placed on an OPD without an
account on that platform, is refused whole (etl/unregistered.py): loaded, it made the OPD
active on a channel nobody registered (independent evaluator's F3: a YouTube folder "...
Dinkes Sukamaju" counted Dinas Kesehatan active, Dinkes having no YouTube channel)."""

from __future__ import annotations

import datetime as dt

from etl.load import load_tables
from tests.factory import ig_post, sha, table


def _no_ig_opd(con) -> str:
    """An OPD of the master list without an Instagram account."""
    return con.execute(
        "SELECT name FROM opd o WHERE NOT EXISTS (SELECT 1 FROM account a"
        " WHERE a.opd_id = o.opd_id AND a.platform = 'instagram') ORDER BY opd_id LIMIT 1"
    ).fetchone()[0]


def _count(con, sql: str) -> int:
    return con.execute(sql).fetchone()[0]


def test_an_export_of_an_unregistered_account_is_refused_and_writes_nothing(master_con):
    opd = _no_ig_opd(master_con)
    rows = [ig_post(n, handle="kanal.tidak.terdaftar") for n in (1, 2, 3)]
    r = load_tables(master_con, [table(rows)], file_name="ig.csv", sha256=sha("u1"), opd=opd)
    assert r.status == "failed"
    assert f'"{opd}"' in r.error and "belum punya akun instagram" in r.error
    assert "ig.csv" in r.error and "baris" in r.error and "Daftar Akun" in r.error
    assert _count(master_con, "SELECT count(*) FROM posts") == 0
    assert _count(master_con, "SELECT count(*) FROM load_coverage") == 0


def test_the_same_posts_in_the_opds_own_logbook_still_load(master_con):
    opd = _no_ig_opd(master_con)
    rows = [
        {**ig_post(n, handle=None), "source_sheet": "Oktober", "source_row": 5 + n} for n in (1, 2)
    ]
    r = load_tables(
        master_con, [table(rows, fmt="logbook")], file_name="rekap.xlsx", sha256=sha("u2"),
        opd=opd,
    )  # fmt: skip
    assert r.status == "loaded" and r.new == 2
    assert _count(master_con, "SELECT count(*) FROM posts WHERE account_id IS NULL") == 2


def test_an_opd_with_an_account_on_the_platform_is_not_refused(master_con):
    # Dinkes has an Instagram account: an unknown handle is listed there, as before.
    r = load_tables(
        master_con, [table([ig_post(1, handle="puskesmas.cibodas", day=dt.date(2026, 10, 2))])],
        file_name="ig2.csv", sha256=sha("u3"), opd="Dinkes",
    )  # fmt: skip
    assert r.status == "loaded" and r.new == 1
