"""A re-exported post keeps its stored label when its caption and logbook label did not change
and its label's basis (classifier code, rule set, model: etl.classify.basis) is the current one;
the warehouse it leaves is exactly the one the old path leaves, which labelled every post of a
load again (kept here: _old_fetch), and every label of the current basis is the one labelling
every post from scratch gives. And a caption's label does not depend on the captions
labelled with it, which is what makes a carried label the one labelling would give."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.classify import basis, clear_override, load_rules, save_rules, set_override, store
from etl.classify.engine import label_captions
from etl.classify.rules import default_rules
from etl.classify.training import shipped_model
from etl.label_passes import label_batch
from etl.load import load_tables
from etl.master import load_master
from tests.factory import ig_post, sha, table, write_master
from warehouse.db import connect

CAPTIONS = (
    "Selamat Hari Guru Nasional",
    "Kegiatan posyandu balita di desa Sukamaju",
    "Pelayanan KTP keliling hari ini di kantor kecamatan",
    "Bupati meresmikan jembatan baru",
    "jadwal 87654321 12345678",  # two numbers of one shape: equal pushes in the explanation
    "55555555 jadwal 12345678",
    "12345678 87654321 jadwal pelayanan",
    "Info: hoaks vaksin tidak benar, cek faktanya",
    "ꜱᴇʟᴀᴍᴀᴛ ᴘᴀɢɪ",
    "",
)
LOGBOOK_LABELS = (None, "Ucapan", "Kegiatan", "Informasi")

_MASTER = Path(tempfile.mkdtemp()) / "Daftar Akun Medsos OPD.xlsx"
write_master(_MASTER)


def _old_fetch(con, load_ids, basis_now):
    """The old path: every post of the loads is labelled again, whatever it carries. In
    reverse key order: a label must not depend on the captions labelled before it."""
    cols = "post_key, caption, logbook_label"
    if load_ids is None:
        return con.sql(f"SELECT {cols} FROM posts ORDER BY post_key DESC").pl()
    return con.sql(
        f"SELECT {cols} FROM posts WHERE list_contains($load_ids, load_id) ORDER BY post_key DESC",
        params={"load_ids": load_ids},
    ).pl()


@contextmanager
def _old_path():
    with mock.patch.object(store, "_fetch_posts", _old_fetch):
        yield


def _export(rows, day):
    posts = [ig_post(n, caption=CAPTIONS[c], likes=likes) for n, c, likes in rows]
    return [table(posts, exported_at=dt.datetime(2026, 11, 1) + dt.timedelta(days=day))]


def _logbook(rows):
    posts = [
        {
            "platform": "instagram",
            "opd_hint": "Dinkes",
            "published_at": dt.datetime(2026, 10, 1, 8, n % 60),
            "caption": CAPTIONS[c],
            "permalink": f"instagram.com/p/ABC{n}?igsh=xyz",
            "logbook_label": LOGBOOK_LABELS[lab],
        }
        for n, c, lab in rows
    ]
    # An export date of its own: without one a logbook's observations take the load's time.
    return [table(posts, fmt="logbook", platform=None, exported_at=dt.datetime(2026, 11, 9))]


post_st = st.integers(0, 5)
op_st = st.one_of(
    st.tuples(
        st.just("export"),
        st.lists(
            st.tuples(post_st, st.integers(0, len(CAPTIONS) - 1), st.integers(0, 50)),
            min_size=1,
            max_size=6,
            unique_by=lambda r: r[0],
        ),  # fmt: skip
        st.integers(0, 30),
        st.booleans(),  # labelled at once (a single file) or with the next batch
    ),
    st.tuples(
        st.just("logbook"),
        st.lists(
            st.tuples(post_st, st.integers(0, len(CAPTIONS) - 1), st.integers(0, 3)),
            min_size=1,
            max_size=4,
            unique_by=lambda r: r[0],
        ),  # fmt: skip
    ),
    st.tuples(st.just("rules")),  # a new rule set, saved without relabelling
    st.tuples(st.just("model")),  # another active model, without relabelling
    st.tuples(st.just("code")),  # the classifier's code changed (an upgrade)
    st.tuples(st.just("override"), post_st, st.sampled_from(["capaian", None])),
    st.tuples(st.just("clear"), post_st),
)


def _changed_rules(con):
    data = json.loads(json.dumps(load_rules(con).data))
    # A heavy analyst's pattern: labels of the captions holding it change.
    data["labels"]["capaian"].append({"pattern": "jadwal", "weight": 50})
    return data


def _apply(con, op, state):
    kind = op[0]
    if kind == "export":
        _, rows, day, at_once = op
        name = f"e{state['n']}.csv"
        labels = None if at_once else state["pending"]
        r = load_tables(con, _export(rows, day), file_name=name, sha256=sha(name), labels=labels)
        assert r.status == "loaded", r.error
    elif kind == "logbook":
        name = f"l{state['n']}.xlsx"
        r = load_tables(con, _logbook(op[1]), file_name=name, sha256=sha(name))
        assert r.status == "loaded", r.error
    elif kind == "rules":
        save_rules(con, _changed_rules(con), by="uji", note="uji")
    elif kind == "model":
        (version, text) = con.execute(
            "SELECT version, model::VARCHAR FROM model_set WHERE status = 'aktif'"
        ).fetchall()[0]
        data = json.loads(text)
        data["thresholds"] = {**data.get("thresholds", {}), "prob": 0.99, "fig_on": 0.99}
        con.execute("UPDATE model_set SET status = 'arsip' WHERE status = 'aktif'")
        con.execute(
            "INSERT INTO model_set (version, status, n_train, n_holdout, model)"
            " VALUES (?, 'aktif', 0, 0, ?)",
            [version + 1, json.dumps(data)],
        )
    elif kind in ("override", "clear"):
        keys = [k for (k,) in con.execute("SELECT post_key FROM posts ORDER BY 1").fetchall()]
        if keys:
            key = keys[op[1] % len(keys)]
            if kind == "clear":
                clear_override(con, key)
            else:
                set_override(con, key, op[2], True if op[2] is None else None, by="uji")
    state["n"] += 1


def _state(con) -> dict[str, pl.DataFrame]:
    return {
        "posts": con.sql("SELECT * EXCLUDE (label_basis) FROM posts ORDER BY post_key").pl(),
        "v_posts": con.sql(
            "SELECT post_key, content_type, content_source, content_reason, is_figure_centric,"
            " figure_reason FROM v_posts ORDER BY post_key"
        ).pl(),
        "post_content_month": con.sql("SELECT * FROM post_content_month ORDER BY ALL").pl(),
    }


_LABELS = (
    "SELECT post_key, content_type, content_source, content_reason, is_figure_centric,"
    " figure_reason, logbook_content_type, rules_version, model_version, label_basis"
    " FROM posts ORDER BY post_key"
)


def _from_scratch(con) -> None:
    """Every post whose label has the current basis holds the label its caption and logbook
    label get when every post is labelled from scratch (rolled back)."""
    stored = con.sql(_LABELS).pl()
    con.execute("BEGIN TRANSACTION")
    try:
        store.classify_posts(con, None)
        fresh = con.sql(_LABELS).pl()
    finally:
        con.execute("ROLLBACK")
    if fresh.height:
        current = stored["label_basis"] == fresh["label_basis"][0]
        assert stored.filter(current).equals(fresh.filter(current))


def _new():
    con = connect(":memory:")
    load_master(con, _MASTER)
    return con


@contextmanager
def _code(version: int):
    """The classifier's code as of `version`: another fingerprint, and labels that differ
    from version 0's (the reason text says which code wrote it)."""
    real = store.label_captions

    def labelled(captions, rules, model):
        out = real(captions, rules, model)
        return out.with_columns(pl.col("content_reason") + f" [kode {version}]")

    with (
        mock.patch.object(basis, "code_fingerprint", lambda: f"kode {version}"),
        mock.patch.object(store, "label_captions", labelled),
    ):
        yield


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op_st, min_size=2, max_size=5))
# Each guard of the carry-over once for sure (the first load: posts 0 and 1, captions 0 and 4):
@example(ops=[("export", [(0, 1, 3)], 1, True)])  # a caption edited
@example(ops=[("logbook", [(1, 4, 1)]), ("logbook", [(1, 4, 2)])])  # a logbook label changed
@example(ops=[("rules",), ("export", [(1, 4, 5)], 2, True)])  # a new rule set
@example(ops=[("model",), ("export", [(1, 4, 5)], 2, True)])  # another active model
@example(ops=[("code",), ("export", [(0, 0, 5)], 2, True)])  # the classifier's code
@example(ops=[("export", [(2, 6, 1), (1, 4, 3)], 1, True)])  # equal pushes, another batch
@example(ops=[("override", 1, "capaian"), ("export", [(1, 4, 5), (0, 2, 1)], 2, False)])
def test_carried_labels_equal_labelling_every_post_again(ops):
    new, old = _new(), _new()
    states = {"new": {"n": 0, "pending": set()}, "old": {"n": 0, "pending": set()}}
    code = 0
    for op in [("export", [(0, 0, 1), (1, 4, 2)], 0, True), *ops]:
        code += op[0] == "code"
        for con, name in ((new, "new"), (old, "old")):
            with _code(code), _old_path() if name == "old" else nullcontext():
                _apply(con, op, states[name])
                if op[0] != "export" or op[3]:  # a batch's labels come when a file ends it
                    label_batch(con, states[name]["pending"])
                    states[name]["pending"] = set()
                if name == "new":
                    _from_scratch(con)
        a, b = _state(new), _state(old)
        for table_name in a:
            assert a[table_name].equals(b[table_name]), (op, table_name)
    new.close()
    old.close()


