"""Coverage from real files: header-only exports of two periods with identical bytes both count,
their OPD read from the folder; the CLI prints each account-month with its status."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

from etl import cli
from etl.load_folder import load_paths
from etl.master import load_master
from tests.factory import IG_EXPORT_START as IG_HEADER
from tests.factory import write_master
from warehouse.db import connect


def test_two_header_only_exports_cover_their_own_months(tmp_path):
    folder = tmp_path / "exports" / "Dinkes"
    folder.mkdir(parents=True)
    for name in ("Jul-01-2026_Jul-31-2026_1111.csv", "Aug-01-2026_Aug-31-2026_2222.csv"):
        (folder / name).write_text(IG_HEADER, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    con = connect(db)
    try:
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
        reports = load_paths(con, [tmp_path / "exports"])
        assert [r.status for r in reports] == ["loaded", "loaded"], [r.error for r in reports]
        assert all(r.opd == "Dinas Kesehatan" for r in reports)
        rows = con.execute(
            "SELECT month_start, status, n_posts FROM v_account_month_coverage m"
            " JOIN opd o USING (opd_id) WHERE o.name = 'Dinas Kesehatan' AND platform = 'instagram'"
            " AND month_start BETWEEN DATE '2026-06-01' AND DATE '2026-09-01' ORDER BY month_start"
        ).fetchall()
        # The grid starts at the first month with data; September has no file.
        assert rows == [
            (dt.date(2026, 7, 1), "received", 0),
            (dt.date(2026, 8, 1), "received", 0),
            (dt.date(2026, 9, 1), "missing", 0),
        ]
        # Loading the very same file again still adds nothing.
        again = load_paths(con, [folder / "Jul-01-2026_Jul-31-2026_1111.csv"])
        assert again[0].status == "skipped"
    finally:
        con.close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--db", str(db), "coverage", "--from", "2026-07", "--to", "2026-09",
                         "--opd", "Dinkes", "--platform", "instagram", "--json"])  # fmt: skip
    assert code == 0
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(g["month_start"], g["status"], g["n_posts"]) for g in got] == [
        ("2026-07-01", "received", 0),
        ("2026-08-01", "received", 0),
        ("2026-09-01", "missing", 0),
    ]
    assert got[2]["reason_code"] in ("not_received", "not_submitted")
    assert got[0]["load_ids"] and got[2]["load_ids"] == []


def test_two_opds_identical_empty_exports_of_one_month_both_count(tmp_path):
    # Two OPDs that posted nothing in July send byte-identical header-only exports; only the
    # page id at the end of Meta's file name differs. Both are received (zero posts), neither
    # is "already loaded"; the same file again is.
    for folder, page_id in (("Dinkes", "5300000000000001"), ("Kec. Sukamaju", "5300000000000002")):
        (tmp_path / "exports" / folder).mkdir(parents=True)
        name = f"Jul-01-2026_Jul-31-2026_{page_id}.csv"
        (tmp_path / "exports" / folder / name).write_text(IG_HEADER, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
        reports = load_paths(con, [tmp_path / "exports"])
        assert [r.status for r in reports] == ["loaded", "loaded"], [r.error for r in reports]
        rows = con.execute(
            "SELECT o.name, status FROM v_account_month_coverage m JOIN opd o USING (opd_id)"
            " WHERE platform = 'instagram' AND month_start = DATE '2026-07-01'"
            " AND o.name IN ('Dinas Kesehatan', 'Kecamatan Sukamaju') ORDER BY o.name"
        ).fetchall()
        assert rows == [("Dinas Kesehatan", "received"), ("Kecamatan Sukamaju", "received")]
        copy = tmp_path / "Jul-01-2026_Jul-31-2026_5300000000000001 (1).csv"
        copy.write_text(IG_HEADER, encoding="utf-8")
        again = load_paths(con, [copy], opd="Dinas Kesehatan")
        assert again[0].status == "skipped", again[0].error
    finally:
        con.close()


def test_a_migration_numbered_below_an_applied_one_still_runs(tmp_path):
    # A warehouse that got 030 (coverage) before 025 (load report) existed: 025 runs on open.
    db = tmp_path / "old.duckdb"
    con = connect(db)
    con.execute("DELETE FROM schema_migrations WHERE version = 25")
    for col in ("report", "declared_start", "declared_end", "declared_source"):
        con.execute(f"ALTER TABLE loads DROP COLUMN {col}")
    con.close()
    con = connect(db)
    try:
        versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()]
        assert 25 in versions and 30 in versions
        assert "declared_start" in [r[0] for r in con.execute("DESCRIBE loads").fetchall()]
    finally:
        con.close()


def test_cli_filters_read_kinds_as_the_warehouse_spells_them_and_refuse_unknown(tmp_path):
    # The master list says "Dinas"; the warehouse keeps "dinas". Either spelling filters the
    # same OPDs; a kind that does not exist is refused (exit 2), never an empty result.
    db = tmp_path / "w.duckdb"
    con = connect(db)
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    con.close()

    def metrics(*extra: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["--db", str(db), "metrics", "--from", "2026-07", "--to", "2026-07",
                             "--json", *extra])  # fmt: skip
        return code, out.getvalue(), err.getvalue()

    lower, upper = metrics("--jenis", "dinas"), metrics("--jenis", "Dinas")
    assert lower[0] == upper[0] == 0
    assert json.loads(lower[1])["opds"] and json.loads(lower[1]) == json.loads(upper[1])
    code, out, err = metrics("--jenis", "xyz")
    assert code == 2 and out == ""
    assert "'xyz' tidak dikenal" in err and "dinas" in err
    code, _, err = metrics("--platform", "Friendster")
    assert code == 2 and "'Friendster' tidak dikenal" in err
    # A platform the tool reads but the master list holds no account of: said so, not
    # "tidak dikenal" (evaluator 15's P8).
    code, _, err = metrics("--platform", "YouTube")
    assert code == 2 and "belum ada akun atau postingan youtube" in err and "instagram" in err


def test_a_month_before_the_first_load_is_listed_missing_like_metrics_say(tmp_path):
    # Only August arrived. A period from July: the activity rule judges July "no data", so the
    # coverage grid (the analyst's checklist) must list July as missing too, not leave it out
    # because no file was ever loaded before August.
    folder = tmp_path / "exports" / "Dinkes"
    folder.mkdir(parents=True)
    (folder / "Aug-01-2026_Aug-31-2026_2222.csv").write_text(IG_HEADER, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    con = connect(db)
    try:
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
        assert [r.status for r in load_paths(con, [tmp_path / "exports"])] == ["loaded"]
    finally:
        con.close()

    def run(cmd: str) -> list[dict]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli.main(["--db", str(db), cmd, "--from", "2026-07", "--to", "2026-08",
                             "--opd", "Dinkes", "--platform", "instagram", "--json"])  # fmt: skip
        assert code == 0
        text = out.getvalue().strip()
        return (
            [json.loads(line) for line in text.splitlines()]
            if cmd == "coverage"
            else [json.loads(text)]
        )

    grid = run("coverage")
    assert [(g["month_start"], g["status"]) for g in grid] == [
        ("2026-07-01", "missing"),
        ("2026-08-01", "received"),
    ]
    assert grid[0]["reason_code"] == "not_submitted" and grid[0]["load_ids"] == []
    (summary,) = run("metrics")
    dinkes = [o for o in summary["opds"] if o["opd"] == "Dinas Kesehatan"]
    assert dinkes and dinkes[0]["activity_status"] == "no_data", dinkes


def test_an_empty_export_nobody_can_place_is_refused_and_loads_once_its_opd_is_chosen(tmp_path):
    # No post, no account in the name the master list knows, a folder that names no OPD:
    # nothing proves whose month this is. Loaded, it would read as sent while the month stays
    # "no data", and block the reload with the OPD chosen.
    folder = tmp_path / "exports"
    folder.mkdir()
    f = folder / "Sep-01-2026_Sep-30-2026_98765432109.csv"
    f.write_text(IG_HEADER, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    try:
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
        [refused] = load_paths(con, [folder])
        assert refused.status == "needs_review"
        assert f.name in refused.error and '--opd "Nama OPD"' in refused.error
        # It names what it lacks: the OPD, not the period its name gives.
        assert "periodenya terbaca: 01-09-2026 s.d. 30-09-2026" in refused.error, refused.error
        assert "akun, OPD atau periodenya" not in refused.error
        assert con.execute("SELECT count(*) FROM load_coverage").fetchone() == (0,)
        [again] = load_paths(con, [f], opd="Dinas Kesehatan")
        assert again.status == "loaded", again.error
        covered = con.execute(
            "SELECT min(period_start), max(period_end) FROM load_coverage c"
            " JOIN opd o USING (opd_id) WHERE o.name = 'Dinas Kesehatan'"
        ).fetchone()
    finally:
        con.close()
    assert covered == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
