"""DuckDB lets one process write a warehouse file: a second one (the CLI while the app runs) gets
a clear Indonesian message and exit 1, not a traceback."""

from __future__ import annotations

import subprocess
import sys
import time

from etl.cli import main
from warehouse.db import connect


def test_cli_on_a_locked_warehouse_says_who_holds_it(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        code = main(["--db", str(db), "history"])
        err = capsys.readouterr().err
        assert code == 1
        assert "sedang dibuka oleh program lain" in err and f"PID {holder.pid}" in err
        assert "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.2)
    assert main(["--db", str(db), "history"]) == 0  # free again: works