def test_a_reexport_labels_only_its_changed_posts(monkeypatch):
    """The carry-over is used: a re-export with one changed caption labels one post."""
    con = _new()
    load_tables(con, _export([(0, 0, 1), (1, 1, 1), (2, 2, 1)], 0), file_name="a", sha256=sha("a"))
    seen: list[int] = []
    real = store.label_captions

    def counting(captions, rules, model):
        seen.append(len(captions))
        return real(captions, rules, model)

    monkeypatch.setattr(store, "label_captions", counting)
    r = load_tables(
        con, _export([(0, 0, 5), (1, 3, 5), (2, 2, 5)], 3), file_name="b", sha256=sha("b")
    )
    assert r.status == "loaded" and r.updated == 3
    assert seen == [1]
    con.close()


_POOL = st.sampled_from(CAPTIONS)


@settings(max_examples=30, deadline=None)
@given(batch=st.lists(_POOL, min_size=1, max_size=8), extra=st.lists(_POOL, max_size=8))
def test_a_captions_label_does_not_depend_on_its_batch(batch, extra):
    rules, model = default_rules(), shipped_model()
    together = label_captions(pl.Series([*extra, *batch], dtype=pl.String), rules, model)
    alone = pl.concat(
        [label_captions(pl.Series([c], dtype=pl.String), rules, model) for c in batch]
    )
    assert together.tail(len(batch)).equals(alone)
