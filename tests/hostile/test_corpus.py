"""Every hostile file through the real loader (parse in the bounded child): the expected status,
a loads row for every refusal, a Bahasa Indonesia message naming the file and what was wrong,
with no English exception text and no binary garbage; the process survives all of them."""

from __future__ import annotations

import os
import re

import pytest

from etl.load import load_file
from etl.master import load_master
from tests.factory import write_master
from tests.hostile.corpus import HostileFile, corpus
from warehouse.db import connect

ENGLISH = re.compile(
    r"MemoryError|RecursionError|ComputeError|Traceback|Exception|Error\(|errno|"
    r"No such file|not supported|invalid|failed to",
    re.IGNORECASE,
)
FILES = corpus(slow=os.environ.get("PANTAU_SOAK") == "1")  # the soak adds the huge ones


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    c = connect(tmp / "hostile.duckdb")
    load_master(c, write_master(tmp / "Daftar Akun Medsos OPD.xlsx"))
    yield c
    c.close()


def check_message(k: HostileFile, status: str, message: str | None) -> None:
    if status == "loaded":
        return
    assert message, f"{k.name}: {status} without a message"
    assert k.name in message or "Berkas" in message, message
    assert not ENGLISH.search(message), f"{k.name}: English in message: {message}"
    assert all(ch.isprintable() or ch in "\n\t" for ch in message), repr(message)
    assert len(message) < 2500, f"{k.name}: message of {len(message)} characters"
    low = message.lower()
    for w in k.words:
        assert w in low, f"{k.name}: message does not say {w!r}: {message}"


@pytest.mark.parametrize("k", FILES, ids=[k.name for k in FILES])
def test_hostile_file(con, tmp_path, k: HostileFile):
    if "loaded" in k.expect:  # the same bytes under another name would be "already loaded"
        con = connect(tmp_path / "own.duckdb")
        load_master(con, write_master(tmp_path / "Daftar Akun Medsos OPD.xlsx"))
    rep = load_file(con, k.name, data=k.data, file_name=k.name, opd=k.opd)
    if k.no_posts:
        assert rep.new == 0, f"{k.name}: {rep.new} posts from a file without any"
    assert rep.status in k.expect, f"{k.name}: {rep.status}: {rep.error}"
    check_message(k, rep.status, rep.error)
    if rep.status in ("failed", "skipped"):
        rows = con.execute(
            "SELECT status, message FROM loads WHERE load_id = ?", [rep.load_id]
        ).fetchall()
        assert rows and rows[0][0] == rep.status, f"{k.name}: no loads row"
    if rep.status == "failed":
        (n,) = con.execute(
            "SELECT count(*) FROM post_observation WHERE load_id = ?", [rep.load_id]
        ).fetchall()[0]
        assert n == 0


def test_master_list_and_campaign_file_are_checked_too(tmp_path):
    """Read in the app's own process (openpyxl, exact row numbers): the structure check
    refuses the two-far-cells workbook before openpyxl sees it."""
    from etl.campaign_file import CampaignFileError, read_campaign_file
    from etl.master import MasterRejected

    far = next(k for k in corpus() if k.name == "dua_sel_jauh.xlsx")
    path = tmp_path / "Daftar Akun Medsos OPD.xlsx"
    path.write_bytes(far.data)
    c = connect(":memory:")
    with pytest.raises(MasterRejected, match="sel"):
        load_master(c, path)
    with pytest.raises(CampaignFileError, match="sel"):
        read_campaign_file(path)
