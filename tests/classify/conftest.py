"""The classifier tests' warehouse: four OPDs with one Instagram account each."""

from __future__ import annotations

import pytest

from etl.master import load_master
from tests.factory import CLASSIFY_MASTER_HEADER, CLASSIFY_MASTER_ROWS, write_master
from warehouse.db import connect


@pytest.fixture
def con(tmp_path):
    c = connect(":memory:")
    load_master(
        c,
        write_master(
            tmp_path / "Daftar Akun Medsos OPD.xlsx",
            CLASSIFY_MASTER_HEADER,
            CLASSIFY_MASTER_ROWS,
        ),
    )
    yield c
    c.close()
