"""DuckDB lets one process write a warehouse file: a second one (the CLI while the app runs) gets
a clear Indonesian message and exit 1, not a traceback."""

from __future__ import annotations

import time

from etl.cli import main
from tests.lockholder import held_open
from warehouse.db import connect


def test_cli_on_a_locked_warehouse_says_who_holds_it(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    with held_open(db) as pid:
        code = main(["--db", str(db), "history"])
        err = capsys.readouterr().err
        assert code == 1
        assert "sedang dibuka oleh program lain" in err and f"PID {pid}" in err
        assert "Traceback" not in err
    time.sleep(0.2)
    assert main(["--db", str(db), "history"]) == 0  # free again: works
