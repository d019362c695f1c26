"""A file labelled in its own load transaction (the app's upload, etl.write.write_prepared)
inserts its posts labelled (etl.classify.fresh.with_labels) instead of inserting them bare and
updating their labels after; the warehouse it leaves is exactly the one the old path left.

The old path is kept by turning with_labels into "leave the rows as they are": the posts are
then inserted without labels and the load's labelling pass (classify_posts) writes them with
its UPDATE, as at 273a49a. The operations are those of test_label_carry: exports loaded alone
or deferred to a folder's labelling, logbooks naming the posts, a new rule set or model or
classifier code without relabelling (labels of another basis), analysts' overrides.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.classify import fresh, store
from etl.label_passes import label_batch
from etl.load import load_tables
from tests.classify.test_label_carry import _apply, _code, _export, _logbook, _new, op_st
from tests.factory import sha


@contextmanager
def _after_insert():
    with mock.patch.object(fresh, "with_labels", lambda con, rows, ids: rows):
        yield


def _state(con) -> dict:
    return {
        "posts": con.sql("SELECT * FROM posts ORDER BY post_key").pl(),
        "v_posts": con.sql("SELECT * FROM v_posts ORDER BY post_key").pl(),
        "post_content_month": con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl(),
        "post_campaign": con.sql("SELECT * FROM post_campaign ORDER BY ALL").pl(),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=6))
@example(ops=[("code",), ("export", [(0, 0, 5)], 2, True)])  # a row of another basis
# an older export of a post whose label has another basis: its newest load keeps that label
@example(ops=[("export", [(0, 0, 1)], 5, True), ("code",), ("export", [(0, 0, 1)], 1, True)])
@example(ops=[("rules",), ("logbook", [(1, 4, 1)]), ("export", [(1, 4, 5)], 2, True)])
@example(ops=[("export", [(2, 6, 1)], 1, False), ("export", [(1, 3, 5)], 2, True)])
def test_posts_inserted_labelled_equal_labelled_after_the_insert(ops):
    new, old = _new(), _new()
    states = {"new": {"n": 0, "pending": set()}, "old": {"n": 0, "pending": set()}}
    code = 0
    for op in [("export", [(0, 0, 1), (1, 4, 2)], 0, True), *ops]:
        code += op[0] == "code"
        for con, name in ((new, "new"), (old, "old")):
            with _code(code), _after_insert() if name == "old" else nullcontext():
                _apply(con, op, states[name])
                if op[0] != "export" or op[3]:
                    label_batch(con, states[name]["pending"])
                    states[name]["pending"] = set()
        a, b = _state(new), _state(old)
        for table_name in a:
            assert a[table_name].equals(b[table_name]), (op, table_name)
    new.close()
    old.close()


def test_an_upload_writes_no_label_after_its_insert(monkeypatch):
    """New posts, a logbook naming one of them (its label changes), a re-export with an
    edited caption: the labelling pass after each insert finds nothing to label."""
    con = _new()
    updated: list[int] = []
    real = store._write_labels

    def spy(con, posts, *args):
        updated.append(posts.height)
        return real(con, posts, *args)

    monkeypatch.setattr(store, "_write_labels", spy)
    files = [
        ("a.csv", _export([(0, 0, 1), (1, 1, 1), (2, 7, 1)], 0)),
        ("b.xlsx", _logbook([(1, 1, 2)])),
        ("c.csv", _export([(0, 3, 5), (1, 1, 5), (3, 5, 1)], 3)),
    ]
    for name, tables in files:
        r = load_tables(con, tables, file_name=name, sha256=sha(name))
        assert r.status == "loaded", r.error
    assert updated and set(updated) == {0}
    labels = con.sql("SELECT content_type, label_basis FROM posts").pl()
    assert labels.height == 4 and labels.null_count().sum_horizontal()[0] == 0
    con.close()
