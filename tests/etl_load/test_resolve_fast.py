"""resolve_posts' short path (every row's account in the master list, no OPD named by a row or
by the uploader) gives what the general path gives: posts, rejects, notes, the file's OPD and
assumptions, or the same refusal."""

from __future__ import annotations

import datetime as dt

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import etl.matching as matching
from etl.opd_index import OpdIndex
from tests.factory import posts_frame

# Handles of the factory master list (tests/factory.py), unknown ones, and none.
HANDLES = ["dinkes.sukamaju", "kominfo_sukamaju", "bappeda.sukamaju", "kec.sukamaju",
           "desa_mekarsari", "akun.lain", None]  # fmt: skip
LINKS = [None, "https://www.instagram.com/p/ABC1/", "https://www.instagram.com/kec.sukamaju/p/Z9/"]
HINTS = [None, "", "  ", "Dinas Kesehatan", "Dinkes", "Dinas Kesehatn", "Dinas Antah Berantah"]


def _outcome(index: OpdIndex, posts: pl.DataFrame, opd: str | None, short: bool) -> object:
    real = matching._all_by_account
    if not short:
        matching._all_by_account = lambda df, no_option: None
    try:
        r = matching.resolve_posts(
            index, posts, opd=opd, path="/data/Dinas Kesehatan/ig.csv", file_name="ig.csv"
        )
    except Exception as exc:  # the same refusal, word for word
        return (type(exc).__name__, str(exc))
    finally:
        matching._all_by_account = real
    return (r.posts.schema, r.posts.rows(), r.rejects.schema, r.rejects.rows(), r.notes,
            r.file_opd_id, r.assumptions)  # fmt: skip


_row = st.fixed_dictionaries(
    {
        "account_handle": st.sampled_from(HANDLES),
        "permalink": st.sampled_from(LINKS),
        "opd_hint": st.sampled_from(HINTS),
        "minute": st.integers(0, 59),
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row, max_size=6), opd=st.sampled_from([None, "Dinkes"]))
def test_short_path_equals_the_general_path(master_con, rows, opd):
    index = OpdIndex.from_db(master_con)
    posts = posts_frame(
        [
            {
                "platform": "instagram",
                "native_id": f"17{i}",
                "account_handle": r["account_handle"],
                "permalink": r["permalink"],
                "opd_hint": r["opd_hint"],
                "published_at": dt.datetime(2026, 10, 3, 9, r["minute"]),
                "caption": f"Kegiatan {i}",
                "source_sheet": "Oktober",
            }
            for i, r in enumerate(rows)
        ]
    )
    assert _outcome(index, posts, opd, True) == _outcome(index, posts, opd, False)


def test_an_export_of_known_accounts_takes_the_short_path(master_con, monkeypatch):
    index = OpdIndex.from_db(master_con)
    posts = posts_frame(
        [
            {"platform": "instagram", "native_id": f"17{i}", "account_handle": h,
             "published_at": dt.datetime(2026, 10, 3, 9, i), "caption": "Kegiatan"}
            for i, h in enumerate(["dinkes.sukamaju", "bappeda.sukamaju"])
        ]
    )  # fmt: skip
    # The general path's tie is never reached. (The file name is read: a registered account
    # placing rows in another OPD than it names is noted, etl.file_owner.accounts_elsewhere;
    # about 0.4 ms a file, a folder's name read once per index.)
    import etl.accounts

    monkeypatch.setattr(etl.accounts, "tie", lambda *a: pytest_fail("general path taken"))
    r = matching.resolve_posts(index, posts, path="x/ig.csv", file_name="ig.csv")
    assert r.posts.height == 2 and r.rejects.height == 0 and r.file_opd_id is None


def pytest_fail(why: str) -> None:
    raise AssertionError(why)
