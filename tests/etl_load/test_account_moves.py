"""A new master list that puts an account under another OPD (a desa's Instagram is in truth its
kecamatan's): the account's posts, observations and coverage go with it, so the figures are
those of a warehouse that had the new list from the start (independent evaluator 15's P4/P13:
before, the posts stayed with the old OPD and the new OPD's coverage said "missing")."""

from __future__ import annotations

import datetime as dt

from etl.undo import undo_load
from tests.etl_load.master_change import checks as _checks
from tests.etl_load.master_change import ig_export as _export
from tests.etl_load.master_change import state, warehouse
from warehouse import integrity
from warehouse.queries import filters

HEADER = ["No", "Nama OPD", "Singkatan", "Jenis", "Induk", "Instagram", "Facebook", "TikTok"]
V1 = [[1, "Kecamatan Mekarjaya", "Kec. Mekarjaya", "Kecamatan", None, "-", "-", None],
      [2, "Desa Mekarwangi", "Mekarwangi", "Desa", "Kecamatan Mekarjaya", "@mekarwangi.info",
       None, None]]  # fmt: skip
# v2: that Instagram is in truth the kecamatan's; the desa has none.
V2 = [[1, "Kecamatan Mekarjaya", "Kec. Mekarjaya", "Kecamatan", None, "@mekarwangi.info", "-",
       None],
      [2, "Desa Mekarwangi", "Mekarwangi", "Desa", "Kecamatan Mekarjaya", "-", None, None]]  # fmt: skip
OCT = filters.Filters(dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def _state(con):
    return state(con, OCT)


def _warehouse(tmp_path, name, masters, files, after):
    return warehouse(tmp_path, name, HEADER, masters, files, after)


def test_a_moved_account_takes_its_posts_and_coverage_as_if_the_list_had_said_so(tmp_path):
    files = [
        _export(tmp_path / "unduhan", "mekarwangi.info", 6, 1),
        _export(tmp_path / "unduhan", "mekarwangi.info", 2, 20),
    ]
    moved, notes = _warehouse(tmp_path, "moved", [V1], files, after=[V2])
    fresh, _ = _warehouse(tmp_path, "fresh", [V2], files, after=[])
    try:
        got, want = _state(moved), _state(fresh)
        for name in want:
            assert got[name].equals(want[name]), (name, got[name], want[name])
        judged = {r["opd"]: r for r in want["judgement"].iter_rows(named=True)}
        assert judged["Kecamatan Mekarjaya"]["posts"] == 8
        assert judged["Kecamatan Mekarjaya"]["data_complete"] is True
        assert any("@mekarwangi.info" in n and "8 postingan" in n for n in notes), notes
        assert integrity.problems(moved) == [] and _checks(moved) == {}
        # An undo after the move takes the posts out of the new OPD, as in the fresh warehouse.
        for name in ("Oct-01-2026_Oct-31-2026_17842010.csv", "Oct-01-2026_Oct-31-2026_1784110.csv"):
            for con in (moved, fresh):
                (load_id,) = con.execute(
                    "SELECT load_id FROM loads WHERE file_name = ?", [name]
                ).fetchone()
                undo_load(con, load_id)
            got, want = _state(moved), _state(fresh)
            for table in want:
                assert got[table].equals(want[table]), (name, table, got[table], want[table])
        assert integrity.problems(moved) == [] and _checks(moved) == {}
    finally:
        moved.close()
        fresh.close()
