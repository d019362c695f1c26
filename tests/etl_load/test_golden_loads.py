"""Every golden case (tests/cases, one per export format) through the real parser and loader:
loading the same posts again adds nothing (another copy of the file: new sha256, same posts),
and a truncated file loads nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load import load_file, load_tables
from etl.master import load_master
from etl.parse import parse_file
from tests.factory import MASTER_HEADER, MASTER_ROWS, posts_state, sha, write_master

CASES = Path(__file__).resolve().parent.parent / "cases"
INPUTS = sorted(CASES.glob("*/*/input.*"))
# Cases whose file names their OPD: "Diskominfo Sukamaju" (the Page), Content_diskominfo... (the
# ZIP's name, an account the test master list does not hold: chosen as Dinkes the file's name
# and the choice disagree, etl.file_owner).
OPD_OF_CASE = {
    "meta_facebook/indonesian_ui_impresi": "Diskominfo",
    "tiktok/content_zip": "Diskominfo",
    "x/account_analytics_content": "Diskominfo",
    "x/tweet_activity_utc": "Prokopim",
}
# The cases' accounts registered on every platform they come from: an export of an account the
# master list does not hold is refused (etl.unregistered), and these tests are about re-loading.
GOLDEN_HEADER = [*MASTER_HEADER, "YouTube", "X"]
GOLDEN_ROWS = [
    [*MASTER_ROWS[0], "Dinkes Sukamaju TV", None],
    [*MASTER_ROWS[1][:6], "Diskominfo Sukamaju", *MASTER_ROWS[1][7:], None, "@diskominfo_skmj"],
    [7, "Bagian Protokol dan Komunikasi Pimpinan", "Prokopim", "Bagian", None, None, None, None,
     None, None, None, None, "@prokopim_skmj"],
]  # fmt: skip


@pytest.fixture
def golden_con(con, tmp_path):
    load_master(con, write_master(tmp_path / "Daftar Akun.xlsx", GOLDEN_HEADER, GOLDEN_ROWS))
    return con


def _name(inp: Path) -> str:
    f = inp.parent / "file_name.txt"
    return f.read_text().strip() if f.exists() else inp.name


def _count(con, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


@pytest.mark.parametrize("inp", INPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_loading_the_same_posts_twice_adds_nothing(golden_con, inp):
    name = _name(inp)
    # A case whose Page names another OPD of the master list is loaded as that OPD: chosen as
    # Dinkes it is refused (the name and the choice disagree, etl.page_place).
    opd = OPD_OF_CASE.get(f"{inp.parent.parent.name}/{inp.parent.name}", "Dinkes")
    first = load_file(golden_con, inp, data=inp.read_bytes(), file_name=name, opd=opd)
    assert first.status == "loaded", first.error
    n_posts = _count(golden_con, "SELECT count(*) FROM posts")
    # Every row that became a post is a new post the first time (within-file repeats aside).
    assert first.new == n_posts > 0 and first.updated == 0
    before = posts_state(golden_con)

    # The same export again, e.g. re-saved by Excel: other bytes, the very same posts.
    again = load_tables(
        golden_con, parse_file(inp, file_name=name), file_name=f"salinan {name}",
        sha256=sha(f"salinan {inp}"), opd=opd,
    )  # fmt: skip
    assert again.status == "loaded", again.error
    assert (again.new, again.updated) == (0, 0)
    assert again.duplicate == first.duplicate + first.new
    assert _count(golden_con, "SELECT count(*) FROM posts") == n_posts
    after = posts_state(golden_con).drop("load_id", "observed_at")
    assert after.equals(before.drop("load_id", "observed_at"))


@pytest.mark.parametrize(
    "inp",
    [p for p in INPUTS if p.suffix in (".xlsx", ".zip")],
    ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}",
)
def test_a_truncated_file_loads_nothing(golden_con, inp):
    raw = inp.read_bytes()
    opd = OPD_OF_CASE.get(f"{inp.parent.parent.name}/{inp.parent.name}", "Dinkes")
    broken = load_file(golden_con, inp, data=raw[: len(raw) // 2], file_name=_name(inp),
                       opd=opd)  # fmt: skip
    assert broken.status == "failed" and _name(inp) in broken.error
    assert broken.new == broken.rejected == 0
    for table in ("posts", "post_observation", "rejects", "post_link"):
        assert _count(golden_con, f"SELECT count(*) FROM {table}") == 0, table
    assert golden_con.execute("SELECT status FROM loads").fetchall() == [("failed",)]
    # The intact file loads afterwards.
    ok = load_file(golden_con, inp, data=raw, file_name=_name(inp), opd=opd)
    assert ok.status == "loaded" and ok.new > 0
