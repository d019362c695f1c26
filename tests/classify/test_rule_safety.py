"""Rules are matched only by the linear-time engine, catastrophic or unsupported patterns are
refused when saved, word boundaries close on both sides, and rule-set versions cannot race."""

from __future__ import annotations

import json
import threading
import time

import polars as pl
import pytest

from etl.classify import (
    classify_frame,
    default_rules,
    load_rules,
    nested_repetition,
    pattern_problem,
    save_rules_and_relabel,
    validate_rules,
)
from etl.classify.matching import _make_pass, _Pass
from tests.factory import (
    CLASSIFY_MASTER_HEADER,
    CLASSIFY_MASTER_ROWS,
    ig_post,
    load_rows,
    one,
    write_master,
)
from warehouse.db import connect


def _with(label: str, *patterns: str) -> dict:
    data = json.loads(default_rules().to_json())
    data["labels"][label] = data["labels"][label] + [{"pattern": p, "weight": 3} for p in patterns]
    return data


@pytest.mark.parametrize("pattern", ["(x+x+)+y", "(a*)*", "(ab+)+c", "((a|b)+)*", "(x+){2,}"])
def test_nested_unbounded_repetition_is_refused_in_indonesian(pattern: str) -> None:
    assert nested_repetition(pattern)
    problems = validate_rules(_with("lainnya", pattern))
    assert len(problems) == 1
    assert "pola berisiko macet" in problems[0] and "lainnya" in problems[0]


@pytest.mark.parametrize(
    "pattern", ["x+", "hut( ke-?)? ?\\d+", "(ab)+", "[a+]+", "a{2,3}", "(a?)+"]
)
def test_plain_patterns_are_not_flagged(pattern: str) -> None:
    assert not nested_repetition(pattern)


@pytest.mark.parametrize("pattern", ["(?<=a)b", "(a)\\1", "(?=x)y"])
def test_backtracking_only_syntax_is_refused(pattern: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None and "waktu-linear" in problem


def test_catastrophic_caption_is_explained_in_linear_time() -> None:
    # x+ alone is accepted; the explanation of a 5,000-character run of x must not take
    # exponential time (it took hours with Python re on 40 characters).
    data = json.loads(default_rules().to_json())
    data["labels"]["lainnya"] = [{"pattern": "x+", "weight": 3}, {"pattern": "x+y", "weight": 1}]
    # The rules alone: fitting the shipped model (once per process) is not what is timed here.
    started = time.perf_counter()
    out = classify_frame(
        pl.DataFrame({"caption": ["x" * 5000, "x" * 40]}), _rules(data), use_model=False
    )
    elapsed = time.perf_counter() - started
    assert out["content_type"].to_list() == ["lainnya", "lainnya"]
    assert elapsed < 30  # a hang, not a speed measurement


def _rules(data: dict):
    from etl.classify import Rules

    return Rules(data)


def test_lookup_maps_phrases_with_the_same_engine() -> None:
    p: _Pass = _make_pass({"kegiatan": [{"pattern": "tim( \\w+)?", "weight": 2}]})
    table = p.lookup(["tim sar", "tim", "timbang"])
    assert table["phrase"].to_list() == ["tim sar", "tim"]


@pytest.mark.parametrize(
    ("caption", "not_in_reason"),
    [
        ("Penimbangan balita di posyandu, timbang berat badan anak", "'tim"),
        ("Banjir di Kecamatan Sukamaju Timur, warga mengungsi", "'tim"),
    ],
)
def test_patterns_close_their_word_boundary(caption: str, not_in_reason: str) -> None:
    data = json.loads(default_rules().to_json())
    data["labels"]["kegiatan"] = [{"pattern": "tim( \\w+)?", "weight": 5}]
    # The rules alone: the model's words ('timur') may rightly appear in a model decision.
    out = classify_frame(pl.DataFrame({"caption": [caption]}), _rules(data), use_model=False)
    assert not_in_reason not in out["content_reason"][0]


def _warehouse(tmp_path):
    from etl.master import load_master

    con = connect(str(tmp_path / "w.duckdb"))
    master = tmp_path / "Daftar Akun Medsos OPD.xlsx"
    load_master(con, write_master(master, CLASSIFY_MASTER_HEADER, CLASSIFY_MASTER_ROWS))
    return con


def test_two_first_loads_at_once_create_one_version_1(tmp_path) -> None:
    con = _warehouse(tmp_path)
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def first_load(i: int) -> None:
        cur = con.cursor()
        try:
            barrier.wait()
            cur.execute("BEGIN TRANSACTION")
            load_rules(cur)
            cur.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            cur.close()

    threads = [threading.Thread(target=first_load, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert one(con, "SELECT count(*), min(version) FROM rule_set") == (1, 1)
    con.close()


def test_two_saves_at_once_get_distinct_versions(tmp_path) -> None:
    con = _warehouse(tmp_path)
    load_rows(con, [ig_post(1, "Rapat koordinasi stunting")], "a.csv")
    versions: list[int] = []
    errors: list[BaseException] = []

    def save() -> None:
        cur = con.cursor()
        try:
            versions.append(save_rules_and_relabel(cur, default_rules(), by="a", note="uji")[0])
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            cur.close()

    threads = [threading.Thread(target=save) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(versions) == [2, 3, 4]
    con.close()
