"""Uploads from several sessions at the same moment: real threads on the one shared
connection, each through the app's write turn (ui/import_queue.py) and the real loader. Every
file loads, each gets its own load row, no error escapes."""

from __future__ import annotations

import threading

from etl.load import load_file
from etl.master import load_master
from tests.factory import write_master
from tests.hostile.corpus import IG_CSV
from ui import import_queue
from warehouse.db import connect

SESSIONS = 6


def _variant(i: int) -> bytes:
    """The golden Instagram export with other post ids and links: a different file."""
    return (
        IG_CSV.read_bytes()
        .replace(b"1801234567890123", b"18%03d4567890123" % i)
        .replace(b"DAbCdEfGh", b"D%03dEfGh" % i)
    )


def test_simultaneous_uploads_serialize(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    start = threading.Barrier(SESSIONS)
    reports, errors = {}, []
    peak = []

    def session(i: int) -> None:
        try:
            start.wait()
            for dry in (True, False):  # the upload page checks first, then loads
                with import_queue.turn(poll_seconds=0.05):
                    peak.append(import_queue.waiting())
                    cur = con.cursor()
                    try:
                        rep = load_file(
                            cur, f"ig_{i}.csv", data=_variant(i), file_name=f"ig_{i}.csv",
                            dry_run=dry, loaded_by=f"sesi {i}",
                        )  # fmt: skip
                    finally:
                        cur.close()
                reports[(i, dry)] = rep
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors, errors
    assert max(peak) >= 1, "the sessions never had to wait: not concurrent"
    loaded = [reports[(i, False)] for i in range(SESSIONS)]
    assert all(r.status == "loaded" for r in loaded), [r.error for r in loaded]
    assert all(reports[(i, True)].status == "loaded" for i in range(SESSIONS))
    ids = sorted(r.load_id for r in loaded)
    assert len(set(ids)) == SESSIONS
    rows = con.execute(
        "SELECT count(*), count(DISTINCT loaded_by) FROM loads WHERE status = 'loaded'"
    ).fetchall()[0]
    assert rows == (SESSIONS, SESSIONS)
    (posts,) = con.execute("SELECT count(*) FROM posts").fetchall()[0]
    assert posts == sum(r.new for r in loaded) > 0
    con.close()
